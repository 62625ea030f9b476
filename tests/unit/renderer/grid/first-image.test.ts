import { describe, expect, it } from 'vitest';
import type { AssetRef, SampleRow } from '../../../../src/shared/model';
import { firstImage } from '../../../../src/renderer/src/features/grid/first-image';

const cell = (assets: AssetRef[]) => ({ raw: '', text: '', assets });
const rowOf = (...cells: ReturnType<typeof cell>[]) => ({ cells }) as unknown as SampleRow;

describe('the image of a grid tile', () => {
  it('is the first image that resolves, even after an image outside the folder (a 3.x chat file)', () => {
    const outside: AssetRef = { ref: '/tmp/gradio/input.png', status: 'outside', media: 'image' };
    const inside: AssetRef = {
      ref: 'image_out/x.jpg',
      status: 'resolved',
      path: 'image_out/x.jpg',
      media: 'image',
    };
    expect(firstImage(rowOf(cell([outside]), cell([inside])))).toBe(inside);
  });

  it('is the first image at all when none resolves, so the tile can say why', () => {
    const missing: AssetRef = { ref: 'a.png', status: 'missing', media: 'image' };
    const audio: AssetRef = { ref: 'b.wav', status: 'resolved', path: 'b.wav', media: 'audio' };
    expect(firstImage(rowOf(cell([audio]), cell([missing])))).toBe(missing);
    expect(firstImage(rowOf(cell([audio])))).toBeUndefined();
  });
});
