#!/usr/bin/env node
// The `flagdeck` command: runs the CLI bundle that `npm run build` writes.
import module from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Node 22.1+ keeps the bundle's compiled code between runs (in the OS temp folder unless
// NODE_COMPILE_CACHE says otherwise): a short command then starts about 8 ms sooner.
module.enableCompileCache?.();

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
// Not `import … from 'node:fs'`: its ESM facade loads the stream classes (src/main/platform/node-fs.ts).
if (!process.getBuiltinModule('node:fs').existsSync(cli)) {
  console.error('flagdeck: the CLI is not built yet. Run `npm run build` in the Flagdeck folder first.');
  process.exit(2);
}
await import(pathToFileURL(cli).href);
