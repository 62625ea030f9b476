// Where the Hub token comes from, in order: the OS keychain (desktop host, passed in), `HF_TOKEN`,
// then the standard huggingface token file (`$HF_HOME/token`, default ~/.cache/huggingface/token).
// The token itself is only ever handed to the Hub client; the source is what we may show.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

export type TokenSource = 'keychain' | 'HF_TOKEN' | 'token file';

export interface HubToken {
  token: string;
  source: TokenSource;
}

export interface TokenLookup {
  env?: NodeJS.ProcessEnv;
  home?: string;
  readKeychainToken?: () => Promise<string | undefined>;
}

export function tokenFilePath(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  const hfHome = env.HF_HOME || join(env.XDG_CACHE_HOME || join(home, '.cache'), 'huggingface');
  return join(hfHome, 'token');
}

async function readTokenFile(path: string): Promise<string | undefined> {
  try {
    return (await readFile(path, 'utf8')).trim() || undefined;
  } catch {
    return undefined;
  }
}

export async function findHubToken(lookup: TokenLookup = {}): Promise<HubToken | undefined> {
  const env = lookup.env ?? process.env;
  const fromKeychain = (await lookup.readKeychainToken?.())?.trim();
  if (fromKeychain) return { token: fromKeychain, source: 'keychain' };
  const fromEnv = env.HF_TOKEN?.trim();
  if (fromEnv) return { token: fromEnv, source: 'HF_TOKEN' };
  const fromFile = await readTokenFile(tokenFilePath(env, lookup.home));
  return fromFile ? { token: fromFile, source: 'token file' } : undefined;
}

export function missingTokenMessage(env: NodeJS.ProcessEnv = process.env, home?: string): string {
  return `No Hugging Face token: set HF_TOKEN, or log in with \`hf auth login\` (it writes ${tokenFilePath(env, home)}).`;
}
