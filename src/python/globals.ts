/**
 * Module globals: one Cell per name, resolved at compile time so that a global load is
 * a field read. Binding order (Python's dict order) is kept through Cell.order.
 */
import { Cell } from './objects.js';
import type { PyValue } from './values.js';

export class Globals {
  readonly cells = new Map<string, Cell>();
  seq = 0;

  cell(name: string): Cell {
    let c = this.cells.get(name);
    if (!c) {
      c = new Cell(name);
      this.cells.set(name, c);
    }
    return c;
  }

  set(name: string, v: PyValue): void {
    this.bind(this.cell(name), v);
  }

  /** Bind one of this module's cells (its first binding fixes its place in the order). */
  bind(c: Cell, v: PyValue): void {
    if (c.v === undefined) c.order = ++this.seq;
    c.v = v;
  }

  /** The bound names in binding order. */
  toMap(): Map<string, PyValue> {
    const bound = [...this.cells.values()].filter((c) => c.v !== undefined).sort((a, b) => a.order - b.order);
    return new Map(bound.map((c) => [c.name, c.v]));
  }

  static from(map: Map<string, PyValue>): Globals {
    const g = new Globals();
    for (const [k, v] of map) g.set(k, v);
    return g;
  }
}
