// A column's kind is the majority of what its sampled non-empty cells look like.
import type { ColumnKind } from '../../shared/model';

export class KindVotes {
  private readonly votes = new Map<number, Map<ColumnKind, number>>();

  add(column: number, kind: ColumnKind | undefined): void {
    if (!kind) return;
    const tally = this.votes.get(column) ?? new Map<ColumnKind, number>();
    tally.set(kind, (tally.get(kind) ?? 0) + 1);
    this.votes.set(column, tally);
  }

  /** The most frequent kind (the first seen on a tie); `text` when every sampled cell was empty. */
  winner(column: number): ColumnKind {
    let best: ColumnKind = 'text';
    let bestCount = 0;
    for (const [kind, count] of this.votes.get(column) ?? []) {
      if (count > bestCount) [best, bestCount] = [kind, count];
    }
    return best;
  }
}
