// One scanner per thread scans every range that thread takes: what it collected for one range must
// not leak into the next (rows, role values, asset cells, the record audit).
import { describe, expect, it } from 'vitest';
import { closeSync, mkdtempSync, openSync, readSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rangeScanner, scanRange } from '../../../src/main/scan/range-scanner';
import { localHelpers } from '../../../src/main/scan/scan-helpers';
import type { ScanHelpers, ScanJob } from '../../../src/main/scan/scan-job';
import { sharedColumns, viewsOf } from '../../../src/main/log-index/shared-columns';
import { plainResult } from './support/plain-result';
import { csvScanner } from './support/wasm-scanner';

const rows = [
  'photo.png,wrong,ann,2024-01-01 00:00:01\n',
  '"{""path"": ""a.wav""}",,bob,2024-01-01 00:00:02\n',
  'plain,wrong,ann,2024-01-01 00:00:03,extra\n',
  'dir/clip.mp4,other,,2024-01-01 00:00:04\n',
  'short,wrong\n',
  '"x\xff",,ann,2024-01-01 00:00:05\n',
];

function logWithRanges(): { path: string; cuts: number[] } {
  const path = join(mkdtempSync(join(tmpdir(), 'flagdeck-ranges-')), 'log.csv');
  const bytes = rows.map((row) => Buffer.from(row, 'latin1'));
  writeFileSync(path, Buffer.concat(bytes));
  const cuts = [0];
  for (const row of bytes) cuts.push(cuts[cuts.length - 1] + row.length);
  return { path, cuts };
}

const shared = {
  quote: 34,
  newline: 10,
  roles: { flag: 1, username: 2, timestamp: 3 },
  chunkBytes: 1 << 16,
  assets: {
    columns: [0, 1, 2, 3],
    loose: [true, true, true, true],
    pathKeys: ['path'],
    extensions: ['png', 'wav', 'mp4'],
    folderNames: null,
  },
  audit: { width: 4, columns: 4, utf8: true },
};

/** Jobs for ranges of `rows` rows each of the log whose rows start at `cuts`, the last one final. */
function rangesOf(fd: number, cuts: number[], rows: number): ScanJob[] {
  const firsts = Array.from({ length: (cuts.length - 1) / rows }, (_, k) => k * rows);
  return firsts.map((first) => ({
    ...shared,
    fd,
    from: cuts[first],
    to: cuts[first + rows],
    final: first + rows === cuts.length - 1,
    state: { line: 0 },
  }));
}

describe('rangeScanner', () => {
  it('scans range after range as fresh scans of each range would', () => {
    const { path, cuts } = logWithRanges();
    const fd = openSync(path, 'r');
    try {
      // Ranges of two rows each (the same collector and auditor serve every one).
      const jobs = rangesOf(fd, cuts, 2);
      const scan = rangeScanner(localHelpers);
      const again = jobs.map((job) => plainResult(scan(job)));
      const fresh = jobs.map((job) => plainResult(scanRange(job, localHelpers)));
      expect(again).toEqual(fresh);
      // Each range found its own: two rows, its own cells, its own audit.
      expect(again.map((range) => range.count)).toEqual([2, 2, 2]);
      expect(again.map((range) => range.assetCells?.cells[0])).toEqual([
        ['photo.png', '{"path": "a.wav"}'],
        ['dir/clip.mp4'],
        [],
      ]);
      expect(again.map((range) => range.audit?.wider)).toEqual([0, 1, 0]);
      expect(again.map((range) => range.audit?.narrower)).toEqual([0, 0, 1]);
      expect(again.map((range) => range.audit?.suspects)).toEqual([[], [], [1]]);
      expect(again.map((range) => range.reasonRaws)).toEqual([['wrong'], ['wrong', 'other'], ['wrong']]);
    } finally {
      closeSync(fd);
    }
  });

  it('leaves the role columns unwritten when the pass leaves roles out, in JS and in WebAssembly', () => {
    const { path, cuts } = logWithRanges();
    const fd = openSync(path, 'r');
    try {
      const whole = { ...rangesOf(fd, cuts, cuts.length - 1)[0], roles: {} };
      for (const helpers of [localHelpers, { ...localHelpers, ...csvScanner }]) {
        const filled = (rolesLeftOut: boolean) => {
          const buffers = sharedColumns(8);
          const columns = viewsOf(buffers);
          for (const column of [columns.reasons, columns.usernames, columns.timestamps]) column.fill(7);
          const result = rangeScanner(helpers)({ ...whole, rolesLeftOut, into: { buffers, at: 0, room: 8 } });
          expect(result.filledInto).toBe(true);
          return { count: result.count, lines: [...columns.lines.subarray(0, 6)], columns };
        };
        const left = filled(true);
        const read = filled(false);
        // The rows themselves are found either way.
        expect(left.count).toBe(6);
        expect(left.lines).toEqual(read.lines);
        expect([...left.columns.reasons.subarray(0, 6)]).toEqual([7, 7, 7, 7, 7, 7]);
        expect([...left.columns.timestamps.subarray(0, 6)]).toEqual([7, 7, 7, 7, 7, 7]);
        // Without the pass's leave, the same job (no role to read) writes "none" in every row.
        expect([...read.columns.reasons.subarray(0, 6)]).toEqual([-1, -1, -1, -1, -1, -1]);
        expect([...read.columns.usernames.subarray(0, 6)]).toEqual([-1, -1, -1, -1, -1, -1]);
        expect(read.columns.timestamps.subarray(0, 6).every(Number.isNaN)).toBe(true);
      }
    } finally {
      closeSync(fd);
    }
  });

  it("reads each range into the WebAssembly instance's copy area, and finds there what the JS scanner finds", () => {
    const { path, cuts } = logWithRanges();
    const fd = openSync(path, 'r');
    try {
      const jobs = rangesOf(fd, cuts, 3);
      const areas: Buffer[] = [];
      const readInto: Uint8Array[] = [];
      const { readArea } = csvScanner;
      const helpers: ScanHelpers = {
        ...localHelpers,
        ...csvScanner,
        readArea: (...args: Parameters<NonNullable<typeof readArea>>) => {
          const area = readArea?.(...args);
          if (area) areas.push(area);
          return area;
        },
        readSync: (fd: number, buf: Uint8Array, offset: number, length: number, position: number) => {
          readInto.push(buf);
          return readSync(fd, buf, offset, length, position);
        },
      };
      const scan = rangeScanner(helpers);
      const inInstance = jobs.map((job) => plainResult(scan(job)));
      expect(inInstance).toEqual(jobs.map((job) => plainResult(scanRange(job, localHelpers))));
      expect(areas).toHaveLength(2);
      // Every read went into the area given for its range, itself (not a copy).
      expect(readInto.length).toBe(areas.length);
      expect(readInto.every((buffer, i) => buffer === areas[i])).toBe(true);
    } finally {
      closeSync(fd);
    }
  });
});
