/**
 * Ports of the libstdc++ (GCC 12) algorithms PyTorch 1.13's CPU sort/topk/mode kernels
 * call, and of ATen's quick_select_template (kthvalue). Their order among equal keys is
 * not stable, so the indices PyTorch returns for ties depend on these exact steps.
 * `a` holds the elements (row positions); `less(x, y)` is the kernel's comparator.
 */
type Less = (x: number, y: number) => boolean;

const lg = (n: number): number => 31 - Math.clz32(n);

function swap(a: Int32Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

function unguardedLinearInsert(a: Int32Array, last: number, less: Less): void {
  const val = a[last];
  let next = last - 1;
  while (less(val, a[next])) {
    a[last] = a[next];
    last = next;
    next--;
  }
  a[last] = val;
}

function insertionSort(a: Int32Array, first: number, last: number, less: Less): void {
  if (first === last) return;
  for (let i = first + 1; i < last; i++) {
    if (less(a[i], a[first])) {
      const val = a[i];
      a.copyWithin(first + 1, first, i);
      a[first] = val;
    } else unguardedLinearInsert(a, i, less);
  }
}

function moveMedianToFirst(a: Int32Array, result: number, x: number, y: number, z: number, less: Less): void {
  if (less(a[x], a[y])) {
    if (less(a[y], a[z])) swap(a, result, y);
    else if (less(a[x], a[z])) swap(a, result, z);
    else swap(a, result, x);
  } else if (less(a[x], a[z])) swap(a, result, x);
  else if (less(a[y], a[z])) swap(a, result, z);
  else swap(a, result, y);
}

function unguardedPartition(a: Int32Array, first: number, last: number, pivot: number, less: Less): number {
  for (;;) {
    while (less(a[first], a[pivot])) first++;
    last--;
    while (less(a[pivot], a[last])) last--;
    if (!(first < last)) return first;
    swap(a, first, last);
    first++;
  }
}

function partitionPivot(a: Int32Array, first: number, last: number, less: Less): number {
  const mid = first + ((last - first) >> 1);
  moveMedianToFirst(a, first, first + 1, mid, last - 1, less);
  return unguardedPartition(a, first + 1, last, first, less);
}

function adjustHeap(a: Int32Array, first: number, hole: number, len: number, value: number, less: Less): void {
  const top = hole;
  let child = hole;
  while (child < ((len - 1) >> 1)) {
    child = 2 * (child + 1);
    if (less(a[first + child], a[first + child - 1])) child--;
    a[first + hole] = a[first + child];
    hole = child;
  }
  if ((len & 1) === 0 && child === (len - 2) >> 1) {
    child = 2 * (child + 1);
    a[first + hole] = a[first + child - 1];
    hole = child - 1;
  }
  // __push_heap
  let parent = (hole - 1) >> 1;
  while (hole > top && less(a[first + parent], value)) {
    a[first + hole] = a[first + parent];
    hole = parent;
    parent = (hole - 1) >> 1;
  }
  a[first + hole] = value;
}

function makeHeap(a: Int32Array, first: number, last: number, less: Less): void {
  const len = last - first;
  if (len < 2) return;
  for (let parent = (len - 2) >> 1; ; parent--) {
    adjustHeap(a, first, parent, len, a[first + parent], less);
    if (parent === 0) return;
  }
}

function popHeap(a: Int32Array, first: number, last: number, result: number, less: Less): void {
  const value = a[result];
  a[result] = a[first];
  adjustHeap(a, first, 0, last - first, value, less);
}

function heapSelect(a: Int32Array, first: number, middle: number, last: number, less: Less): void {
  makeHeap(a, first, middle, less);
  for (let i = middle; i < last; i++) if (less(a[i], a[first])) popHeap(a, first, middle, i, less);
}

function sortHeap(a: Int32Array, first: number, last: number, less: Less): void {
  while (last - first > 1) {
    last--;
    popHeap(a, first, last, last, less);
  }
}

/** std::partial_sort(first, middle, last). */
export function partialSort(a: Int32Array, first: number, middle: number, last: number, less: Less): void {
  heapSelect(a, first, middle, last, less);
  sortHeap(a, first, middle, less);
}

function introsortLoop(a: Int32Array, first: number, last: number, depth: number, less: Less): void {
  while (last - first > 16) {
    if (depth === 0) {
      partialSort(a, first, last, last, less);
      return;
    }
    depth--;
    const cut = partitionPivot(a, first, last, less);
    introsortLoop(a, cut, last, depth, less);
    last = cut;
  }
}

/** std::sort(first, last). */
export function stdSort(a: Int32Array, first: number, last: number, less: Less): void {
  if (first === last) return;
  introsortLoop(a, first, last, lg(last - first) * 2, less);
  if (last - first > 16) {
    insertionSort(a, first, first + 16, less);
    for (let i = first + 16; i < last; i++) unguardedLinearInsert(a, i, less);
  } else insertionSort(a, first, last, less);
}

/** std::nth_element(first, nth, last). */
export function nthElement(a: Int32Array, first: number, nth: number, last: number, less: Less): void {
  if (first === last || nth === last) return;
  let depth = lg(last - first) * 2;
  while (last - first > 3) {
    if (depth === 0) {
      heapSelect(a, first, nth + 1, last, less);
      swap(a, first, nth);
      return;
    }
    depth--;
    const cut = partitionPivot(a, first, last, less);
    if (cut <= nth) first = cut;
    else last = cut;
  }
  insertionSort(a, first, last, less);
}

/** ATen's quick_select_template: puts the k-th element (0-based) of a[0..n) in place. */
export function quickSelect(a: Int32Array, n: number, k: number, gtOrNan: Less): void {
  let L = 0;
  let R = n - 1;
  for (;;) {
    if (R <= L) return;
    if (R === L + 1) {
      if (gtOrNan(a[L], a[R])) swap(a, L, R);
      return;
    }
    const P = L + ((R - L) >> 1);
    swap(a, P, L + 1);
    if (gtOrNan(a[L + 1], a[R])) swap(a, L + 1, R);
    if (gtOrNan(a[L], a[R])) swap(a, L, R);
    if (gtOrNan(a[L + 1], a[L])) swap(a, L + 1, L);
    let i = L + 1;
    let j = R;
    const piv = a[L];
    for (;;) {
      do i++;
      while (gtOrNan(piv, a[i]));
      do j--;
      while (gtOrNan(a[j], piv));
      if (j < i) break;
      swap(a, i, j);
    }
    swap(a, L, j);
    if (j <= k) L = i;
    if (j >= k) R = j - 1;
  }
}
