// Where the persisted index of a log lives: `<folder>/.flagdeck/index/` beside the journal when the
// folder may hold our files, else a folder of its own under the app's data folder (a read-only
// folder, or Gradio 4's Hub saver clone, which uploads its whole folder on every flag).
import { sha256Hex } from '../platform/lazy-hashes';
import { fs } from '../platform/node-fs';
import { access, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { hubSaverMarker, markedReadOnlyReason } from '../review/location';

function shortHash(text: string): string {
  return sha256Hex(text).slice(0, 16);
}

async function mayWriteInside(root: string): Promise<boolean> {
  if ((await hubSaverMarker(root)) || (await markedReadOnlyReason(root))) return false;
  const flagdeck = join(root, '.flagdeck');
  const kind = await stat(flagdeck).then(
    (found) => (found.isDirectory() ? 'folder' : 'other'),
    () => 'none',
  );
  if (kind === 'other') return false;
  return access(kind === 'folder' ? flagdeck : root, fs.constants.W_OK).then(
    () => true,
    () => false,
  );
}

/** The folder holding the index files of the flagging folder `root` (a canonical path). */
export async function indexDirOf(root: string, dataDir: string): Promise<string> {
  if (await mayWriteInside(root)) return join(root, '.flagdeck', 'index');
  return join(dataDir, 'indexes', shortHash(root));
}

/** The index file of one log (`file` relative to its folder): its name, then a hash of its path. */
export function indexFileName(file: string): string {
  const name = basename(file)
    .replace(/[^\w.-]+/g, '_')
    .slice(0, 60);
  return `${name}-${shortHash(file)}.idx`;
}
