// The real `flagdeck serve` as a child process (the CLI built into out/ by `npm test`), to check
// that no request ends it: an uncaught exception in a request handler exits the process.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServe, type ServeHandle } from '../e2e/support/serve';
import { repoRoot } from '../e2e/support/paths';

export const builtCli = resolve(repoRoot, 'out/main/cli.js');
export const cliBuilt = existsSync(builtCli);

export type { ServeHandle };
export { startServe };
