/**
 * POST /graph: draw the autograd graph of a program (svg | dot | json | png).
 * GET /graph.svg?expr=sin(x)*y&x=2&y=3 (or ?program=...): the same picture for an <img>
 * tag, cacheable (the answer is a function of the query and the gradviz version).
 */
import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { validationError } from '../src/api/http-errors.js';
import {
  type GraphJobResult,
  GraphRequestSchema,
  GraphResponseSchema,
  HttpErrorSchema,
  InputJSONSchema,
  type InputJSON,
} from '../src/api/schemas.js';
import type { JobPool } from '../src/service/pool.js';
import { VERSION } from '../src/version.js';

// The picture is untrusted text: no scripts, nothing fetched; but any page may frame it.
const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors *";

const pictureContent = {
  'image/svg+xml': { schema: z.string().describe('a self-contained SVG') },
  'text/vnd.graphviz': { schema: z.string().describe('Graphviz DOT source') },
  'application/json': { schema: GraphResponseSchema },
  'image/png': { schema: z.string().describe('PNG bytes') },
};

function sendGraph(reply: FastifyReply, result: GraphJobResult): FastifyReply {
  reply.code(result.status).type(result.contentType);
  if (result.contentType.startsWith('image/')) {
    reply.header('content-security-policy', SVG_CSP).removeHeader('x-frame-options');
  }
  const body = result.body;
  return reply.send(body instanceof Uint8Array ? Buffer.from(body.buffer, body.byteOffset, body.byteLength) : body);
}

const OPTION_KEYS = new Set(['expr', 'program', 'target', 'dtype', 'rankdir', 'theme', 'style', 'show_values', 'show_grads', 'show_saved', 'show_attrs', 'transparent']);
const BOOLEAN_KEYS = new Set(['show_values', 'show_grads', 'show_saved', 'show_attrs', 'transparent']);
const TRUE_WORDS = new Set(['1', 'true', 'yes', 'on']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'off']);

const GraphSvgQuerySchema = z
  .record(z.string(), z.string({ error: 'give this parameter once' }))
  .meta({
    description:
      'expr (or program), the drawing options of POST /graph (show_values=0, theme=dark, rankdir=LR, ...), ' +
      'and every other parameter is an input of expr: a number or a JSON list, e.g. x=2&w=[[1,2],[3,4]]',
    example: { expr: 'sin(x) * y', x: '2', y: '3' },
  });

type Parsed = { ok: true; value: Record<string, unknown> } | { ok: false; issues: { path: string[]; code: string; message: string }[] };

/** Query parameters -> the body POST /graph would get; input values are JSON. */
function queryToRequest(query: Record<string, string>): Parsed {
  const body: Record<string, unknown> = { format: 'svg' };
  const inputs: Record<string, InputJSON> = {};
  const issues: { path: string[]; code: string; message: string }[] = [];
  for (const [key, raw] of Object.entries(query)) {
    if (key === 'expr') body.expression = raw;
    else if (BOOLEAN_KEYS.has(key)) {
      if (TRUE_WORDS.has(raw)) body[key] = true;
      else if (FALSE_WORDS.has(raw)) body[key] = false;
      else issues.push({ path: [key], code: 'invalid_type', message: 'expected 1/0 or true/false' });
    } else if (OPTION_KEYS.has(key)) body[key] = raw;
    else {
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        value = undefined;
      }
      const input = InputJSONSchema.safeParse(value);
      if (input.success) inputs[key] = input.data;
      else issues.push({ path: [key], code: 'invalid_type', message: 'an input must be a number or a JSON list of numbers' });
    }
  }
  if (Object.keys(inputs).length > 0 || body.expression !== undefined) body.inputs = inputs;
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: body };
}

function etagOf(request: unknown): string {
  return `W/"${createHash('sha256').update(VERSION).update('\0').update(JSON.stringify(request)).digest('base64url').slice(0, 32)}"`;
}

const graphRoutes: FastifyPluginAsyncZod<{ pool: JobPool }> = async (app, { pool }) => {
  app.post('/graph', {
    schema: {
      summary: 'Draw the autograd graph of a program',
      description: 'A program that fails answers 422 with the error in the requested format (an SVG that shows it, JSON, ...).',
      body: GraphRequestSchema,
      response: {
        200: { description: 'the picture, or the graph as JSON', content: pictureContent },
        400: HttpErrorSchema,
        413: HttpErrorSchema,
        422: { description: 'the program failed', content: pictureContent },
        429: HttpErrorSchema,
        503: HttpErrorSchema,
      },
    },
    handler: async (req, reply) => sendGraph(reply, await pool.graph(req.body, req.ip)),
  });

  app.get('/graph.svg', {
    schema: {
      summary: 'The SVG of an expression or a program, for an <img> tag',
      querystring: GraphSvgQuerySchema,
      response: {
        200: { description: 'a self-contained SVG', content: { 'image/svg+xml': pictureContent['image/svg+xml'] } },
        304: { description: 'not modified (If-None-Match)', content: { 'image/svg+xml': { schema: z.string() } } },
        400: HttpErrorSchema,
        422: { description: 'an SVG that shows the error', content: { 'image/svg+xml': pictureContent['image/svg+xml'] } },
      },
    },
    handler: async (req, reply) => {
      const parsed = queryToRequest(req.query);
      if (!parsed.ok) return reply.code(400).send(validationError(parsed.issues, 'query string'));
      const request = GraphRequestSchema.safeParse(parsed.value);
      if (!request.success) {
        const issues = request.error.issues.map((i) => ({ ...i, path: i.path.map((p) => (p === 'expression' ? 'expr' : p)) }));
        return reply.code(400).send(validationError(issues, 'query string'));
      }
      const etag = etagOf(request.data);
      reply.header('etag', etag).header('vary', 'accept-encoding');
      if (req.headers['if-none-match']?.split(/\s*,\s*/).includes(etag)) return reply.code(304).send();
      const result = await pool.graph(request.data, req.ip);
      // a failure may be the limits of a busy moment (a timeout): never cache it
      reply.header('cache-control', result.status === 200 ? 'public, max-age=3600' : 'no-store');
      return sendGraph(reply, result);
    },
  });
};

export default graphRoutes;
