/**
 * The command line: runs a program in-process (no pool, no server).
 *
 *   gradviz run [--json] prog.py|-
 *   gradviz graph [--format svg|dot|json|png] [-o out.svg] [drawing options] prog.py|-
 *   gradviz check [--reference ref.py] --checks checks.json [--json out.json] sub.py...
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ErrorJSON, GradRequest, GraphRequest, WarningJSON } from './api/schemas.js';
import { GraphRequestSchema } from './api/schemas.js';
import { checkCommand } from './check/cli.js';
import { ConfigError, loadConfig } from './config.js';
import { runGradJob, runGraphJob } from './run/jobs.js';
import { VERSION } from './version.js';

const USAGE = `usage:
  gradviz run [--json] FILE            run a program; print what it prints (--json: the /grad answer)
  gradviz graph [options] FILE         draw its autograd graph
      -o, --output PATH                write to PATH (default: standard output)
      -f, --format svg|dot|json|png    default: from the extension of PATH, else svg
      --target EXPR  --rankdir TB|LR  --theme light|dark  --style annotated|torchviz
      --no-values  --no-grads  --show-saved  --show-attrs  --transparent
  gradviz check [--reference REF] --checks CHECKS [--json OUT] FILE...
                                       grade submissions; prints a table, exit 0 only if all passed
      --checks PATH                    JSON: a list of {name, expr, expected?, rtol?, atol?, points?},
                                       or {checks: [...], compare_stdout?: true | {mode, points, name}}
      --reference PATH                 a correct program: expected values not given come from it
      --json PATH                      write every answer (the /check body per FILE) as JSON
  FILE may be - for standard input.`;

class UsageError extends Error {}

function readProgram(file: string): string {
  return readFileSync(file === '-' ? 0 : file, 'utf8');
}

function displayName(file: string): string {
  return file === '-' ? '<stdin>' : file;
}

/** Python's traceback layout, so an error points at the line as python3 would. */
export function formatTraceback(error: ErrorJSON, file: string, source: string): string {
  const out: string[] = [];
  const text = error.line === null ? undefined : source.split(/\r?\n/)[error.line - 1];
  if (error.type === 'SyntaxError' || error.type === 'IndentationError') {
    if (error.line !== null) out.push(`  File "${file}", line ${error.line}`);
    if (text !== undefined) {
      const stripped = text.trimStart();
      out.push(`    ${stripped}`);
      if (error.column !== null) {
        const caret = Math.max(0, error.column - 1 - (text.length - stripped.length));
        out.push(`    ${' '.repeat(caret)}^`);
      }
    }
  } else {
    out.push('Traceback (most recent call last):');
    if (error.line !== null) out.push(`  File "${file}", line ${error.line}, in <module>`);
    if (text !== undefined && text.trim() !== '') out.push(`    ${text.trim()}`);
  }
  out.push(error.message === '' ? error.type : `${error.type}: ${error.message}`);
  return out.join('\n') + '\n';
}

function formatWarning(w: WarningJSON, file: string): string {
  return `${file}:${w.line ?? '?'}: ${w.category}: ${w.message}\n`;
}

function run(argv: string[]): number {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' } } });
  if (positionals.length !== 1) throw new UsageError('gradviz run needs exactly one FILE');
  const file = positionals[0];
  const source = readProgram(file);
  const req: GradRequest = { program: source };
  const res = runGradJob(req, loadConfig().limits);
  if (values.json) {
    process.stdout.write(JSON.stringify(res) + '\n');
    return res.ok ? 0 : 1;
  }
  process.stdout.write(res.stdout);
  for (const w of res.warnings) process.stderr.write(formatWarning(w, displayName(file)));
  if (res.error) process.stderr.write(formatTraceback(res.error, displayName(file), source));
  return res.ok ? 0 : 1;
}

const FORMAT_BY_EXTENSION: Record<string, GraphRequest['format']> = { svg: 'svg', dot: 'dot', gv: 'dot', json: 'json', png: 'png' };

async function graph(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o' },
      format: { type: 'string', short: 'f' },
      target: { type: 'string' },
      rankdir: { type: 'string' },
      theme: { type: 'string' },
      style: { type: 'string' },
      'no-values': { type: 'boolean' },
      'no-grads': { type: 'boolean' },
      'show-saved': { type: 'boolean' },
      'show-attrs': { type: 'boolean' },
      transparent: { type: 'boolean' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('gradviz graph needs exactly one FILE');
  const file = positionals[0];
  const source = readProgram(file);
  const extension = values.output?.split('.').pop()?.toLowerCase() ?? '';
  const parsed = GraphRequestSchema.safeParse({
    program: source,
    format: values.format ?? FORMAT_BY_EXTENSION[extension] ?? 'svg',
    target: values.target,
    rankdir: values.rankdir,
    theme: values.theme,
    style: values.style,
    show_values: !values['no-values'],
    show_grads: !values['no-grads'],
    show_saved: values['show-saved'] === true,
    show_attrs: values['show-attrs'] === true,
    transparent: values.transparent === true,
  });
  if (!parsed.success) {
    throw new UsageError(parsed.error.issues.map((i) => `--${String(i.path[0] ?? '')}: ${i.message}`).join('\n'));
  }
  const result = await runGraphJob(parsed.data, loadConfig().limits);
  const body = typeof result.body === 'string' || result.body instanceof Uint8Array ? result.body : JSON.stringify(result.body) + '\n';
  if (values.output) writeFileSync(values.output, body);
  else process.stdout.write(body);
  if (result.status !== 200 && parsed.data.format !== 'json') {
    if (result.error) process.stderr.write(formatTraceback(result.error, displayName(file), source));
  }
  return result.status === 200 ? 0 : 1;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        return run(rest);
      case 'graph':
        return await graph(rest);
      case 'check':
        return await checkCommand(rest, { readProgram, usageError: (message) => new UsageError(message) });
      case '--version':
      case '-V':
        process.stdout.write(`gradviz ${VERSION}\n`);
        return 0;
      case '--help':
      case '-h':
        process.stdout.write(USAGE + '\n');
        return 0;
      default:
        throw new UsageError(command === undefined ? 'no command given' : `unknown command ${command}`);
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`gradviz: ${(e as Error).message}\n${USAGE}\n`);
      return 2;
    }
    if ((e as { code?: string }).code === 'ENOENT') {
      process.stderr.write(`gradviz: can't open file '${(e as { path?: string }).path}': No such file or directory\n`);
      return 2;
    }
    throw e;
  }
}
