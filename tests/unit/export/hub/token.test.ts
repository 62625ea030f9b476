// Where the push finds its token: keychain (desktop), then HF_TOKEN, then the token file.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findHubToken, tokenFilePath } from '../../../../src/main/export/hub';
import { removeDir, tempDir } from './staging';

let home: string;
beforeEach(async () => {
  home = await tempDir('token');
});
afterEach(() => removeDir(home));

describe('findHubToken', () => {
  it('prefers the keychain, then HF_TOKEN, then $HF_HOME/token', async () => {
    const hfHome = join(home, 'hf');
    await mkdir(hfHome);
    await writeFile(join(hfHome, 'token'), 'hf_from_file\n');
    const env = { HF_TOKEN: 'hf_from_env', HF_HOME: hfHome };
    const keychain = async () => 'hf_from_keychain';
    expect(await findHubToken({ env, home, readKeychainToken: keychain })).toEqual({
      token: 'hf_from_keychain',
      source: 'keychain',
    });
    expect(await findHubToken({ env, home, readKeychainToken: async () => undefined })).toEqual({
      token: 'hf_from_env',
      source: 'HF_TOKEN',
    });
    expect(await findHubToken({ env: { HF_HOME: hfHome }, home })).toEqual({
      token: 'hf_from_file',
      source: 'token file',
    });
  });

  it('reads ~/.cache/huggingface/token by default, and finds nothing when there is nothing', async () => {
    expect(tokenFilePath({}, home)).toBe(join(home, '.cache', 'huggingface', 'token'));
    expect(await findHubToken({ env: {}, home })).toBeUndefined();
    await mkdir(join(home, '.cache', 'huggingface'), { recursive: true });
    await writeFile(join(home, '.cache', 'huggingface', 'token'), 'hf_default');
    expect(await findHubToken({ env: {}, home })).toEqual({ token: 'hf_default', source: 'token file' });
  });
});
