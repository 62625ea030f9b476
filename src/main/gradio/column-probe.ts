// Columns of a log: named by the layout, typed by the majority kind of the cells of its first rows (the probe).
import type { Column } from '../../shared/model';
import type { AssetResolver } from './asset-resolver';
import { readCell } from './cell-reading';
import { KindVotes } from './column-kinds';
import type { RawRecord } from './log-model';
import type { LayoutReading } from './layout';

/** Data records whose cells decide column kinds. */
export const PROBE_ROWS = 200;

export async function columnsOf(
  reading: LayoutReading,
  data: RawRecord[],
  resolver: AssetResolver,
  logDir: string,
): Promise<Column[]> {
  const width = Math.max(reading.width, ...data.map((record) => record.cells.length));
  const votes = new KindVotes();
  const forKinds = resolver.forKinds();
  // Read all at once (each may wait for the disk: a file's directory, its real path), counted in order.
  const readings = await Promise.all(
    data.map((record) =>
      Promise.all(
        record.cells.map((raw, index) =>
          reading.fixed.has(index) ? undefined : readCell(raw, forKinds, logDir),
        ),
      ),
    ),
  );
  for (const cells of readings)
    cells.forEach((cell, index) => {
      if (cell) votes.add(index, cell.kind, cell.hint);
    });
  return Array.from({ length: width }, (_, index) => columnAt(reading, index, votes));
}

export function columnAt(
  reading: Pick<LayoutReading, 'names' | 'fixed'>,
  index: number,
  votes: KindVotes,
): Column {
  const kind = reading.fixed.get(index) ?? votes.winner(index);
  const name = reading.names[index];
  return name === undefined
    ? { index, name: `column ${index + 1}`, kind, unnamed: true }
    : { index, name, kind };
}
