/**
 * What the browser tests share: a fresh bundle, the app listening on an ephemeral port, and
 * Debian's chromium driven by playwright-core. Chromium absent outside CI skips the tests
 * with a message; under CI=true (.ci/run installs it) they run and fail without it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium } from 'playwright-core';
import { makeApp } from '../api/helpers.js';

/** Debian's chromium; CHROMIUM_PATH points elsewhere (or at nothing, to see the skip). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');

/** Why the browser tests cannot run here, or null when they can (or must: CI). */
export function skipReason(): string | null {
  if (existsSync(CHROMIUM) || process.env.CI === 'true') return null;
  return `browser tests skipped: ${CHROMIUM} is missing (apt-get install chromium; .ci/run installs it)`;
}

export function buildBundle(): void {
  execFileSync(process.execPath, [join(import.meta.dirname, '..', '..', 'scripts', 'build-web.mjs')], { stdio: 'pipe' });
}

export async function startServer(): Promise<{ app: FastifyInstance; base: string }> {
  const app = await makeApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return { app, base: `http://127.0.0.1:${port}` };
}

/**
 * Playwright gives every launch a fresh temporary profile of its own (it refuses a
 * --user-data-dir argument, which belongs to launchPersistentContext), so none is passed.
 */
export async function launchChromium(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
