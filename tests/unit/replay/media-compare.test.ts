// How a replayed image is told from the flagged one, and what the panel says beside the outcome:
// the perceptual hash sees shapes in grey only, so the pixels that differ are counted too.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { compareImages, imageComparisonText } from '../../../src/main/replay/media-compare';

const dir = mkdtempSync(join(tmpdir(), 'flagdeck-images-'));

/** A PNG of `width`×`height` RGB pixels, each from `colour(x, y)`. */
async function png(
  name: string,
  width: number,
  height: number,
  colour: (x: number, y: number) => [number, number, number],
): Promise<string> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) pixels.set(colour(x, y), (y * width + x) * 3);
  const file = join(dir, `${name}.png`);
  await sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toFile(file);
  return file;
}

describe('comparing a replayed image with the flagged one', () => {
  it('says nothing but the hash distance for the same pixels, whatever the encoding', async () => {
    const gradient = (x: number, y: number): [number, number, number] => [x * 20, y * 20, 128];
    const a = await png('a', 10, 10, gradient);
    const b = join(dir, 'b.png');
    await sharp(a).png({ compressionLevel: 0 }).toFile(b);
    const comparison = await compareImages(a, b);
    expect(comparison).toEqual({ samePixels: true, hashDistance: 0 });
    expect(imageComparisonText(comparison)).toBe('perceptual-hash distance 0 / 64');
  });

  it('tells two flat images of different colours apart, which the hash cannot', async () => {
    const red = await png('red', 8, 8, () => [255, 0, 0]);
    const blue = await png('blue', 8, 8, () => [0, 0, 255]);
    const comparison = await compareImages(red, blue);
    expect(comparison.samePixels).toBe(false);
    expect(comparison.hashDistance).toBe(0);
    // Red and blue channels differ by 255, green and alpha by nothing: half the range on average.
    expect(comparison.differing).toEqual({ pixels: 1, mean: 0.5 });
    expect(imageComparisonText(comparison)).toBe(
      'perceptual-hash distance 0 / 64; 100% of pixels differ, by 50% on average',
    );
  });

  it('counts one changed pixel among many, and never shows a difference as 0 %', async () => {
    const plain = await png('plain', 100, 100, () => [10, 10, 10]);
    const dot = await png('dot', 100, 100, (x, y) => (x === 5 && y === 7 ? [10, 10, 61] : [10, 10, 10]));
    const comparison = await compareImages(plain, dot);
    expect(comparison.differing?.pixels).toBe(1 / 10_000);
    expect(imageComparisonText(comparison)).toMatch(/; <0\.1% of pixels differ, by <0\.1% on average$/);
  });

  it('gives both sizes when the app returned another size', async () => {
    const wide = await png('wide', 6, 3, () => [1, 2, 3]);
    const tall = await png('tall', 3, 6, () => [1, 2, 3]);
    const comparison = await compareImages(wide, tall);
    expect(comparison.samePixels).toBe(false);
    expect(imageComparisonText(comparison)).toMatch(/^perceptual-hash distance \d+ \/ 64; size 6×3 → 3×6$/);
  });
});
