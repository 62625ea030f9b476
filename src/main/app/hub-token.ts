// The Hugging Face Hub token, kept encrypted in one file of the app's data folder. The cipher is
// the host's (Electron's safeStorage: the system keychain); without one, nothing is stored. The
// token is read only by the push service and never reaches the renderer or a log.
import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../review/atomic-write';

export interface TokenCipher {
  /** Why tokens cannot be encrypted here (no keychain), or undefined when they can. */
  unavailableReason(): string | undefined;
  encrypt(plain: string): Buffer;
  decrypt(encrypted: Buffer): string;
}

export interface HubTokenStore {
  isSet(): Promise<boolean>;
  set(token: string): Promise<void>;
  clear(): Promise<void>;
  /** The token, or undefined when none is stored (or it can no longer be decrypted). */
  read(): Promise<string | undefined>;
}

export function createHubTokenStore(file: string, cipher: TokenCipher): HubTokenStore {
  async function encrypted(): Promise<Buffer | undefined> {
    try {
      return await readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
  return {
    isSet: async () => (await encrypted()) !== undefined,
    async set(token) {
      const unavailable = cipher.unavailableReason();
      if (unavailable) throw new Error(`cannot store the Hub token safely: ${unavailable}`);
      await mkdir(dirname(file), { recursive: true });
      await writeFileAtomic(file, cipher.encrypt(token), { mode: 0o600 });
    },
    clear: () => rm(file, { force: true }),
    async read() {
      const data = await encrypted();
      if (data === undefined || cipher.unavailableReason()) return undefined;
      try {
        return cipher.decrypt(data);
      } catch {
        // Encrypted under another user or keychain: as good as absent; setting it again fixes it.
        return undefined;
      }
    },
  };
}
