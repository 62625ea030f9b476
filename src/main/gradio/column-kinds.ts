// A column's kind is the majority of what its sampled non-empty cells look like.
import type { ColumnKind } from '../../shared/model';

export class KindVotes {
  private readonly votes = new Map<number, Map<ColumnKind, number>>();
  private readonly hints = new Map<number, ColumnKind>();

  /** One cell's kind; `hint` is a weak guess (an empty list) that counts only if nothing else does. */
  add(column: number, kind: ColumnKind | undefined, hint?: ColumnKind): void {
    if (!kind) {
      if (hint && !this.hints.has(column)) this.hints.set(column, hint);
      return;
    }
    const tally = this.votes.get(column) ?? new Map<ColumnKind, number>();
    tally.set(kind, (tally.get(kind) ?? 0) + 1);
    this.votes.set(column, tally);
  }

  /**
   * The most frequent kind (the first seen on a tie); else the hint; `text` when every cell was empty.
   * Numbers and booleans are text too: a column where some cells are plain text is text.
   */
  winner(column: number): ColumnKind {
    let best: ColumnKind = this.hints.get(column) ?? 'text';
    let bestCount = 0;
    const tally = new Map(this.votes.get(column) ?? []);
    if (tally.has('text')) {
      for (const scalar of ['number', 'boolean'] as const) {
        tally.set('text', (tally.get('text') ?? 0) + (tally.get(scalar) ?? 0));
        tally.delete(scalar);
      }
    }
    for (const [kind, count] of tally) {
      if (count > bestCount) [best, bestCount] = [kind, count];
    }
    return best;
  }
}
