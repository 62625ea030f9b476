// A whole log read into memory (for `flagdeck inspect` and tests; the index reads large logs in pages).
import { dirname, join, resolve } from 'node:path';
import type { Cell, Column, LogIssue } from '../../shared/model';
import type { LogShape, RawRecord } from './log-model';
import { KindVotes } from './column-kinds';
import { readCell } from './cell-reading';
import type { FolderReader } from './reader';
import { columnAt } from './column-probe';
import { takeWholeFile } from './whole-file';
import { wholeJsonlSource } from './jsonl-record-source';

export interface LogRow {
  /** 1-based data row number: the sample id is `<file>#<ordinal>`. */
  ordinal: number;
  line: number;
  rowHash: string;
  cells: Cell[];
}

export interface LogContents {
  shape: LogShape;
  rows: LogRow[];
  errors: LogIssue[];
}

const LINES_LISTED = 5;

/** `known`: the log's shape, read already (then not read again). */
export async function readLog(
  reader: FolderReader,
  root: string,
  file: string,
  known?: LogShape,
): Promise<LogContents> {
  const folder = resolve(root);
  const shape = known ?? (await reader.shapeOf(folder, file));
  const absolute = join(folder, file);
  const context = { root: folder, logDir: dirname(absolute) };
  const errors: LogIssue[] = [...shape.issues];
  const rows: LogRow[] = [];
  const expected = expectedWidth(shape);
  const endings = new LineEndings();
  const wider: number[] = [];
  const narrower: number[] = [];
  // A sample's log read whole for its shape is not read again.
  const whole = shape.dialect.format === 'jsonl' ? takeWholeFile(shape) : undefined;
  const source = whole ? wholeJsonlSource(whole) : reader.source;
  const records = source.records(absolute, shape.dialect, {
    start: shape.dataStart,
    line: shape.dataLine,
    final: true,
  });
  for await (const record of records) {
    if (record.error) errors.push(record.error);
    if (record.cells.length === 0) continue;
    const mixed = endings.see(record.eol, record.line);
    if (mixed) errors.push(mixed);
    if (expected !== undefined && record.cells.length > expected) wider.push(record.line);
    if (expected !== undefined && record.cells.length < expected) narrower.push(record.line);
    await widen(shape.columns, record.cells, reader, context);
    const cells: Cell[] = [];
    for (const [index, raw] of record.cells.entries())
      cells.push(await reader.decodeCell(raw, shape.columns[index], context));
    rows.push({ ordinal: rows.length + 1, line: record.line, rowHash: record.hash, cells });
  }
  shape.warnings.push(...raggedWarnings(wider.length, wider, narrower.length, narrower, expected ?? 0));
  return { shape, rows, errors };
}

/** The cells a row should have: the header's (4 in a chat log's 5-name header), else the columns'. */
export function expectedWidth(shape: LogShape): number | undefined {
  return shape.layout === 'chat' ? 4 : shape.header ? shape.header.length : shape.columns.length || undefined;
}

/** Gradio ends every record with CRLF; git may turn them to LF. A file with both was edited by hand. */
class LineEndings {
  private first: RawRecord['eol'];
  private reported = false;

  see(eol: RawRecord['eol'], line: number): LogIssue | undefined {
    if (!eol) return undefined;
    this.first ??= eol;
    if (eol === this.first || this.reported) return undefined;
    this.reported = true;
    return mixedLineEndsIssue(eol, this.first, line);
  }
}

/** The error for the first record that ends otherwise than the records before it. */
export function mixedLineEndsIssue(eol: string, first: string, line: number): LogIssue {
  return {
    line,
    message: `record ends with ${eol.toUpperCase()} but earlier records end with ${first.toUpperCase()} (mixed line endings; read anyway)`,
  };
}

/** A row wider than any seen before adds unnamed columns, typed by that row's cells. */
export async function widen(
  columns: Column[],
  cells: string[],
  reader: FolderReader,
  context: { root: string; logDir: string },
): Promise<void> {
  for (let index = columns.length; index < cells.length; index += 1) {
    const votes = new KindVotes();
    const reading = await readCell(cells[index], reader.resolverFor(context.root), context.logDir);
    votes.add(index, reading.kind, reading.hint);
    columns.push(columnAt({ names: [], fixed: new Map() }, index, votes));
  }
}

/** The warnings for `wider` rows with more cells than `width` and `narrower` rows with fewer (their first lines given). */
export function raggedWarnings(
  wider: number,
  widerLines: number[],
  narrower: number,
  narrowerLines: number[],
  width: number,
): string[] {
  const warnings: string[] = [];
  if (wider > 0)
    warnings.push(
      raggedWarning(wider, widerLines, 'more', width, 'extra cells are shown in unnamed columns'),
    );
  if (narrower > 0)
    warnings.push(raggedWarning(narrower, narrowerLines, 'fewer', width, 'cells are mapped by position'));
  return warnings;
}

function raggedWarning(
  count: number,
  lines: number[],
  side: 'more' | 'fewer',
  width: number,
  consequence: string,
): string {
  const listed = lines.slice(0, LINES_LISTED).join(', ') + (count > LINES_LISTED ? ', …' : '');
  const rows = count === 1 ? '1 row has' : `${count} rows have`;
  return `${rows} ${side} cells than the header's ${width} (line${count === 1 ? '' : 's'} ${listed}): ${consequence}`;
}
