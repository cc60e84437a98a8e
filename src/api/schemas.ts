/**
 * The HTTP contract of /work/shared/API.md as zod 4 schemas, with their TypeScript types.
 * Field names are API.md's, letter for letter. Requests are validated with these schemas
 * (400 naming the field); responses are documented by them in /openapi.json and checked
 * by the tests, but not re-validated on every answer (that would cost more than the job).
 */
import { z } from 'zod';
import { nestedShape } from '../check/values.js';

// ---------------------------------------------------------------------------------------
// tensors

export const DTYPES = ['float16', 'float32', 'float64', 'uint8', 'int8', 'int16', 'int32', 'int64', 'bool'] as const;
export const DTypeSchema = z.enum(DTYPES);
export type DTypeJSON = z.infer<typeof DTypeSchema>;

/** JSON has no NaN/Infinity: non-finite numbers travel as these strings. */
export const NonFiniteSchema = z.enum(['nan', 'inf', '-inf']);
export const ScalarJSONSchema = z.union([z.number(), NonFiniteSchema, z.boolean()]);
export type ScalarJSON = z.infer<typeof ScalarJSONSchema>;

/** `Tensor.tolist()`: nested lists, or a bare scalar for a 0-d tensor. */
export type TensorDataJSON = ScalarJSON | TensorDataJSON[];
export const TensorDataSchema: z.ZodType<TensorDataJSON> = z.lazy(() =>
  z.union([ScalarJSONSchema, z.array(TensorDataSchema)]),
).meta({ id: 'TensorData', description: 'Tensor.tolist(): nested lists, a bare scalar for a 0-d tensor' });

const tensorFields = {
  dtype: DTypeSchema,
  shape: z.array(z.int().nonnegative()),
  data: TensorDataSchema,
  requires_grad: z.boolean(),
  grad_fn: z.string().nullable().describe("PyTorch's class name of the node, null for a leaf"),
};

/** A tensor without its own `grad` (what `grad` and graph values hold). */
export const TensorBaseJSONSchema = z.object(tensorFields).meta({ id: 'TensorBase' });
export type TensorBaseJSON = z.infer<typeof TensorBaseJSONSchema>;

export const TensorJSONSchema = z
  .object({ ...tensorFields, grad: TensorBaseJSONSchema.nullable().optional() })
  .meta({
    id: 'Tensor',
    example: { dtype: 'float32', shape: [3], data: [2, 4, 6], requires_grad: true, grad_fn: 'AddBackward0', grad: null },
  });
export type TensorJSON = z.infer<typeof TensorJSONSchema>;

// ---------------------------------------------------------------------------------------
// program results

export const ErrorJSONSchema = z
  .object({
    type: z.string().describe('the Python exception type: SyntaxError, NameError, RuntimeError, TimeoutError, ...'),
    message: z.string(),
    line: z.int().nullable(),
    column: z.int().nullable(),
  })
  .meta({ id: 'ProgramError' });
export type ErrorJSON = z.infer<typeof ErrorJSONSchema>;

/** API.md leaves the form open; this is what the recorded cases hold. */
export const WarningJSONSchema = z
  .object({ category: z.string(), message: z.string(), line: z.int().nullable() })
  .meta({ id: 'Warning' });
export type WarningJSON = z.infer<typeof WarningJSONSchema>;

/** A global's value: tensors, numbers, booleans, strings, None, and lists/tuples of these. */
export type VariableJSON = TensorJSON | number | boolean | string | null | VariableJSON[];
export const VariableJSONSchema: z.ZodType<VariableJSON> = z.lazy(() =>
  z.union([TensorJSONSchema, z.number(), z.boolean(), z.string(), z.null(), z.array(VariableJSONSchema)]),
).meta({ id: 'Variable' });

// ---------------------------------------------------------------------------------------
// POST /grad

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** An expression input: a number or nested lists of numbers (non-finite as strings). */
export type InputJSON = number | z.infer<typeof NonFiniteSchema> | InputJSON[];
export const InputJSONSchema: z.ZodType<InputJSON> = z.lazy(() =>
  z.union([z.number(), NonFiniteSchema, z.array(InputJSONSchema)]),
).meta({ id: 'ExpressionInput' });

const gradFields = {
  program: z.string().optional().describe('Python 3 source using the PyTorch API'),
  expression: z.string().optional().describe('one Python expression over the named inputs, e.g. sin(x) * y + x**2'),
  inputs: z
    .record(z.string().regex(IDENTIFIER), InputJSONSchema, {
      error: (issue) => (issue.code === 'invalid_key' ? 'an input name must be a Python identifier' : undefined),
    })
    .optional()
    .describe('expression mode: name -> number or nested lists; each becomes a leaf with requires_grad=True'),
  dtype: z.enum(['float16', 'float32', 'float64']).optional().describe('expression mode: dtype of the inputs (default float32)'),
};

type GradFields = { program?: string; expression?: string; inputs?: Record<string, unknown> };

/** Exactly one of program / expression; inputs and dtype only go with an expression. */
function checkMode(body: GradFields & { dtype?: string }, ctx: z.RefinementCtx): void {
  const hasProgram = body.program !== undefined;
  const hasExpression = body.expression !== undefined;
  if (hasProgram === hasExpression) {
    ctx.addIssue({
      code: 'custom',
      path: [hasProgram ? 'expression' : 'program'],
      message: hasProgram ? 'send exactly one of program / expression, not both' : 'send exactly one of program / expression',
    });
  }
  if (hasProgram && body.inputs !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['inputs'], message: 'inputs only go with an expression' });
  }
  if (hasProgram && body.dtype !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['dtype'], message: 'dtype only goes with an expression' });
  }
}

export const GradRequestSchema = z
  .strictObject(gradFields)
  .superRefine(checkMode)
  .meta({
    id: 'GradRequest',
    examples: [
      { program: 'import torch\nx = torch.tensor(2.0, requires_grad=True)\ny = x**2 + 4*x + 3\ny.backward()\nprint(x.grad)\n' },
      { expression: 'x**2 + 4*x + 3', inputs: { x: 2.0 }, dtype: 'float32' },
    ],
  });
export type GradRequest = z.output<typeof GradRequestSchema>;

export const GradResponseSchema = z
  .object({
    ok: z.boolean(),
    stdout: z.string().describe('everything the program printed, byte for byte'),
    value: TensorJSONSchema.nullable().describe('expression: the result; program: the root of the last backward()'),
    gradients: z.record(z.string(), TensorJSONSchema),
    variables: z.record(z.string(), VariableJSONSchema),
    warnings: z.array(WarningJSONSchema),
    error: ErrorJSONSchema.nullable(),
    summed: z.boolean().optional().describe('expression mode: the result was not a scalar and was summed before backward()'),
  })
  .meta({ id: 'GradResponse' });
export type GradResponse = z.infer<typeof GradResponseSchema>;

// ---------------------------------------------------------------------------------------
// POST /graph

export const GRAPH_FORMATS = ['svg', 'dot', 'json', 'png'] as const;
export const GraphFormatSchema = z.enum(GRAPH_FORMATS);
export type GraphFormat = z.infer<typeof GraphFormatSchema>;

/** The drawing options; defaults are applied by validation, so a job always sees them all. */
export const drawingFields = {
  target: z.string().optional().describe('a Python expression naming the tensor to draw'),
  format: GraphFormatSchema.default('svg'),
  show_values: z.boolean().default(true).describe('forward values in the nodes'),
  show_grads: z.boolean().default(true).describe('gradients of the last backward pass in the nodes'),
  show_saved: z.boolean().default(false).describe("tensors saved for backward (torchviz's show_saved)"),
  show_attrs: z.boolean().default(false).describe("non-tensor saved attributes (torchviz's show_attrs)"),
  rankdir: z.enum(['TB', 'LR']).default('TB'),
  theme: z.enum(['light', 'dark']).default('light'),
  style: z.enum(['annotated', 'torchviz']).default('annotated').describe('torchviz: the look of make_dot'),
  transparent: z.boolean().default(false).describe('no background fill'),
};

export const GraphRequestSchema = z
  .strictObject({ ...gradFields, ...drawingFields })
  .superRefine(checkMode)
  .meta({ id: 'GraphRequest' });
/** What a job receives (defaults filled in). */
export type GraphRequest = z.output<typeof GraphRequestSchema>;
/** What a client may send. */
export type GraphRequestInput = z.input<typeof GraphRequestSchema>;

export const GraphNodeSchema = z
  .object({
    id: z.string(),
    name: z.string().describe("the node's PyTorch class name: MulBackward0, AccumulateGrad, ..."),
    inputs: z.array(z.string().nullable()).describe("next_functions in PyTorch's order, null where PyTorch has None"),
    value: TensorBaseJSONSchema.nullable().describe('the tensor this node produced in the forward pass (the leaf for AccumulateGrad)'),
    grad: TensorBaseJSONSchema.nullable().describe('the gradient that reached that output in the last backward pass'),
    variable: z.string().nullable().optional().describe("AccumulateGrad: the leaf's global name"),
    shape: z.array(z.int().nonnegative()).optional(),
    assigned_name: z.string().nullable().optional().describe('a global bound to this output, if any'),
    line: z.int().nullable().optional().describe('the program line that created the node'),
  })
  .meta({ id: 'GraphNode' });
export type GraphNode = z.infer<typeof GraphNodeSchema>;

export const GraphJSONSchema = z
  .object({ root: z.string().describe('target.grad_fn'), nodes: z.array(GraphNodeSchema) })
  .meta({ id: 'Graph' });
export type GraphJSON = z.infer<typeof GraphJSONSchema>;

/** The `format: "json"` answer. */
export const GraphResponseSchema = z
  .object({
    ok: z.boolean(),
    stdout: z.string(),
    error: ErrorJSONSchema.nullable(),
    graph: GraphJSONSchema.nullable(),
    svg: z.string().nullable(),
    dot: z.string().nullable(),
    warnings: z.array(WarningJSONSchema).optional(),
  })
  .meta({ id: 'GraphResponse' });
export type GraphResponse = z.infer<typeof GraphResponseSchema>;

// ---------------------------------------------------------------------------------------
// contracts with the job functions (src/run/jobs.ts) — not HTTP, but every side needs them

/** What runGraphJob answers: the route sends `body` as is with this status and type. */
export interface GraphJobResult {
  status: 200 | 422;
  contentType: string;
  /** text for svg/dot, a GraphResponse for json (and for a failed png), bytes for png */
  body: string | GraphResponse | Uint8Array;
  /** the program's error when status is 422 (the CLI prints it; an SVG body only shows it) */
  error?: ErrorJSON;
}

/** Limits a job enforces itself, giving clean Python errors before the pool's hard limits. */
export interface JobLimits {
  /** interpreter steps before TimeoutError */
  maxSteps: number;
  /** elements in one tensor / list / string before MemoryError */
  maxElements: number;
  /** characters of stdout before the program is stopped */
  maxOutputChars: number;
  /** Python call depth before RecursionError */
  maxRecursion: number;
  /** nodes in a drawn graph */
  maxGraphNodes: number;
}

// ---------------------------------------------------------------------------------------
// service answers

/** Every non-200 answer of the service (400, 404, 413, 415, 429, 503, ...). */
export const HttpErrorSchema = z
  .object({
    ok: z.literal(false),
    statusCode: z.int(),
    error: z.object({
      type: z.string().describe('ValidationError, NotFound, PayloadTooLarge, TooManyRequests, ServiceUnavailable, ...'),
      message: z.string(),
      field: z.string().optional().describe('the request field that is wrong (400)'),
    }),
  })
  .meta({ id: 'HttpError' });
export type HttpError = z.infer<typeof HttpErrorSchema>;

export const HealthResponseSchema = z
  .object({
    status: z.literal('ok'),
    version: z.string(),
    pool: z.object({ threads: z.int(), queued: z.int(), running: z.int() }),
  })
  .meta({ id: 'Health' });
export type HealthResponse = z.infer<typeof HealthResponseSchema>;

// ---------------------------------------------------------------------------------------
// POST /check, POST /check/batch: the autograder (src/check)

/** Submissions one /check/batch request may carry. */
export const MAX_BATCH_SUBMISSIONS = 500;
/** Checks one request may carry. */
export const MAX_CHECKS = 200;

/** An expected tensor: dtype and data are what is compared; shape defaults to the data's nesting. */
export const ExpectedTensorSchema = z
  .object({
    dtype: DTypeSchema,
    shape: z.array(z.int().nonnegative()).optional(),
    data: TensorDataSchema,
    requires_grad: z.boolean().optional(),
    grad_fn: z.string().nullable().optional(),
    grad: TensorBaseJSONSchema.nullable().optional(),
  })
  .superRefine((t, ctx) => {
    const nested = nestedShape(t.data);
    if (nested === null) ctx.addIssue({ code: 'custom', path: ['data'], message: 'the nested lists are ragged' });
    else if (t.shape !== undefined && t.shape.join() !== nested.join()) {
      ctx.addIssue({ code: 'custom', path: ['shape'], message: `shape [${t.shape.join(', ')}] does not match the data's nesting [${nested.join(', ')}]` });
    }
  })
  .meta({ id: 'ExpectedTensor' });
export type ExpectedTensorJSON = z.infer<typeof ExpectedTensorSchema>;

/** A checked value: a tensor, a number (non-finite as "nan"/"inf"/"-inf"), bool, string, None, or lists of these. */
export type CheckValueJSON = ExpectedTensorJSON | number | boolean | string | null | CheckValueJSON[];
export const CheckValueSchema: z.ZodType<CheckValueJSON> = z.lazy(() =>
  z.union([ExpectedTensorSchema, z.number(), z.boolean(), z.string(), z.null(), z.array(CheckValueSchema)]),
).meta({ id: 'CheckValue' });

export const CheckSpecSchema = z
  .strictObject({
    name: z.string().min(1).max(200),
    expr: z.string().min(1).max(10_000).describe('a Python expression evaluated in the final globals, e.g. x.grad'),
    expected: CheckValueSchema.optional().describe('the expected value (Tensor object or plain JSON); default: the same expr in the reference'),
    rtol: z.number().nonnegative().default(1e-5),
    atol: z.number().nonnegative().default(1e-8),
    points: z.number().nonnegative().default(1),
  })
  .meta({ id: 'CheckSpec' });
/** One check, defaults filled in. */
export type CheckSpec = z.output<typeof CheckSpecSchema>;

export const StdoutModeSchema = z.enum(['exact', 'numbers']);
export type StdoutMode = z.infer<typeof StdoutModeSchema>;

export const CompareStdoutSchema = z
  .union([
    z.boolean(),
    z.strictObject({
      mode: StdoutModeSchema.default('exact').describe("exact text, or 'numbers': the conformance runner's number tolerance"),
      points: z.number().nonnegative().default(1),
      name: z.string().min(1).max(200).default('stdout'),
    }),
  ])
  .describe("an extra check: the submission's printed output against the reference's");

export const CheckFormatSchema = z.enum(['native', 'gradescope']);
export type CheckFormat = z.infer<typeof CheckFormatSchema>;

const checkCommonFields = {
  reference: z.string().optional().describe('a correct program: expected values not given are taken from it'),
  checks: z.array(CheckSpecSchema).max(MAX_CHECKS),
  compare_stdout: CompareStdoutSchema.optional(),
  format: CheckFormatSchema.default('native'),
};

/** Every expected value must come from somewhere, and there must be something to grade. */
function checkSources(body: { reference?: string; checks: { expected?: unknown }[]; compare_stdout?: unknown }, ctx: z.RefinementCtx): void {
  if (body.reference === undefined) {
    body.checks.forEach((c, i) => {
      if (c.expected === undefined) ctx.addIssue({ code: 'custom', path: ['checks', i, 'expected'], message: 'give expected, or send a reference program' });
    });
    if (body.compare_stdout !== undefined && body.compare_stdout !== false) {
      ctx.addIssue({ code: 'custom', path: ['compare_stdout'], message: 'compare_stdout needs a reference program' });
    }
  }
  if (body.checks.length === 0 && (body.compare_stdout === undefined || body.compare_stdout === false)) {
    ctx.addIssue({ code: 'custom', path: ['checks'], message: 'give at least one check (or compare_stdout)' });
  }
}

export const CheckRequestSchema = z
  .strictObject({ submission: z.string().describe("the student's program"), ...checkCommonFields })
  .superRefine(checkSources)
  .meta({
    id: 'CheckRequest',
    example: {
      submission: 'import torch\nx = torch.tensor(3.0, requires_grad=True)\ny = x**2 + 2*x + 1\ny.backward()\n',
      checks: [{ name: 'derivative at 3', expr: 'x.grad', expected: 8.0 }],
    },
  });
export type CheckRequest = z.output<typeof CheckRequestSchema>;

export const CheckBatchRequestSchema = z
  .strictObject({
    submissions: z.array(z.string()).min(1).max(MAX_BATCH_SUBMISSIONS).describe(`at most ${MAX_BATCH_SUBMISSIONS} programs`),
    ...checkCommonFields,
  })
  .superRefine(checkSources)
  .meta({ id: 'CheckBatchRequest' });
export type CheckBatchRequest = z.output<typeof CheckBatchRequestSchema>;

/** Why a check failed: the program, the expr, or which comparison (type, then dtype, then shape, then values). */
export const CheckFailureSchema = z.enum(['program_error', 'expr_error', 'none', 'type', 'dtype', 'shape', 'values', 'stdout']);
export type CheckFailure = z.infer<typeof CheckFailureSchema>;

const ErrorMeasureSchema = z.union([z.number(), NonFiniteSchema]).nullable();

export const CheckResultSchema = z
  .object({
    name: z.string(),
    passed: z.boolean(),
    points: z.number().describe('points earned'),
    max_points: z.number(),
    failure: CheckFailureSchema.nullable(),
    message: z.string().describe('what a student reads'),
    actual: CheckValueSchema.describe('the value of expr in the submission (null when None or not evaluated)'),
    expected: CheckValueSchema,
    max_abs_error: ErrorMeasureSchema.describe('largest |actual - expected| over the elements; null when not comparable'),
    max_rel_error: ErrorMeasureSchema.describe('largest |actual - expected| / |expected|'),
  })
  .meta({ id: 'CheckResult' });
export type CheckResult = z.infer<typeof CheckResultSchema>;

export const CheckResponseSchema = z
  .object({
    score: z.number(),
    max_score: z.number(),
    checks: z.array(CheckResultSchema),
    stdout: z.string(),
    error: ErrorJSONSchema.nullable().describe("the submission's own error (as in /grad); it scores 0"),
  })
  .meta({ id: 'CheckResponse' });
export type CheckResponse = z.infer<typeof CheckResponseSchema>;

/** Gradescope's results.json. */
export const GradescopeResultSchema = z
  .object({
    score: z.number(),
    output: z.string().optional(),
    tests: z.array(
      z.object({ name: z.string(), score: z.number(), max_score: z.number(), status: z.enum(['passed', 'failed']), output: z.string() }),
    ),
  })
  .meta({ id: 'GradescopeResult' });
export type GradescopeResult = z.infer<typeof GradescopeResultSchema>;

export const CheckAnswerSchema = z.union([CheckResponseSchema, GradescopeResultSchema]);
export type CheckAnswer = z.infer<typeof CheckAnswerSchema>;

export const CheckBatchResponseSchema = z
  .object({ results: z.array(CheckAnswerSchema).describe('one answer per submission, in order') })
  .meta({ id: 'CheckBatchResponse' });
export type CheckBatchResponse = z.infer<typeof CheckBatchResponseSchema>;
