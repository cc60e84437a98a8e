// Course-program benchmark (issues 2 and 3): the lecture's gradient-descent loop (10001
// steps of x**2 + exp(-x)) end to end through POST /grad, and a pure-Python loop program
// (nested loops, arithmetic, list appends, function calls) — each beside real PyTorch /
// CPython 3.11 timing the same program in the same run (skipped, with a note, where
// /usr/bin/python3 has no torch).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../dist/src/app.js';
import { loadConfig } from '../dist/src/config.js';
import { runProgram } from '../dist/src/python/run.js';

const GD_PROGRAM = readFileSync(fileURLToPath(new URL('./programs/gradient_descent.py', import.meta.url)), 'utf8');
const LOOP_PROGRAM = readFileSync(fileURLToPath(new URL('./programs/python_loops.py', import.meta.url)), 'utf8');
const RUNS = 5;

/** Best-of-RUNS wall time of POST /grad in ms, through a real server and worker pool. */
async function viaService(url, program) {
  let best = Infinity;
  for (let i = 0; i < RUNS + 1; i++) {
    const t = performance.now();
    const res = await fetch(`${url}/grad`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ program }) });
    const body = await res.json();
    if (!body.ok) throw new Error(`benchmark program failed: ${JSON.stringify(body.error)}`);
    if (i > 0) best = Math.min(best, performance.now() - t); // the first run warms the worker
  }
  return best;
}

/**
 * Best-of-RUNS time of the interpreter alone (runProgram in this process, after one
 * warm-up run): what CPython's in-process figure compares with, without HTTP, the worker
 * hop and JSON.
 */
function inProcess(program, numericLoops = true) {
  let best = Infinity;
  for (let i = 0; i < RUNS + 1; i++) {
    const t = performance.now();
    const r = runProgram(program, { maxSteps: 1e9, numericLoops });
    if (r.error) throw new Error(`benchmark program failed: ${JSON.stringify(r.error)}`);
    if (i > 0) best = Math.min(best, performance.now() - t);
  }
  return best;
}

/** Best-of-RUNS time of the program's own body under /usr/bin/python3, timed inside Python (no start-up). */
function viaPython(program, needsTorch) {
  const timer = `import time\n_src = open(0).read()\n_best = 1e9\nfor _ in range(${RUNS}):\n    _t = time.perf_counter()\n    exec(compile(_src, 'bench', 'exec'), {'__name__': '__main__'})\n    _best = min(_best, time.perf_counter() - _t)\nprint(_best * 1000)\n`;
  const check = spawnSync('/usr/bin/python3', ['-c', needsTorch ? 'import torch' : 'pass']);
  if (check.status !== 0) return null;
  const run = spawnSync('/usr/bin/python3', ['-c', timer], { input: program, env: { ...process.env, OMP_NUM_THREADS: '1' } });
  if (run.status !== 0) throw new Error(run.stderr.toString());
  return Number(run.stdout.toString().trim().split('\n').pop());
}

export async function runCourseBench() {
  console.log('\n## course programs');
  // no result cache: every run of the program is timed for real
  const app = await buildApp({ ...loadConfig({}), poolSize: 1, logLevel: 'silent', rateLimitMax: 0, resultCacheEntries: 0 });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    for (const [name, program, torch] of [
      ['gradient descent, 10001 steps (POST /grad)', GD_PROGRAM, true],
      ['pure-Python loops (POST /grad)', LOOP_PROGRAM, false],
    ]) {
      const ours = await viaService(url, program);
      const reference = viaPython(program, torch);
      const against = torch ? 'PyTorch 1.13' : 'CPython 3.11';
      console.log(
        reference === null
          ? `${name}: gradviz ${ours.toFixed(0)} ms (${against} not installed: no comparison)`
          : `${name}: gradviz ${ours.toFixed(0)} ms, ${against} ${reference.toFixed(0)} ms in-process (gradviz is ${(reference / ours).toFixed(2)}x as fast)`,
      );
      if (!torch && reference !== null) {
        const interp = inProcess(program);
        console.log(`  the same, interpreter in-process (runProgram): ${interp.toFixed(0)} ms (${(reference / interp).toFixed(2)}x CPython)`);
        // The closures alone: what a loop the WebAssembly tier does not take runs at.
        const closures = inProcess(program, false);
        console.log(`  the same, numeric loop tier off: ${closures.toFixed(0)} ms (${(reference / closures).toFixed(2)}x CPython)`);
      }
    }
  } finally {
    await app.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runCourseBench();
