import { describe, expect, it } from 'vitest';
import { newestSnapshot } from '../../../../src/renderer/src/features/workspace/newest-snapshot';
import type { FolderInfo } from '../../../../src/shared/model';

const folder = (id: string): FolderInfo => ({
  id,
  path: `/data/${id}`,
  name: id,
  logs: [],
  readOnly: false,
  problems: [],
});

describe('newestSnapshot', () => {
  it('keeps the later snapshot when the reply to an earlier close arrives last', () => {
    const afterBothCloses = { revision: 7, folders: [folder('c')] };
    const afterFirstClose = { revision: 6, folders: [folder('b'), folder('c')] };
    const shown = newestSnapshot(newestSnapshot(null, afterBothCloses), afterFirstClose);
    expect(shown.folders.map((f) => f.id)).toEqual(['c']);
  });

  it('takes a snapshot that is newer, or the first one', () => {
    const first = { revision: 3, folders: [folder('a')] };
    expect(newestSnapshot(null, first)).toBe(first);
    const next = { revision: 4, folders: [] };
    expect(newestSnapshot(first, next)).toBe(next);
  });
});
