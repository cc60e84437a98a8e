/**
 * Shows the service's SVG inline with zoom and pan (by rewriting the viewBox, so text stays
 * sharp) and reports which graph node the pointer or the keyboard is on. Keyboard: the
 * viewport is one tab stop (arrows pan, +/− zoom, 0 fits); the nodes are one more (roving
 * tabindex: arrows go to the next/previous node, Escape goes back to the viewport).
 */

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface NodeRef {
  /** the graph node's id in the /graph JSON (n3), from the SVG element id (gv-n3, gv-n3-leaf) */
  id: string;
  /** the source line from a `line-N` class, when the picture carries one */
  line: number | null;
  element: SVGGElement;
}

export interface GraphView {
  show(svgText: string, describe: (ref: NodeRef) => string): boolean;
  clear(message: string): void;
  zoomBy(factor: number): void;
  fit(): void;
}

const MIN_ZOOM = 0.05;
const MAX_ZOOM = 8;

function nodeRef(g: SVGGElement): NodeRef {
  const id = g.id.replace(/^gv-/, '');
  const lineClass = [...g.classList].find((c) => /^line-\d+$/.test(c));
  return { id, line: lineClass ? Number(lineClass.slice(5)) : null, element: g };
}

export function createGraphView(viewport: HTMLElement, onNode: (ref: NodeRef | null) => void): GraphView {
  let svg: SVGSVGElement | null = null;
  let base: Box = { x: 0, y: 0, w: 1, h: 1 };
  let box: Box = base;
  let nodes: SVGGElement[] = [];
  let current: SVGGElement | null = null;

  const apply = () => svg?.setAttribute('viewBox', `${box.x} ${box.y} ${box.w} ${box.h}`);

  /** A client point in the SVG's user units. */
  const toUser = (clientX: number, clientY: number) => {
    const m = svg!.getScreenCTM();
    if (!m) return { x: box.x + box.w / 2, y: box.y + box.h / 2 };
    const p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
    return { x: p.x, y: p.y };
  };

  const zoomAt = (factor: number, at: { x: number; y: number }) => {
    const scale = Math.min(Math.max(base.w / (box.w / factor), MIN_ZOOM), MAX_ZOOM);
    const w = base.w / scale;
    const h = base.h / scale;
    box = { x: at.x - ((at.x - box.x) * w) / box.w, y: at.y - ((at.y - box.y) * h) / box.h, w, h };
    apply();
  };

  const centre = () => ({ x: box.x + box.w / 2, y: box.y + box.h / 2 });

  const pan = (dxUser: number, dyUser: number) => {
    box = { ...box, x: box.x - dxUser, y: box.y - dyUser };
    apply();
  };

  const select = (g: SVGGElement | null) => {
    if (g === current) return;
    current?.classList.remove('gv-current');
    current = g;
    g?.classList.add('gv-current');
    onNode(g ? nodeRef(g) : null);
  };

  viewport.addEventListener(
    'wheel',
    (e) => {
      if (!svg) return;
      e.preventDefault();
      zoomAt(Math.exp(-e.deltaY * 0.0015), toUser(e.clientX, e.clientY));
    },
    { passive: false },
  );

  let drag: { x: number; y: number; id: number } | null = null;
  viewport.addEventListener('pointerdown', (e) => {
    if (!svg || e.button !== 0) return;
    drag = { x: e.clientX, y: e.clientY, id: e.pointerId };
    viewport.setPointerCapture(e.pointerId);
    viewport.classList.add('dragging');
  });
  viewport.addEventListener('pointermove', (e) => {
    if (drag && e.pointerId === drag.id) {
      const unitsPerPx = 1 / (svg!.getScreenCTM()?.a ?? 1);
      pan((e.clientX - drag.x) * unitsPerPx, (e.clientY - drag.y) * unitsPerPx);
      drag.x = e.clientX;
      drag.y = e.clientY;
      return;
    }
    const g = (e.target as Element).closest?.('g.node');
    if (g instanceof SVGGElement) select(g);
  });
  const endDrag = () => {
    drag = null;
    viewport.classList.remove('dragging');
  };
  viewport.addEventListener('pointerup', endDrag);
  viewport.addEventListener('pointercancel', endDrag);
  viewport.addEventListener('pointerleave', () => {
    if (!drag && !viewport.contains(document.activeElement)) select(null);
  });

  viewport.addEventListener('keydown', (e) => {
    if (!svg || e.ctrlKey || e.metaKey || e.altKey) return;
    const onNode = e.target instanceof SVGGElement;
    const step = box.w / 10;
    if (onNode && e.key.startsWith('Arrow')) {
      const i = nodes.indexOf(e.target as SVGGElement);
      const next = nodes[(i + (e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : nodes.length - 1)) % nodes.length];
      for (const n of nodes) n.setAttribute('tabindex', n === next ? '0' : '-1');
      next.focus();
    } else if (onNode && e.key === 'Escape') viewport.focus();
    else if (e.key === '+' || e.key === '=') zoomAt(1.25, centre());
    else if (e.key === '-' || e.key === '_') zoomAt(0.8, centre());
    else if (e.key === '0') fit();
    else if (e.key === 'ArrowLeft') pan(step, 0);
    else if (e.key === 'ArrowRight') pan(-step, 0);
    else if (e.key === 'ArrowUp') pan(0, step);
    else if (e.key === 'ArrowDown') pan(0, -step);
    else return;
    e.preventDefault();
  });
  viewport.addEventListener('focusin', (e) => {
    if (e.target instanceof SVGGElement) select(e.target);
  });
  viewport.addEventListener('focusout', (e) => {
    if (!viewport.contains(e.relatedTarget as Node | null)) select(null);
  });

  function fit() {
    box = { ...base };
    apply();
  }

  return {
    show(svgText, describe) {
      const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
      const root = doc.documentElement;
      if (!(root instanceof SVGSVGElement) || doc.querySelector('parsererror')) return false;
      const vb = root.viewBox.baseVal;
      base = vb && vb.width > 0 ? { x: vb.x, y: vb.y, w: vb.width, h: vb.height } : { x: 0, y: 0, w: 300, h: 150 };
      root.removeAttribute('width');
      root.removeAttribute('height');
      root.setAttribute('preserveAspectRatio', 'xMidYMid meet');
      // our own details panel replaces the browser's tooltips (the ids / op names)
      for (const el of root.querySelectorAll('g.node > title, g.edge > title')) el.remove();
      for (const a of root.querySelectorAll('a')) a.removeAttributeNS('http://www.w3.org/1999/xlink', 'title');
      nodes = [...root.querySelectorAll<SVGGElement>('g.node')];
      nodes.forEach((g, i) => {
        g.setAttribute('tabindex', i === 0 ? '0' : '-1');
        g.setAttribute('role', 'button');
        g.setAttribute('aria-label', describe(nodeRef(g)));
      });
      const adopted = document.importNode(root, true);
      viewport.replaceChildren(adopted);
      svg = adopted;
      nodes = [...adopted.querySelectorAll<SVGGElement>('g.node')];
      current = null;
      fit();
      return true;
    },
    clear(message) {
      svg = null;
      nodes = [];
      current = null;
      const p = document.createElement('p');
      p.className = 'graph-empty';
      p.textContent = message;
      viewport.replaceChildren(p);
    },
    zoomBy: (factor) => svg && zoomAt(factor, centre()),
    fit,
  };
}
