import { describe, expect, it } from 'vitest';
import type { FolderInfo } from '../../../../src/shared/model';
import { overallProgress } from '../../../../src/renderer/src/features/workspace/index-progress';

const log = (file: string, bytesIndexed: number, bytesTotal: number, rows: number) => ({
  file,
  layout: 'dataset' as const,
  rows,
  columns: [],
  errors: [],
  warnings: [],
  bytesIndexed,
  bytesTotal,
});
const folder = (id: string, logs: ReturnType<typeof log>[]): FolderInfo => ({
  id,
  path: `/${id}`,
  name: id,
  logs,
  readOnly: false,
  problems: [],
});

describe('overallProgress', () => {
  it('sums every log, and is null once all are indexed', () => {
    const folders = [folder('a', [log('x.csv', 50, 100, 5)]), folder('b', [log('y.csv', 200, 200, 20)])];
    expect(overallProgress(folders, new Map())).toEqual({ bytesIndexed: 250, bytesTotal: 300, rows: 25 });
    const done = new Map([['a/x.csv', { bytesIndexed: 100, bytesTotal: 100, rows: 10 }]]);
    expect(overallProgress(folders, done)).toBeNull();
  });

  it('never counts more indexed bytes than the file holds', () => {
    const folders = [folder('a', [log('x.csv', 0, 100, 0)])];
    const over = new Map([['a/x.csv', { bytesIndexed: 150, bytesTotal: 100, rows: 1 }]]);
    expect(overallProgress(folders, over)).toBeNull();
    expect(
      overallProgress(
        [folder('a', [log('x.csv', 10, 100, 1)]), folder('b', [log('y.csv', 0, 0, 0)])],
        new Map(),
      ),
    ).toEqual({
      bytesIndexed: 10,
      bytesTotal: 100,
      rows: 1,
    });
  });

  it('takes each event in place of its log, in the folder it names, and leaves out logs not listed yet', () => {
    const folders = [
      folder('a', [log('x.csv', 10, 100, 1), log('dir/y.csv', 100, 100, 10)]),
      folder('b', [log('x.csv', 0, 50, 0)]),
    ];
    const events = new Map([
      ['b/x.csv', { bytesIndexed: 25, bytesTotal: 50, rows: 3 }],
      ['a/dir/y.csv', { bytesIndexed: 100, bytesTotal: 120, rows: 11 }],
      ['a/new.csv', { bytesIndexed: 5, bytesTotal: 1000, rows: 1 }],
      ['c/x.csv', { bytesIndexed: 5, bytesTotal: 1000, rows: 1 }],
    ]);
    expect(overallProgress(folders, events)).toEqual({ bytesIndexed: 135, bytesTotal: 270, rows: 15 });
    // The same folders again: their sums are kept, the events still count.
    expect(overallProgress(folders, new Map())).toEqual({ bytesIndexed: 110, bytesTotal: 250, rows: 11 });
  });
});
