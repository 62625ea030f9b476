// Cached directory listings inside one folder, so resolving a 100k-row log does not stat the disk per cell.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** A listing older than this is read again when a name is not found (Gradio may have just written it). */
const STALE_MS = 2000;

interface Listing {
  at: number;
  names: Set<string>;
  loose: Map<string, string>;
}

/** Label-derived directory names lose emoji and apostrophes and keep stray spaces: compare loosely. */
export function looseName(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._\-, ]/gu, '')
    .trim()
    .toLowerCase();
}

export class DirListings {
  private readonly cache = new Map<string, Promise<Listing | undefined>>();

  /** The entry of `dir` named `name` exactly, else loosely; undefined when there is none. */
  async find(dir: string, name: string): Promise<string | undefined> {
    let listing = await this.listing(dir);
    if (listing && !listing.names.has(name) && Date.now() - listing.at > STALE_MS) {
      this.cache.delete(dir);
      listing = await this.listing(dir);
    }
    if (!listing) return undefined;
    if (listing.names.has(name)) return name;
    return listing.loose.get(looseName(name));
  }

  /** Walks `segments` down from `dir`; the matched path, or undefined. */
  async walk(dir: string, segments: string[]): Promise<string | undefined> {
    let current = dir;
    for (const segment of segments) {
      const entry = await this.find(current, segment);
      if (entry === undefined) return undefined;
      current = join(current, entry);
    }
    return current;
  }

  private listing(dir: string): Promise<Listing | undefined> {
    let pending = this.cache.get(dir);
    if (!pending) {
      pending = read(dir);
      this.cache.set(dir, pending);
    }
    return pending;
  }
}

async function read(dir: string): Promise<Listing | undefined> {
  try {
    const names = await readdir(dir);
    const loose = new Map<string, string>();
    for (const name of names) if (!loose.has(looseName(name))) loose.set(looseName(name), name);
    return { at: Date.now(), names: new Set(names), loose };
  } catch {
    return undefined;
  }
}
