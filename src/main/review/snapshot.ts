// A snapshot is the folded state of the journal's first `offset` bytes, so that opening a folder
// does not re-read its whole history. Scheme (the journal is never truncated or rotated):
// - compaction folds the journal up to a line boundary N, then writes `snapshot.json` atomically
//   (temp + fsync + rename) with N, the number of lines before N, and a hash of the bytes just
//   before N;
// - opening loads the snapshot when that hash still matches the journal, then folds the journal
//   from N on. Lines any process appended during or after compaction sit past N: never lost.
// - a journal that was replaced or shortened no longer matches: the snapshot is ignored.
import { createHash } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import { writeFileAtomic } from './atomic-write';
import type { SampleFold } from './fold';
import type { Snapshot } from './snapshot-schema';

const TAIL_BYTES = 4096;

export type { Snapshot };

/** The folds a snapshot holds (JSON drops a reset reason's `value: undefined`; it is put back). */
export function snapshotFolds(snapshot: Snapshot): SampleFold[] {
  return snapshot.samples.map((s) => ({ ...s, reason: s.reason && { ...s.reason, value: s.reason.value } }));
}

/** The hash that ties a snapshot to the journal bytes it covers. */
export async function tailHash(journal: string, offset: number): Promise<string> {
  const start = Math.max(0, offset - TAIL_BYTES);
  const buffer = Buffer.alloc(offset - start);
  const handle = await open(journal, 'r');
  try {
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
    if (bytesRead < buffer.length) return '';
  } finally {
    await handle.close();
  }
  return createHash('sha256').update(buffer).digest('hex');
}

export async function writeSnapshot(
  path: string,
  journal: string,
  covered: { offset: number; lines: number },
  samples: Iterable<SampleFold>,
): Promise<void> {
  const snapshot: Snapshot = {
    v: 1,
    offset: covered.offset,
    lines: covered.lines,
    tailHash: await tailHash(journal, covered.offset),
    samples: [...samples],
  };
  await writeFileAtomic(path, JSON.stringify(snapshot));
}

/** The snapshot if there is one that still matches the journal; otherwise a reason to ignore it. */
export async function readSnapshot(
  path: string,
  journal: string,
): Promise<{ snapshot?: Snapshot; warning?: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return {};
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { warning: `${path}: not JSON (${String(error)}); the journal is read in full instead` };
  }
  const { Snapshot } = await import('./snapshot-schema');
  const parsed = Snapshot.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      warning: `${path} field "${issue.path.join('.')}": ${issue.message}; the journal is read in full instead`,
    };
  }
  if ((await tailHash(journal, parsed.data.offset)) !== parsed.data.tailHash) {
    return {
      warning: `${path} does not match the journal (replaced or shortened); the journal is read in full instead`,
    };
  }
  return { snapshot: parsed.data };
}
