// Small files Gradio 3.x wrote beside the log instead of a value: `<label>/tmpXXXX.json` for JSON-like
// components, `<label>/<uuid>/captions.json` for a Gallery. Read only after the resolver placed them
// inside the folder.
import { open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseLooseJson } from './loose-json';
import { mediaByMagic } from './media-kind';
import type { MediaKind } from '../../shared/model';

const SIDE_FILE_LIMIT = 4 * 1024 * 1024;

/** The JSON of a side file of at most 4 MiB (`size`: its size where already known). */
export async function readSideJson(absolute: string, size?: number): Promise<{ value: unknown } | undefined> {
  try {
    if ((size ?? (await stat(absolute)).size) > SIDE_FILE_LIMIT) return undefined;
    return parseLooseJson(await readFile(absolute, 'utf8'));
  } catch {
    return undefined;
  }
}

/** A 3.x Gallery directory's `captions.json`: `{ "<image path>": caption | null }`. */
export async function readGalleryCaptions(directory: string): Promise<Record<string, unknown> | undefined> {
  const parsed = await readSideJson(join(directory, 'captions.json'), 0);
  const value = parsed?.value;
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Media kind of a file without a known extension, from its first bytes. */
export async function sniffMedia(absolute: string): Promise<MediaKind> {
  try {
    const handle = await open(absolute, 'r');
    try {
      const head = Buffer.alloc(16);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      return mediaByMagic(head.subarray(0, bytesRead));
    } finally {
      await handle.close();
    }
  } catch {
    return 'file';
  }
}
