/** routes/static.ts: the page and its hashed assets, their caching and the page's CSP. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import staticRoutes, { PAGE_CSP } from '../../routes/static.js';

async function appServing(dir: string): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(staticRoutes, { dir });
  await app.ready();
  return app;
}

describe('static routes', () => {
  let dir: string;
  let app: FastifyInstance;
  const html = '<!doctype html><script type="module" src="/assets/app-abc123.js"></script>';
  const js = 'console.log("gradviz")';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gv-static-'));
    writeFileSync(join(dir, 'index.html'), html);
    writeFileSync(join(dir, 'app-abc123.js'), js);
    writeFileSync(join(dir, 'app-abc123.css'), 'body{margin:0}');
    writeFileSync(join(dir, 'notes.txt'), 'not served');
    app = await appServing(dir);
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the page with its own CSP, revalidated by ETag', async () => {
    const res = await app.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(html);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toBe(PAGE_CSP);
    expect(PAGE_CSP).toContain("script-src 'self'");
    expect(PAGE_CSP).not.toContain('unsafe-inline');
    const etag = res.headers.etag as string;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    const again = await app.inject({ url: '/', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const other = await app.inject({ url: '/', headers: { 'if-none-match': 'W/"old"' } });
    expect(other.statusCode).toBe(200);
  });

  it('caches hashed assets for a year', async () => {
    const res = await app.inject({ url: '/assets/app-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(js);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const css = await app.inject({ url: '/assets/app-abc123.css' });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    const head = await app.inject({ method: 'HEAD', url: '/assets/app-abc123.js' });
    expect(head.statusCode).toBe(200);
  });

  it('serves nothing else from the folder', async () => {
    for (const url of ['/assets/notes.txt', '/assets/index.html', '/assets/missing.js', '/assets/..%2Fpackage.json']) {
      expect((await app.inject({ url })).statusCode, url).toBe(404);
    }
  });

  it('says how to build the page when it is not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'gv-static-'));
    const bare = await appServing(empty);
    const res = await bare.inject({ url: '/' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build:web');
    await bare.close();
    rmSync(empty, { recursive: true, force: true });
  });
});

describe('the built page in the app', () => {
  it('is served at / with its assets, under the budget', async () => {
    const { buildBundle, startServer } = await import('./browser.js');
    buildBundle();
    const { app } = await startServer();
    try {
      const page = await app.inject({ url: '/', headers: { 'accept-encoding': 'gzip' } });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-encoding']).toBe('gzip');
      const html = (await app.inject({ url: '/' })).body;
      const assets = [...html.matchAll(/\/assets\/app-[\w-]+\.(js|css)/g)].map((m) => m[0]);
      expect(assets).toHaveLength(2);
      let gzipped = 0;
      for (const url of assets) {
        const res = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-encoding']).toBe('gzip');
        gzipped += res.rawPayload.length;
      }
      expect(gzipped).toBeLessThan(300 * 1024);
    } finally {
      await app.close();
    }
  });
});
