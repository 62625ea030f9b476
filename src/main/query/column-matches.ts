// `column = value` filters: one bit per row saying whether the row's cell (decoded as the reader
// shows it) is one of the wanted values, from one pass over the log's bytes, extended on append.
// Values are compared as UTF-8 bytes: no column's values are ever held as strings.
import { undoInjectionEscape } from '../gradio/injection-escape';
import type { LogIndex } from '../log-index/log-index';
import { readRecords } from '../log-index/read-records';
import { forEachValue } from './column-bytes';
import { mappedArray } from './mapped-arrays';

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
    } else forEachValue(log, this.column, this.upTo, log.count, mark);
    this.upTo = log.count;
    return this.hits;
  }
}
