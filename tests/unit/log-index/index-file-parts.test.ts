// An index file written in parts (its head, each column, its checksums): what it reads back as,
// whoever interned the log's values first, and while the log is read again as the file is written.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvLoggerShape } from './csv-logger-shape';
import { HEADER, rows } from './kept-index-log';
import { Interner } from '../../../src/main/log-index/intern';
import { LogIndex } from '../../../src/main/log-index/log-index';
import { indexLog } from '../../../src/main/log-index/index-log';
import { decodeIndexFile, encodeIndexFile, shapeKey } from '../../../src/main/log-index/index-file';

const HASHES = { headHash: 'h', tailHash: 't' };

function interners(otherLogFirst: boolean) {
  const names = { reasons: new Interner(), usernames: new Interner() };
  if (otherLogFirst) {
    names.reasons.code('from another log');
    names.usernames.code('someone else');
  }
  return names;
}

async function indexed(content: string, names: ReturnType<typeof interners>) {
  const path = join(mkdtempSync(join(tmpdir(), 'flagdeck-parts-')), 'log.csv');
  writeFileSync(path, content);
  const log = new LogIndex(path, csvLoggerShape('log.csv', HEADER));
  await indexLog(log, names, { final: true });
  return log;
}

const identity = (log: LogIndex) => ({ file: log.file, shapeKey: shapeKey(log.shape) });

/** The file's parts as one buffer of its own, decoded: each row's reason and username as text. */
async function readBack(log: LogIndex, parts: Uint8Array[]) {
  const decoded = await decodeIndexFile(Buffer.from(Buffer.concat(parts)), identity(log));
  if (!decoded.ok) throw new Error(decoded.reason);
  const { header, columns } = decoded;
  return {
    starts: [...columns.starts],
    // -1: no such cell, null as the interner gives it.
    reasons: [...columns.reasons].map((code) => header.reasons[code] ?? null),
    usernames: [...columns.usernames].map((code) => header.usernames[code] ?? null),
  };
}

function asWritten(log: LogIndex, names: ReturnType<typeof interners>) {
  const n = log.count;
  return {
    starts: [...log.starts.subarray(0, n)],
    reasons: [...log.reasons.subarray(0, n)].map((code) => names.reasons.valueOf(code)),
    usernames: [...log.usernames.subarray(0, n)].map((code) => names.usernames.valueOf(code)),
  };
}

describe('an index file in parts', () => {
  it.each([
    ['its values interned first, in the order met (its codes kept as they are)', false],
    ["another log's values interned first (its codes rewritten)", true],
  ])('reads back each row as indexed: %s', async (_case, otherLogFirst) => {
    const names = interners(otherLogFirst);
    const log = await indexed(HEADER + rows(0, 3000), names);
    const { parts, size } = encodeIndexFile(log, identity(log), HASHES, names, 256);
    expect(parts.reduce((total, part) => total + part.length, 0)).toBe(size);
    const back = await readBack(log, parts);
    expect(back).toEqual(asWritten(log, names));
    expect(new Set(back.reasons)).toEqual(new Set([null, 'wrong', 'offensive']));
  });

  it.each([
    ['a small log (columns of its own)', 3000],
    ['a large log (shared columns)', 70_000],
  ])('stays as encoded while the log is read again from its start: %s', async (_case, count) => {
    const names = interners(false);
    const log = await indexed(HEADER + rows(0, count), names);
    expect(log.starts.buffer instanceof SharedArrayBuffer).toBe(count >= 65_536);
    const before = asWritten(log, names);
    const { parts } = encodeIndexFile(log, identity(log), HASHES, names, 4096);
    // The file rewritten with other rows, read again from its start into the same log.
    writeFileSync(log.path, HEADER + rows(count + 1, 2 * count + 1));
    log.truncateTo(0);
    await indexLog(log, names, { final: true });
    const after = asWritten(log, names);
    expect(after.starts).not.toEqual(before.starts);
    expect(after.reasons).not.toEqual(before.reasons);
    expect(await readBack(log, parts)).toEqual(before);
  });
});
