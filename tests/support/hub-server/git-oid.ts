// The hashes the Hub reports: git blob ids (sha1 of "blob <size>\0" + bytes) for every file, and
// sha256 for LFS objects. An LFS file's git blob is its pointer text.
import { createHash } from 'node:crypto';

export function gitBlobOid(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function lfsPointer(oid: string, size: number): Buffer {
  return Buffer.from(`version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize ${size}\n`);
}

/** A fresh commit id: 40 hex characters, like a git sha1. */
export function newCommitOid(seed: string): string {
  return createHash('sha1').update(`${seed}:${Date.now()}:${Math.random()}`).digest('hex');
}
