// Pages of a query result kept in the renderer. Only visible pages are fetched; a refresh keeps the
// old rows on screen (stale) until the new ones arrive, so a live append never blanks the table.
// A generation number drops answers to requests made before a refresh or a new query.

interface Page<T> {
  rows: T[];
  fresh: boolean;
}

export class PageCache<T> {
  private pages = new Map<number, Page<T>>();
  private pending = new Set<number>();
  private generation = 0;

  constructor(readonly pageSize: number) {}

  get(index: number): T | undefined {
    const page = this.pages.get(Math.floor(index / this.pageSize));
    return page?.rows[index % this.pageSize];
  }

  /** Pages covering the rows `first..last` (inclusive) that need a request now. */
  needed(first: number, last: number): number[] {
    if (last < first) return [];
    const result: number[] = [];
    for (let p = Math.floor(first / this.pageSize); p <= Math.floor(last / this.pageSize); p++) {
      if (this.pending.has(p)) continue;
      if (this.pages.get(p)?.fresh) continue;
      result.push(p);
    }
    return result;
  }

  /** Marks a page as requested; pass the token back to `fill`. */
  begin(page: number): number {
    this.pending.add(page);
    return this.generation;
  }

  /** Stores an answer; returns false (and drops it) when it belongs to an older generation. */
  fill(page: number, token: number, rows: T[]): boolean {
    if (token !== this.generation) return false;
    this.pending.delete(page);
    this.pages.set(page, { rows, fresh: true });
    return true;
  }

  /** A request failed: let the page be asked for again. */
  fail(page: number, token: number): void {
    if (token === this.generation) this.pending.delete(page);
  }

  /** Keep what is shown, but refetch every page on its next `needed`. */
  markStale(): void {
    this.generation++;
    this.pending.clear();
    for (const page of this.pages.values()) page.fresh = false;
  }

  clear(): void {
    this.generation++;
    this.pending.clear();
    this.pages.clear();
  }

  /** Applies `update` to every cached row (e.g. a review change pushed by the main process). */
  mapRows(update: (row: T) => T): void {
    for (const page of this.pages.values()) page.rows = page.rows.map(update);
  }
}
