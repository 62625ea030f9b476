// Row helpers every feature shares: how a log is keyed and which reason a row shows.
import type { SampleRow } from '../../../shared/model';

export const logKey = (folderId: string, file: string): string => `${folderId}/${file}`;

/** The reason in force: the reviewer's if set (`null` = cleared), else the original. */
export function currentReason(row: SampleRow): string | null {
  return row.review.reason === undefined ? row.originalReason : row.review.reason;
}
