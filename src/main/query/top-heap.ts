// The k first items of a column under a sort, kept while its values stream past: a bounded heap
// whose root is the last of the k kept, so that most values cost one comparison with it. The order
// is the full sort's: values in code-point order (UTF-8 bytes), empty cells first ascending and
// last descending, equal values in item order both ways. offerTop and its helpers use nothing but
// their arguments and each other: top-rows-worker.ts runs their source text in a worker too.

/** The k first items seen so far; `values` are copies (null: an empty cell). */
export interface TopHeap {
  k: number;
  desc: boolean;
  items: number[];
  values: (Uint8Array | null)[];
}

export function newTopHeap(k: number, desc: boolean): TopHeap {
  return { k, desc, items: [], values: [] };
}

/**
 * Negative when the value `a[aFrom, aTo)` comes before the whole value `b` in the sort's order
 * (null or empty: an empty cell), 0 when they are equal.
 */
export function compareTopValues(
  a: Uint8Array | null,
  aFrom: number,
  aTo: number,
  b: Uint8Array | null,
  desc: boolean,
): number {
  const aEmpty = a === null || aFrom === aTo;
  const bEmpty = b === null || b.length === 0;
  if (aEmpty || bEmpty) return aEmpty === bEmpty ? 0 : aEmpty !== desc ? -1 : 1;
  const aLength = aTo - aFrom;
  const end = Math.min(aLength, b.length);
  for (let i = 0; i < end; i++) {
    const d = a[aFrom + i] - b[i];
    if (d !== 0) return desc ? -d : d;
  }
  const d = aLength - b.length;
  return desc ? -d : d;
}

/** Whether entry i of the heap comes after entry j (the heap keeps the last of its entries at the root). */
export function topEntryAfter(heap: TopHeap, i: number, j: number): boolean {
  const value = heap.values[i];
  const c = compareTopValues(value, 0, value === null ? 0 : value.length, heap.values[j], heap.desc);
  return c > 0 || (c === 0 && heap.items[i] > heap.items[j]);
}

/** Swaps entries i and j of the heap. */
export function swapTopEntries(heap: TopHeap, i: number, j: number): void {
  const { items, values } = heap;
  const item = items[i];
  items[i] = items[j];
  items[j] = item;
  const value = values[i];
  values[i] = values[j];
  values[j] = value;
}

/**
 * Keeps item (its value `bytes[from, to)`, null or empty for an empty cell) if it is among the k
 * first. Most values once the heap is full cost one comparison with its root, and no allocation.
 */
export function offerTop(
  heap: TopHeap,
  item: number,
  bytes: Uint8Array | null,
  from: number,
  to: number,
): void {
  const { items, values } = heap;
  if (heap.k === 0) return;
  if (items.length === heap.k) {
    const c = compareTopValues(bytes, from, to, values[0], heap.desc);
    if (c > 0 || (c === 0 && item > items[0])) return;
  }
  // A copy, even of a Buffer (whose slice is a view of bytes the next read overwrites).
  const copy = bytes === null || from === to ? null : Uint8Array.prototype.slice.call(bytes, from, to);
  if (items.length < heap.k) {
    items.push(item);
    values.push(copy);
    for (let i = items.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!topEntryAfter(heap, i, parent)) break;
      swapTopEntries(heap, i, parent);
      i = parent;
    }
    return;
  }
  items[0] = item;
  values[0] = copy;
  for (let i = 0; ;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let last = i;
    if (left < items.length && topEntryAfter(heap, left, last)) last = left;
    if (right < items.length && topEntryAfter(heap, right, last)) last = right;
    if (last === i) break;
    swapTopEntries(heap, i, last);
    i = last;
  }
}

/** The kept items in the sort's order. */
export function topItems(heap: TopHeap): number[] {
  const { desc } = heap;
  const entries = heap.items.map((item, i) => ({ item, value: heap.values[i] }));
  entries.sort(
    (a, b) => compareTopValues(a.value, 0, a.value?.length ?? 0, b.value, desc) || a.item - b.item,
  );
  return entries.map((entry) => entry.item);
}
