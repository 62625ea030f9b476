// The WebAssembly scanner as the tests use it: made by the same wasmScanner, over the same compiled
// module, as the scanner's source text runs (src/main/scan/scanner-source.ts).
import { assetCellsCollector } from '../../../../src/main/scan/asset-cells';
import { FieldBounds, scanCsv } from '../../../../src/main/scan/csv-scan';
import { wasmScanner } from '../../../../src/main/scan/csv-scan-wasm';
import { scanModule } from '../../../../src/main/scan/scanner-source';

export const csvScanner = wasmScanner(scanModule(), {
  scanCsv,
  FieldBounds,
  assetCellsCollector,
});
