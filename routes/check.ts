/** POST /check and POST /check/batch: grade submissions against checks (and a reference program). */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { httpError } from '../src/api/http-errors.js';
import {
  CheckAnswerSchema,
  CheckBatchRequestSchema,
  CheckBatchResponseSchema,
  CheckRequestSchema,
  HttpErrorSchema,
  MAX_BATCH_SUBMISSIONS,
} from '../src/api/schemas.js';
import { Grader, ReferenceFailed } from '../src/check/grader.js';
import type { JobPool } from '../src/service/pool.js';

const refusals = { 400: HttpErrorSchema, 413: HttpErrorSchema, 422: HttpErrorSchema, 429: HttpErrorSchema, 503: HttpErrorSchema };

export interface CheckRoutesOptions {
  pool: JobPool;
  /** body limit of /check/batch: many programs in one request */
  batchBodyLimit: number;
}

const checkRoutes: FastifyPluginAsyncZod<CheckRoutesOptions> = async (app, { pool, batchBodyLimit }) => {
  const grader = new Grader(pool);
  // a reference that fails is the request's fault, not the submission's: nothing can be graded
  const orRefused = async <T>(reply: FastifyReply, work: Promise<T>) => {
    try {
      return await work;
    } catch (e) {
      if (e instanceof ReferenceFailed) return reply.code(422).send(httpError(422, 'ReferenceFailed', e.message));
      throw e;
    }
  };

  app.post('/check', {
    schema: {
      summary: 'Grade a submission: run it, evaluate each check in its final globals, compare with the expected values',
      description:
        'Expected values come from the check or from the same expression in the reference program. Closeness is torch.allclose ' +
        '(rtol 1e-5, atol 1e-8 by default; nan never close) after a dtype check (for an expected tensor) and a shape check. ' +
        "A submission that raises scores 0 and answers its error as /grad does. A reference that fails answers 422.",
      body: CheckRequestSchema,
      response: { 200: CheckAnswerSchema, ...refusals },
    },
    handler: (req, reply) => orRefused(reply, grader.check(req.body, req.ip)),
  });

  app.post('/check/batch', {
    bodyLimit: batchBodyLimit,
    schema: {
      summary: `Grade up to ${MAX_BATCH_SUBMISSIONS} submissions against one reference and one check list`,
      description:
        'The reference runs once (cached by a hash of its text and the expressions); the submissions run in parallel on the ' +
        "worker pool, each with its own time and memory limits: one submission's crash or endless loop costs only its own result.",
      body: CheckBatchRequestSchema,
      response: { 200: CheckBatchResponseSchema, ...refusals },
    },
    handler: (req, reply) => orRefused(reply, grader.batch(req.body, req.ip)),
  });
};

export default checkRoutes;
