/**
 * `gradviz check`: grades submission files on a local worker pool (each with the server's
 * time and memory limits), prints one row per submission and optionally writes every
 * answer as JSON. Exit status 0 only when every submission got every point.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CheckBatchRequestSchema, type CheckResponse } from '../api/schemas.js';
import { loadConfig } from '../config.js';
import { JobPool } from '../service/pool.js';
import { Grader, ReferenceFailed } from './grader.js';

/** What the command line hands over: how it reads a FILE (or -), and its usage error (exit 2). */
export interface CliServices {
  readProgram: (file: string) => string;
  usageError: (message: string) => Error;
}

export async function checkCommand(argv: string[], { readProgram, usageError }: CliServices): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { reference: { type: 'string' }, checks: { type: 'string' }, json: { type: 'string' } },
  });
  if (values.checks === undefined) throw usageError('gradviz check needs --checks CHECKS.json');
  if (positionals.length === 0) throw usageError('gradviz check needs at least one submission FILE');
  let spec: unknown;
  try {
    spec = JSON.parse(readFileSync(values.checks, 'utf8'));
  } catch (e) {
    if (e instanceof SyntaxError) throw usageError(`${values.checks} is not valid JSON: ${e.message}`);
    throw e;
  }
  const parsed = CheckBatchRequestSchema.safeParse({
    ...(Array.isArray(spec) ? { checks: spec } : (spec as object)),
    submissions: positionals.map(readProgram),
    reference: values.reference === undefined ? undefined : readProgram(values.reference),
  });
  if (!parsed.success) {
    throw usageError(parsed.error.issues.map((i) => `${i.path.join('.') || values.checks}: ${i.message}`).join('\n'));
  }
  const config = loadConfig();
  // the only client: it may use every thread
  const pool = new JobPool({ ...config, size: config.poolSize, clientMaxRunning: config.poolSize });
  try {
    const { results } = await new Grader(pool).batch({ ...parsed.data, format: 'native' });
    const answers = results as CheckResponse[];
    process.stdout.write(table(positionals, answers));
    if (values.json) writeFileSync(values.json, JSON.stringify({ results: answers.map((a, i) => ({ file: positionals[i], ...a })) }, null, 1) + '\n');
    return answers.every((a) => a.error === null && a.checks.every((c) => c.passed)) ? 0 : 1;
  } catch (e) {
    if (!(e instanceof ReferenceFailed)) throw e;
    process.stderr.write(`gradviz: ${e.message}\n`);
    return 2;
  } finally {
    await pool.destroy();
  }
}

function table(files: string[], answers: CheckResponse[]): string {
  const rows = answers.map((a, i) => [
    files[i],
    `${a.score}/${a.max_score}`,
    a.error ? `${a.error.type}${a.error.line === null ? '' : ` at line ${a.error.line}`}: ${a.error.message}` : a.checks.filter((c) => !c.passed).map((c) => c.name).join(', '),
  ]);
  const all = [['submission', 'score', 'failed'], ...rows];
  const widths = [0, 1].map((k) => Math.max(...all.map((r) => r[k].length)));
  return all.map((r) => `${r[0].padEnd(widths[0])}  ${r[1].padStart(widths[1])}  ${r[2]}`.trimEnd()).join('\n') + '\n';
}
