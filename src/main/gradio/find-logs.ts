// Every log in a flagging folder: any `*.csv` and the HF saver's per-sample `metadata.jsonl`, skipping
// the asset copies Gradio keeps in hash directories (a flagged File may itself be a CSV).
import type { Dirent } from 'node:fs';
import { walkFolder, type WalkedDirectory } from './folder-walk';

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
  return (await walkForLogs(root)).logs;
}

/** findLogs, with the directories it read (their listings, for the folder's asset resolver). */
export async function walkForLogs(root: string): Promise<{ logs: string[]; directories: WalkedDirectory[] }> {
  // Hash directories hold copies of flagged files, never a log: not entered (nor watched).
  const descend = (entry: Dirent, depth: number): boolean =>
    depth <= MAX_DEPTH && !holdsNoLogs(entry.name) && !ASSET_HASH_DIR.test(entry.name);
  const { directories } = await walkFolder(root, descend);
  const logs: string[] = [];
  for (const { relative, entries } of directories)
    for (const entry of entries)
      if (entry.isFile() && isLogName(entry.name)) logs.push(relative ? `${relative}/${entry.name}` : entry.name);
  return { logs: logs.sort(naturalOrder), directories };
}

/** A log's file name: any `*.csv`, and the HF saver's `metadata.jsonl`. */
export function isLogName(name: string): boolean {
  return name === 'metadata.jsonl' || name.toLowerCase().endsWith('.csv');
}

// Made on first use: an ICU collator costs tens of milliseconds, and a folder of one log never sorts.
let collator: Intl.Collator | undefined;
function naturalOrder(a: string, b: string): number {
  collator ??= new Intl.Collator('en', { numeric: true });
  return collator.compare(a, b);
}
