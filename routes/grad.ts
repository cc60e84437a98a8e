/** POST /grad: run a program or an expression, answer with its values and gradients. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { GradRequestSchema, GradResponseSchema, HttpErrorSchema } from '../src/api/schemas.js';
import type { JobPool } from '../src/service/pool.js';

const gradRoutes: FastifyPluginAsyncZod<{ pool: JobPool }> = async (app, { pool }) => {
  app.post('/grad', {
    schema: {
      summary: 'Run a program (or an expression) and answer with values and gradients',
      description: 'A program that raises is still a 200, with `ok: false` and the Python error.',
      body: GradRequestSchema,
      response: { 200: GradResponseSchema, 400: HttpErrorSchema, 413: HttpErrorSchema, 429: HttpErrorSchema, 503: HttpErrorSchema },
    },
    handler: (req) => pool.grad(req.body, req.ip),
  });
};

export default gradRoutes;
