// The log both persisted-index tests write, and what a user of an index sees of it.
import type { LogIndex } from '../../../src/main/log-index/log-index';
import type { Interner } from '../../../src/main/log-index/intern';

export const HEADER = 'text,flag,username,timestamp\r\n';

/** Rows `from` to `to` of a CSVLogger log: every fourth text on two lines, reasons, some usernames. */
export function rows(from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const text = i % 4 === 0 ? `"row ${i}\nsecond line"` : `row ${i}`;
    const flag = ['', 'wrong', 'offensive'][i % 3];
    out += `${text},${flag},${i % 5 ? '' : `user${i % 7}`},2024-01-01 00:00:${String(i % 60).padStart(2, '0')}\r\n`;
  }
  return out;
}

/** Every row's offsets, line, reason, username and time, the scan's end and line, the errors. */
export function indexView(log: LogIndex, names: { reasons: Interner; usernames: Interner }) {
  const n = log.count;
  return {
    count: n,
    end: log.indexedEnd,
    line: log.scanState.line,
    starts: [...log.starts.subarray(0, n)],
    lengths: [...log.lengths.subarray(0, n)],
    lines: [...log.lines.subarray(0, n)],
    reasons: [...log.reasons.subarray(0, n)].map((code) => names.reasons.valueOf(code)),
    usernames: [...log.usernames.subarray(0, n)].map((code) => names.usernames.valueOf(code)),
    timestamps: [...log.timestamps.subarray(0, n)],
    errors: log.errors,
  };
}
