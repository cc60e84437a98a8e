/**
 * Every answer that is not a job's answer: the JSON body of 400, 404, 413, 415, 429, 503.
 * Shaped like a program error (`error.type`, `error.message`) so a client can read both
 * the same way, plus `field` for a 400 that is about one field of the request.
 */
import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { HttpError } from './schemas.js';

export function httpError(statusCode: number, type: string, message: string, field?: string): HttpError {
  return { ok: false, statusCode, error: field === undefined ? { type, message } : { type, message, field } };
}

/** The parts of a zod issue that name what is wrong. */
export interface Issue {
  path: PropertyKey[];
  code: string;
  message: string;
  keys?: string[];
  expected?: string;
}

/** `['inputs', 'x', 0]` -> `inputs.x[0]` */
function fieldName(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

function describeIssue(issue: Issue, where: string): { field?: string; message: string } {
  if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
    const field = fieldName([...issue.path, issue.keys[0]]);
    return { field, message: `${field}: unknown field` };
  }
  const field = fieldName(issue.path);
  if (field === '') {
    const expectsObject = issue.code === 'invalid_type' && issue.expected === 'object';
    return { message: expectsObject ? `the ${where} must be a JSON object` : `${where}: ${issue.message}` };
  }
  return { field, message: `${field}: ${issue.message}` };
}

/** A 400 that lists every issue and names the first field that is wrong. */
export function validationError(issues: Issue[], where: string): HttpError {
  const described = issues.map((i) => describeIssue(i, where));
  const field = described.find((d) => d.field !== undefined)?.field;
  return httpError(400, 'ValidationError', described.map((d) => d.message).join('; '), field);
}

interface FastifyIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params?: { keys?: string[]; expected?: string };
}

/** fastify-type-provider-zod hands the issues over as `/inputs/x/0` paths */
function fromFastify(i: FastifyIssue): Issue {
  const path = i.instancePath
    .split('/')
    .filter((p) => p !== '')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  return { path, code: i.keyword, message: i.message ?? 'invalid', keys: i.params?.keys, expected: i.params?.expected };
}

const TYPE_BY_STATUS: Record<number, string> = {
  400: 'BadRequest',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  408: 'RequestTimeout',
  411: 'LengthRequired',
  413: 'PayloadTooLarge',
  414: 'URITooLong',
  415: 'UnsupportedMediaType',
  429: 'TooManyRequests',
  431: 'RequestHeaderFieldsTooLarge',
  503: 'ServiceUnavailable',
};

/** Maps an error that fastify or a plugin raised for a request; null if it is ours (a bug). */
export function requestErrorBody(err: FastifyError): HttpError | null {
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = err.validationContext === 'querystring' ? 'query string' : (err.validationContext ?? 'body');
    return validationError((err.validation as unknown as FastifyIssue[]).map(fromFastify), where);
  }
  if (err.validation) return httpError(400, 'ValidationError', err.message);
  const status = err.statusCode ?? 500;
  if (status < 400 || status >= 500) return null;
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return httpError(413, 'PayloadTooLarge', 'the request body is larger than the limit');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return httpError(415, 'UnsupportedMediaType', 'send the request as application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return httpError(400, 'InvalidJSON', 'the body is empty; send a JSON object');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return httpError(400, 'InvalidJSON', 'the body is not valid JSON');
  }
  if (err instanceof SyntaxError) return httpError(400, 'InvalidJSON', `the body is not valid JSON: ${err.message}`);
  return httpError(status, TYPE_BY_STATUS[status] ?? 'BadRequest', err.message);
}
