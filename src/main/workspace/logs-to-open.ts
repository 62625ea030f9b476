// What opening a path means before anything is written: the folder's canonical path (a symlink, a
// trailing slash or `..` all name the same folder), and the logs it brings that no open folder
// holds yet. Each refusal says what is wrong with the path the user typed: not found (404), cannot
// be read (403), a file or logs already open elsewhere (400).
import { realpath, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { badInput, forbidden, notFound } from '../../shared/call-errors';
import type { GradioReader } from '../gradio/log-model';

function refusal(path: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return notFound(`${path} does not exist`);
  if (code === 'EACCES' || code === 'EPERM') return forbidden(`${path} cannot be read (${code})`);
  return error instanceof Error ? error : new Error(String(error));
}

/** The real path of a folder; refuses a missing path, a file, or a folder that cannot be read. */
export async function canonicalFolder(path: string): Promise<string> {
  let root: string;
  try {
    root = await realpath(path);
    if (!(await stat(root)).isDirectory())
      throw badInput(`${path} is a file, not a folder: open the folder that holds it (${dirname(root)})`);
  } catch (error) {
    throw refusal(path, error);
  }
  return root;
}

const NO_LOG_HINT =
  'Gradio writes its log (log.csv, datasetN.csv) into flagged/ (Gradio 2–4) or .gradio/flagged/ (Gradio 5–6) ' +
  "of the folder the demo runs in, or into the flagging_dir the demo names: open that folder or the demo's";

/**
 * The logs of `root` (relative paths) that belong to no open folder yet; `ownerOf` names the open
 * folder already holding a log (absolute path). Refuses a folder without logs, or whose logs are all open.
 */
export async function logsToOpen(
  reader: GradioReader,
  root: string,
  ownerOf: (logPath: string) => string | undefined,
): Promise<string[]> {
  const found = await reader.findLogs(root).catch((error: unknown) => {
    throw refusal(root, error);
  });
  if (found.length === 0) throw notFound(`${root}: no flagging log in this folder. ${NO_LOG_HINT}.`);
  const free = found.filter((file) => ownerOf(join(root, file)) === undefined);
  if (free.length === 0) {
    const owners = [...new Set(found.map((file) => ownerOf(join(root, file))))].join(', ');
    throw badInput(`${root}: its flagging logs are already open, in ${owners}`);
  }
  return free;
}
