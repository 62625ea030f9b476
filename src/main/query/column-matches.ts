// `column = value` filters: one bit per row saying whether the row's cell (decoded as the reader
// shows it) is one of the wanted values, from one pass over the log's bytes, extended on append.
// Values are compared as UTF-8 bytes: no column's values are ever held as strings.
import { undoInjectionEscape } from '../gradio/injection-escape';
import type { LogIndex } from '../log-index/log-index';
import { readRecords } from '../log-index/read-records';
import { forEachValue, visitLeftRows } from './column-bytes';
import { mappedArray } from './mapped-arrays';
import { matchJob, type MatchJob } from './column-match-job';
import { walkerProgram } from './row-walker';
import { startWorker } from './function-worker';

/** From how many new rows a log is tested on two threads, and how the last such update went (tests). */
export const MATCH_SPLIT = { minRows: 100_000, last: 'none' as 'none' | 'two threads' | 'worker failed' };

let program: string | undefined;

function equalBytes(a: Uint8Array, b: Uint8Array, from: number, to: number): boolean {
  if (a.length !== to - from) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[from + i]) return false;
  return true;
}

export class ColumnMatches {
  hits = new Uint8Array(0);
  upTo = 0;
  generation = -1;
  private readonly wanted: Buffer[];
  private readonly wantsEmpty: boolean;

  constructor(
    readonly column: number,
    values: readonly string[],
  ) {
    this.wanted = values.filter((value) => value !== '').map((value) => Buffer.from(value, 'utf8'));
    this.wantsEmpty = values.includes('');
  }

  private matches(bytes: Uint8Array | null, from: number, to: number): boolean {
    if (bytes === null) return this.wantsEmpty;
    return this.wanted.some((value) => equalBytes(value, bytes, from, to));
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
    const mark = (row: number, bytes: Uint8Array | null, from: number, to: number): void => {
      this.hits[row] = this.matches(bytes, from, to) ? 1 : 0;
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

  /** The new rows' later half tested by a worker thread while this one tests the first. */
  private async markOnTwoThreads(
    log: LogIndex,
    mark: (row: number, bytes: Uint8Array | null, from: number, to: number) => void,
  ) {
    const mid = this.upTo + Math.floor((log.count - this.upTo) / 2);
    const job: MatchJob = {
      path: log.path,
      quote: log.shape.dialect.quote.charCodeAt(0),
      column: this.column,
      member: null,
      starts: log.starts.slice(mid, log.count),
      lengths: log.lengths.slice(mid, log.count),
      wanted: this.wanted,
      wantsEmpty: this.wantsEmpty,
    };
    program ??= [
      walkerProgram(),
      String(matchJob),
      `const run = (job) => ${matchJob.name}(job, fs, walker);`,
    ].join('\n');
    const started = await startWorker<{ hits: Uint8Array; left: number[] }>(program, job, [
      job.starts.buffer as ArrayBuffer,
      job.lengths.buffer as ArrayBuffer,
    ]).catch(() => null);
    const finished = started?.done.catch(() => null);
    forEachValue(log, this.column, this.upTo, mid, mark);
    const later = (await finished) ?? null;
    MATCH_SPLIT.last = later === null ? 'worker failed' : 'two threads';
    if (later === null) forEachValue(log, this.column, mid, log.count, mark);
    else {
      this.hits.set(later.hits, mid);
      visitLeftRows(log, this.column, mid, later.left, (row, value, length) => mark(row, value, 0, length));
    }
  }
}
