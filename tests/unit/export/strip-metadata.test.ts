// The EXIF pass: GPS and other metadata gone, pixels untouched (PNG and JPEG without re-encoding).
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  stripImageMetadata,
  stripJpegMetadata,
  stripPngMetadata,
} from '../../../src/main/export/privacy/strip-metadata';

const GPS = {
  IFD3: {
    GPSLatitudeRef: 'N',
    GPSLatitude: '48/1 51/1 24/1',
    GPSLongitudeRef: 'E',
    GPSLongitude: '2/1 21/1 3/1',
  },
};

async function photo(format: 'jpeg' | 'png' | 'webp'): Promise<Buffer> {
  const image = sharp({
    create: { width: 16, height: 12, channels: 3, background: { r: 200, g: 30, b: 90 } },
  });
  const tagged = image.withExif({ IFD0: { Make: 'PhoneCo', Model: 'X1', Copyright: 'someone' }, ...GPS });
  return tagged.toFormat(format).toBuffer();
}

const pixels = async (bytes: Buffer): Promise<Buffer> => sharp(bytes).raw().toBuffer();

describe('strip image metadata', () => {
  it.each(['jpeg', 'png', 'webp'] as const)(
    'removes EXIF with GPS from %s, pixels unchanged',
    async (format) => {
      const original = await photo(format);
      const before = await sharp(original).metadata();
      expect(before.exif?.includes(Buffer.from('PhoneCo'))).toBe(true);

      const clean = await stripImageMetadata(original);
      const after = await sharp(clean).metadata();
      expect(after.exif).toBeUndefined();
      expect(clean.includes(Buffer.from('PhoneCo'))).toBe(false);
      expect([after.width, after.height, after.format]).toEqual([before.width, before.height, before.format]);
      expect((await pixels(clean)).equals(await pixels(original))).toBe(true);
    },
  );

  it('keeps every PNG chunk but the metadata ones, byte for byte', async () => {
    const original = await photo('png');
    const clean = stripPngMetadata(original);
    expect(clean.length).toBeLessThan(original.length);
    const idat = (png: Buffer): Buffer => png.subarray(png.indexOf('IDAT') - 4);
    expect(idat(clean).equals(idat(original))).toBe(true);
  });

  it('keeps the JPEG scan data byte for byte', async () => {
    const original = await photo('jpeg');
    const clean = stripJpegMetadata(original);
    const scan = (jpeg: Buffer): Buffer => jpeg.subarray(jpeg.indexOf(Buffer.from([0xff, 0xda])));
    expect(scan(clean).equals(scan(original))).toBe(true);
  });
});
