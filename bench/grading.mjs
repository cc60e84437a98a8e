// Grading benchmark: 200 submissions of one exercise (the gradients of x1 W x2, case 033)
// graded through POST /check/batch on a gradviz server started in this process, beside the
// same grading done the usual autograder way, with real PyTorch started once per submission
// (`/usr/bin/python3 -c GRADER` per submission, as many at a time as gradviz has threads),
// measured in the same run. BENCH_GRADING_N changes the number of submissions;
// BENCH_PYTORCH_N grades only the first N with PyTorch (and says so) when that is too slow.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const ROOT = new URL('..', import.meta.url);
const N = Number(process.env.BENCH_GRADING_N ?? 200);
const PYTHON = '/usr/bin/python3';
const EXERCISE = JSON.parse(readFileSync(new URL('test/check/fixtures/exercises.json', ROOT), 'utf8')).x1_W_x2;

// The PyTorch side of the same grading: run the submission, evaluate each check, torch.allclose
// after the dtype and shape checks; prints one JSON line: the submission's error and the verdicts.
const GRADER = `
import contextlib, io, json, sys
import torch
job = json.loads(sys.argv[1])
env = {"__name__": "__main__"}
error = None
with contextlib.redirect_stdout(io.StringIO()):
    try:
        exec(compile(job["submission"], "<submission>", "exec"), env)
    except Exception as e:
        error = type(e).__name__ + ": " + str(e)
passed = []
if error is None:
    for check in job["checks"]:
        try:
            v = eval(check["expr"], env)
            e = torch.tensor(check["expected"]["data"], dtype=getattr(torch, check["expected"]["dtype"]))
            passed.append(isinstance(v, torch.Tensor) and v.dtype == e.dtype and v.shape == e.shape
                          and torch.allclose(v, e, rtol=1e-5, atol=1e-8))
        except Exception:
            passed.append(False)
print(json.dumps({"error": error, "passed": passed}))
`;

function submissions() {
  const variants = Object.values(EXERCISE.submissions);
  return Array.from({ length: N }, (_, i) => variants[i % variants.length]);
}

async function gradeWithGradviz(subs) {
  const { buildApp } = await import(new URL('dist/src/app.js', ROOT).href);
  const { loadConfig } = await import(new URL('dist/src/config.js', ROOT).href);
  const threads = availableParallelism();
  const config = { ...loadConfig({}), poolSize: threads, clientMaxRunning: threads, logLevel: 'silent', rateLimitMax: 0 };
  const app = await buildApp(config);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const post = async (body) => {
    const res = await fetch(`${url}/check/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status !== 200) throw new Error(`/check/batch answered ${res.status}: ${await res.text()}`);
    return res.json();
  };
  try {
    const body = { reference: EXERCISE.reference, checks: EXERCISE.checks };
    // warm-up: worker threads started, the reference run and cached, code compiled
    await post({ ...body, submissions: subs.slice(0, 4) });
    const start = performance.now();
    const { results } = await post({ ...body, submissions: subs });
    const seconds = (performance.now() - start) / 1000;
    return { seconds, threads, results, checks: body.checks };
  } finally {
    await app.close();
  }
}

function pythonHasTorch() {
  const r = spawnSync(PYTHON, ['-c', 'import torch'], { stdio: 'ignore' });
  return r.status === 0;
}

function runPython(job) {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, ['-c', GRADER, JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`python exited with ${code}`))));
  });
}

async function gradeWithPytorch(subs, checks, parallel) {
  const verdicts = new Array(subs.length);
  let next = 0;
  const start = performance.now();
  const lane = async () => {
    while (next < subs.length) {
      const i = next++;
      verdicts[i] = await runPython({ submission: subs[i], checks });
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
  return { seconds: (performance.now() - start) / 1000, verdicts };
}

export async function runGradingBench() {
  const subs = submissions();
  const ours = await gradeWithGradviz(subs);
  console.log(`grading: ${subs.length} submissions of "${EXERCISE.about}", POST /check/batch, ${ours.threads} worker threads`);
  console.log(`  gradviz                           ${ours.seconds.toFixed(2).padStart(7)} s   ${(subs.length / ours.seconds).toFixed(1).padStart(7)} submissions/s`);
  if (!pythonHasTorch()) {
    console.log(`  PyTorch                           skipped: ${PYTHON} cannot import torch`);
    return { gradviz: ours.seconds, pytorch: null };
  }
  const n = Math.min(subs.length, Number(process.env.BENCH_PYTORCH_N ?? subs.length));
  // the checks with the expected values gradviz took from the reference, so both grade the same thing
  const checks = ours.checks.map((c, k) => ({ expr: c.expr, expected: ours.results[0].checks[k].expected }));
  const theirs = await gradeWithPytorch(subs.slice(0, n), checks, ours.threads);
  const perSecond = n / theirs.seconds;
  const note = n < subs.length ? ` (first ${n} measured; ${(subs.length / perSecond).toFixed(1)} s for all ${subs.length} at that rate)` : '';
  const label = `PyTorch, python3 per submission x${ours.threads}`;
  console.log(`  ${label.padEnd(32)} ${theirs.seconds.toFixed(2).padStart(7)} s   ${perSecond.toFixed(1).padStart(7)} submissions/s${note}`);
  const agree = theirs.verdicts.filter((v, i) => {
    const r = ours.results[i];
    const passed = r.error === null ? r.checks.map((c) => c.passed) : [];
    return (v.error === null) === (r.error === null) && JSON.stringify(v.passed) === JSON.stringify(passed);
  }).length;
  console.log(`  verdicts agree on ${agree} of ${n} submissions; gradviz is ${(perSecond ? subs.length / ours.seconds / perSecond : 0).toFixed(0)}x faster`);
  return { gradviz: ours.seconds, pytorch: theirs.seconds * (subs.length / n), agree };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runGradingBench();
