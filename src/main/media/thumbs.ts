// Image thumbnails made with sharp and cached on disk, keyed by the file's path, size and mtime
// and the width asked for. The cache lives beside the journal (`<folder>/.flagdeck/thumbs/`), or
// under the app's data dir when the folder is read-only or must not be written to.
import { createHash, randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { access, constants, mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { createLimiter } from '../platform/limit';

export interface ThumbnailerOptions {
  /** Where caches go for folders that cannot hold their own (`<dataDir>/thumbs`). */
  fallbackDir: string;
  /** Thumbnails made at once (sharp itself is kept to one thread per image). */
  concurrency?: number;
  /** Where a folder's thumbnails go, when the app knows better (beside the review journal). */
  cacheDirFor?: (root: string) => Promise<string>;
}

export interface ThumbnailSource {
  root: string;
  /** The folder must not be written to (read-only, or a Hub saver clone that uploads everything). */
  readOnly: boolean;
  file: string;
  stats: Stats;
}

/** Every client that asked for a thumbnail went away before its turn came (a grid scrolled past). */
export class ThumbnailAbandoned extends Error {}

export interface Thumbnailer {
  /**
   * The path of a cached WebP thumbnail `width` pixels wide (at most the image's own width).
   * `signal`: the asker went away; the thumbnail is then not made unless someone else still waits.
   */
  thumbnail(source: ThumbnailSource, width: number, signal?: AbortSignal): Promise<string>;
  /** The cache directory a folder uses (created on first use). */
  cacheDir(root: string, readOnly: boolean): Promise<string>;
}

const hash = (text: string): string => createHash('sha1').update(text).digest('hex');

async function writableDir(dir: string): Promise<boolean> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export function createThumbnailer(options: ThumbnailerOptions): Thumbnailer {
  const limit = createLimiter(options.concurrency ?? 2);
  const dirs = new Map<string, Promise<string>>();
  /** Thumbnails being made, with the signals of everyone waiting (`null`: cannot go away). */
  const inFlight = new Map<string, { done: Promise<string>; waiting: (AbortSignal | null)[] }>();
  sharp.concurrency(1);

  function cacheDir(root: string, readOnly: boolean): Promise<string> {
    const known = dirs.get(root);
    if (known) return known;
    const found = (async () => {
      if (options.cacheDirFor) {
        const dir = await options.cacheDirFor(root);
        await mkdir(dir, { recursive: true });
        return dir;
      }
      const beside = join(root, '.flagdeck', 'thumbs');
      if (!readOnly && (await writableDir(beside))) return beside;
      const fallback = join(options.fallbackDir, hash(root).slice(0, 16));
      await mkdir(fallback, { recursive: true });
      return fallback;
    })();
    dirs.set(root, found);
    // A failure (say, a folder not yet writable) is not remembered: the next request tries again.
    found.catch(() => dirs.delete(root));
    return found;
  }

  async function make(
    source: ThumbnailSource,
    width: number,
    target: string,
    abandoned: () => boolean,
  ): Promise<string> {
    const exists = await stat(target).catch(() => null);
    if (exists) return target;
    // Written under a temporary name and renamed, so a reader never sees half a thumbnail.
    const temp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await limit(() => {
        // Checked when its turn comes: a fast scroll queues many tiles nobody shows any more.
        if (abandoned()) throw new ThumbnailAbandoned(`nobody waits for ${target} any more`);
        return sharp(source.file, { failOn: 'none' })
          .rotate()
          .resize({ width, withoutEnlargement: true })
          .webp({ quality: 78 })
          .toFile(temp);
      });
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return target;
  }

  return {
    cacheDir,
    async thumbnail(source, width, signal) {
      const dir = await cacheDir(source.root, source.readOnly);
      const key = hash(`${source.file}\0${source.stats.size}\0${source.stats.mtimeMs}\0${width}`);
      const target = join(dir, `${key}.webp`);
      // Many tiles may ask for the same thumbnail at once; make it once.
      let job = inFlight.get(target);
      if (!job) {
        const waiting: (AbortSignal | null)[] = [];
        const abandoned = (): boolean => waiting.every((s) => s?.aborted === true);
        job = { done: make(source, width, target, abandoned), waiting };
        inFlight.set(target, job);
        void job.done.then(
          () => inFlight.delete(target),
          () => inFlight.delete(target),
        );
      }
      job.waiting.push(signal ?? null);
      return job.done;
    },
  };
}
