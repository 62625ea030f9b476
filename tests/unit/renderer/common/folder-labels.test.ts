import { describe, expect, it } from 'vitest';
import { folderLabels } from '../../../../src/renderer/src/common/folder-labels';

const folder = (id: string, path: string) => ({ id, path, name: path.split('/').pop() ?? '' });

describe('folderLabels', () => {
  it('keeps unique names as they are', () => {
    expect(folderLabels([folder('a', '/x/flagged'), folder('b', '/y/flagged_data')])).toEqual(
      new Map([
        ['a', 'flagged'],
        ['b', 'flagged_data'],
      ]),
    );
  });

  it('adds parent folders until repeated names differ', () => {
    const labels = folderLabels([
      folder('a', '/work/proj-a/flagged'),
      folder('b', '/work/proj-b/.gradio/flagged'),
      folder('c', '/srv/one/.gradio/flagged'),
    ]);
    expect(labels.get('a')).toBe('proj-a/flagged');
    expect(labels.get('b')).toBe('proj-b/.gradio/flagged');
    expect(labels.get('c')).toBe('one/.gradio/flagged');
  });
});
