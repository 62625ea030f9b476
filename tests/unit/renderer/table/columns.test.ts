import { describe, expect, it } from 'vitest';
import type { FolderInfo, SampleRow } from '../../../../src/shared/model';
import { cellFor, cellIndex, tableColumns } from '../../../../src/renderer/src/features/table/columns';
import { currentReason } from '../../../../src/renderer/src/common/rows';

const log = (file: string, names: [string, string][]) => ({
  file,
  layout: 'dataset' as const,
  rows: 1,
  columns: names.map(([name, kind], index) => ({ index, name, kind: kind as 'text' })),
  errors: [],
  warnings: [],
  bytesIndexed: 1,
  bytesTotal: 1,
});

const folders: FolderInfo[] = [
  {
    id: 'f',
    path: '/x',
    name: 'x',
    readOnly: false,
    problems: [],
    logs: [
      log('dataset1.csv', [
        ['img', 'image'],
        ['out', 'label'],
        ['timestamp', 'timestamp'],
      ]),
      log('dataset2.csv', [
        ['text', 'text'],
        ['img', 'image'],
        ['flag', 'flag'],
      ]),
    ],
  },
];

const row = (
  file: string,
  texts: string[],
  review: SampleRow['review'] = { status: 'unreviewed', note: '' },
): SampleRow => ({
  folderId: 'f',
  id: `${file}#1`,
  log: file,
  ordinal: 1,
  line: 2,
  rowHash: 'h',
  cells: texts.map((t) => ({ raw: t, text: t, assets: [] })),
  originalReason: 'orig',
  username: null,
  timestamp: null,
  review,
});

describe('table columns', () => {
  it('unions data columns by name across logs, with original and review reasons side by side', () => {
    const ids = tableColumns(folders, {}).map((c) => c.id);
    expect(ids).toEqual([
      'ordinal',
      'log',
      'status',
      'originalReason',
      'reason',
      'img',
      'out',
      'text',
      'username',
      'timestamp',
    ]);
    const only2 = tableColumns(folders, { logs: ['f/dataset2.csv'] }).map((c) => c.id);
    expect(only2).toContain('text');
    expect(only2).not.toContain('out');
  });

  it('sizes columns by kind', () => {
    const cols = tableColumns(folders, {});
    const width = (id: string): number | undefined => cols.find((c) => c.id === id)?.width;
    expect(width('out')).toBeGreaterThan(width('ordinal') ?? 0);
    expect(width('text')).toBeGreaterThan(width('img') ?? 0);
  });

  it('finds a row’s cell by column name in its own log', () => {
    const index = cellIndex(folders);
    expect(cellFor(index, row('dataset2.csv', ['t', 'i.png', '']), 'img')?.text).toBe('i.png');
    expect(cellFor(index, row('dataset1.csv', ['i.png', 'cat', 'ts']), 'img')?.text).toBe('i.png');
    expect(cellFor(index, row('dataset1.csv', ['i.png']), 'text')).toBeUndefined();
  });

  it('takes the review reason over the original, with null meaning cleared', () => {
    expect(currentReason(row('dataset1.csv', []))).toBe('orig');
    expect(currentReason(row('dataset1.csv', [], { status: 'keep', note: '', reason: 'new' }))).toBe('new');
    expect(currentReason(row('dataset1.csv', [], { status: 'keep', note: '', reason: null }))).toBeNull();
  });
});

describe('columns of several folders', () => {
  const two: FolderInfo[] = [
    ...folders,
    {
      id: 'g',
      path: '/other/flagged',
      name: 'flagged',
      readOnly: false,
      problems: [],
      logs: [
        log('log.csv', [
          ['prompt', 'text'],
          ['answer', 'text'],
          ['img', 'image'],
        ]),
      ],
    },
  ];
  const dataTitles = (filter: object) =>
    tableColumns(two, filter)
      .filter((c) => c.type === 'data')
      .map((c) => c.title);

  it('adds a folder column naming each row’s folder', () => {
    const folder = tableColumns(two, {}).find((c) => c.id === 'folder');
    expect(folder?.type === 'fixed' && folder.labels?.get('g')).toBe('flagged');
    expect(tableColumns(folders, {}).some((c) => c.id === 'folder')).toBe(false);
  });

  it('shows one folder’s own columns, in its log’s order, when the filter holds that folder', () => {
    expect(dataTitles({ folderIds: ['g'] })).toEqual(['prompt', 'answer', 'img']);
    expect(dataTitles({})).toEqual(['img', 'out', 'text', 'prompt', 'answer']);
  });
});
