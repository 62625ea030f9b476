// Stable pseudonyms for usernames: an HMAC with a key kept on this machine, so the same user gets
// the same pseudonym in every export, and nobody without the key can test a guessed name.
import { createHmac, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface Pseudonymizer {
  of(username: string): string;
}

export function pseudonymizer(key: string): Pseudonymizer {
  return {
    of: (username) => `user-${createHmac('sha256', key).update(username, 'utf8').digest('hex').slice(0, 12)}`,
  };
}

/** The machine's pseudonym key, created on first use (mode 600). */
export async function loadPseudonymKey(file: string): Promise<string> {
  const existing = await readFile(file, 'utf8').catch(() => '');
  if (existing.trim()) return existing.trim();
  await mkdir(dirname(file), { recursive: true });
  const key = randomBytes(32).toString('hex');
  try {
    await writeFile(file, `${key}\n`, { flag: 'wx', mode: 0o600 });
    return key;
  } catch {
    // Another process made it first: use theirs.
    return (await readFile(file, 'utf8')).trim();
  }
}
