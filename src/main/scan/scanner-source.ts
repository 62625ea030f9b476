// The range scanner's functions as source text, one implementation run twice over: by each worker
// thread (../log-index/scan-threads.ts) and by this thread's own scanner (host-scanner.ts). A copy
// made from source has feedback of its own: the module's functions, called from elsewhere too
// (the reader's shape, the pages), ran the scan 1.4 times slower here than in the worker.
// The text expects `readSync`, `isUtf8`, `Buffer` and `wasmModule` (scanModule(), compiled here
// once and handed over: the text does not carry the module's bytes) in scope and ends by making
// `scan`.
import { roleCell } from '../gradio/role-cells';
import { isUtf8 } from 'node:buffer';
import { fs } from '../platform/node-fs';
import { delimiterLength, FieldBounds, scanCsv } from './csv-scan';
import { fieldBytes } from './csv-field';
import { digits, timestampFromBytes } from './timestamp-key';
import { assetCellsCollector } from './asset-cells';
import { refHash } from './ref-hash';
import { sortHashes } from './sort-hashes';
import { recordAuditor } from './record-audit';
import { rangeScanner } from './range-scanner';
import { wasmScanner } from './csv-scan-wasm';
import { CSV_SCAN_WASM } from './wasm/csv-scan-bytes';
import type { ScanJob, ScanResult } from './scan-job';

let source: string | undefined;

export function scannerSource(): string {
  source ??= [
    ...[
      delimiterLength,
      scanCsv,
      fieldBytes,
      digits,
      timestampFromBytes,
      roleCell,
      rangeScanner,
      assetCellsCollector,
      sortHashes,
      refHash,
      recordAuditor,
      wasmScanner,
    ].map(String),
    `const Bounds = ${String(FieldBounds)};`,
    `const wasm = ${wasmScanner.name}(wasmModule,`,
    `  { scanCsv: ${scanCsv.name}, FieldBounds: Bounds, assetCellsCollector: ${assetCellsCollector.name} });`,
    `const helpers = { scanCsv: wasm.scanCsv, FieldBounds: wasm.FieldBounds, indexCsv: wasm.indexCsv,`,
    `  readArea: wasm.readArea,`,
    `  fieldBytes: ${fieldBytes.name},`,
    `  timestampFromBytes: ${timestampFromBytes.name}, roleCell: ${roleCell.name}, readSync,`,
    `  assetCellsCollector: wasm.assetCellsCollector, refHash: ${refHash.name}, sortHashes: ${sortHashes.name},`,
    `  recordAuditor: ${recordAuditor.name}, isUtf8 };`,
    `const scan = ${rangeScanner.name}(helpers);`,
  ].join('\n');
  return source;
}

let compiled: object | null | undefined;

/**
 * The WebAssembly module, compiled once in this thread and handed to the workers (they share its
 * code, and V8 optimizes it once); null where WebAssembly cannot compile it.
 */
export function scanModule(): object | null {
  const { WebAssembly: api } = globalThis as unknown as {
    WebAssembly?: { Module: new (bytes: Uint8Array) => object };
  };
  try {
    compiled ??= api ? new api.Module(Buffer.from(CSV_SCAN_WASM, 'base64')) : null;
  } catch {
    compiled = null;
  }
  return compiled;
}

/**
 * A scanner made from the source text in this thread; undefined where the sources are not plain
 * JS (instrumented, say), whose text cannot run on its own.
 */
export function scannerFromSource(): ((job: ScanJob) => ScanResult) | undefined {
  try {
    const make = new Function(
      'readSync',
      'isUtf8',
      'Buffer',
      'wasmModule',
      `${scannerSource()}\nreturn scan;`,
    );
    return make(fs.readSync, isUtf8, Buffer, scanModule()) as (job: ScanJob) => ScanResult;
  } catch {
    return undefined;
  }
}
