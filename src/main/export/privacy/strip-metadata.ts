// Removes EXIF (GPS included), XMP, IPTC and text metadata from an image. PNG, JPEG and WebP are
// cleaned without re-encoding (their metadata sit in chunks / segments of their own, dropped
// whole), so pixels stay bit-identical; other formats are re-encoded by sharp, which writes no
// metadata unless asked. A JPEG's EXIF orientation goes with the rest: a rotated photo shows as
// stored.

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Chunks that carry metadata rather than pixels. */
const PNG_METADATA_CHUNKS = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME']);

export function stripPngMetadata(png: Buffer): Buffer {
  const kept: Buffer[] = [png.subarray(0, 8)];
  let at = 8;
  while (at + 12 <= png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const end = at + 12 + length;
    if (end > png.length) throw new Error('truncated PNG chunk');
    if (!PNG_METADATA_CHUNKS.has(type)) kept.push(png.subarray(at, end));
    at = end;
    if (type === 'IEND') break;
  }
  return Buffer.concat(kept);
}

/** APP1 holds EXIF and XMP, APP13 Photoshop/IPTC; JFIF (APP0), ICC (APP2), Adobe (APP14) stay. */
const JPEG_METADATA_MARKERS = new Set([0xe1, 0xed]);

export function stripJpegMetadata(jpeg: Buffer): Buffer {
  const kept: Buffer[] = [jpeg.subarray(0, 2)];
  let at = 2;
  while (at + 4 <= jpeg.length) {
    if (jpeg[at] !== 0xff) throw new Error(`bad JPEG marker at byte ${at}`);
    const marker = jpeg[at + 1];
    // Start of scan: the entropy-coded data and the rest of the file follow as they are.
    if (marker === 0xda) {
      kept.push(jpeg.subarray(at));
      return Buffer.concat(kept);
    }
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    const length = jpeg.readUInt16BE(at + 2);
    const end = at + 2 + length;
    if (!JPEG_METADATA_MARKERS.has(marker)) kept.push(jpeg.subarray(at, end));
    at = end;
  }
  kept.push(jpeg.subarray(at));
  return Buffer.concat(kept);
}

const WEBP_METADATA_CHUNKS = new Set(['EXIF', 'XMP ']);
const VP8X_EXIF_FLAG = 0x08;
const VP8X_XMP_FLAG = 0x04;

export function stripWebpMetadata(webp: Buffer): Buffer {
  const kept: Buffer[] = [];
  let at = 12;
  while (at + 8 <= webp.length) {
    const type = webp.toString('latin1', at, at + 4);
    const size = webp.readUInt32LE(at + 4);
    const end = Math.min(webp.length, at + 8 + size + (size % 2));
    if (!WEBP_METADATA_CHUNKS.has(type)) {
      const chunk = Buffer.from(webp.subarray(at, end));
      if (type === 'VP8X') chunk[8] &= ~(VP8X_EXIF_FLAG | VP8X_XMP_FLAG);
      kept.push(chunk);
    }
    at = end;
  }
  const body = Buffer.concat(kept);
  const header = Buffer.from(webp.subarray(0, 12));
  header.writeUInt32LE(body.length + 4, 4);
  return Buffer.concat([header, body]);
}

export type ImageFormat = 'png' | 'jpeg' | 'webp' | 'other';

export function imageFormatOf(bytes: Buffer): ImageFormat {
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'jpeg';
  if (bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return 'other';
}

/** The image without metadata; losslessly for PNG, JPEG and WebP. */
export async function stripImageMetadata(bytes: Buffer): Promise<Buffer> {
  const format = imageFormatOf(bytes);
  if (format === 'png') return stripPngMetadata(bytes);
  if (format === 'jpeg') return stripJpegMetadata(bytes);
  if (format === 'webp') return stripWebpMetadata(bytes);
  const { default: sharp } = await import('sharp');
  // sharp keeps the input's format and drops all metadata unless `keepMetadata` is called.
  return sharp(bytes, { animated: true }).toBuffer();
}
