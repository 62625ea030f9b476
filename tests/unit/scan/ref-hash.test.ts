// refHash (ref-hash.ts) stands for a reference in the census: a million references told apart
// by it, and the references a scan meets most (paths one counter apart) never confused.
import { describe, expect, it } from 'vitest';
import { refHash } from '../../../src/main/scan/ref-hash';

const hashOf = (text: string): number => refHash(Buffer.from(text, 'latin1'), 0, text.length);

describe('refHash', () => {
  it('gives a million Gradio-like paths a million hashes, each an integer below 2^53', () => {
    const seen = new Set<number>();
    let unsafe = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const hash = hashOf(`flagged/image/${(i * 2654435761).toString(16).padStart(20, '0')}/img_${i}.png`);
      if (!Number.isSafeInteger(hash) || hash < 0) unsafe++;
      seen.add(hash);
    }
    expect(unsafe).toBe(0);
    expect(seen.size).toBe(1_000_000);
  });

  it('tells apart every one-byte change of a path, and lengths that differ only by zero bytes', () => {
    const path = 'flagged/audio/0123456789/clip.wav';
    const seen = new Set<number>([hashOf(path)]);
    for (let at = 0; at < path.length; at++)
      for (let byte = 0; byte < 256; byte++) {
        if (byte === path.charCodeAt(at)) continue;
        seen.add(hashOf(path.slice(0, at) + String.fromCharCode(byte) + path.slice(at + 1)));
      }
    expect(seen.size).toBe(1 + path.length * 255);
    const zeros = new Set(Array.from({ length: 13 }, (_, length) => hashOf('\0'.repeat(length))));
    expect(zeros.size).toBe(13);
  });

  it('hashes the bytes it is given, wherever they sit in a larger buffer', () => {
    const inside = Buffer.from('xx,flagged/a/b.png,yy', 'latin1');
    expect(refHash(inside, 3, 18)).toBe(hashOf('flagged/a/b.png'));
  });
});
