import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHubTokenStore, type TokenCipher } from '../../../src/main/app/hub-token';

let dir: string;
let available: string | undefined;
const cipher: TokenCipher = {
  unavailableReason: () => available,
  encrypt: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)),
  decrypt: (data) => {
    if (data[0] === 0) throw new Error('not ours');
    return Buffer.from(data.map((b) => b ^ 0x5a)).toString('utf8');
  },
};

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flagdeck-token-'));
  available = undefined;
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('Hub token store', () => {
  it('stores the token encrypted, owner-readable only, and reads it back', async () => {
    const file = join(dir, 'nested', 'hub-token.bin');
    const store = createHubTokenStore(file, cipher);
    expect(await store.isSet()).toBe(false);
    await store.set('hf_abcdef');
    expect(await store.isSet()).toBe(true);
    expect((await readFile(file)).toString('latin1')).not.toContain('hf_abcdef');
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await store.read()).toBe('hf_abcdef');
    await store.clear();
    expect(await store.isSet()).toBe(false);
    expect(await store.read()).toBeUndefined();
    await store.clear();
  });

  it('stores nothing without a keychain, saying why', async () => {
    available = 'no keyring service is running';
    const store = createHubTokenStore(join(dir, 't.bin'), cipher);
    await expect(store.set('hf_abcdef')).rejects.toThrow('cannot store the Hub token safely: no keyring');
    expect(await store.isSet()).toBe(false);
  });

  it('treats a token it cannot decrypt as absent', async () => {
    const file = join(dir, 't.bin');
    await writeFile(file, Buffer.from([0, 1, 2]));
    expect(await createHubTokenStore(file, cipher).read()).toBeUndefined();
  });
});
