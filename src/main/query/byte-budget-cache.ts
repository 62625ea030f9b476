// A cache that holds at most a byte budget, evicting the least recently used entries first, so that
// any sequence of searches, filters and sorts keeps the process's memory bounded. What it drops is
// memory only once collected: past `collectAfter` bytes dropped, it calls `collect`.

export interface Collecting {
  /** Frees what was dropped (collect-garbage.ts); tests count the calls. */
  collect: () => void;
  /** Bytes dropped (evicted or deleted) between two calls of `collect`. */
  collectAfter: number;
}

export class ByteBudgetCache<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private held = 0;
  private dropped = 0;

  constructor(
    private readonly budget: number,
    private readonly sizeOf: (value: V) => number,
    private readonly collecting?: Collecting,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** The value kept under `key`, without counting it as a use. */
  peek(key: string): V | undefined {
    return this.entries.get(key)?.value;
  }

  /** Stores `value` (re-measured: a value may have grown since it was first stored). */
  set(key: string, value: V): void {
    const previous = this.entries.get(key);
    if (previous?.value === value) {
      // The same value again (grown in place): only its size is news, nothing was let go.
      this.entries.delete(key);
      this.held -= previous.bytes;
    } else this.delete(key);
    const bytes = this.sizeOf(value);
    this.entries.set(key, { value, bytes });
    this.held += bytes;
    // The newest entry stays even when it alone is over budget: it is the one in use.
    for (const [oldest] of this.entries) {
      if (this.held <= this.budget || oldest === key) break;
      this.delete(oldest);
    }
    this.collectDropped();
  }

  /**
   * Drops the least recently used entries until `bytes` more fit in the budget (all of them if need
   * be), and has what it dropped collected: called before building something that large, so that
   * it and the cache never add up.
   */
  makeRoom(bytes: number): void {
    for (const [oldest] of this.entries) {
      if (this.held + bytes <= this.budget) break;
      this.delete(oldest);
    }
    this.collectNow();
  }

  /**
   * Asks for a collection of whatever was dropped since the last one, however little: before work
   * long enough that a collection costs little beside it, and large enough that what the cache let
   * go should not still be held meanwhile. `evenIfNoneDropped`: the garbage is not the cache's.
   */
  collectNow(evenIfNoneDropped = false): void {
    if (!this.collecting || (this.dropped === 0 && !evenIfNoneDropped)) return;
    this.dropped = 0;
    this.collecting.collect();
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.held -= entry.bytes;
    this.dropped += entry.bytes;
  }

  /** Drops every entry whose key starts with `prefix`. */
  deletePrefix(prefix: string): void {
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.delete(key);
    this.collectDropped();
  }

  private collectDropped(): void {
    if (!this.collecting || this.dropped < this.collecting.collectAfter) return;
    this.dropped = 0;
    this.collecting.collect();
  }

  get bytes(): number {
    return this.held;
  }
}
