import { describe, expect, it } from 'vitest';
import { droppedPaths } from '../../../../src/renderer/src/features/workspace/dropped-paths';

describe('droppedPaths', () => {
  it('reads file URIs, decoding escapes, and skips comments and web URLs', () => {
    expect(droppedPaths('# comment\r\nfile:///home/a/my%20flagged\r\nhttps://x.y/z', '')).toEqual([
      '/home/a/my flagged',
    ]);
  });

  it('falls back to absolute paths in plain text', () => {
    expect(droppedPaths('', '/srv/flagged\nrelative/no\nC:\\data\\flagged')).toEqual([
      '/srv/flagged',
      'C:\\data\\flagged',
    ]);
  });
});
