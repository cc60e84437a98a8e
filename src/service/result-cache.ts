/**
 * Answers of finished runs, by request. A run is a pure function of its request (fresh
 * interpreter and torch state, seeded generators, no clock), so an autograder sending the
 * same reference again, or a slide reloading its picture, is answered without running it
 * again. Identical requests in flight share one run. Bounded in entries and in size; only
 * answers that came back from a run are kept, not the pool's own time or memory refusals.
 */
export class ResultCache<V> {
  private readonly done = new Map<string, V>();
  private readonly running = new Map<string, Promise<V>>();

  constructor(
    private readonly maxEntries: number,
    /** Larger answers (strings' length + array elements, roughly) are not kept. */
    private readonly maxSize: number,
  ) {}

  /** The cached answer, or `run()`'s, shared with every identical request meanwhile. */
  answer(key: string, run: () => Promise<{ value: V; keep: boolean }>): Promise<V> {
    if (this.maxEntries === 0) return run().then((r) => r.value);
    const hit = this.done.get(key);
    if (hit !== undefined) {
      this.done.delete(key); // refresh its place: least recently used goes first
      this.done.set(key, hit);
      return Promise.resolve(hit);
    }
    const pending = this.running.get(key);
    if (pending) return pending;
    const result = run().then(
      ({ value, keep }) => {
        this.running.delete(key);
        if (keep && sizeWithin(value, this.maxSize)) this.store(key, value);
        return value;
      },
      (error) => {
        this.running.delete(key);
        throw error;
      },
    );
    this.running.set(key, result);
    return result;
  }

  private store(key: string, value: V): void {
    this.done.set(key, value);
    if (this.done.size > this.maxEntries) this.done.delete(this.done.keys().next().value!);
  }
}

/** Whether a JSON-like value stays under `limit` (string lengths plus elements), walking no further than that. */
function sizeWithin(value: unknown, limit: number): boolean {
  let budget = limit;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') budget -= v.length;
    else if (v instanceof Uint8Array) budget -= v.byteLength;
    else if (Array.isArray(v)) {
      budget -= v.length;
      for (const item of v) stack.push(item);
    } else if (v !== null && typeof v === 'object') {
      for (const item of Object.values(v)) {
        budget--;
        stack.push(item);
      }
    }
    if (budget < 0) return false;
  }
  return true;
}
