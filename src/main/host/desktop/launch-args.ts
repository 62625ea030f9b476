// The folders named on the desktop app's command line (`flagdeck <folder>`, `npm start -- <folder>`,
// a second launch). Plain Node: no Electron here, so it is tested directly.
import { isAbsolute, resolve } from 'node:path';

/**
 * The folder arguments of an Electron command line, absolute. A packaged app's argv is
 * `[exe, …args]`; an unpackaged one's is `[electron, …switches, appPath, …args]`. Switches
 * (`--flag`, Chromium's and Node's own, which may come before the app path) are not folders.
 */
export function foldersFromArgv(
  argv: readonly string[],
  packaged: boolean,
  workingDirectory: string,
): string[] {
  const positional = argv.slice(1).filter((arg) => arg !== '' && !arg.startsWith('-'));
  return positional
    .slice(packaged ? 0 : 1)
    .map((arg) => (isAbsolute(arg) ? arg : resolve(workingDirectory, arg)));
}
