// The seam between the reader (this folder: what Gradio wrote and what it means) and the index
// (../index: scanning, storing and querying many rows fast). The index only uses what is here.
import type { Cell, Column, LogIssue, LogLayout } from '../../shared/model';

/** How a log's bytes are to be split into records. */
export interface CsvDialect {
  /** `"` everywhere except Gradio ≤ 3.1.7, which quoted every field with `'`. */
  quote: '"' | "'";
  /** Bytes to skip at the start of the file (a UTF-8 BOM an editor added: 3). */
  bomLength: number;
  /** `utf-8`, or `windows-1252` for old SimpleCSVLogger files written on Windows. */
  encoding: 'utf-8' | 'windows-1252';
  /** `jsonl` for the HF saver's per-sample `metadata.jsonl` (one JSON object per line); CSV otherwise. */
  format?: 'jsonl';
  /** `cr` when the first record ends with a lone CR (classic Mac): see line-end.ts. */
  lineEnd?: 'cr';
}

/** One CSV record as found in the file, before any meaning is given to its cells. */
export interface RawRecord {
  cells: string[];
  /** 1-based physical line where the record starts (lines end at the log's newline byte: line-end.ts). */
  line: number;
  /** Byte offsets of the record in the file: [start, end), `end` past its line terminator. */
  start: number;
  end: number;
  /** The record's line terminator; absent on a last record that has none. */
  eol?: 'crlf' | 'lf' | 'cr';
  /** sha256 (hex, first 16 chars) of the record's bytes without its line terminator. */
  hash: string;
  /**
   * Set when the record is malformed. With cells, the row still loads (e.g. invalid UTF-8 shown as
   * U+FFFD, NUL as U+FFFD); with no cells the record could not be read at all and is not a row.
   */
  error?: LogIssue;
}

/** Splits a log's bytes into records. Two implementations must agree record for record, cell for cell. */
export interface RecordSource {
  /**
   * Reads complete records from `start` (a record boundary) up to the end of the file as it is now.
   * `line` is the 1-based line at `start` (counted from the file when omitted).
   * A trailing record without its line terminator is only returned when `final` is true
   * (a writer may still be appending to it). Blank lines are not records.
   */
  records(
    file: string,
    dialect: CsvDialect,
    options?: { start?: number; line?: number; final?: boolean },
  ): AsyncIterable<RawRecord>;
}

/** What the reader concludes about one log from its header and first records. */
export interface LogShape {
  /** Relative to the folder, `/`-separated. */
  file: string;
  layout: LogLayout;
  dialect: CsvDialect;
  /** Byte offset where data records begin (after the header, if any). */
  dataStart: number;
  /** 1-based line of the first data record. */
  dataLine: number;
  header: string[] | null;
  columns: Column[];
  /**
   * Which column holds the flag reason / username / timestamp, if any (by column index), and how
   * they move in rows wider or narrower than the header (`width` cells): `end` — they end every row
   * (CSVLogger 3.x/4.x, Classic, HF saver); `timestamp-end` — only the timestamp does (5.x
   * CSVLogger). Use `roleCell` (./roleCells) to find them in a row.
   */
  roles: {
    flag?: number;
    username?: number;
    timestamp?: number;
    width?: number;
    anchor?: 'end' | 'timestamp-end';
  };
  warnings: string[];
  /** Problems of the file as a whole, located by line (a BOM, an empty file). */
  issues: LogIssue[];
  /** The data records the shape was read from, and their bytes: the rows' size before a scan. */
  probe?: { rows: number; bytes: number };
}

/** Everything cell decoding needs to know about where the log lives. */
export interface FolderContext {
  /** Absolute path of the opened flagging folder. */
  root: string;
  /** Absolute path of the log's own directory. */
  logDir: string;
}
/** The reader's answers, used by the index. */
export interface GradioReader {
  /** Every log in a folder (`*.csv`, HF saver `data.csv`, `<uuid>/metadata.jsonl`), relative paths. */
  findLogs(root: string): Promise<string[]>;
  /** Layout, dialect, columns and roles, from the header and the first records. */
  shapeOf(root: string, file: string): Promise<LogShape>;
  /** A cell for display: escape undone, JSON parsed, asset references found and resolved. */
  decodeCell(raw: string, column: Column, context: FolderContext): Promise<Cell>;
}

export type { Cell, Column, LogIssue };
