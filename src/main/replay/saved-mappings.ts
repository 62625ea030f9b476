// The mapping a user chose, remembered per folder (this file sits in the folder's review dir) and
// per app endpoint, so the next replay against the same endpoint proposes it again.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ReplayMapping } from '../../shared/replay';
import { writeFileAtomic } from '../review/atomic-write';
import { replaysDir } from './run-store';

const Saved = z.record(z.string(), ReplayMapping);
const FILE = 'mappings.json';

/** Keyed by endpoint name: the same demo served at another URL keeps its mapping. */
export async function savedMapping(reviewDir: string, apiName: string): Promise<ReplayMapping | undefined> {
  return (await readSaved(reviewDir))[apiName];
}

export async function saveMapping(reviewDir: string, apiName: string, mapping: ReplayMapping): Promise<void> {
  const saved = await readSaved(reviewDir);
  saved[apiName] = mapping;
  await mkdir(replaysDir(reviewDir), { recursive: true });
  await writeFileAtomic(join(replaysDir(reviewDir), FILE), `${JSON.stringify(saved, null, 2)}\n`);
}

async function readSaved(reviewDir: string): Promise<Record<string, ReplayMapping>> {
  const text = await readFile(join(replaysDir(reviewDir), FILE), 'utf8').catch(() => undefined);
  if (text === undefined) return {};
  const parsed = Saved.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : {};
}
