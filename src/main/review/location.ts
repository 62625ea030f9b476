// Where a folder's review files live: `<folder>/.flagdeck/` when we may write there, else a folder
// of its own under the app's data folder. Gradio 4's Hub saver uploads its whole local clone on
// every flag, so a journal inside such a clone would be published: it goes to the data folder too.
import { sha256Hex } from '../platform/lazy-hashes';
import { fs } from '../platform/node-fs';
import { access, mkdir, open, realpath, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export interface ReviewLocation {
  dir: string;
  journal: string;
  snapshot: string;
  config: string;
  /** True when the files live inside the flagging folder itself. */
  inFolder: boolean;
  /** The flagging folder these files belong to (absent for an explicit review folder). */
  folder?: string;
  /** Why the data folder is used instead of the flagging folder. */
  reason?: string;
}

export interface LocateOptions {
  /** The app's data folder (Electron: `app.getPath('userData')`; CLI/serve: `defaultDataDir()`). */
  dataDir: string;
  /** Use exactly this folder for the review files (tests, or a user's explicit choice). */
  reviewDir?: string;
}

/** `$XDG_DATA_HOME/flagdeck`, else `~/.local/share/flagdeck`: the data folder of the CLI and `serve`. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const base =
    env.XDG_DATA_HOME && env.XDG_DATA_HOME !== '' ? env.XDG_DATA_HOME : join(homedir(), '.local/share');
  return join(base, 'flagdeck');
}

export async function locateReview(root: string, options: LocateOptions): Promise<ReviewLocation> {
  if (options.reviewDir) return prepared(resolve(options.reviewDir), false);
  const folder = await realpath(root);
  const hubClone = await hubSaverMarker(folder);
  const reason = hubClone
    ? `the folder is a Hub saver clone (${hubClone}), which Gradio uploads whole`
    : ((await markedReadOnlyReason(folder)) ?? (await unwritableReason(join(folder, '.flagdeck'))));
  if (!reason) return { ...(await prepared(join(folder, '.flagdeck'), true)), folder };
  const dir = join(options.dataDir, 'journals', sha256Hex(folder).slice(0, 16));
  const location = await prepared(dir, false);
  // Says which flagging folder this journal belongs to, for a person browsing the data folder.
  await writeFile(join(dir, 'folder.txt'), `${folder}\n`, { flag: 'wx' }).catch(() => undefined);
  return { ...location, reason, folder };
}

async function prepared(dir: string, inFolder: boolean): Promise<ReviewLocation> {
  await mkdir(dir, { recursive: true });
  return {
    dir,
    journal: join(dir, 'journal.jsonl'),
    snapshot: join(dir, 'snapshot.json'),
    config: join(dir, 'config.json'),
    inFolder,
  };
}

/**
 * A folder whose mode has no write bit at all was made read-only on purpose. Root (CI, containers)
 * could still write into it, so trying is not enough: respect the marking.
 */
export async function markedReadOnlyReason(folder: string): Promise<string | undefined> {
  const { mode } = await stat(folder);
  return (mode & 0o222) === 0 ? `${folder} is read-only (mode ${(mode & 0o777).toString(8)})` : undefined;
}

/** Read-only for Flagdeck: marked so, or not writable by this process. */
export async function folderIsReadOnly(folder: string): Promise<boolean> {
  if (await markedReadOnlyReason(folder)) return true;
  return access(folder, fs.constants.W_OK).then(
    () => false,
    () => true,
  );
}

/** Tries to create the folder and open the journal for appending; the error says why not. */
async function unwritableReason(dir: string): Promise<string | undefined> {
  try {
    await mkdir(dir, { recursive: true });
    const handle = await open(join(dir, 'journal.jsonl'), 'a');
    await handle.close();
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return `${dir} is not writable (${code})`;
  }
}

export async function hubSaverMarker(folder: string): Promise<string | undefined> {
  const exists = (name: string) =>
    access(join(folder, name)).then(
      () => true,
      () => false,
    );
  if ((await exists('dataset_info.json')) && (await exists('data.csv')))
    return 'dataset_info.json + data.csv';
  for (const marker of ['.huggingface', '.git']) if (await exists(marker)) return marker;
  return undefined;
}
