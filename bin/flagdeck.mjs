#!/usr/bin/env node
// The `flagdeck` command: runs the CLI bundle that `npm run build` writes.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(cli)) {
  console.error('flagdeck: the CLI is not built yet. Run `npm run build` in the Flagdeck folder first.');
  process.exit(2);
}
await import(pathToFileURL(cli).href);
