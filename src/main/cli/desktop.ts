// `flagdeck <folder>…`: opens the folders in the desktop app (a running one takes them over), by
// way of scripts/start.mjs, which finds or fetches Electron and says what to do when it cannot.
import { fs } from '../platform/node-fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../app/paths';

/** Does `argv` name folders to open rather than a command (`flagdeck ./flagged`)? */
export function namesFolders(argv: string[]): boolean {
  return argv.length > 0 && argv.every((arg) => !arg.startsWith('-') && isFolder(arg));
}

function isFolder(path: string): boolean {
  try {
    return fs.statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Starts the built desktop app on `folders`; resolves to its exit status. child_process (with net
 * and dgram behind it) is loaded here, not by every `flagdeck` command.
 */
export async function openInDesktop(folders: string[], root = packageRoot()): Promise<number> {
  const { spawn } = await import('node:child_process');
  const absolute = folders.map((folder) => resolve(folder));
  const env = { ...process.env };
  delete env.INIT_CWD;
  const child = spawn(process.execPath, [join(root, 'scripts', 'start.mjs'), '--built', ...absolute], {
    stdio: 'inherit',
    env,
  });
  return new Promise((done) => child.on('close', (code) => done(code ?? 1)));
}
