// `npm run bench`: every benchmark part in turn (other parts get added here).
import { runHttpBench } from './http.mjs';

await runHttpBench();
