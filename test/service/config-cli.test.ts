import { describe, expect, it } from 'vitest';
import { errorSvg, escapeXml, graphErrorResult, programError } from '../../src/api/error-answers.js';
import { formatTraceback } from '../../src/cli.js';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '0.0.0.0', timeLimitMs: 5000, bodyLimit: 1048576, rateLimitMax: 3000 });
    expect(c.clientMaxRunning).toBe(Math.max(1, c.poolSize - 1));
  });

  it('reads and coerces variables; an empty one is unset', () => {
    const c = loadConfig({ PORT: '8080', POOL_SIZE: '4', TIME_LIMIT_MS: '2500', TRUST_PROXY: 'true', MAX_STEPS: '', CLIENT_MAX_RUNNING: '9' });
    expect(c).toMatchObject({ port: 8080, poolSize: 4, timeLimitMs: 2500, trustProxy: true, clientMaxRunning: 4 });
    expect(c.limits.maxSteps).toBe(20_000_000);
  });

  it('refuses a bad value, naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty', POOL_SIZE: '0' })).toThrow(/PORT: .*\n  POOL_SIZE: /);
  });
});

describe('CLI tracebacks (the layout of CPython 3.11)', () => {
  const source = 'import torch\nx = 1\n    y = z + x\n';
  it('a runtime error', () => {
    expect(formatTraceback(programError('NameError', "name 'z' is not defined", 3, 9), 'prog.py', source)).toBe(
      'Traceback (most recent call last):\n  File "prog.py", line 3, in <module>\n    y = z + x\nNameError: name \'z\' is not defined\n',
    );
  });
  it('a syntax error points at its column', () => {
    expect(formatTraceback(programError('SyntaxError', 'invalid syntax', 2, 3), 'prog.py', 'x = 1\nx = = 2\n')).toBe(
      '  File "prog.py", line 2\n    x = = 2\n      ^\nSyntaxError: invalid syntax\n',
    );
  });
  it('an error without a line', () => {
    expect(formatTraceback(programError('TimeoutError', 'program exceeded the time limit (5 s)'), '<stdin>', '')).toBe(
      'Traceback (most recent call last):\nTimeoutError: program exceeded the time limit (5 s)\n',
    );
  });
});

describe('error answers', () => {
  it('escapes markup and characters XML forbids', () => {
    expect(escapeXml('a<b>&"\'\u0000\ud800z')).toBe('a&lt;b&gt;&amp;&quot;&#39;\uFFFD\uFFFDz');
  });
  it('an error SVG is self-contained and carries the message', () => {
    const svg = errorSvg(programError('RuntimeError', '<script>alert(1)</script>', 4, 1));
    expect(svg).toContain('line 4: RuntimeError: &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).not.toMatch(/<script|href/);
  });
  it('png failures answer JSON (a picture of an error is no use as bytes)', () => {
    const r = graphErrorResult({ format: 'png', theme: 'light' }, programError('NameError', 'x', 1, 1), 'out\n');
    expect(r).toMatchObject({ status: 422, contentType: 'application/json; charset=utf-8', body: { ok: false, stdout: 'out\n', graph: null } });
  });
});
