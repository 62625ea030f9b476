// Temporary flagging folders for the review tests, removed after each test.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { SampleIdentity } from '../../../../src/main/review/review-store';

const made: string[] = [];

afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

export async function tempFolder(prefix = 'flagdeck-review-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Identities of rows 1..count of `log.csv`, with a distinct hash each. */
export function samples(
  count: number,
  log = 'log.csv',
  originalReason: string | null = null,
): SampleIdentity[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${log}#${i + 1}`,
    rowHash: `h${i + 1}`,
    originalReason,
  }));
}
