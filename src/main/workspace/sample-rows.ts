// SampleRows for a page: the rows' bytes read back by offset, each cell decoded by the reader.
import { roleCell } from '../gradio/role-cells';
import { dirname, join } from 'node:path';
import type { Column, ReviewState, SampleRow } from '../../shared/model';
import type { GradioReader } from '../gradio/log-model';
import type { ReviewStore } from '../review/review-store';
import { readRecords } from '../log-index/read-records';
import type { Interner } from '../log-index/intern';
import type { QueryLog } from '../query/query-log';
import { sampleId } from '../../shared/sample-id';
import type { MissingCell } from '../follow/late-assets';

export const UNREVIEWED: ReviewState = { status: 'unreviewed', note: '' };

export interface RowContext {
  reader: GradioReader;
  root: string;
  store?: ReviewStore;
  reasons: Interner;
  usernames: Interner;
  /** Told each row's hash as it is read. */
  sawHash(id: string, hash: string): void;
  /** Told each row's cells with missing files (none: an empty list), to notice files arriving late. */
  sawMissing?(id: string, cells: MissingCell[]): void;
}

function columnFor(columns: Column[], index: number): Column {
  return columns[index] ?? { index, name: `column ${index + 1}`, kind: 'text', unnamed: true };
}

/** The rows `rows` (0-based) of one log, in that order. */
export async function sampleRows(q: QueryLog, rows: number[], context: RowContext): Promise<SampleRow[]> {
  const { log } = q;
  const records = await readRecords(log, rows);
  const folder = { root: context.root, logDir: dirname(join(context.root, log.file)) };
  const { columns, roles } = log.shape;
  return Promise.all(
    records.map(async (record, i) => {
      const row = rows[i];
      const id = sampleId(log.file, row);
      context.sawHash(id, record.hash);
      const cells = await Promise.all(
        record.cells.map((raw, index) => context.reader.decodeCell(raw, columnFor(columns, index), folder)),
      );
      context.sawMissing?.(
        id,
        cells.flatMap((cell, index) => {
          const missing = cell.assets.filter((asset) => asset.status === 'missing').length;
          const column = columnFor(columns, index);
          return missing > 0 ? [{ raw: record.cells[index], column, context: folder, missing }] : [];
        }),
      );
      const at = roleCell(roles, 'timestamp', record.cells.length);
      const timestamp = at === undefined ? undefined : record.cells[at];
      return {
        folderId: q.folderId,
        id,
        log: log.file,
        ordinal: row + 1,
        line: record.line,
        rowHash: record.hash,
        cells,
        originalReason: context.reasons.valueOf(log.reasons[row]),
        username: context.usernames.valueOf(log.usernames[row]),
        timestamp: timestamp === undefined || timestamp === '' ? null : timestamp,
        review: context.store?.get(id, record.hash) ?? UNREVIEWED,
      };
    }),
  );
}
