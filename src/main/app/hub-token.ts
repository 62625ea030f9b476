// The Hugging Face Hub token, kept encrypted in one file of the app's data folder. The cipher is
// the host's (Electron's safeStorage: the system keychain); without one, nothing is stored. The
// token is read only by the push service and never reaches the renderer or a log.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

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
      await writePrivateFileAtomic(file, cipher.encrypt(token));
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

/** temp + fsync + rename, readable by the owner only. */
async function writePrivateFileAtomic(path: string, data: Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
