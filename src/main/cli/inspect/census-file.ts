// The bytes of a log's census file (`<log>-<hash>.assets`, beside its index): what `flagdeck
// inspect` found in the log up to `coveredEnd` (its record audit and its distinct asset
// references) behind a small JSON header, closed by a CRC-32 of everything before it. Decoding
// trusts nothing: a short, bit-flipped, foreign or other-version file is refused with the reason.
import { crc32 } from '../../platform/lazy-hashes';
import type { AuditState } from './audit-tally';
import type { AssetSets } from './asset-tally';

const MAGIC = Buffer.from('FLAGDECKAST\0', 'latin1');
/** Bumped whenever the layout or the meaning of a field changes. */
export const CENSUS_FILE_VERSION = 2;
const FIXED = MAGIC.length + 8; // magic, version u32, header length u32

/** What a census is of, and what it must still match to be used. */
export interface CensusIdentity {
  /** The log's path relative to its folder, and index-file.ts's shapeKey of its shape. */
  file: string;
  shapeKey: string;
  /** The folder's own name (a path naming it is `missing`, not `outside`: asset-resolver.ts). */
  folderName: string;
}

export interface CensusHeader extends CensusIdentity {
  version: number;
  /** The census covers the log's records up to here; the hashes are of its bytes up to here. */
  coveredEnd: number;
  headHash: string;
  tailHash: string;
  /** FolderListing.fingerprint when the references were resolved. */
  listing: string;
  audit: AuditState;
  resolved: string[];
  outside: number;
  missing: number;
}

export interface Census {
  header: CensusHeader;
  sets: AssetSets;
}

export type DecodedCensus = { ok: true; census: Census } | { ok: false; reason: string };

const align8 = (n: number): number => (n + 7) & ~7;

export function encodeCensusFile(
  header: Omit<CensusHeader, 'version' | 'resolved' | 'outside' | 'missing'>,
  sets: AssetSets,
): Buffer {
  const full: CensusHeader = {
    version: CENSUS_FILE_VERSION,
    ...header,
    resolved: sets.resolved,
    outside: sets.outside.length,
    missing: sets.missing.length,
  };
  const json = Buffer.from(JSON.stringify(full), 'utf8');
  const at = align8(FIXED + json.length);
  const end = at + (sets.outside.length + sets.missing.length) * 8;
  const out = Buffer.alloc(end + 4);
  MAGIC.copy(out, 0);
  out.writeUInt32LE(CENSUS_FILE_VERSION, MAGIC.length);
  out.writeUInt32LE(json.length, MAGIC.length + 4);
  json.copy(out, FIXED);
  const bytes = (array: Float64Array) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  out.set(bytes(sets.outside), at);
  out.set(bytes(sets.missing), at + sets.outside.byteLength);
  out.writeUInt32LE(crc32(out.subarray(0, end)), end);
  return out;
}

export function decodeCensusFile(buf: Buffer, expected: CensusIdentity): DecodedCensus {
  if (buf.length < FIXED + 4 || !buf.subarray(0, MAGIC.length).equals(MAGIC))
    return { ok: false, reason: 'not a Flagdeck census file' };
  const version = buf.readUInt32LE(MAGIC.length);
  if (version !== CENSUS_FILE_VERSION)
    return {
      ok: false,
      reason: `census file version ${version}, this Flagdeck reads ${CENSUS_FILE_VERSION}`,
    };
  const jsonLength = buf.readUInt32LE(MAGIC.length + 4);
  const checked = buf.length - 4;
  if (FIXED + jsonLength > checked) return { ok: false, reason: 'the census file is truncated' };
  if (crc32(buf.subarray(0, checked)) !== buf.readUInt32LE(checked))
    return { ok: false, reason: 'the census file is damaged (checksum mismatch)' };
  const header = parseHeader(buf.toString('utf8', FIXED, FIXED + jsonLength));
  if (!header || header.version !== version)
    return { ok: false, reason: 'the census file header is unreadable' };
  if (header.file !== expected.file || header.folderName !== expected.folderName)
    return { ok: false, reason: `the census file is of another log (${header.file})` };
  if (header.shapeKey !== expected.shapeKey)
    return { ok: false, reason: "the log's header or dialect changed since its census" };
  const at = align8(FIXED + jsonLength);
  if (at + (header.outside + header.missing) * 8 !== checked)
    return { ok: false, reason: 'the census file has the wrong length' };
  // Copied out: the buffer's offset need not be 8-byte aligned.
  const numbers = new Float64Array(buf.buffer.slice(buf.byteOffset + at, buf.byteOffset + checked));
  const sets: AssetSets = {
    resolved: header.resolved,
    outside: numbers.subarray(0, header.outside),
    missing: numbers.subarray(header.outside),
  };
  return { ok: true, census: { header, sets } };
}

function parseHeader(text: string): CensusHeader | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isHeader(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const isCount = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;
const isList = (value: unknown, item: (v: unknown) => boolean): boolean =>
  Array.isArray(value) && value.every(item);

function isHeader(value: unknown): value is CensusHeader {
  if (typeof value !== 'object' || value === null) return false;
  const h = value as Record<string, unknown>;
  const audit = h.audit as Record<string, unknown> | null;
  return (
    ['version', 'coveredEnd', 'outside', 'missing'].every((key) => isCount(h[key])) &&
    ['file', 'shapeKey', 'folderName', 'headHash', 'tailHash', 'listing'].every(
      (key) => typeof h[key] === 'string',
    ) &&
    isList(h.resolved, (v) => typeof v === 'string') &&
    typeof audit === 'object' &&
    audit !== null &&
    ['wider', 'narrower', 'widest', 'firstEol', 'otherEol'].every((key) => isCount(audit[key])) &&
    Number.isSafeInteger(audit.otherEolLine) &&
    ['widerLines', 'narrowerLines', 'widening', 'suspects'].every((key) => isList(audit[key], isCount)) &&
    isList(
      audit.problems,
      (v) => typeof v === 'object' && v !== null && isCount((v as { line: unknown }).line),
    )
  );
}
