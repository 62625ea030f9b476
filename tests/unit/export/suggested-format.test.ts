// The format an export is suggested in comes from its columns' kinds alone: `flagdeck push` without
// `--format` asks for it and must not read a row for it (a 100k-row summary took 10-15 s).
import { describe, expect, it } from 'vitest';
import type { ColumnKind, WorkspaceInfo } from '../../../src/shared/model';
import { suggestedFormatOf } from '../../../src/main/export/summary';
import type { ExportSource } from '../../../src/main/export/source';

/** A source whose one log has columns of `kinds` (and the roles), and that refuses to be read. */
function source(kinds: ColumnKind[], more: ColumnKind[] = []): ExportSource {
  const log = (file: string, of: ColumnKind[]) => ({
    file,
    layout: 'csv-logger' as const,
    rows: 100_000,
    columns: [...of, 'flag', 'username', 'timestamp'].map((kind, index) => ({
      index,
      name: `${kind} ${index}`,
      kind: kind as ColumnKind,
    })),
    errors: [],
    warnings: [],
    bytesIndexed: 0,
    bytesTotal: 0,
  });
  const info: WorkspaceInfo = {
    revision: 1,
    folders: [
      {
        id: 'a',
        path: '/a',
        name: 'a',
        readOnly: false,
        problems: [],
        logs: [log('one.csv', kinds), log('two.csv', more)],
      },
    ],
  };
  const refuse = (): never => {
    throw new Error('a row was read');
  };
  return { info: () => info, query: refuse, facets: refuse };
}

const all = { filter: {}, statuses: ['any' as const] };

describe('the suggested export format', () => {
  it('follows the kinds of the selected columns, reading no row', () => {
    expect(suggestedFormatOf(source(['text', 'image']), all)).toBe('imagefolder');
    expect(suggestedFormatOf(source(['audio', 'label']), all)).toBe('audiofolder');
    expect(suggestedFormatOf(source(['image', 'audio']), all)).toBe('parquet');
    expect(suggestedFormatOf(source(['text', 'json']), all)).toBe('gradio');
  });

  it("counts only the logs the selection's filter keeps", () => {
    const twoLogs = source(['text'], ['audio']);
    expect(suggestedFormatOf(twoLogs, all)).toBe('audiofolder');
    expect(suggestedFormatOf(twoLogs, { ...all, filter: { logs: ['a/one.csv'] } })).toBe('gradio');
  });
});
