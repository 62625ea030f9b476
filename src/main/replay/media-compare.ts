// Media compared by content, not bytes: two PNGs of the same pixels are the same image even when
// the encoder changed, and a WAV's header may differ while its samples do not.
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';

export interface ImageComparison {
  samePixels: boolean;
  /** Hamming distance of 64-bit difference hashes: 0 = looks alike, 64 = nothing alike. */
  hashDistance: number;
}

export async function compareImages(a: string, b: string): Promise<ImageComparison> {
  const [pixelsA, pixelsB] = await Promise.all([decoded(a), decoded(b)]);
  const samePixels =
    pixelsA.width === pixelsB.width && pixelsA.height === pixelsB.height && pixelsA.data.equals(pixelsB.data);
  const [hashA, hashB] = await Promise.all([differenceHash(a), differenceHash(b)]);
  return { samePixels, hashDistance: hammingDistance(hashA, hashB) };
}

async function decoded(file: string): Promise<{ width: number; height: number; data: Buffer }> {
  const { data, info } = await sharp(file).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data };
}

/** dHash: 9×8 grey thumbnail, one bit per pair of horizontal neighbours. */
async function differenceHash(file: string): Promise<bigint> {
  const data = await sharp(file).greyscale().resize(9, 8, { fit: 'fill' }).raw().toBuffer();
  let hash = 0n;
  for (let y = 0; y < 8; y += 1) {
    for (let x = 0; x < 8; x += 1) {
      hash = (hash << 1n) | ((data[y * 9 + x] ?? 0) > (data[y * 9 + x + 1] ?? 0) ? 1n : 0n);
    }
  }
  return hash;
}

function hammingDistance(a: bigint, b: bigint): number {
  let diff = a ^ b;
  let count = 0;
  while (diff > 0n) {
    count += Number(diff & 1n);
    diff >>= 1n;
  }
  return count;
}

/** Same samples: the PCM data of two WAV files (format included), else the same bytes. */
export async function sameAudio(a: string, b: string): Promise<boolean> {
  const [bytesA, bytesB] = await Promise.all([readFile(a), readFile(b)]);
  const pcmA = wavSamples(bytesA);
  const pcmB = wavSamples(bytesB);
  if (pcmA && pcmB) return pcmA.format.equals(pcmB.format) && pcmA.data.equals(pcmB.data);
  return bytesA.equals(bytesB);
}

function wavSamples(bytes: Buffer): { format: Buffer; data: Buffer } | undefined {
  if (
    bytes.length < 12 ||
    bytes.toString('ascii', 0, 4) !== 'RIFF' ||
    bytes.toString('ascii', 8, 12) !== 'WAVE'
  )
    return undefined;
  let format: Buffer | undefined;
  for (let at = 12; at + 8 <= bytes.length;) {
    const id = bytes.toString('ascii', at, at + 4);
    const size = bytes.readUInt32LE(at + 4);
    const body = bytes.subarray(at + 8, at + 8 + size);
    if (id === 'fmt ') format = body.subarray(0, 16);
    if (id === 'data' && format) return { format, data: body };
    at += 8 + size + (size % 2);
  }
  return undefined;
}

export async function sameBytes(a: string, b: string): Promise<boolean> {
  const [bytesA, bytesB] = await Promise.all([readFile(a), readFile(b)]);
  return bytesA.equals(bytesB);
}
