// Puts one asset into an export: a plain copy (the kernel's copy, reflink where the file system
// has it), or the image rewritten without metadata when the privacy pass asks for it.
import { copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { MediaKind } from '../../shared/model';
import { nameWithExtension } from './file-type';
import { stripImageMetadata } from './privacy/strip-metadata';

export interface PlaceOptions {
  stripExif: boolean;
}

/** Creates each folder once per export (10,000 files in 10 folders: 10 mkdir calls). */
export class FolderMaker {
  private readonly made = new Map<string, Promise<unknown>>();
  ensure(dir: string): Promise<unknown> {
    let made = this.made.get(dir);
    if (!made) this.made.set(dir, (made = mkdir(dir, { recursive: true })));
    return made;
  }
}

export interface FileToPlace {
  from: string;
  to: string;
  media: MediaKind;
  /** The size the reader saw, to spare a stat per file. */
  size?: number;
}

/** Copies a file (its folder made first); returns the bytes written. */
export async function placeFile(
  { from, to, media, size }: FileToPlace,
  options: PlaceOptions,
  folders: FolderMaker,
): Promise<number> {
  await folders.ensure(dirname(to));
  if (options.stripExif && media === 'image') {
    const clean = await stripImageMetadata(await readFile(from));
    await writeFile(to, clean, { flag: 'wx' });
    return clean.length;
  }
  await copyFile(from, to);
  return size ?? (await stat(to)).size;
}

/** An asset's bytes for embedding (Parquet), cleaned when asked. */
export async function embeddedBytes(from: string, media: MediaKind, options: PlaceOptions): Promise<Buffer> {
  const bytes = await readFile(from);
  return options.stripExif && media === 'image' ? stripImageMetadata(bytes) : bytes;
}

/** A file a sample needs vanished after it was resolved (deleted while the folder was open). */
export class AssetGoneError extends Error {}

const isGone = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * The files one sample puts into an export. When one of its files turns out to be gone, the
 * sample is skipped: what it had already written is removed again, and the error names the column
 * and the reference, as a missing file found by the reader would be.
 */
export class SampleFiles {
  private readonly written: string[] = [];

  constructor(
    private readonly options: PlaceOptions,
    private readonly folders: FolderMaker,
  ) {}

  async place(file: FileToPlace, column: string, ref: string): Promise<number> {
    try {
      const bytes = await placeFile(file, this.options, this.folders);
      this.written.push(file.to);
      return bytes;
    } catch (error) {
      throw isGone(error) ? new AssetGoneError(`${column}: file missing: ${ref}`) : error;
    }
  }

  async read(from: string, media: MediaKind, column: string, ref: string): Promise<Buffer> {
    try {
      return await embeddedBytes(from, media, this.options);
    } catch (error) {
      throw isGone(error) ? new AssetGoneError(`${column}: file missing: ${ref}`) : error;
    }
  }

  /** The file's name with an extension that says what it is (see nameWithExtension). */
  async typedName(name: string, from: string, column: string, ref: string): Promise<string> {
    try {
      return await nameWithExtension(name, from);
    } catch (error) {
      throw isGone(error) ? new AssetGoneError(`${column}: file missing: ${ref}`) : error;
    }
  }

  /** Runs a sample's placing; a gone file turns into a skip, its other files removed. */
  async skipIfGone<T>(place: () => Promise<T>): Promise<T | { skipped: string }> {
    try {
      return await place();
    } catch (error) {
      if (!(error instanceof AssetGoneError)) throw error;
      await Promise.all(this.written.map((file) => rm(file, { force: true })));
      return { skipped: error.message };
    }
  }
}
