// Where a replay run's output files are served from. A run lives beside the folder's journal: in
// `<folder>/.flagdeck/`, or in the app's data folder when the flagging folder is read-only. Media
// URLs always name them as `.flagdeck/replays/<run>/files/<path>` under the folder, and this mount
// maps that prefix to the run's real files/ folder, wherever it is; nothing else of the data
// folder (journals, other folders' runs) can be reached through it.
import { join } from 'node:path';
import type { MediaMount } from '../media/service';
import { locateReview } from '../review/location';
import { replaysDir } from './run-store';

/** The folder-relative prefix of a run's files in media URLs. */
export const runFilesBase = (run: string): string => `.flagdeck/replays/${run}/files`;

const RUN_FILE_PATH = /^\.flagdeck\/replays\/([\w.-]+)\/files\/(.+)$/s;

export function replayFilesMount(
  dataDir: string,
  folderRoot: (folderId: string) => string | undefined,
): MediaMount {
  return async (folderId, path) => {
    const match = RUN_FILE_PATH.exec(path);
    const root = folderRoot(folderId);
    if (!match || root === undefined) return undefined;
    const [, run, rest] = match;
    const { dir } = await locateReview(root, { dataDir });
    return { root: join(replaysDir(dir), run, 'files'), path: rest };
  };
}
