// Media compared by content, not bytes: two PNGs of the same pixels are the same image even when
// the encoder changed, and a WAV's header may differ while its samples do not.
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';

export interface ImageComparison {
  samePixels: boolean;
  /**
   * Hamming distance of 64-bit difference hashes: 0 = looks alike, 64 = nothing alike. It sees
   * shapes in grey only: two flat images of different colours are 0 apart.
   */
  hashDistance: number;
  /** Both sizes (`width×height`), when they differ. */
  sizes?: [string, string];
  /**
   * Of two images of one size that differ: the share of pixels that do (0-1), and the mean
   * difference of every channel (0-1 of a channel's range).
   */
  differing?: { pixels: number; mean: number };
}

interface Pixels {
  width: number;
  height: number;
  /** RGBA, a byte a channel. */
  data: Buffer;
}

export async function compareImages(a: string, b: string): Promise<ImageComparison> {
  const [pixelsA, pixelsB] = await Promise.all([decoded(a), decoded(b)]);
  const [hashA, hashB] = await Promise.all([differenceHash(a), differenceHash(b)]);
  const hashDistance = hammingDistance(hashA, hashB);
  if (pixelsA.width !== pixelsB.width || pixelsA.height !== pixelsB.height) {
    const size = (p: Pixels): string => `${p.width}×${p.height}`;
    return { samePixels: false, hashDistance, sizes: [size(pixelsA), size(pixelsB)] };
  }
  if (pixelsA.data.equals(pixelsB.data)) return { samePixels: true, hashDistance };
  return { samePixels: false, hashDistance, differing: difference(pixelsA.data, pixelsB.data) };
}

/** How many RGBA pixels of two same-sized images differ, and the mean difference of every channel. */
function difference(a: Buffer, b: Buffer): { pixels: number; mean: number } {
  let differing = 0;
  let total = 0;
  for (let at = 0; at < a.length; at += 4) {
    let pixel = 0;
    for (let channel = at; channel < at + 4; channel++) pixel += Math.abs(a[channel] - b[channel]);
    if (pixel > 0) differing++;
    total += pixel;
  }
  const pixels = a.length / 4;
  return { pixels: differing / pixels, mean: total / (a.length * 255) };
}

/** What the comparison shows beside an image's outcome. */
export function imageComparisonText({ hashDistance, sizes, differing }: ImageComparison): string {
  const hash = `perceptual-hash distance ${hashDistance} / 64`;
  if (sizes) return `${hash}; size ${sizes[0]} → ${sizes[1]}`;
  if (differing)
    return `${hash}; ${percent(differing.pixels)} of pixels differ, by ${percent(differing.mean)} on average`;
  return hash;
}

/** A share as a percentage: whole from 10 %, one decimal below, and never 0 % for a difference. */
function percent(share: number): string {
  const value = share * 100;
  if (value > 0 && value < 0.1) return '<0.1%';
  return `${value >= 10 ? Math.round(value) : value.toFixed(1)}%`;
}

async function decoded(file: string): Promise<Pixels> {
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
