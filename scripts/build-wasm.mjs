#!/usr/bin/env node
// Compiles the C in src/main/scan/wasm/ to one WebAssembly module and writes it, base64, into
// src/main/scan/wasm/csv-scan-bytes.ts with the sources' digest (a test checks that the two
// agree). The build is committed: installing or running Flagdeck needs no C compiler, only a
// change to the C does (Debian: `apt-get install clang lld`; CLANG names another clang).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wasmFolder, wasmSources, wasmSourcesDigest } from './wasm-sources.mjs';

const clang = process.env.CLANG ?? 'clang';
const scratch = mkdtempSync(join(tmpdir(), 'flagdeck-wasm-'));
const output = join(scratch, 'csv-scan.wasm');
const sources = wasmSources()
  .filter((name) => name.endsWith('.c'))
  .map((name) => join(wasmFolder, name));
try {
  const flags = [
    '--target=wasm32',
    '-O3',
    '-msimd128',
    '-mbulk-memory',
    '-Wall',
    '-Wextra',
    '-Werror',
    '-nostdlib',
    '-Wl,--no-entry',
    ...(process.env.WASM_NAMES ? [] : ['-Wl,--strip-all']),
  ];
  execFileSync(clang, [...flags, '-o', output, ...sources], { stdio: 'inherit' });
} catch (error) {
  console.error(`build-wasm: ${clang} could not compile ${sources.join(' ')} (${error.message}).`);
  console.error('Install clang and lld (Debian: apt-get install clang lld), or set CLANG.');
  process.exit(1);
}
const bytes = readFileSync(output);
rmSync(scratch, { recursive: true });
const digest = wasmSourcesDigest();
const lines = bytes.toString('base64').match(/.{1,96}/g) ?? [];
writeFileSync(
  join(wasmFolder, 'csv-scan-bytes.ts'),
  [
    '// Written by scripts/build-wasm.mjs from the C beside it: do not edit.',
    `export const WASM_SOURCES_SHA256 = '${digest}';`,
    '/** The WebAssembly module, base64. */',
    'export const CSV_SCAN_WASM =',
    lines.map((line) => `  '${line}'`).join(' +\n') + ';',
    '',
  ].join('\n'),
);
console.log(`build-wasm: ${bytes.length} bytes of WebAssembly (sources sha256 ${digest.slice(0, 12)})`);
