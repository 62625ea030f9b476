// Hashing through Node's crypto and zlib, loaded on first use rather than at import: the two modules
// cost a short command about 7 ms and 4 ms to load (perf stat, Node 24), and `flagdeck inspect` on
// a small folder never hashes (only logs large enough for a persisted index do).

/** Lower-case hex sha256 of `data` (a string is hashed as UTF-8). */
export function sha256Hex(data: string | Uint8Array): string {
  return process.getBuiltinModule('node:crypto').createHash('sha256').update(data).digest('hex');
}

/** zlib's CRC-32 of `data`, continuing from `value` when given. */
export function crc32(data: Uint8Array, value?: number): number {
  return process.getBuiltinModule('node:zlib').crc32(data, value);
}

/** `bytes` random bytes as hex: names no other writer picks. */
export function randomHex(bytes: number): string {
  return process.getBuiltinModule('node:crypto').randomBytes(bytes).toString('hex');
}
