// Inputs and output bits shared by the float32 kernel tests: the LCG input families of
// fixtures/f32_families.py (same arithmetic, so the fixtures store only outputs) and the
// float32 bit pattern of an output, every NaN as 0x7fc00000 (payloads are not part of the contract).

export type Family = [kind: 'lin' | 'mag', a: number, b: number, n: number, seed: number];

/** 'lin': n floats uniform in [a, b); 'mag': +-(1 + m/2^23) * 2^e with e uniform in [a, b]. */
export function family([kind, a, b, n, seed]: Family): number[] {
  let s = seed >>> 0;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    if (kind === 'lin') out.push(Math.fround(a + (b - a) * (next() / 4294967296)));
    else {
      const e = a + (next() % (b - a + 1));
      const v = (1 + (next() >>> 9) / 8388608) * 2 ** e;
      out.push(Math.fround(next() & 1 ? -v : v));
    }
  }
  return out;
}

const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);
export function bits(v: number): number {
  if (v !== v) return 0x7fc00000;
  F32[0] = v;
  return U32[0]!;
}
