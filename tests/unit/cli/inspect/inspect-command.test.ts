// `flagdeck inspect`, run through its registered command on real folders.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commands } from '../../../../src/main/cli/commands';
import { UsageError } from '../../../../src/main/cli/command';
import type { FolderReport } from '../../../../src/main/cli/inspect/inspect-folder';
import { needsRealWorld, REAL_WORLD, realWorldMissing } from '../../../support/real-world';

// What the command prints (it writes to fd 1 itself: src/main/cli/stdout.ts).
const printed = vi.hoisted((): string[] => []);
vi.mock('../../../../src/main/cli/stdout', () => ({
  printLine: (line: string) => void printed.push(line),
  writeOut: (text: string) => void printed.push(text),
}));

const inspect = await commands.find((command) => command.name === 'inspect')?.load();

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  printed.length = 0;
  const err: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((text: string) => void err.push(text));
  if (!inspect) throw new Error('inspect is not registered');
  const code = await inspect.run(argv);
  return { code, out: printed.join('\n'), err: err.join('\n') };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('flagdeck inspect', () => {
  it.skipIf(realWorldMissing)(needsRealWorld('prints exactly the documented JSON object'), async () => {
    const folder = join(REAL_WORLD, 'Aditya-0009__Deepfake-image-detection/flagged');
    const { code, out } = await run([folder, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(out) as FolderReport;
    expect(Object.keys(report)).toEqual(['folder', 'logs', 'assets']);
    expect(report.folder).toBe(folder);
    expect(report.assets).toEqual({ resolved: 4, missing: 0, outside: 0 });
    expect(report.logs).toHaveLength(1);
    const [log] = report.logs;
    expect(Object.keys(log)).toEqual(['file', 'layout', 'rows', 'columns', 'errors']);
    expect(log).toMatchObject({ file: 'log.csv', layout: 'csv-logger', rows: 4, errors: [] });
    expect(log.columns.map((column) => `${column.name}:${column.kind}`)).toEqual([
      'Input Image:image',
      'True Label:label',
      'Prediction:label',
      'True Label:text',
      'Face with Explainability:text',
      'flag:flag',
      'username:username',
      'timestamp:timestamp',
    ]);
  });

  it.skipIf(realWorldMissing)(
    needsRealWorld('prints a readable table per log with warnings and asset counts'),
    async () => {
      const folder = join(REAL_WORLD, 'Abhishek708844__Health-companion/.gradio/flagged');
      const { code, out } = await run([folder]);
      expect(code).toBe(0);
      expect(out).toContain('dataset1.csv  (dataset, 2 rows)');
      expect(out).toContain('dataset2.csv  (dataset, 4 rows)');
      expect(out).toMatch(/ 2 {2}Upload Image +image/);
      expect(out).toContain('All assets: 11 resolved, 0 missing, 0 outside');
    },
  );

  it('groups the digits of large counts in the readable table', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'flagdeck-inspect-digits-'));
    const rows = Array.from(
      { length: 1234 },
      (_, row) => `r${row},flagged/${row}.png,,,2024-01-01 00:00:00\n`,
    );
    writeFileSync(join(folder, 'log.csv'), `text,image,flag,username,timestamp\n${rows.join('')}`);
    const { code, out } = await run([folder]);
    expect(code).toBe(0);
    expect(out).toContain('log.csv  (csv-logger, 1,234 rows)');
    expect(out).toContain('All assets: 0 resolved, 1,234 missing, 0 outside');
  });

  it('exits 0 when rows have errors, listing them by line', async () => {
    const { code, out } = await run([join(__dirname, '../../../fixtures/malformed'), '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(out) as FolderReport;
    const middle = report.logs.find((log) => log.file === 'unterminated-quote-middle.csv');
    expect(middle?.errors).toEqual([
      { line: 3, message: 'unterminated quoted field (field 1) starting on line 3' },
    ]);
  });

  it('shows the first 20 errors of a log in the table and counts the rest', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'flagdeck-inspect-'));
    const broken = Array.from({ length: 25 }, (_, index) => `row ${index},bad \xff\n`).join('');
    writeFileSync(join(folder, 'log.csv'), Buffer.from(`text,number,timestamp\n${broken}`, 'latin1'));
    const { code, out } = await run([folder]);
    expect(code).toBe(0);
    expect(out.match(/error: line \d+: invalid UTF-8 in field 2/g)).toHaveLength(20);
    expect(out).toContain('… 5 more errors (all of them with --json)');
  });

  it('counts a path that leaves the folder as outside, and a Gradio temp copy as missing', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'flagdeck-inspect-'));
    mkdirSync(join(folder, 'img'));
    for (const name of ['a.png', 'b.png']) writeFileSync(join(folder, 'img', name), 'png');
    const cells = [
      'img/a.png',
      'img/b.png',
      '../../../../etc/passwd',
      '/etc/hostname',
      'C:\\Users\\ann\\AppData\\Local\\Temp\\gradio\\0f3a\\photo.png',
    ];
    const rows = cells.map((cell, index) => `${cell},,,2024-05-01 10:00:0${index}\r\n`).join('');
    writeFileSync(join(folder, 'log.csv'), `photo,flag,username,timestamp\r\n${rows}`);
    const { code, out } = await run([folder, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(out) as FolderReport;
    expect(report.logs[0].columns[0]).toEqual({ name: 'photo', kind: 'image' });
    expect(report.assets).toEqual({ resolved: 2, missing: 1, outside: 2 });
  });

  it('exits 2 with a clear message when the folder cannot be read', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'flagdeck-inspect-')), 'nope');
    const { code, err } = await run([missing]);
    expect(code).toBe(2);
    expect(err).toContain(`cannot read folder ${missing}: ENOENT`);
  });

  it('shows an indexing line on a terminal, and clears it before the report', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'flagdeck-inspect-'));
    const rows = Array.from({ length: 50 }, (_, index) => `row ${index},wrong,,2024-05-01 10:00:00\n`);
    writeFileSync(join(folder, 'log.csv'), `text,flag,username,timestamp\n${rows.join('')}`);
    let now = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => (now += 60));
    const tty = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
    Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true });
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => written.push(String(chunk)) > 0);
    try {
      const { code, out } = await run([folder]);
      expect(code).toBe(0);
      expect(out).toContain('log.csv  (csv-logger, 50 rows)');
    } finally {
      if (tty) Object.defineProperty(process.stderr, 'isTTY', tty);
      else delete (process.stderr as { isTTY?: boolean }).isTTY;
    }
    expect(written[0]).toBe('\r\x1b[Kindexing log.csv: 100% (50 rows)');
    expect(written.at(-1)).toBe('\r\x1b[K');
  });

  it('rejects a bad command line', async () => {
    await expect(run([])).rejects.toBeInstanceOf(UsageError);
    await expect(run(['a', '--yaml'])).rejects.toThrow('unknown option --yaml');
  });
});
