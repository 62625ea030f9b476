// The JSON header of a persisted index file: what it says about the log it indexes, and the check
// that a parsed header has every field with the right type before anything of it is used.
import type { LogIssue } from '../../shared/model';
import type { LogShape } from '../gradio/log-model';
import type { RowLayout } from '../scan/scan-job';

/** What the file must say about the log it indexes before its columns may be used. */
export interface LogIdentity {
  /** The log's path relative to its folder. */
  file: string;
  /** Everything about the shape that decides where records and role cells are (see shapeKey). */
  shapeKey: string;
}

/** What the header says about the log as it was indexed. */
export interface IndexFileHeader extends LogIdentity {
  version: number;
  count: number;
  /** Rows per checksummed block of each column (the first block alone can be checked and used). */
  blockRows: number;
  indexedEnd: number;
  scanLine: number;
  tailUnterminated: boolean;
  /** sha256 of the log's first and last bytes before `indexedEnd` (see persisted-index.ts). */
  headHash: string;
  tailHash: string;
  reasons: string[];
  usernames: string[];
  errors: LogIssue[];
  /** How the rows are written (absent from files of Flagdeck before it was kept: not known). */
  rowLayout?: RowLayout;
}

/** The part of a shape the index depends on: dialect, where data starts, where the role cells are. */
export function shapeKey(shape: LogShape): string {
  const { dialect, dataStart, dataLine, roles } = shape;
  return JSON.stringify({ dialect, dataStart, dataLine, roles });
}

export function parseHeader(bytes: Buffer): IndexFileHeader | undefined {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return isHeader(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isHeader(value: unknown): value is IndexFileHeader {
  if (typeof value !== 'object' || value === null) return false;
  const h = value as Record<string, unknown>;
  const numbers = ['version', 'count', 'indexedEnd', 'scanLine'];
  const strings = ['file', 'shapeKey', 'headHash', 'tailHash'];
  return (
    numbers.every((key) => Number.isSafeInteger(h[key]) && (h[key] as number) >= 0) &&
    Number.isSafeInteger(h.blockRows) &&
    (h.blockRows as number) > 0 &&
    strings.every((key) => typeof h[key] === 'string') &&
    typeof h.tailUnterminated === 'boolean' &&
    [h.reasons, h.usernames].every(
      (list) => Array.isArray(list) && list.every((v) => typeof v === 'string'),
    ) &&
    Array.isArray(h.errors) &&
    h.errors.every(isIssue) &&
    (h.rowLayout === undefined || isRowLayout(h.rowLayout))
  );
}

function isRowLayout(value: unknown): value is RowLayout {
  if (typeof value !== 'object' || value === null) return false;
  const layout = value as Record<string, unknown>;
  return ['oddRows', 'fewestFields', 'mostFields'].every(
    (key) => Number.isSafeInteger(layout[key]) && (layout[key] as number) >= 0,
  );
}

function isIssue(value: unknown): value is LogIssue {
  if (typeof value !== 'object' || value === null) return false;
  const issue = value as Record<string, unknown>;
  return (
    Number.isSafeInteger(issue.line) &&
    typeof issue.message === 'string' &&
    (issue.column === undefined || Number.isSafeInteger(issue.column))
  );
}
