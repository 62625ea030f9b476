#!/usr/bin/env node
// `npm test`'s format check of the WebAssembly scanner's C (src/main/scan/wasm): clang-format with
// the style in .clang-format, the major version that style was checked with. Another version may lay
// out the same code otherwise, so there the check is skipped (exit status 3, with the reason), as it
// is where clang-format is not installed (Debian: `apt-get install clang-format`).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const STYLE_CHECKED_WITH = 14;
const folder = fileURLToPath(new URL('../src/main/scan/wasm/', import.meta.url));

const version = spawnSync('clang-format', ['--version'], { encoding: 'utf8' });
const major = Number(/version (\d+)\./.exec(version.stdout ?? '')?.[1]);
if (version.error || major !== STYLE_CHECKED_WITH) {
  const found = version.error ? 'no clang-format' : version.stdout.trim();
  console.log(
    `check-c-format: skipped: the style is checked with clang-format ${STYLE_CHECKED_WITH}, here is ${found}`,
  );
  process.exit(3);
}
const sources = readdirSync(folder)
  .filter((name) => /\.[ch]$/.test(name))
  .map((name) => join(folder, name));
const check = spawnSync('clang-format', ['--dry-run', '--Werror', ...sources], { stdio: 'inherit' });
if (check.status !== 0) {
  console.error('check-c-format: run `clang-format -i src/main/scan/wasm/*.[ch]`');
  process.exit(1);
}
console.log(`check-c-format: ${sources.length} files formatted as .clang-format says`);
