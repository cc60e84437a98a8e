/**
 * The HTTP contract of /work/shared/API.md as zod 4 schemas, with their TypeScript types.
 * Field names are API.md's, letter for letter. Requests are validated with these schemas
 * (400 naming the field); responses are documented by them in /openapi.json and checked
 * by the tests, but not re-validated on every answer (that would cost more than the job).
 */
import { z } from 'zod';

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
