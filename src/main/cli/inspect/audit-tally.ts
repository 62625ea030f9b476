// The record audit of a whole log for `flagdeck inspect`, merged from the scanned ranges in log
// order, then turned into exactly the warnings, errors and extra columns reading the log cell by
// cell gives (gradio/read-log.ts): the scan only says which rows to look at again.
import type { Column, LogIssue } from '../../../shared/model';
import type { FolderContext, LogShape } from '../../gradio/log-model';
import { expectedWidth, mixedLineEndsIssue, raggedWarnings, widen } from '../../gradio/read-log';
import type { FolderReader } from '../../gradio/reader';
import type { LogIndex } from '../../log-index/log-index';
import { readRecords } from '../../log-index/read-records';
import type { EolKind, RecordAudit } from '../../scan/record-audit';
import type { RecordAuditCollector } from '../../scan/scan-job';

const EOL_NAMES = ['', 'lf', 'crlf', 'cr'] as const;
const LINES_KEPT = 5;

/** What the audit of a log comes to, as kept beside its index (see census-file.ts). */
export interface AuditState {
  wider: number;
  widerLines: number[];
  narrower: number;
  narrowerLines: number[];
  /** Rows (0-based) each wider than the log's columns and every row before it, and the widest's cells. */
  widening: number[];
  widest: number;
  firstEol: EolKind;
  /** The first record ending otherwise than the first one: its line end and line (-1: none). */
  otherEol: EolKind;
  otherEolLine: number;
  /** Rows whose cells may be invalid UTF-8 or hold a NUL, before they are read again. */
  suspects: number[];
  /** Those rows' problems, once read. */
  problems: LogIssue[];
}

export class AuditTally {
  readonly state: AuditState = {
    wider: 0,
    widerLines: [],
    narrower: 0,
    narrowerLines: [],
    widening: [],
    widest: 0,
    firstEol: 0,
    otherEol: 0,
    otherEolLine: -1,
    suspects: [],
    problems: [],
  };

  constructor(private readonly shape: LogShape) {
    this.state.widest = shape.columns.length;
  }

  /** A tally resumed from a kept state. */
  static of(shape: LogShape, state: AuditState): AuditTally {
    const tally = new AuditTally(shape);
    Object.assign(tally.state, state);
    return tally;
  }

  collector(): RecordAuditCollector {
    const width = expectedWidth(this.shape);
    return {
      job: {
        width: width ?? null,
        columns: this.shape.columns.length,
        utf8: this.shape.dialect.encoding !== 'windows-1252',
      },
      take: (audit, firstRow, lineOffset) => this.take(audit, firstRow, lineOffset),
    };
  }

  /** Adds a scanned range's audit; ranges come in log order. */
  take(audit: RecordAudit, firstRow: number, lineOffset: number): void {
    const state = this.state;
    state.wider += audit.wider;
    state.narrower += audit.narrower;
    const lines = (list: number[]) => list.map((line) => line + lineOffset);
    state.widerLines = [...state.widerLines, ...lines(audit.widerLines)].slice(0, LINES_KEPT);
    state.narrowerLines = [...state.narrowerLines, ...lines(audit.narrowerLines)].slice(0, LINES_KEPT);
    for (let i = 0; i < audit.widening.length; i += 2) {
      if (audit.widening[i + 1] <= state.widest) continue;
      state.widest = audit.widening[i + 1];
      state.widening.push(audit.widening[i] + firstRow);
    }
    for (const row of audit.suspects) state.suspects.push(row + firstRow);
    if (audit.firstEol === 0 || state.otherEolLine >= 0) return;
    if (state.firstEol === 0) {
      state.firstEol = audit.firstEol;
      state.otherEol = audit.otherEol;
      state.otherEolLine = audit.otherEolLine < 0 ? -1 : audit.otherEolLine + lineOffset;
    } else if (audit.firstEol !== state.firstEol) {
      state.otherEol = audit.firstEol;
      state.otherEolLine = audit.firstEolLine + lineOffset;
    } else if (audit.otherEolLine >= 0) {
      state.otherEol = audit.otherEol;
      state.otherEolLine = audit.otherEolLine + lineOffset;
    }
  }

  /** Reads the suspect rows again: their cell problems (a row's quote error takes precedence). */
  async readSuspects(log: LogIndex): Promise<void> {
    const suspects = this.state.suspects.splice(0);
    if (suspects.length === 0) return;
    const quoteErrorLines = new Set(log.errors.map((error) => error.line));
    for (const record of await readRecords(log, suspects))
      if (record.error && !quoteErrorLines.has(record.line)) this.state.problems.push(record.error);
  }

  /** Adds the columns the widening rows bring, typed by their cells, as reading the log does. */
  async widenColumns(log: LogIndex, reader: FolderReader, context: FolderContext): Promise<Column[]> {
    const before = this.shape.columns.length;
    if (this.state.widening.length === 0) return [];
    for (const record of await readRecords(log, this.state.widening))
      await widen(this.shape.columns, record.cells, reader, context);
    return this.shape.columns.slice(before);
  }

  warnings(): string[] {
    const { wider, widerLines, narrower, narrowerLines } = this.state;
    return raggedWarnings(wider, widerLines, narrower, narrowerLines, expectedWidth(this.shape) ?? 0);
  }

  /** The log's errors in the reader's order: by line, a record's own error before the line-end one. */
  errors(log: LogIndex): LogIssue[] {
    const { firstEol, otherEol, otherEolLine } = this.state;
    const records = [...log.errors, ...this.state.problems].sort((a, b) => a.line - b.line);
    if (otherEolLine >= 0) {
      const at = records.findIndex((error) => error.line > otherEolLine);
      const mixed = mixedLineEndsIssue(EOL_NAMES[otherEol], EOL_NAMES[firstEol], otherEolLine);
      records.splice(at < 0 ? records.length : at, 0, mixed);
    }
    return [...this.shape.issues, ...records];
  }
}
