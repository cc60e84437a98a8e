/**
 * Our own recorded conformance cases (test/conformance/cases, recorded from PyTorch 1.13
 * by record.py), run through the shared runner against the real app: the same
 * comparison the steering team's hidden set uses, on programs it does not know.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RUNNER = path.resolve(HERE, '../../../shared/conformance/run.mjs');
const CASES = path.join(HERE, 'cases');
const haveRunner = existsSync(RUNNER);

function runRunner(url: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [RUNNER, '--url', url, '--dir', CASES, '--jobs', '2', '--timeout', '60'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe.skipIf(!haveRunner)('extra conformance cases (test/conformance/cases)', () => {
  let app: FastifyInstance;
  let url: string;
  beforeAll(async () => {
    const config = { ...loadConfig({}), poolSize: 2, logLevel: 'silent' as const, rateLimitMax: 0 };
    app = await buildApp(config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const addr = app.server.address();
    if (!addr || typeof addr === 'string') throw new Error('no TCP address');
    url = `http://127.0.0.1:${addr.port}`;
  });
  afterAll(async () => app?.close());

  it('passes every recorded case', async () => {
    const { out } = await runRunner(url);
    const lines = out.trim().split('\n');
    const last = lines[lines.length - 1];
    // the failing lines, so a red run says which cases and why
    const failures = lines.filter((l) => l.startsWith('FAIL ')).join('\n');
    expect(last, failures).toMatch(/^\d+ passed, 0 failed$/);
  }, 900_000);
});

if (!haveRunner) {
  describe('extra conformance cases', () => {
    it.skip(`skipped: ${RUNNER} does not exist`, () => {});
  });
}
