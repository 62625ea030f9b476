import { describe, expect, it } from 'vitest';
import { appendFileSync, mkdtempSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogShape } from '../../../src/main/gradio/log-model';
import { Interner } from '../../../src/main/log-index/intern';
import { LogIndex } from '../../../src/main/log-index/log-index';
import { changedReason, refreshLog } from '../../../src/main/follow/refresh-log';

const HEADER = 'text,flag,timestamp\r\n';
const shape: LogShape = {
  file: 'log.csv',
  layout: 'csv-logger',
  dialect: { quote: '"', bomLength: 0, encoding: 'utf-8' },
  dataStart: HEADER.length,
  dataLine: 2,
  header: ['text', 'flag', 'timestamp'],
  columns: [],
  roles: { flag: 1, timestamp: 2 },
  warnings: [],
  issues: [],
};

function setup(body: string) {
  const path = join(mkdtempSync(join(tmpdir(), 'flagdeck-refresh-')), 'log.csv');
  writeFileSync(path, HEADER + body);
  const log = new LogIndex(path, shape);
  const interners = { reasons: new Interner(), usernames: new Interner() };
  // `final`: the writer has been quiet at the size the file has now.
  const refresh = (final = false) =>
    refreshLog(log, interners, async () => shape, final ? statSync(path).size : undefined);
  return { path, log, refresh, interners };
}

describe('refreshLog', () => {
  it('reads only complete rows, and a tail without terminator only when final', async () => {
    const { path, log, refresh } = setup('a,x,2024-01-01 00:00:00\r\nb,y,2024-01-01 00:00:01\r\n"c half');
    expect(await refresh()).toMatchObject({ firstNew: 0, pendingTail: true });
    expect(log.count).toBe(2);
    appendFileSync(path, ' done",z,2024-01-01 00:00:02');
    expect(await refresh()).toMatchObject({ firstNew: 2, pendingTail: true });
    expect(log.count).toBe(2);
    expect(await refresh(true)).toMatchObject({ firstNew: 2, pendingTail: false });
    expect(log.count).toBe(3);
    expect(log.tailUnterminated).toBe(true);
    // The writer was not done after all: the row is read again, with a reset.
    appendFileSync(path, '.9\r\nd,,2024-01-01 00:00:03\r\n');
    const grown = await refresh();
    expect(grown.reset).toMatch(/last row was completed/);
    expect(log.count).toBe(4);
    expect(log.timestamps[2]).toBe(Date.UTC(2024, 0, 1, 0, 0, 2, 900));
  });

  it('leaves a row half-written after the writer was quiet: quiet means at the size found now', async () => {
    const { path, log } = setup('a,x,2024-01-01 00:00:00\r\n');
    const interners = { reasons: new Interner(), usernames: new Interner() };
    const quietSize = statSync(path).size;
    // The writer was quiet at `quietSize`, then started the next row before this refresh.
    appendFileSync(path, '"b, half');
    const result = await refreshLog(log, interners, async () => shape, quietSize);
    expect(result).toMatchObject({ firstNew: 0, pendingTail: true });
    expect(log.count).toBe(1);
    expect(log.errors).toEqual([]);
    appendFileSync(path, ' done",y,2024-01-01 00:00:01\r\n');
    expect(await refreshLog(log, interners, async () => shape, undefined)).toMatchObject({ firstNew: 1 });
    expect(log.count).toBe(2);
  });

  it('follows a lone-CR log: each appended row is read as soon as its CR is written', async () => {
    const crShape: LogShape = {
      ...shape,
      dialect: { ...shape.dialect, lineEnd: 'cr' },
      dataStart: HEADER.length - 1,
    };
    const path = join(mkdtempSync(join(tmpdir(), 'flagdeck-refresh-')), 'log.csv');
    writeFileSync(path, 'text,flag,timestamp\r"a\rtwo lines",x,2024-01-01 00:00:00\r');
    const log = new LogIndex(path, crShape);
    const interners = { reasons: new Interner(), usernames: new Interner() };
    const refresh = () => refreshLog(log, interners, async () => crShape, undefined);
    expect(await refresh()).toMatchObject({ firstNew: 0, pendingTail: false });
    appendFileSync(path, 'b,y,2024-01-01 00:00:01\r');
    expect(await refresh()).toMatchObject({ firstNew: 1, pendingTail: false });
    appendFileSync(path, 'c,z,2024-01-01 00:00:02');
    expect(await refresh()).toMatchObject({ firstNew: 2, pendingTail: true });
    appendFileSync(path, '\rd,,2024-01-01 00:00:03\r');
    expect(await refresh()).toMatchObject({ firstNew: 2, pendingTail: false });
    expect(log.count).toBe(4);
    // Lines are counted at CR: the two-line first row starts on line 2, the others after it.
    expect(Array.from(log.lines.subarray(0, 4))).toEqual([2, 4, 5, 6]);
    expect(Array.from(log.timestamps.subarray(0, 4))).toEqual(
      [0, 1, 2, 3].map((s) => Date.UTC(2024, 0, 1, 0, 0, s)),
    );
    expect(log.errors).toEqual([]);
  });

  it('says a log rewritten shorter shrank, even when its size was taken just before the rewrite', async () => {
    const { path, log, refresh } = setup('a,x,2024-01-01 00:00:00\r\nb,y,2024-01-01 00:00:01\r\n');
    await refresh();
    const sizeBefore = statSync(path).size;
    const shorter = HEADER + 'new,,2024-01-02 00:00:00\r\n';
    writeFileSync(path, shorter);
    expect(await changedReason(log, sizeBefore)).toBe(
      `the log shrank from ${sizeBefore} to ${shorter.length} bytes`,
    );
  });

  it('notices a rewrite before the last read row, even at the same size', async () => {
    const { path, log, refresh, interners } = setup('a,x,2024-01-01 00:00:00\r\nb,y,2024-01-01 00:00:01\r\n');
    await refresh();
    expect(log.count).toBe(2);
    writeFileSync(path, HEADER + 'a,x,2024-01-01 00:00:00\r\nB,q,2024-01-01 00:00:01\r\n');
    const result = await refresh();
    expect(result.reset).toMatch(/rewritten/);
    expect(log.count).toBe(2);
    expect(interners.reasons.valueOf(log.reasons[1])).toBe('q');
  });

  it('starts over when the log shrinks or disappears', async () => {
    const { path, log, refresh } = setup('a,x,2024-01-01 00:00:00\r\nb,y,2024-01-01 00:00:01\r\n');
    await refresh();
    writeFileSync(path, HEADER + 'z,,2024-01-01 00:00:09\r\n');
    expect((await refresh()).reset).toMatch(/shrank/);
    expect(log.count).toBe(1);
    const { rmSync } = await import('node:fs');
    rmSync(path);
    expect((await refresh()).reset).toMatch(/removed/);
    expect(log.count).toBe(0);
  });

  describe('a poll of a log that has not changed', () => {
    const ROWS = 'a,x,2024-01-01 00:00:00\r\nb,y,2024-01-01 00:00:01\r\n';
    const SAME_SIZE = 'a,x,2024-01-01 00:00:00\r\nB,Y,2024-01-01 00:00:01\r\n';
    /** The log last written a minute ago, refreshed once since. */
    async function quietLog() {
      const made = setup(ROWS);
      // Whole seconds: a time set again is then the one seen, to the nanosecond.
      const minuteAgo = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
      utimesSync(made.path, minuteAgo, minuteAgo);
      await made.refresh();
      return { ...made, minuteAgo };
    }

    it('trusts its size, inode and modification time: nothing is read', async () => {
      const { path, log, refresh, minuteAgo } = await quietLog();
      // Rewritten in place to the same size, its time set back: only reading would tell.
      writeFileSync(path, HEADER + SAME_SIZE);
      utimesSync(path, minuteAgo, minuteAgo);
      expect(await refresh()).toEqual({ firstNew: 2, pendingTail: false, size: statSync(path).size });
      expect(log.count).toBe(2);
    });

    it('reads again once its modification time or inode changed', async () => {
      const { path, log, refresh } = await quietLog();
      writeFileSync(path, HEADER + SAME_SIZE);
      expect((await refresh()).reset).toMatch(/rewritten before its last read row/);
      expect(log.count).toBe(2);
      const again = await quietLog();
      // Copied over in place with its own time kept (`cp -p`): an older time, not the one seen.
      writeFileSync(again.path, HEADER + SAME_SIZE);
      const older = new Date(again.minuteAgo.getTime() - 60_000);
      utimesSync(again.path, older, older);
      expect((await again.refresh()).reset).toMatch(/rewritten before its last read row/);
      const moved = await quietLog();
      // Replaced by another file (rsync writes a copy and renames it) with the same size and time.
      writeFileSync(`${moved.path}.new`, HEADER + SAME_SIZE);
      utimesSync(`${moved.path}.new`, moved.minuteAgo, moved.minuteAgo);
      renameSync(`${moved.path}.new`, moved.path);
      expect((await moved.refresh()).reset).toMatch(/rewritten before its last read row/);
    });

    it('reads again when its last change came just before the last look (the time cannot tell)', async () => {
      const { path, refresh } = setup(ROWS);
      // A whole second, so that the time set below is the one seen, to the nanosecond.
      const second = new Date(Math.floor(Date.now() / 1000) * 1000);
      utimesSync(path, second, second);
      await refresh();
      writeFileSync(path, HEADER + SAME_SIZE);
      utimesSync(path, second, second);
      expect((await refresh()).reset).toMatch(/rewritten before its last read row/);
    });
  });
});
