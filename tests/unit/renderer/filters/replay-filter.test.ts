// The replay filter as the filter bar edits it, and the table's replay column: shown once a folder
// has a run, placed after the review flag, and never sent as a sort.
import { describe, expect, it } from 'vitest';
import type { SampleFilter } from '../../../../src/shared/api';
import { SampleFilter as FilterSchema } from '../../../../src/shared/api';
import type { FolderInfo } from '../../../../src/shared/model';
import {
  ANY,
  activeFilterCount,
  withReplayOutcome,
  withReplayRun,
} from '../../../../src/renderer/src/features/filters/filter-values';
import { tableColumns } from '../../../../src/renderer/src/features/table/columns';

describe('the replay filter', () => {
  it('sets and clears the outcome and the run independently', () => {
    const base: SampleFilter = { statuses: ['unreviewed'] };
    const changed = withReplayOutcome(base, 'changed');
    expect(changed).toEqual({ statuses: ['unreviewed'], replay: { outcomes: ['changed'] } });
    const older = withReplayRun(changed, 'run-1');
    expect(older.replay).toEqual({ outcomes: ['changed'], run: 'run-1' });
    expect(withReplayOutcome(older, ANY).replay).toEqual({ run: 'run-1' });
    expect(withReplayRun(withReplayOutcome(older, ANY), ANY)).toEqual({ statuses: ['unreviewed'] });
    expect(activeFilterCount(older)).toBe(2);
    // What the filter bar makes is what the contract accepts (the address bar and saved views too).
    expect(FilterSchema.parse(older)).toEqual(older);
    expect(FilterSchema.safeParse({ replay: { outcomes: ['fixed'] } }).success).toBe(false);
  });
});

describe('the replay column', () => {
  const folders: FolderInfo[] = [
    {
      id: 'f',
      path: '/x',
      name: 'x',
      readOnly: false,
      problems: [],
      logs: [
        {
          file: 'log.csv',
          layout: 'dataset',
          rows: 1,
          columns: [{ index: 0, name: 'text', kind: 'text' }],
          errors: [],
          warnings: [],
          bytesIndexed: 1,
          bytesTotal: 1,
        },
      ],
    },
  ];

  it('is shown only when a folder has replay runs, after the review flag, not sortable', () => {
    expect(tableColumns(folders, {}).some((c) => c.id === 'replay')).toBe(false);
    const ids = tableColumns(folders, {}, true).map((c) => c.id);
    expect(ids.indexOf('replay')).toBe(ids.indexOf('reason') + 1);
    expect(tableColumns(folders, {}, true).find((c) => c.id === 'replay')?.sortBy).toBe('');
  });
});
