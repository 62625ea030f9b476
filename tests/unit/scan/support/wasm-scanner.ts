// The WebAssembly scanner as the tests use it: made by the same wasmScanner the scanner's source text
// runs (src/main/scan/scanner-source.ts), over the JS parts it stands for.
import { assetCellsCollector } from '../../../../src/main/scan/asset-cells';
import { FieldBounds, scanCsv } from '../../../../src/main/scan/csv-scan';
import { wasmScanner } from '../../../../src/main/scan/csv-scan-wasm';
import { CSV_SCAN_WASM } from '../../../../src/main/scan/wasm/csv-scan-bytes';

export const csvScanner = wasmScanner(Buffer.from(CSV_SCAN_WASM, 'base64'), {
  scanCsv,
  FieldBounds,
  assetCellsCollector,
});
