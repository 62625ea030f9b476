// The per-record work in WebAssembly (wasm/record-index.c, driven by csv-scan-wasm.ts's indexCsv)
// against the module's JS range scanner, on random logs made to hit each record it must hand to
// JS: quote problems, role values new, long or quoted, cells kept as text, cells past the census's
// columns, rows wider or narrower than the audit's width, line ends that change, roles anchored at
// the end, more role values than its table holds, batches that fill up.
import { describe, expect, it } from 'vitest';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rangeScanner } from '../../../src/main/scan/range-scanner';
import { localHelpers } from '../../../src/main/scan/scan-helpers';
import { scannerFromSource } from '../../../src/main/scan/scanner-source';
import { refHash } from '../../../src/main/scan/ref-hash';
import type { ScanJob, ScanResult } from '../../../src/main/scan/scan-job';
import { plainResult } from './support/plain-result';
import { wholeFileJob } from './support/whole-file-job';

/** A small deterministic generator (mulberry32), so that a failure can be run again. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)];

function roleValue(next: () => number, distinct: number): string {
  const roll = next();
  if (roll < 0.1) return '';
  if (roll < 0.15) return `"quoted, ${Math.floor(next() * 5)}"`;
  if (roll < 0.2) return `long reason ${'x'.repeat(40)} ${Math.floor(next() * 3)}`;
  return `value ${Math.floor(next() * distinct)}`;
}

function timestamp(next: () => number): string {
  const roll = next();
  if (roll < 0.05) return '';
  if (roll < 0.1) return '"2024-01-02 03:04:05"';
  if (roll < 0.15) return 'not a time';
  const fraction = roll < 0.5 ? `.${String(Math.floor(next() * 1e6)).padStart(6, '0')}` : '';
  return `2024-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)} 1${Math.floor(next() * 9)}:0${Math.floor(next() * 9)}:3${Math.floor(next() * 9)}${fraction}`;
}

function cell(next: () => number): string {
  return pick(next, [
    'plain text',
    'flagged/image/abc/img.png',
    'img_3.png',
    '"{""path"": ""flagged/audio/x.wav"", ""is_file"": true}"',
    '"say ""hi"""',
    '"two\nlines"',
    '',
    'x\xff',
    '"a"b/c',
  ]);
}

function record(next: () => number, distinct: number, crlf: boolean): string {
  const cells = [cell(next), roleValue(next, distinct), roleValue(next, distinct), timestamp(next)];
  const roll = next();
  if (roll < 0.03) cells.push('extra');
  else if (roll < 0.06) cells.pop();
  else if (roll < 0.07) cells.push('', '');
  const text = cells.join(',');
  const end = crlf ? '\r\n' : next() < 0.01 ? '\r\n' : '\n';
  return next() < 0.005 ? `"open ${text}${end}` : text + end;
}

function writeLog(seed: number, rows: number, distinct: number): string {
  const next = random(seed);
  const crlf = next() < 0.5;
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) lines.push(record(next, distinct, crlf));
  const path = join(mkdtempSync(join(tmpdir(), 'flagdeck-index-')), 'log.csv');
  writeFileSync(path, Buffer.from(lines.join(''), 'latin1'));
  return path;
}

const ROLES: ScanJob['roles'][] = [
  { flag: 1, username: 2, timestamp: 3 },
  { flag: 1, username: 2, timestamp: 3, width: 4, anchor: 'end' },
  { flag: 1, username: 2, timestamp: 3, width: 4, anchor: 'timestamp-end' },
  { flag: 1, timestamp: 3 },
  {},
];

function job(fd: number, size: number, seed: number, chunkBytes: number): ScanJob {
  const next = random(seed * 31 + 7);
  const census = next() < 0.7;
  return wholeFileJob(fd, size, {
    roles: pick(next, ROLES),
    chunkBytes,
    ...(census
      ? {
          assets: {
            columns: [0, 1, 2, 3],
            loose: [next() < 0.5, true, true, true],
            pathKeys: ['path', 'is_file'],
            extensions: ['png', 'wav'],
            folderNames:
              next() < 0.5
                ? ['img_3.png', 'c'].map((name) => refHash(Buffer.from(name), 0, name.length))
                : null,
          },
        }
      : {}),
    ...(next() < 0.7 ? { audit: { width: next() < 0.7 ? 4 : null, columns: 4, utf8: true } } : {}),
  });
}

describe('the per-record work in WebAssembly', () => {
  const fromSource = scannerFromSource();

  it('indexes 60 random logs as the JS range scanner does, in chunks large and small', () => {
    expect(fromSource).toBeDefined();
    for (let seed = 1; seed <= 60; seed++) {
      const path = writeLog(seed, 300 + seed * 40, seed % 3 === 0 ? 5000 : 12);
      const size = statSync(path).size;
      const fd = openSync(path, 'r');
      try {
        for (const chunkBytes of [1 << 20, 4096]) {
          const wasm = plainResult(fromSource!(job(fd, size, seed, chunkBytes)));
          const js = plainResult(rangeScanner(localHelpers)(job(fd, size, seed, chunkBytes)));
          expect(wasm, `seed ${seed}, chunks of ${chunkBytes} bytes`).toEqual(js);
        }
      } finally {
        closeSync(fd);
        rmSync(path, { force: true });
      }
    }
  });

  it('tells apart role values whose hashes collide, however often they alternate', () => {
    // Two values with one FNV-1a hash (range-scanner.ts interns short values by it), found here.
    const next = random(5);
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    while (!pair) {
      const value = Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(next() * 26))).join(
        '',
      );
      let hash = 0x811c9dc5;
      for (let i = 0; i < value.length; i++) hash = Math.imul(hash ^ value.charCodeAt(i), 0x01000193);
      const other = seen.get(hash);
      if (other !== undefined && other !== value) pair = [other, value];
      else seen.set(hash, value);
    }
    const rows = Array.from(
      { length: 30000 },
      (_, i) => `p ${i},${pair[i % 2]},${pair[(i >> 1) % 2]},2024-01-01\n`,
    );
    const path = join(mkdtempSync(join(tmpdir(), 'flagdeck-index-')), 'log.csv');
    writeFileSync(path, rows.join(''));
    const fd = openSync(path, 'r');
    try {
      const scan = (scanner: (job: ScanJob) => ScanResult) =>
        plainResult(
          scanner(
            wholeFileJob(fd, statSync(path).size, {
              roles: { flag: 1, username: 2, timestamp: 3 },
              chunkBytes: 1 << 20,
            }),
          ),
        );
      const wasm = scan(fromSource!);
      expect(wasm).toEqual(scan(rangeScanner(localHelpers)));
      expect(wasm.reasonRaws).toEqual(pair);
    } finally {
      closeSync(fd);
      rmSync(path, { force: true });
    }
  });

  it('scans on in JS a range whose role values are nearly all new, and agrees', () => {
    const rows = Array.from(
      { length: 40000 },
      (_, i) => `img_${i}.png,${i % 7 === 0 ? 'wrong' : ''},user ${i},2024-01-01 00:00:0${i % 10}\n`,
    );
    const path = join(mkdtempSync(join(tmpdir(), 'flagdeck-index-')), 'log.csv');
    writeFileSync(path, rows.join(''));
    const size = statSync(path).size;
    const fd = openSync(path, 'r');
    try {
      for (const chunkBytes of [1 << 16, 1 << 20]) {
        const wasm = plainResult(fromSource!(job(fd, size, 4, chunkBytes)));
        expect(wasm).toEqual(plainResult(rangeScanner(localHelpers)(job(fd, size, 4, chunkBytes))));
        expect(wasm.count).toBe(40000);
      }
    } finally {
      closeSync(fd);
      rmSync(path, { force: true });
    }
  });

  it('fills several batches of rows, and more role values than its table holds', () => {
    const path = writeLog(99, 30000, 12000);
    const size = statSync(path).size;
    const fd = openSync(path, 'r');
    try {
      const wasm = plainResult(fromSource!(job(fd, size, 2, 1 << 20)));
      const js = plainResult(rangeScanner(localHelpers)(job(fd, size, 2, 1 << 20)));
      expect(wasm).toEqual(js);
      expect(wasm.count).toBeGreaterThan(20000);
      expect(new Set(wasm.reasons).size).toBeGreaterThan(8192);
    } finally {
      closeSync(fd);
      rmSync(path, { force: true });
    }
  });
});
