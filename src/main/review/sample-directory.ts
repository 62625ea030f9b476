// How the review CLI learns which samples a folder holds: their ids, row hashes and original
// reasons. The desktop app and `serve` get these from the index instead.
import { notASampleId, SAMPLE_ID } from '../../shared/sample-id';
import { badInput } from '../../shared/call-errors';
import type { SampleIdentity } from './review-store';

export interface SampleDirectory {
  /** Every sample of every log in the folder, in log then row order. */
  allSamples(root: string): Promise<SampleIdentity[]>;
}

/** The identities of `ids`, in the order given; an unknown id is an error naming it. */
export async function identify(
  directory: SampleDirectory,
  root: string,
  ids: string[],
): Promise<SampleIdentity[]> {
  const malformed = ids.find((id) => !SAMPLE_ID.test(id));
  if (malformed !== undefined) throw badInput(notASampleId(malformed));
  const all = new Map((await directory.allSamples(root)).map((sample) => [sample.id, sample]));
  const unknown = ids.filter((id) => !all.has(id));
  if (unknown.length > 0) {
    const listed =
      unknown.slice(0, 5).join(', ') + (unknown.length > 5 ? `, … (${unknown.length} in all)` : '');
    throw new Error(`no such sample in ${root}: ${listed} (ids are <log file>#<data row>, e.g. log.csv#1)`);
  }
  return ids.map((id) => all.get(id)!);
}
