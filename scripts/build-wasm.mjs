#!/usr/bin/env node
// Compiles src/main/scan/wasm/csv-scan.c to WebAssembly and writes it, base64, into
// src/main/scan/wasm/csv-scan-bytes.ts with the source's sha256 (a test checks that the two
// agree). The build is committed: installing or running Flagdeck needs no C compiler, only a
// change to the C file does (Debian: `apt-get install clang lld`; CLANG names another clang).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const folder = fileURLToPath(new URL('../src/main/scan/wasm/', import.meta.url));
const source = join(folder, 'csv-scan.c');
const clang = process.env.CLANG ?? 'clang';
const scratch = mkdtempSync(join(tmpdir(), 'flagdeck-wasm-'));
const output = join(scratch, 'csv-scan.wasm');
try {
  const flags = [
    '--target=wasm32',
    '-O3',
    '-msimd128',
    '-mbulk-memory',
    '-nostdlib',
    '-Wl,--no-entry',
    '-Wl,--strip-all',
  ];
  execFileSync(clang, [...flags, '-o', output, source], { stdio: 'inherit' });
} catch (error) {
  console.error(`build-wasm: ${clang} could not compile ${source} (${error.message}).`);
  console.error('Install clang and lld (Debian: apt-get install clang lld), or set CLANG.');
  process.exit(1);
}
const bytes = readFileSync(output);
rmSync(scratch, { recursive: true });
const sha256 = createHash('sha256').update(readFileSync(source)).digest('hex');
const lines = bytes.toString('base64').match(/.{1,96}/g) ?? [];
writeFileSync(
  join(folder, 'csv-scan-bytes.ts'),
  [
    '// Written by scripts/build-wasm.mjs from csv-scan.c: do not edit.',
    `export const CSV_SCAN_C_SHA256 = '${sha256}';`,
    '/** The WebAssembly module, base64. */',
    'export const CSV_SCAN_WASM =',
    lines.map((line) => `  '${line}'`).join(' +\n') + ';',
    '',
  ].join('\n'),
);
console.log(
  `build-wasm: ${bytes.length} bytes of WebAssembly from csv-scan.c (sha256 ${sha256.slice(0, 12)})`,
);
