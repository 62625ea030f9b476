// The C sources of the WebAssembly scanner, and their digest: build-wasm.mjs records it beside the
// build, and a test checks that the sources in the tree still have it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const wasmFolder = fileURLToPath(new URL('../src/main/scan/wasm/', import.meta.url));

/** The folder's .c and .h files, by name. */
export function wasmSources() {
  return readdirSync(wasmFolder)
    .filter((name) => /\.[ch]$/.test(name))
    .sort();
}

/** sha256 over each source's name and bytes, in name order. */
export function wasmSourcesDigest() {
  const hash = createHash('sha256');
  for (const name of wasmSources()) hash.update(`${name}\0`).update(readFileSync(join(wasmFolder, name)));
  return hash.digest('hex');
}
