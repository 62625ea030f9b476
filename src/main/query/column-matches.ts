// `column = value` filters: one bit per row saying whether the row's cell (decoded as the reader
// shows it) is one of the wanted values, from one pass over the log's bytes, extended on append.
// Values are compared as UTF-8 bytes: no column's values are ever held as strings.
import { rowColumns } from './worker-rows';
import { undoInjectionEscape } from '../gradio/injection-escape';
import type { LogIndex } from '../log-index/log-index';
import { readRecords } from '../log-index/read-records';
import { fs } from '../platform/node-fs';
import { forEachValue, visitLeftRows, type VisitValue } from './column-bytes';
import { mappedArray } from './mapped-arrays';
import { isWanted, matchJob, type MatchJob, type Wanted } from './column-match-job';
import { WALKER, walkerProgram } from './row-walker';
import { fromEndFields } from './read-direction';
import { startWorker } from './function-worker';

/** From how many new rows a log is tested on two threads, and how the last such update went (tests). */
export const MATCH_SPLIT = { minRows: 100_000, last: 'none' as 'none' | 'two threads' | 'worker failed' };

let program: string | undefined;

export class ColumnMatches implements Wanted {
  hits = new Uint8Array(0);
  upTo = 0;
  generation = -1;
  readonly wanted: Buffer[];
  readonly wantsEmpty: boolean;

  constructor(
    readonly column: number,
    values: readonly string[],
  ) {
    this.wanted = values.filter((value) => value !== '').map((value) => Buffer.from(value, 'utf8'));
    this.wantsEmpty = values.includes('');
  }

  async update(log: LogIndex): Promise<Uint8Array> {
    if (this.generation !== log.generation) {
      this.hits = new Uint8Array(0);
      this.upTo = 0;
      this.generation = log.generation;
    }
    if (this.upTo >= log.count) return this.hits;
    if (this.hits.length < log.count) {
      const hits = mappedArray(Uint8Array, Math.max(log.count, this.hits.length * 2));
      hits.set(this.hits);
      this.hits = hits;
    }
    const mark: VisitValue = (row, bytes, from, to) => {
      this.hits[row] = isWanted(this, bytes, from, to) ? 1 : 0;
    };
    if (log.source) {
      const rows = Array.from({ length: log.count - this.upTo }, (_, i) => this.upTo + i);
      const records = await readRecords(log, rows);
      records.forEach((record, i) => {
        const cell = record.cells[this.column];
        const bytes =
          cell === undefined || cell === '' ? null : Buffer.from(undoInjectionEscape(cell), 'utf8');
        mark(rows[i], bytes, 0, bytes?.length ?? 0);
      });
    } else if (log.shape.dialect.encoding === 'utf-8' && log.count - this.upTo >= MATCH_SPLIT.minRows) {
      await this.markOnTwoThreads(log, mark);
    } else forEachValue(log, this.column, this.upTo, log.count, mark);
    this.upTo = log.count;
    return this.hits;
  }

  /**
   * The new rows' later half tested by a worker thread while this one tests the first, both
   * through the row walker; the rows it leaves are read through the exact scanner here.
   */
  private async markOnTwoThreads(log: LogIndex, mark: VisitValue): Promise<void> {
    const mid = this.upTo + Math.floor((log.count - this.upTo) / 2);
    const transfer: ArrayBuffer[] = [];
    const rowsFrom = (from: number, to: number, own: boolean): MatchJob => ({
      path: log.path,
      quote: log.shape.dialect.quote.charCodeAt(0),
      column: this.column,
      fields: fromEndFields(log, this.column),
      keepDoubled: false,
      ...rowColumns(log, from, to, null, own ? transfer : null),
      wanted: this.wanted,
      wantsEmpty: this.wantsEmpty,
    });
    const markFound = (from: number, found: { hits: Uint8Array; left: number[] }): void => {
      this.hits.set(found.hits, from);
      visitLeftRows(log, this.column, from, found.left, (row, value, length) => mark(row, value, 0, length));
    };
    program ??= [
      walkerProgram(),
      ...[isWanted, matchJob].map(String),
      `const run = (job) => ${matchJob.name}(job, fs, walker, ${isWanted.name});`,
    ].join('\n');
    const later = rowsFrom(mid, log.count, true);
    const started = await startWorker<{ hits: Uint8Array; left: number[] }>(program, later, transfer).catch(
      () => null,
    );
    const finished = started?.done.catch(() => null);
    markFound(this.upTo, matchJob(rowsFrom(this.upTo, mid, false), fs, WALKER, isWanted));
    const found = (await finished) ?? null;
    MATCH_SPLIT.last = found === null ? 'worker failed' : 'two threads';
    if (found === null) forEachValue(log, this.column, mid, log.count, mark);
    else markFound(mid, found);
  }
}
