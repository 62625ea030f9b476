// One column's values for every row of a log as interned codes, built on first use (a filter or sort
// on that column) by scanning the rows' bytes again, and extended as rows are appended.
import { open } from 'node:fs/promises';
import { grown } from '../log-index/growable';
import type { Interner } from '../log-index/intern';
import type { LogIndex } from '../log-index/log-index';
import { roleText } from '../scan/role-text';
import { scanRange } from '../scan/scan-job';
import { localHelpers } from '../scan/scan-helpers';
import { readRecords } from '../log-index/read-records';
import { undoInjectionEscape } from '../gradio/injection-escape';

const ROWS_PER_STEP = 50_000;

export class ColumnValues {
  codes = new Int32Array(0);
  upTo = 0;
  generation = -1;

  constructor(
    readonly column: number,
    readonly interner: Interner,
  ) {}

  async update(log: LogIndex): Promise<Int32Array> {
    if (this.generation !== log.generation) {
      this.codes = new Int32Array(0);
      this.upTo = 0;
      this.generation = log.generation;
    }
    if (this.upTo >= log.count) return this.codes;
    this.codes = grown(this.codes, log.count);
    if (log.source) return this.updateFromRecords(log);
    const handle = await open(log.path, 'r');
    const decode = (raw: string): string | null => roleText(raw, log.shape.dialect);
    try {
      while (this.upTo < log.count) {
        const first = this.upTo;
        const last = Math.min(first + ROWS_PER_STEP, log.count) - 1;
        const result = scanRange(
          {
            fd: handle.fd,
            quote: log.shape.dialect.quote.charCodeAt(0),
            from: log.starts[first],
            to: log.starts[last] + log.lengths[last],
            final: true,
            state: { line: log.lines[first] },
            roles: { flag: this.column },
            chunkBytes: 4 * 1024 * 1024,
          },
          localHelpers,
        );
        // Raw bytes are interned per step only: a free-text column keeps one string per value.
        const local = result.reasonRaws.map((raw) => {
          const value = decode(raw);
          return value === null ? -1 : this.interner.code(value);
        });
        for (let i = 0; i < result.count; i++) {
          const code = result.reasons[i];
          this.codes[first + i] = code < 0 ? -1 : local[code];
        }
        this.upTo = last + 1;
        // Let other calls run between steps.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      await handle.close();
    }
    return this.codes;
  }

  /** For logs read through a RecordSource: the cells as the reader gives them. */
  private async updateFromRecords(log: LogIndex): Promise<Int32Array> {
    const rows = Array.from({ length: log.count - this.upTo }, (_, i) => this.upTo + i);
    const records = await readRecords(log, rows);
    records.forEach((record, i) => {
      const cell = record.cells[this.column];
      this.codes[rows[i]] =
        cell === undefined || cell === '' ? -1 : this.interner.code(undoInjectionEscape(cell));
    });
    this.upTo = log.count;
    return this.codes;
  }
}
