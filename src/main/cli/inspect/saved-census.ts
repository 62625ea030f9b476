// A log's census kept beside its persisted index, so that reopening a large log does not scan it
// again only to count its files. It is used while both things it depends on hold:
// - the log: the same size up to `coveredEnd` and the same first and last 64 KB there (the index's
//   own rule), `coveredEnd` being exactly where the reused index ended (rows past it are scanned
//   and added; a census behind or ahead of the index is not used);
// - the folder's files: the same names and types everywhere in it (FolderListing.fingerprint, from
//   the one directory walk the count needs anyway), as a reference resolves or not by them. A folder
//   holding a symlink, or Gradio's hash directories (listed, not read), has no fingerprint: its
//   census is never kept.
// Anything else (damaged, truncated, another version, another log) is ignored, and the census is
// taken again and written over it, temp file then rename.
import { mkdir, readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../review/atomic-write';
import { basename, dirname } from 'node:path';
import { shapeKey } from '../../log-index/index-file';
import type { LogIndex } from '../../log-index/log-index';
import { fingerprint, indexPathOf, type IndexCacheOptions } from '../../log-index/persisted-index';
import type { AuditState } from './audit-tally';
import type { AssetSets } from './asset-tally';
import { decodeCensusFile, encodeCensusFile, type Census, type CensusIdentity } from './census-file';

/** What loadCensus found: a census to use, or why none is. */
export type LoadedCensus = { kind: 'usable'; census: Census } | { kind: 'unusable'; reason: string };

export async function censusPathOf(log: LogIndex, cache: IndexCacheOptions): Promise<string> {
  return (await indexPathOf(log, cache)).replace(/\.idx$/, '.assets');
}

function identityOf(log: LogIndex): CensusIdentity {
  const root = log.path.slice(0, log.path.length - log.file.length - 1);
  return { file: log.file, shapeKey: shapeKey(log.shape), folderName: basename(root) };
}

/** The kept census of `log` when it covers exactly up to `end` and `listing` is the folder's now. */
export async function loadCensus(
  log: LogIndex,
  cache: IndexCacheOptions,
  end: number,
  listing: string | null,
): Promise<LoadedCensus> {
  const unusable = (reason: string): LoadedCensus => ({ kind: 'unusable', reason });
  const buf = await readFile(await censusPathOf(log, cache)).catch(() => undefined);
  if (!buf) return unusable('no census kept');
  const decoded = decodeCensusFile(buf, identityOf(log));
  if (!decoded.ok) return unusable(decoded.reason);
  const { header } = decoded.census;
  if (header.coveredEnd !== end) return unusable('the census and the index cover different rows');
  const now = await fingerprint(log.path, end);
  if (!now || now.headHash !== header.headHash || now.tailHash !== header.tailHash)
    return unusable('the log was rewritten since its census');
  if (listing === null || header.listing !== listing)
    return unusable("the folder's files changed since the census");
  return { kind: 'usable', census: decoded.census };
}

/** Keeps the census of `log` up to `log.indexedEnd` (nothing when the folder has no fingerprint). */
export async function keepCensus(
  log: LogIndex,
  cache: IndexCacheOptions,
  listing: string | null,
  audit: AuditState,
  sets: AssetSets,
): Promise<void> {
  if (listing === null) return;
  const coveredEnd = log.indexedEnd;
  const hashes = await fingerprint(log.path, coveredEnd);
  if (!hashes) return;
  const data = encodeCensusFile({ ...identityOf(log), coveredEnd, ...hashes, listing, audit }, sets);
  const path = await censusPathOf(log, cache);
  await mkdir(dirname(path), { recursive: true });
  // A cache: a crash may lose it (it is rebuilt), never leave half of it.
  await writeFileAtomic(path, data, { durable: false });
}
