import { sha256Hex } from '../platform/lazy-hashes';

/** The row hash kept beside a sample id: sha256 of the record's bytes without its line terminator. */
export function recordHash(bytes: Uint8Array): string {
  let end = bytes.length;
  if (end > 0 && bytes[end - 1] === 0x0a) end -= 1;
  if (end > 0 && bytes[end - 1] === 0x0d) end -= 1;
  return sha256Hex(bytes.subarray(0, end)).slice(0, 16);
}
