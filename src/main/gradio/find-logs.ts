// Every log in a flagging folder: any `*.csv` and the HF saver's per-sample `metadata.jsonl`, skipping
// the asset copies Gradio keeps in hash directories (a flagged File may itself be a CSV).
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

const MAX_DEPTH = 6;
/** Directories that are never part of a flagging log: ours, VCS, environments, example caches. */
const SKIPPED_DIRS = new Set([
  '.flagdeck',
  '.git',
  'node_modules',
  '__pycache__',
  'cached_examples',
  'gradio_cached_examples',
]);
/** `secrets.token_hex(10|20)` directories hold copies of flagged files, not logs. */
export const ASSET_HASH_DIR = /^(?:[0-9a-f]{20}|[0-9a-f]{40})$/;

/** A directory no log is looked for in (nor watched): ours, VCS, environments, example caches. */
export function holdsNoLogs(name: string): boolean {
  return SKIPPED_DIRS.has(name) || name.startsWith('.venv');
}

export async function findLogs(root: string): Promise<string[]> {
  const found: string[] = [];
  await walk(root, '', 0, found);
  return found.sort(naturalOrder);
}

async function walk(root: string, relative: string, depth: number, found: string[]): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(join(root, relative), { withFileTypes: true });
  } catch (error) {
    if (depth === 0) throw error;
    return; // an unreadable sub-folder is not a reason to refuse the whole folder
  }
  for (const entry of entries) {
    const path = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (depth < MAX_DEPTH && !holdsNoLogs(entry.name)) {
        await walk(root, path, depth + 1, found);
      }
    } else if (entry.isFile() && isLog(entry.name, relative)) {
      found.push(path);
    }
  }
}

function isLog(name: string, relative: string): boolean {
  if (name === 'metadata.jsonl') return true;
  if (!name.toLowerCase().endsWith('.csv')) return false;
  return !relative.split('/').some((segment) => ASSET_HASH_DIR.test(segment));
}

// Made on first use: an ICU collator costs tens of milliseconds, and a folder of one log never sorts.
let collator: Intl.Collator | undefined;
function naturalOrder(a: string, b: string): number {
  collator ??= new Intl.Collator('en', { numeric: true });
  return collator.compare(a, b);
}
