// A file name with an extension that says what the file is. Dataset loaders pick files by their
// extension (and Parquet's `path` hints the codec), while Gradio folders hold files named just
// `png` or `audio`: those get an extension from their first bytes.
import { open } from 'node:fs/promises';
import { extname } from 'node:path';

const SIGNATURES: { extension: string; matches(head: Buffer): boolean }[] = [
  { extension: '.png', matches: (h) => h.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47])) },
  { extension: '.jpg', matches: (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff },
  { extension: '.gif', matches: (h) => h.toString('latin1', 0, 4) === 'GIF8' },
  {
    extension: '.webp',
    matches: (h) => h.toString('latin1', 0, 4) === 'RIFF' && h.toString('latin1', 8, 12) === 'WEBP',
  },
  {
    extension: '.wav',
    matches: (h) => h.toString('latin1', 0, 4) === 'RIFF' && h.toString('latin1', 8, 12) === 'WAVE',
  },
  { extension: '.flac', matches: (h) => h.toString('latin1', 0, 4) === 'fLaC' },
  { extension: '.ogg', matches: (h) => h.toString('latin1', 0, 4) === 'OggS' },
  {
    extension: '.mp3',
    matches: (h) => h.toString('latin1', 0, 3) === 'ID3' || (h[0] === 0xff && (h[1] & 0xe0) === 0xe0),
  },
  { extension: '.mp4', matches: (h) => h.toString('latin1', 4, 8) === 'ftyp' },
];

/** `name` as it is when it has an extension, else with the one its content shows (if known). */
export async function nameWithExtension(name: string, file: string): Promise<string> {
  if (/^\.[A-Za-z0-9]{1,5}$/.test(extname(name))) return name;
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(12);
    await handle.read(head, 0, 12, 0);
    const known = SIGNATURES.find((signature) => signature.matches(head));
    return known ? `${name}${known.extension}` : name;
  } finally {
    await handle.close();
  }
}
