// The Log filter's choices: every log of the folders in view, named with its folder's label where
// several folders are open. A folder of the HF saver's sample folders holds one log per flagged
// sample: past LOG_CHOICES_MAX the list would be thousands of one-row logs, built and laid out again
// at every change of a followed folder (20,000 of them: a 100-200 ms stall each time). The filter
// then offers no logs (the table's Log column still names each row's log), only the log it already
// holds (a saved view, the address bar), so that it can be cleared.
import type { SampleFilter } from '../../../../shared/api';
import type { FolderInfo } from '../../../../shared/model';
import { folderLabels } from '../../common/folder-labels';
import { logKey } from '../../common/rows';
import type { FilterChoice } from './filter-select';

export const LOG_CHOICES_MAX = 200;

export interface LogChoices {
  choices: FilterChoice[];
  /** Whether the Log filter is shown at all: there is a choice to make, or one to undo. */
  shown: boolean;
}

export function logChoices(
  folders: FolderInfo[],
  filter: Pick<SampleFilter, 'folderIds' | 'logs'>,
): LogChoices {
  const inView = filter.folderIds?.length ? folders.filter((f) => filter.folderIds?.includes(f.id)) : folders;
  const count = inView.reduce((sum, folder) => sum + folder.logs.length, 0);
  const chosen = filter.logs ?? [];
  const labels = folderLabels(folders);
  const choice = (folder: FolderInfo, file: string): FilterChoice => ({
    value: logKey(folder.id, file),
    label: folders.length > 1 ? `${labels.get(folder.id) ?? folder.name}/${file}` : file,
  });
  if (count <= LOG_CHOICES_MAX)
    return { choices: inView.flatMap((f) => f.logs.map((l) => choice(f, l.file))), shown: count > 1 };
  const held = inView.flatMap((f) =>
    f.logs.filter((l) => chosen.includes(logKey(f.id, l.file))).map((l) => choice(f, l.file)),
  );
  return { choices: held, shown: chosen.length > 0 };
}
