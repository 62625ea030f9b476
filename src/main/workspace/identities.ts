// What the review journal needs to know about samples (id, row hash, original reason), for every
// row of a selection. The index knows where each row's bytes are; they are read back and hashed,
// without decoding a cell (keeping a hash per row in the index would slow every open and follow).
import type { SampleIdentity } from '../review/review-store';
import type { Interner } from '../log-index/intern';
import type { Selection } from '../query/query';
import { rowsBySlot } from '../query/row-refs';
import { readRowHashes } from '../log-index/read-records';
import { sampleId } from '../../shared/sample-id';

/** The identities of a selection's rows, grouped by folder id. */
export async function identitiesOf(
  { logs, refs }: Selection,
  reasons: Interner,
): Promise<Map<string, SampleIdentity[]>> {
  const groups = new Map<string, SampleIdentity[]>();
  for (const [slot, rows] of rowsBySlot(refs)) {
    const { log, folderId } = logs[slot];
    const hashes = await readRowHashes(log, rows);
    let group = groups.get(folderId);
    if (!group) groups.set(folderId, (group = []));
    hashes.forEach((hash, i) => {
      group.push({
        id: sampleId(log.file, rows[i]),
        rowHash: hash,
        originalReason: reasons.valueOf(log.reasons[rows[i]]),
      });
    });
  }
  return groups;
}
