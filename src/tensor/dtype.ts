/**
 * PyTorch's dtypes that gradviz supports. int64 is held in a Float64Array: exact up to
 * 2**53, which is more than a course program reaches, and far faster than BigInt64Array.
 * float16 is held in a Float32Array, rounded to half precision on store.
 */
export type DTypeName = 'float16' | 'float32' | 'float64' | 'uint8' | 'int8' | 'int16' | 'int32' | 'int64' | 'bool';

export type Storage = Float32Array | Float64Array | Int32Array | Int16Array | Int8Array | Uint8Array;

export interface DType {
  readonly name: DTypeName;
  /** `torch.float32` */
  readonly repr: string;
  readonly isFloating: boolean;
  /** bool < integer < floating, for type promotion between categories. */
  readonly category: 0 | 1 | 2;
  /** bytes per element, as `element_size()` reports it */
  readonly itemsize: number;
  /** Legacy tensor type in error messages: `torch.FloatTensor`. */
  readonly legacyName: string;
  /** `Got: Long` in dtype error messages. */
  readonly scalarName: string;
  alloc(n: number): Storage;
}

function make(
  name: DTypeName,
  category: 0 | 1 | 2,
  itemsize: number,
  legacyName: string,
  scalarName: string,
  alloc: (n: number) => Storage,
): DType {
  return { name, repr: `torch.${name}`, isFloating: category === 2, category, itemsize, legacyName, scalarName, alloc };
}

export const float16 = make('float16', 2, 2, 'torch.HalfTensor', 'Half', (n) => new Float32Array(n));
export const float32 = make('float32', 2, 4, 'torch.FloatTensor', 'Float', (n) => new Float32Array(n));
export const float64 = make('float64', 2, 8, 'torch.DoubleTensor', 'Double', (n) => new Float64Array(n));
export const uint8 = make('uint8', 1, 1, 'torch.ByteTensor', 'Byte', (n) => new Uint8Array(n));
export const int8 = make('int8', 1, 1, 'torch.CharTensor', 'Char', (n) => new Int8Array(n));
export const int16 = make('int16', 1, 2, 'torch.ShortTensor', 'Short', (n) => new Int16Array(n));
export const int32 = make('int32', 1, 4, 'torch.IntTensor', 'Int', (n) => new Int32Array(n));
export const int64 = make('int64', 1, 8, 'torch.LongTensor', 'Long', (n) => new Float64Array(n));
export const bool = make('bool', 0, 1, 'torch.BoolTensor', 'Bool', (n) => new Uint8Array(n));

export const dtypes: Record<DTypeName, DType> = { float16, float32, float64, uint8, int8, int16, int32, int64, bool };

/** The default dtype for Python floats (torch.get_default_dtype()). */
export const defaultFloat = float32;

/** Round to the nearest float16 value (ties to even), as a cast to c10::Half does. */
export function toHalf(x: number): number {
  const a = Math.abs(x);
  if (a === 0 || !Number.isFinite(a)) return x;
  if (a >= 65520) return x > 0 ? Infinity : -Infinity;
  let e = Math.max(-14, Math.floor(Math.log2(a)));
  if (e > -14 && 2 ** e > a) e--;
  else if (2 ** (e + 1) <= a) e++;
  const ulp = 2 ** (e - 10);
  const q = a / ulp;
  let r = Math.floor(q);
  const frac = q - r;
  if (frac > 0.5 || (frac === 0.5 && r % 2 === 1)) r++;
  return (x < 0 ? -r : r) * ulp;
}

/** Round a float16 storage (a Float32Array) to half precision in place, as storing to c10::Half does. */
export function roundHalfInPlace(data: { length: number; [i: number]: number }): void {
  for (let i = 0; i < data.length; i++) data[i] = toHalf(data[i]);
}
