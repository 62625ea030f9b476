// Where the Electron binary is, and getting it when it is not there. Electron >= 42 downloads its
// binary lazily (on the first `require('electron')`), and electron-vite only reads the
// `path.txt` that download writes, so a fresh clone has no binary until something fetches it.
// Used by `npm start` (scripts/ensure-electron.mjs, scripts/start.mjs) and `flagdeck <folder>`.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The installed `electron` npm package: its folder and version. */
export function electronPackage() {
  const manifest = require.resolve('electron/package.json');
  return { dir: dirname(manifest), version: JSON.parse(readFileSync(manifest, 'utf8')).version };
}

/** The executable's path inside a dist folder, as Electron's own installer names it. */
function platformPath() {
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return process.platform === 'win32' ? 'electron.exe' : 'electron';
}

/** The Electron executable, or undefined when it is not there (never downloads). */
export function electronExecutable() {
  const { dir } = electronPackage();
  const pathFile = join(dir, 'path.txt');
  const recorded = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : undefined;
  // The same override Electron's own `index.js` honours (a binary unpacked elsewhere).
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const executable = override
    ? join(override, recorded ?? platformPath())
    : recorded && join(dir, 'dist', recorded);
  return executable && existsSync(executable) ? executable : undefined;
}

const defaultMirror = 'https://github.com/electron/electron/releases/download/';

/** Why the download host cannot be reached (`connect ECONNREFUSED …`), or undefined if it can. */
async function probeDownloadHost() {
  const mirror = process.env.ELECTRON_MIRROR ?? process.env.npm_config_electron_mirror ?? defaultMirror;
  try {
    await fetch(mirror, { method: 'HEAD', signal: AbortSignal.timeout(5000) });
    return undefined;
  } catch (error) {
    const cause = error?.cause;
    const detail = cause?.message ?? cause?.code ?? error?.message ?? String(error);
    return `${detail} (${new URL(mirror).origin})`;
  }
}

/**
 * Runs Electron's own installer (`install-electron`). Resolves `{ ok: true }` or `{ ok: false,
 * reason }` with a one-line reason; the installer's stack trace is kept out of the user's way.
 */
export async function installElectron({ timeoutMs = 10 * 60_000 } = {}) {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    return { ok: false, reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it is not downloaded' };
  }
  const { dir } = electronPackage();
  const child = spawn(process.execPath, [join(dir, 'install.js')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const timer = setTimeout(() => child.kill(), timeoutMs);
  const code = await new Promise((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  if (code === 0 && electronExecutable()) return { ok: true };
  const firstLine = stderr
    .split('\n')
    .find((line) => line.trim() !== '')
    ?.trim();
  const unreachable = await probeDownloadHost();
  const reason =
    code === null
      ? `the download took longer than ${Math.round(timeoutMs / 1000)} s`
      : (unreachable ?? firstLine ?? `the installer exited with status ${code}`);
  return { ok: false, reason };
}

/** The one message a user sees when the desktop app cannot start here, and what to do instead. */
export function unavailableMessage(reason) {
  const { version } = electronPackage();
  const [major, minor] = process.versions.node.split('.').map(Number);
  const oldNode =
    major < 22 || (major === 22 && minor < 12)
      ? `\n  Node ${process.versions.node} is older than Electron ${version} asks for (22.12 or newer): if the download keeps failing, update Node.`
      : '';
  return [
    `Flagdeck: the desktop app cannot start: the Electron ${version} binary is not installed and could not be downloaded: ${reason}.`,
    '  The same app runs in your browser: npm run build && npx flagdeck serve [folder]',
    '  To get the desktop app, allow the download (network, HTTPS_PROXY, or ELECTRON_MIRROR) and run npm start again.' +
      oldNode,
  ].join('\n');
}
