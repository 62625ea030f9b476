import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLines } from '../../../src/main/review/journal-reader';
import { tempFolder } from './support/temp-folder';

describe('reading journal lines', () => {
  it('reads lines across its 4 MiB chunks whole, numbered, and leaves an unfinished tail pending', async () => {
    const dir = await tempFolder();
    const file = join(dir, 'journal.jsonl');
    // 30,000 lines of varying length with multi-byte characters: lines straddle chunk borders.
    const lines = Array.from({ length: 30_000 }, (_, i) => `{"n":${i},"text":"${'é'.repeat(i % 150)}"}`);
    await writeFile(file, `${lines.join('\n')}\n\n{"n":"unfinished`);
    const seen: [string, number][] = [];
    const read = await readLines(file, 0, 1, (text, lineNo) => seen.push([text, lineNo]));
    expect(seen).toHaveLength(lines.length);
    expect(seen.every(([text, lineNo], i) => text === lines[i] && lineNo === i + 1)).toBe(true);
    expect(read.pending).toBe(Buffer.byteLength('{"n":"unfinished'));
    expect(read.lineNo).toBe(lines.length + 2);

    const rest: string[] = [];
    await writeFile(file, `${lines.join('\n')}\n\n{"n":"unfinished"}\n`);
    const again = await readLines(file, read.offset, read.lineNo, (text) => rest.push(text));
    expect(rest).toEqual(['{"n":"unfinished"}']);
    expect(again.pending).toBe(0);
  });
});
