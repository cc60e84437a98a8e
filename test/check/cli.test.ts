/** `gradviz check`: the table, the JSON file and the exit status (run in-process; the pool's workers load from dist/). */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.js';

const EX = JSON.parse(readFileSync(new URL('./fixtures/exercises.json', import.meta.url), 'utf8')).derivative;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gradviz-check-'));
  writeFileSync(join(dir, 'ref.py'), EX.reference);
  for (const [name, program] of Object.entries(EX.submissions)) writeFileSync(join(dir, `${name}.py`), program as string);
  writeFileSync(join(dir, 'checks.json'), JSON.stringify(EX.checks));
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

async function run(args: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  // file names as a teacher types them, relative to where the command runs
  vi.stubEnv('TIME_LIMIT_MS', '60000'); // a busy machine must not turn a verdict into a TimeoutError
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    return { status: await main(args), out, err };
  } finally {
    process.chdir(cwd);
    vi.restoreAllMocks();
  }
}

describe('gradviz check', () => {
  it('prints one row per submission and exits 1 when any lost points', async () => {
    const r = await run(['check', '--reference', 'ref.py', '--checks', 'checks.json', '--json', 'out.json', 'correct.py', 'no_zero.py', 'crash.py']);
    expect(r.status).toBe(1);
    expect(r.out).toBe(
      [
        'submission  score  failed',
        'correct.py    3/3',
        'no_zero.py    1/3  dy/dx at 3',
        "crash.py      0/3  NameError at line 4: name 'z' is not defined",
        '',
      ].join('\n'),
    );
    const written = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
    expect(written.results.map((x: { file: string; score: number }) => [x.file, x.score])).toEqual([
      ['correct.py', 3],
      ['no_zero.py', 1],
      ['crash.py', 0],
    ]);
    expect(written.results[1].checks[0].message).toBe('x.grad is 16.0, expected 8.0');
  });

  it('exits 0 when every submission passed', async () => {
    const r = await run(['check', '--reference', 'ref.py', '--checks', 'checks.json', 'correct.py', 'zeroed.py']);
    expect(r.status).toBe(0);
  });

  it('exits 2 when the checks cannot be graded', async () => {
    const r = await run(['check', '--checks', 'checks.json', 'correct.py']);
    expect(r.status).toBe(2);
    expect(r.err).toContain('checks.0.expected: give expected, or send a reference program');
  });
});
