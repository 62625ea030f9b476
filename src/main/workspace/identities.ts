// What the review journal needs to know about samples (id, row hash, original reason), for every
// row of a selection: the rows' bytes are read back to hash them.
import type { SampleIdentity } from '../review/contracts';
import type { Interner } from '../log-index/intern';
import { SLOT, type Selection } from '../query/query';
import { readRecords } from '../log-index/read-records';
import { sampleId } from './folder-state';

/** The identities of a selection's rows, grouped by folder id. */
export async function identitiesOf(
  { logs, refs }: Selection,
  reasons: Interner,
): Promise<Map<string, SampleIdentity[]>> {
  const rowsBySlot = new Map<number, number[]>();
  for (const ref of refs) {
    const slot = Math.floor(ref / SLOT);
    let rows = rowsBySlot.get(slot);
    if (!rows) rowsBySlot.set(slot, (rows = []));
    rows.push(ref % SLOT);
  }
  const groups = new Map<string, SampleIdentity[]>();
  for (const [slot, rows] of rowsBySlot) {
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
