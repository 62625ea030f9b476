// The scanner made from source text (the workers' and, for large ranges, this thread's: WebAssembly
// byte walk and census) against the module's JS one, on a 2 MB log with every kind of row the index
// and the census look at: the same rows, role values, layout, asset cells and audit.
import { describe, expect, it } from 'vitest';
import { closeSync, mkdtempSync, openSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rangeScanner } from '../../../src/main/scan/range-scanner';
import { localHelpers } from '../../../src/main/scan/scan-helpers';
import { scannerFromSource } from '../../../src/main/scan/scanner-source';
import { refHash } from '../../../src/main/scan/ref-hash';
import type { ScanJob } from '../../../src/main/scan/scan-job';
import { plainResult } from './support/plain-result';
import { wholeFileJob } from './support/whole-file-job';

const kinds = [
  (i: number) => `flagged/image/${i}/img_${i}.png,wrong,ann,2024-01-01 00:00:${i % 60}.5\n`,
  (i: number) => `"{""path"": ""flagged/audio/${i}.wav"", ""is_file"": true}",,bob,2024-01-02 10:00:00\n`,
  (i: number) => `"say ""hi"" ${i}",other,,2024-01-03\n`,
  (i: number) => `plain ${i},wrong,ann,2024-01-01 00:00:03,extra\n`,
  (i: number) => `short ${i},wrong\n`,
  (i: number) => `"x\xff ${i}",,ann,2024-01-01 00:00:05\r\n`,
  (i: number) => `"a"b/c ${i},stray "quote",ann,\n`,
  (i: number) => `"two\nlines ${i}",kept,,2024-01-01 00:00:06\n`,
  (i: number) => `img_3.png,wrong ${i},"C:\\\\dir\\\\x.mp4",2024-01-01 00:00:07\n`,
];

function writeLog(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'flagdeck-source-')), 'log.csv');
  const rows: string[] = [];
  for (let i = 0; rows.length < 45000; i++) rows.push(kinds[(i * 7) % kinds.length](i));
  writeFileSync(path, Buffer.from(rows.join(''), 'latin1'));
  return path;
}

describe('the scanner made from source text', () => {
  it('scans a 2 MB log as the module JS scanner does, in chunks of 1 MiB and of 64 KiB', () => {
    const path = writeLog();
    const size = statSync(path).size;
    expect(size).toBeGreaterThan(2_000_000);
    const fromSource = scannerFromSource();
    expect(fromSource).toBeDefined();
    const fd = openSync(path, 'r');
    try {
      for (const chunkBytes of [1 << 20, 1 << 16]) {
        const job = (): ScanJob =>
          wholeFileJob(fd, size, {
            roles: { flag: 1, username: 2, timestamp: 3 },
            chunkBytes,
            assets: {
              columns: [0, 1, 2, 3],
              loose: [false, true, true, true],
              pathKeys: ['path', 'is_file'],
              extensions: ['png', 'wav', 'mp4'],
              folderNames: ['img_3.png', 'c'].map((name) => refHash(Buffer.from(name), 0, name.length)),
            },
            audit: { width: 4, columns: 4, utf8: true },
          });
        const wasm = plainResult(fromSource!(job()));
        const js = plainResult(rangeScanner(localHelpers)(job()));
        expect(wasm).toEqual(js);
        expect(wasm.count).toBeGreaterThan(44000);
        expect(wasm.assetCells?.missing.length).toBeGreaterThan(1000);
        expect(wasm.quoteIssues.length).toBeGreaterThan(0);
      }
    } finally {
      closeSync(fd);
    }
  });
});
