// "Option N" of each folder's own flag options, for a number key pressed over samples of several
// folders: each folder gets its own option N, or, when one has none, nothing changes and the
// message says which folder lacks it.
import type { FlagOptions, ReviewPatch } from '../../shared/api';
import { badInput } from '../../shared/call-errors';
import { activeOptions } from '../../shared/flag-options';

export interface FolderOptions {
  /** How the folder is named to the user (its path). */
  label: string;
  options: FlagOptions;
}

/** The patch each folder gets: `reasonOption` N replaced by that folder's option N. */
export function patchesPerFolder(
  patch: ReviewPatch & { reasonOption: number },
  folders: Map<string, FolderOptions>,
): Map<string, ReviewPatch> {
  const { reasonOption, ...rest } = patch;
  const patches = new Map<string, ReviewPatch>();
  if (rest.reason !== undefined || rest.resetReason)
    throw badInput(
      'an edit sets either a reason, option N of each folder, or resets the reason: not two of them',
    );
  const lacking: string[] = [];
  for (const [folderId, { label, options }] of folders) {
    const reason = activeOptions(options)[reasonOption - 1];
    if (reason === undefined) lacking.push(`${label} has ${activeOptions(options).length}`);
    else patches.set(folderId, { ...rest, reason });
  }
  if (lacking.length > 0)
    throw badInput(
      `Nothing changed: no flag option ${reasonOption} in every folder of the selection (${lacking.join(', ')})`,
    );
  return patches;
}
