/** The service's answers the page uses, fetched from the same origin (no other network). */
import type { GradResponse, GraphResponse, HttpError } from '../../src/api/schemas.js';

export type { GradResponse, GraphNode, GraphResponse, TensorBaseJSON, TensorJSON } from '../../src/api/schemas.js';

export interface DrawOptions {
  style: 'annotated' | 'torchviz';
  theme: 'light' | 'dark';
  rankdir: 'TB' | 'LR';
  show_values: boolean;
  show_grads: boolean;
}

/** A refusal of the request itself (400, 413, 429, 503, ...), not a program error. */
export class ServiceError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function post(path: string, body: object, signal?: AbortSignal): Promise<Response> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal,
  });
  // /graph answers a failed program with 422 and the error in the body: that is an answer
  if (res.ok || res.status === 422) return res;
  let message = res.statusText;
  try {
    message = ((await res.json()) as HttpError).error.message;
  } catch {
    // not JSON: keep the status text
  }
  throw new ServiceError(res.status, `${res.status}: ${message}`);
}

export async function runProgram(program: string, signal?: AbortSignal): Promise<GradResponse> {
  return (await post('/grad', { program }, signal)).json() as Promise<GradResponse>;
}

export async function drawGraph(program: string, options: DrawOptions, signal?: AbortSignal): Promise<GraphResponse> {
  return (await post('/graph', { program, format: 'json', ...options }, signal)).json() as Promise<GraphResponse>;
}

export async function graphPng(program: string, options: DrawOptions): Promise<Blob> {
  const res = await post('/graph', { program, format: 'png', ...options });
  if (!res.ok) throw new ServiceError(res.status, 'the program failed');
  return res.blob();
}

/** The query of GET /graph.svg that draws the same picture: only options that differ from the defaults. */
export function graphSvgUrl(origin: string, program: string, options: DrawOptions): string {
  const q = new URLSearchParams({ program });
  if (options.style !== 'annotated') q.set('style', options.style);
  if (options.theme !== 'light') q.set('theme', options.theme);
  if (options.rankdir !== 'TB') q.set('rankdir', options.rankdir);
  if (!options.show_values) q.set('show_values', '0');
  if (!options.show_grads) q.set('show_grads', '0');
  return `${origin}/graph.svg?${q.toString().replace(/\+/g, '%20')}`;
}
