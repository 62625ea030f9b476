#!/usr/bin/env node
// `npm start [-- <folder>…]`: builds and starts the desktop app (electron-vite preview) on the given
// folders, or on the bundled sample folder when none is given and nothing was opened before.
// `--built` starts the already built app without rebuilding (what `flagdeck <folder>` uses).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronExecutable, installElectron, unavailableMessage } from './electron-binary.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const built = args.includes('--built');
// npm runs scripts from the package folder; a relative folder means the caller's directory.
const callerDir = process.env.INIT_CWD ?? process.cwd();
const folders = args.filter((arg) => arg !== '--built').map((folder) => resolve(callerDir, folder));

let executable = electronExecutable();
if (!executable) {
  const result = await installElectron();
  executable = electronExecutable();
  if (!result.ok || !executable) {
    console.error(unavailableMessage(result.reason ?? 'the installer wrote no binary'));
    process.exit(1);
  }
}

const electronVite = join(
  dirname(createRequire(import.meta.url).resolve('electron-vite/package.json')),
  'bin/electron-vite.js',
);
const command = built
  ? [executable, [root, ...folders]]
  : [process.execPath, [electronVite, 'preview', '--', ...folders]];
// electron-vite finds the binary through ELECTRON_EXEC_PATH first (it ignores the dist override).
const child = spawn(command[0], command[1], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_EXEC_PATH: executable },
});
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
