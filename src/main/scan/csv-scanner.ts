// This thread's byte scanner and asset census: run by their WebAssembly build where it can be
// (csv-scan-wasm.ts), else the JS ones.
import { assetCellsCollector } from './asset-cells';
import { FieldBounds, scanCsv } from './csv-scan';
import { wasmScanner } from './csv-scan-wasm';
import { CSV_SCAN_WASM } from './wasm/csv-scan-bytes';

export const csvScanner = wasmScanner(Buffer.from(CSV_SCAN_WASM, 'base64'), {
  scanCsv,
  FieldBounds,
  assetCellsCollector,
});
