// `npm run bench`: every benchmark part in turn (other parts get added here).
import { runCourseBench } from './course.mjs';
import { runEngineBench } from './engine.mjs';
import { runGradingBench } from './grading.mjs';
import { runHttpBench } from './http.mjs';

await runEngineBench();
await runCourseBench();
await runHttpBench();
await runGradingBench();
