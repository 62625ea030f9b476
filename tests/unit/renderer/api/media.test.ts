import { describe, expect, it } from 'vitest';
import { ipcMediaUrl, webMediaUrl } from '../../../../src/renderer/src/api/media';

describe('media URLs', () => {
  it('encodes each path segment and carries the token in serve mode', () => {
    const url = webMediaUrl('http://127.0.0.1:7870', 'tok');
    expect(url('f1', '.gradio/flagged/Doctors Voice/a#1?.wav')).toBe(
      'http://127.0.0.1:7870/media/f1/.gradio/flagged/Doctors%20Voice/a%231%3F.wav?token=tok',
    );
    expect(url('f/1', 'img/x.png', { thumb: 199.6 })).toBe(
      'http://127.0.0.1:7870/thumb/f%2F1/img/x.png?w=200&token=tok',
    );
  });

  it('uses the flagdeck-media protocol on the desktop', () => {
    expect(ipcMediaUrl('f1', 'a b/c.png')).toBe('flagdeck-media://media/f1/a%20b/c.png');
    expect(ipcMediaUrl('f1', 'a b/c.png', { thumb: 128 })).toBe(
      'flagdeck-media://thumb/f1/a%20b/c.png?w=128',
    );
  });
});
