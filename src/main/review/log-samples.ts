// The samples of a folder as the reader sees them (ids, row hashes, original flag reasons), for
// the review CLI. Reads every log whole: fine for a command-line run, not for the app's index.
import { sampleId } from '../../shared/sample-id';
import { FolderReader } from '../gradio/reader';
import { readLog } from '../gradio/read-log';
import { roleCell } from '../gradio/role-cells';
import type { SampleIdentity } from './review-store';
import type { SampleDirectory } from './sample-directory';

export const logSamples: SampleDirectory = {
  async allSamples(root: string): Promise<SampleIdentity[]> {
    const reader = new FolderReader();
    const samples: SampleIdentity[] = [];
    for (const file of await reader.findLogs(root)) {
      const { shape, rows } = await readLog(reader, root, file);
      for (const row of rows) {
        const flag = roleCell(shape.roles, 'flag', row.cells.length);
        // Gradio 3/4's plain "Flag" button writes an empty reason: that is no reason.
        const reason = flag === undefined ? undefined : row.cells[flag]?.text;
        samples.push({
          id: sampleId(file, row.ordinal - 1),
          rowHash: row.rowHash,
          originalReason: reason ? reason : null,
        });
      }
    }
    return samples;
  },
};
