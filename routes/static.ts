/**
 * GET / (the playground page) and GET /assets/<hashed name> (its bundle), built into
 * static/dist by scripts/build-web.mjs. The files are read once when the plugin starts.
 * Assets have content-hashed names, so they are cached for a year; the page is revalidated
 * on every load by its ETag, so a new build is picked up at once. The page gets its own
 * CSP: only its own script, style and the service's answers (no inline script, no CDN).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';

export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

interface StaticFile {
  body: Buffer;
  type: string;
  etag: string;
}

/** static/dist next to routes/ when run by tsx, or two levels up from dist/routes/ when compiled. */
function defaultDir(): string {
  const candidates = ['../static/dist', '../../static/dist'].map((p) => fileURLToPath(new URL(p, import.meta.url)));
  return candidates.find((d) => existsSync(join(d, 'index.html'))) ?? candidates[0];
}

function load(dir: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  if (!existsSync(dir)) return files;
  for (const name of readdirSync(dir)) {
    const type = TYPES[extname(name)];
    if (!type) continue;
    let body: Buffer;
    try {
      body = readFileSync(join(dir, name));
    } catch {
      continue; // a stale asset a build running beside us has just removed
    }
    files.set(name, { body, type, etag: `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` });
  }
  return files;
}

function send(req: FastifyRequest, reply: FastifyReply, file: StaticFile, cacheControl: string): FastifyReply {
  reply.header('etag', file.etag).header('cache-control', cacheControl).header('vary', 'accept-encoding');
  if (req.headers['if-none-match']?.split(/\s*,\s*/).includes(file.etag)) return reply.code(304).send();
  return reply.type(file.type).send(file.body);
}

const staticRoutes: FastifyPluginAsync<{ dir?: string }> = async (app, options) => {
  const dir = options.dir ?? defaultDir();
  const files = load(dir);
  const page = files.get('index.html');

  app.get('/', { schema: { hide: true } }, async (req, reply) => {
    if (!page) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(`The playground is not built: run \`npm run build:web\` (looked in ${dir}).\n`);
    }
    reply.header('content-security-policy', PAGE_CSP);
    return send(req, reply, page, 'no-cache');
  });

  app.get<{ Params: { file: string } }>('/assets/:file', { schema: { hide: true } }, async (req, reply) => {
    const file = req.params.file === 'index.html' ? undefined : files.get(req.params.file);
    if (!file) return reply.callNotFound();
    return send(req, reply, file, 'public, max-age=31536000, immutable');
  });
};

export default staticRoutes;
