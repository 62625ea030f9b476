#!/usr/bin/env node
// Compiles the C in src/main/scan/wasm/ to one WebAssembly module and writes it, base64, into
// src/main/scan/wasm/csv-scan-bytes.ts with the sources' digest (a test checks that the two
// agree) and the compiler that made it. The build is committed: installing or running Flagdeck
// needs no C compiler, only a change to the C does (Debian: `apt-get install clang lld`; CLANG
// names another clang).
// `--check` (run by `npm test`): compiles again and fails unless the committed file is what the
// sources make, byte for byte. Skipped (exit status 3, with the reason) where clang is not the
// compiler that made the committed build (another version emits other bytes from the same sources).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wasmFolder, wasmSources, wasmSourcesDigest } from './wasm-sources.mjs';

const clang = process.env.CLANG ?? 'clang';
const bytesFile = join(wasmFolder, 'csv-scan-bytes.ts');
const checkOnly = process.argv.includes('--check');

/** The compiler's own name for itself (`clang --version`'s first line, as recorded), or null. */
function compilerVersion() {
  try {
    const first = execFileSync(clang, ['--version'], { encoding: 'utf8' }).split('\n')[0];
    return first.replace(/['\\]/g, '').trim();
  } catch {
    return null;
  }
}

/** The module the sources compile to. */
function compile() {
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
    return readFileSync(output);
  } catch (error) {
    console.error(`build-wasm: ${clang} could not compile ${sources.join(' ')} (${error.message}).`);
    console.error('Install clang and lld (Debian: apt-get install clang lld), or set CLANG.');
    process.exit(1);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function bytesModule(bytes, digest, compiler) {
  const lines = bytes.toString('base64').match(/.{1,96}/g) ?? [];
  return [
    '// Written by scripts/build-wasm.mjs from the C beside it: do not edit.',
    `export const WASM_SOURCES_SHA256 = '${digest}';`,
    `/** What compiled it (\`build-wasm.mjs --check\` compares byte for byte under this compiler only). */`,
    `export const WASM_COMPILER = '${compiler}';`,
    '/** The WebAssembly module, base64. */',
    'export const CSV_SCAN_WASM =',
    lines.map((line) => `  '${line}'`).join(' +\n') + ';',
    '',
  ].join('\n');
}

const compiler = compilerVersion();
if (checkOnly) {
  const madeBy =
    /WASM_COMPILER = '(.*)';/.exec(readFileSync(bytesFile, 'utf8'))?.[1] ?? 'a compiler not recorded';
  if (compiler !== madeBy) {
    console.log(
      `build-wasm --check: skipped: the build was made by ${madeBy}, here is ${compiler ?? 'no clang'}`,
    );
    process.exit(3);
  }
  const expected = bytesModule(compile(), wasmSourcesDigest(), compiler);
  if (readFileSync(bytesFile, 'utf8') !== expected) {
    console.error(
      'build-wasm --check: src/main/scan/wasm/csv-scan-bytes.ts is not what the C beside it compiles to: run `npm run build:wasm`',
    );
    process.exit(1);
  }
  console.log(`build-wasm --check: the committed WebAssembly is what the sources compile to (${compiler})`);
} else {
  const bytes = compile();
  const digest = wasmSourcesDigest();
  writeFileSync(bytesFile, bytesModule(bytes, digest, compiler));
  console.log(`build-wasm: ${bytes.length} bytes of WebAssembly (sources sha256 ${digest.slice(0, 12)})`);
}
