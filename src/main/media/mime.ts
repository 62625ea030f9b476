// Content-Type for media files: by extension, else by the first bytes (Gradio sometimes saves an
// image as a file literally named `png`, with no extension).
import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';

const byExtension: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  bmp: 'image/bmp',
  svg: 'image/svg+xml',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  ico: 'image/x-icon',
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  flac: 'audio/flac',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  opus: 'audio/ogg',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  webm: 'video/webm',
  mov: 'video/quicktime',
  mkv: 'video/x-matroska',
  avi: 'video/x-msvideo',
  json: 'application/json',
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  pdf: 'application/pdf',
  glb: 'model/gltf-binary',
  gltf: 'model/gltf+json',
  obj: 'model/obj',
};

const signatures: { type: string; test: (b: Buffer) => boolean }[] = [
  {
    type: 'image/png',
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/gif', test: (b) => b.toString('latin1', 0, 4) === 'GIF8' },
  {
    type: 'image/webp',
    test: (b) => b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP',
  },
  {
    type: 'audio/wav',
    test: (b) => b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WAVE',
  },
  {
    type: 'audio/mpeg',
    test: (b) => b.toString('latin1', 0, 3) === 'ID3' || (b[0] === 0xff && (b[1] & 0xe0) === 0xe0),
  },
  { type: 'audio/ogg', test: (b) => b.toString('latin1', 0, 4) === 'OggS' },
  { type: 'audio/flac', test: (b) => b.toString('latin1', 0, 4) === 'fLaC' },
  { type: 'video/mp4', test: (b) => b.toString('latin1', 4, 8) === 'ftyp' },
  { type: 'video/webm', test: (b) => b.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3])) },
  { type: 'application/pdf', test: (b) => b.toString('latin1', 0, 5) === '%PDF-' },
];

export function typeByName(file: string): string | undefined {
  const ext = extname(file).slice(1).toLowerCase() || basename(file).toLowerCase();
  return byExtension[ext];
}

export function typeByContent(head: Buffer): string | undefined {
  return signatures.find((s) => s.test(head))?.type;
}

/** The Content-Type to send for `file`; `application/octet-stream` when nothing matches. */
export async function contentTypeOf(file: string): Promise<string> {
  const named = typeByName(file);
  if (named) return named;
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const { bytesRead } = await handle.read(head, 0, 16, 0);
    return typeByContent(head.subarray(0, bytesRead)) ?? 'application/octet-stream';
  } finally {
    await handle.close();
  }
}
