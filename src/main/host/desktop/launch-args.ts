// The folders named on the desktop app's command line (`flagdeck <folder>`, `npm start -- <folder>`,
// a second launch). Plain Node: no Electron here, so it is tested directly.
import { isAbsolute, resolve } from 'node:path';

/**
 * The folder arguments of an Electron command line, absolute. A packaged app's argv is
 * `[exe, …args]`; an unpackaged one's is `[electron, appPath, …args]`. Switches (`--flag`,
 * Chromium's own) are not folders.
 */
export function foldersFromArgv(
  argv: readonly string[],
  packaged: boolean,
  workingDirectory: string,
): string[] {
  return argv
    .slice(packaged ? 1 : 2)
    .filter((arg) => arg !== '' && !arg.startsWith('-'))
    .map((arg) => (isAbsolute(arg) ? arg : resolve(workingDirectory, arg)));
}
