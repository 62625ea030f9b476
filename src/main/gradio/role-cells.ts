// Which cell of a row holds its flag reason, username and timestamp. The header is not a schema:
// Gradio's 3.x/4.x CSVLogger (and ClassicCSVLogger, the HF saver) end every row with those cells,
// whatever components the row has, so in a row wider or narrower than the header they sit at the
// row's end, not under their header names. Gradio 5's CSVLogger ends every row with the timestamp
// but writes flag / username only when the call had them, so only the timestamp moves.
// (The byte scanner in ../scan/scan-job.ts runs in worker threads and repeats this arithmetic.)
import type { LogShape } from './log-model';

export type Role = 'flag' | 'username' | 'timestamp';

export function roleCell(roles: LogShape['roles'], role: Role, cells: number): number | undefined {
  const position = roles[role];
  if (position === undefined) return undefined;
  const width = roles.width ?? cells;
  if (cells === width || roles.anchor === undefined) return position < cells ? position : undefined;
  if (roles.anchor === 'end' || role === 'timestamp') {
    const fromEnd = cells - (width - position);
    return fromEnd >= 0 ? fromEnd : undefined;
  }
  // 'timestamp-end': flag / username stay in place unless that place is the row's timestamp.
  return position < cells - 1 ? position : undefined;
}
