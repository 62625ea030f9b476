// What the review journal needs to know about samples (id, row hash, original reason), for every
// row of a selection: the rows' bytes are read back to hash them.
import type { SampleIdentity } from '../review/review-store';
import type { Interner } from '../log-index/intern';
import type { Selection } from '../query/query';
import { rowsBySlot } from '../query/row-refs';
import { readRecords } from '../log-index/read-records';
import { sampleId } from '../../shared/sample-id';

/** The identities of a selection's rows, grouped by folder id. */
export async function identitiesOf(
  { logs, refs }: Selection,
  reasons: Interner,
): Promise<Map<string, SampleIdentity[]>> {
  const groups = new Map<string, SampleIdentity[]>();
  for (const [slot, rows] of rowsBySlot(refs)) {
    const { log, folderId } = logs[slot];
    const records = await readRecords(log, rows);
    let group = groups.get(folderId);
    if (!group) groups.set(folderId, (group = []));
    records.forEach((record, i) => {
      group.push({
        id: sampleId(log.file, rows[i]),
        rowHash: record.hash,
        originalReason: reasons.valueOf(log.reasons[rows[i]]),
      });
    });
  }
  return groups;
}
