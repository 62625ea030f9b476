// This thread's byte scanner: scanCsv run by its WebAssembly build where it can be (csv-scan-wasm.ts).
import { FieldBounds, scanCsv } from './csv-scan';
import { wasmScanner } from './csv-scan-wasm';
import { CSV_SCAN_WASM } from './wasm/csv-scan-bytes';

export const csvScanner = wasmScanner(Buffer.from(CSV_SCAN_WASM, 'base64'), scanCsv, FieldBounds);
