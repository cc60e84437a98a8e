/**
 * One request, start to end: run the program (or the expression) on the interpreter with
 * the torch modules, then answer API.md's /grad body, or draw the graph of the target for
 * /graph. Called in a worker thread by the pool, and in-process by the CLI; it never
 * throws for anything a program does.
 */
import { graphErrorResult } from '../api/error-answers.js';
import type { ErrorJSON, GradRequest, GradResponse, GraphJobResult, GraphRequest, GraphResponse, JobLimits } from '../api/schemas.js';
import { setRecording } from '../autograd/recorder.js';
import { currentLine, evaluateExpression, runProgram, type RunOptions, type RunResult } from '../python/run.js';
import { PyDict } from '../python/objects.js';
import type { PyValue } from '../python/values.js';
import { Tensor } from '../tensor/tensor.js';
import { resetTorchState, runContext } from '../torch/run_context.js';
import { registerTorchModules } from '../torch/module.js';
import { graphToApiJson, LayoutRefused, renderGraphSvg, renderPng, type VizGraph } from '../viz/index.js';
import { expressionSetup } from './expression.js';
import { buildGraph } from './graph.js';
import { gradientsToJSON, tensorToJSON, variablesToJSON } from './serialize.js';

export type { GraphJobResult } from '../api/schemas.js';

registerTorchModules();

/** The interpreter's share of a job's limits. */
export function runOptions(limits: JobLimits | undefined): RunOptions {
  if (!limits) return {};
  return {
    maxSteps: limits.maxSteps,
    maxDepth: limits.maxRecursion,
    maxOutputBytes: limits.maxOutputChars,
    maxSequence: limits.maxElements,
  };
}

interface Outcome {
  run: RunResult;
  /** Expression mode: the expression's value; program mode: the last backward root. */
  value: Tensor | null;
  summed: boolean | undefined;
}

/** Runs a program, or sets up an expression's inputs, evaluates it and calls backward(). */
function execute(req: GradRequest, limits: JobLimits | undefined, record: boolean): Outcome {
  resetTorchState(limits ? { maxTensorElements: limits.maxElements } : {});
  setRecording(record, currentLine);
  try {
    if (req.program !== undefined) {
      const run = runProgram(req.program, runOptions(limits));
      const root = runContext.lastBackwardRoot;
      return { run, value: root instanceof Tensor ? root : null, summed: undefined };
    }
    return executeExpression(req, limits);
  } finally {
    setRecording(false);
  }
}

function executeExpression(req: GradRequest, limits: JobLimits | undefined): Outcome {
  const options = runOptions(limits);
  const setup = runProgram(expressionSetup(req.inputs ?? {}, req.dtype ?? 'float32'), options);
  if (setup.error) return { run: setup, value: null, summed: undefined };
  const evaluated = evaluateExpression(req.expression!, setup.globals, options);
  const run: RunResult = { ...setup, stdout: evaluated.stdout, error: evaluated.error };
  if (evaluated.error) return { run, value: null, summed: undefined };
  if (!(evaluated.value instanceof Tensor)) {
    run.error = { type: 'TypeError', message: 'the expression must evaluate to a tensor', line: 1, column: null };
    return { run, value: null, summed: undefined };
  }
  const value = evaluated.value;
  const summed = value.numel() !== 1;
  const backward = evaluateExpression(summed ? '__value.sum().backward()' : '__value.backward()', new Map([...setup.globals, ['__value', value]]), options);
  run.error = backward.error;
  return { run, value, summed };
}

function globalsForAnswer(req: GradRequest, run: RunResult): ReadonlyMap<string, PyValue> {
  if (req.program !== undefined) return run.globals;
  // Expression mode answers for the inputs only, not the torch functions bound for it.
  return new Map([...run.globals].filter(([name]) => Object.hasOwn(req.inputs ?? {}, name)));
}

export function runGradJob(req: GradRequest, limits?: JobLimits): GradResponse {
  const { run, value, summed } = execute(req, limits, false);
  const globals = globalsForAnswer(req, run);
  const answer: GradResponse = {
    ok: run.error === null,
    stdout: run.stdout,
    value: value === null ? null : tensorToJSON(value, true),
    gradients: gradientsToJSON(globals),
    variables: variablesToJSON(globals),
    warnings: run.warnings.map((w) => ({ category: w.category, message: w.message, line: w.line })),
    error: run.error,
  };
  if (summed !== undefined) answer.summed = summed;
  return answer;
}

/** The tensor to draw: `target`, else make_dot's, else the last backward root, else the last global with a grad_fn. */
function chooseTarget(req: GraphRequest, outcome: Outcome, limits: JobLimits | undefined): { target: Tensor | null; error: ErrorJSON | null } {
  if (req.target !== undefined) {
    const evaluated = evaluateExpression(req.target, outcome.run.globals, runOptions(limits));
    if (evaluated.error) return { target: null, error: evaluated.error };
    if (!(evaluated.value instanceof Tensor)) {
      return { target: null, error: { type: 'TypeError', message: `target must be a tensor, not ${typeof evaluated.value}`, line: null, column: null } };
    }
    return { target: evaluated.value, error: null };
  }
  const chosen = runContext.makeDotTarget ?? outcome.value;
  if (chosen instanceof Tensor) return { target: chosen, error: null };
  let last: Tensor | null = null;
  for (const v of outcome.run.globals.values()) if (v instanceof Tensor && v.gradFn !== null) last = v;
  return { target: last, error: null };
}

/** make_dot(params={'x': x}) as name -> tensor; `{}` when make_dot had no params. */
function paramsOf(params: PyValue): Map<string, Tensor> | null {
  if (runContext.makeDotTarget === null) return null;
  const byName = new Map<string, Tensor>();
  if (params instanceof PyDict) {
    for (const { k, v } of params.map.values()) if (typeof k === "string" && v instanceof Tensor) byName.set(k, v);
  }
  return byName;
}

function jsonBody(outcome: Outcome, graph: VizGraph | null, dot: string | null, svg: string | null): GraphResponse {
  return {
    ok: true,
    stdout: outcome.run.stdout,
    error: null,
    graph: graph === null ? null : (graphToApiJson(graph) as GraphResponse['graph']),
    svg,
    dot,
    warnings: outcome.run.warnings,
  };
}

export async function runGraphJob(req: GraphRequest, limits?: JobLimits): Promise<GraphJobResult> {
  const outcome = execute(req, limits, true);
  if (outcome.run.error) return graphErrorResult(req, outcome.run.error, outcome.run.stdout);
  const { target, error } = chooseTarget(req, outcome, limits);
  if (error) return graphErrorResult(req, error, outcome.run.stdout);
  const graph =
    target === null
      ? null
      : buildGraph({ target, globals: outcome.run.globals, params: req.target === undefined ? paramsOf(runContext.makeDotParams) : null });
  if (graph === null) {
    if (req.format === 'json') return { status: 200, contentType: 'application/json; charset=utf-8', body: jsonBody(outcome, null, null, null) };
    return graphErrorResult(req, { type: 'ValueError', message: 'there is no graph to draw: no tensor with a grad_fn', line: null, column: null }, outcome.run.stdout);
  }
  let drawn: { dot: string; svg: string };
  try {
    drawn = await renderGraphSvg(graph, {
    style: req.style,
    showValues: req.show_values,
    showGrads: req.show_grads,
    showSaved: req.show_saved,
    showAttrs: req.show_attrs,
    rankdir: req.rankdir,
    theme: req.theme,
    transparent: req.transparent,
    maxNodes: limits?.maxGraphNodes,
    source: req.program,
    });
  } catch (e) {
    if (!(e instanceof LayoutRefused)) throw e;
    return graphErrorResult(req, { type: 'MemoryError', message: e.message, line: null, column: null }, outcome.run.stdout);
  }
  const { dot, svg } = drawn;
  switch (req.format) {
    case 'json':
      return { status: 200, contentType: 'application/json; charset=utf-8', body: jsonBody(outcome, graph, dot, svg) };
    case 'dot':
      return { status: 200, contentType: 'text/vnd.graphviz; charset=utf-8', body: dot };
    case 'png':
      return { status: 200, contentType: 'image/png', body: new Uint8Array(await renderPng(svg)) };
    default:
      return { status: 200, contentType: 'image/svg+xml; charset=utf-8', body: svg };
  }
}
