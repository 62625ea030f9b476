import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logSamples } from '../../../src/main/review/log-samples';
import { identify } from '../../../src/main/review/sample-directory';
import { tempFolder } from './support/temp-folder';

const log = [
  'text,output,flag,username,timestamp',
  'hello,world,,,2024-09-01 10:00:00.123456',
  'cat,dog,wrong label,ana,2024-09-01 10:00:05',
  '"multi\nline",x,blurry,,2024-09-01 10:00:09',
  '',
].join('\r\n');

describe('the samples the review CLI sees', () => {
  it('lists each data row with its id, row hash and original reason (an empty flag is no reason)', async () => {
    const root = await tempFolder();
    await writeFile(join(root, 'log.csv'), log);
    const samples = await logSamples.allSamples(root);
    expect(samples.map((s) => [s.id, s.originalReason])).toEqual([
      ['log.csv#1', null],
      ['log.csv#2', 'wrong label'],
      ['log.csv#3', 'blurry'],
    ]);
    expect(new Set(samples.map((s) => s.rowHash)).size).toBe(3);
    expect((await logSamples.allSamples(root)).map((s) => s.rowHash)).toEqual(samples.map((s) => s.rowHash));
  });

  it('gives a rewritten row another hash, and names unknown ids', async () => {
    const root = await tempFolder();
    await writeFile(join(root, 'log.csv'), log);
    const [before] = await identify(logSamples, root, ['log.csv#2']);
    await writeFile(join(root, 'log.csv'), log.replace('cat,dog', 'cat,fox'));
    const [after] = await identify(logSamples, root, ['log.csv#2']);
    expect(after.rowHash).not.toBe(before.rowHash);
    await expect(identify(logSamples, root, ['log.csv#4', 'log.csv#9'])).rejects.toThrow(
      /no such sample in .*: log\.csv#4, log\.csv#9/,
    );
    await expect(identify(logSamples, root, ['log.csv#2', 'nope'])).rejects.toThrow(
      '"nope" is not a sample id',
    );
  });
});
