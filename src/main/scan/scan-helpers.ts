// The functions scanRange needs, as this thread has them.
import { roleCell } from '../gradio/role-cells';
import { isUtf8 } from 'node:buffer';
import { readSync } from 'node:fs';
import { csvScanner } from './csv-scanner';
import { fieldBytes } from './csv-field';
import type { ScanHelpers } from './scan-job';
import { refHash } from './asset-cells';
import { recordAuditor } from './record-audit';
import { timestampFromBytes } from './timestamp-key';

export const localHelpers: ScanHelpers = {
  scanCsv: csvScanner.scanCsv,
  FieldBounds: csvScanner.FieldBounds,
  fieldBytes,
  timestampFromBytes,
  readSync,
  roleCell,
  assetCellsCollector: csvScanner.assetCellsCollector,
  refHash,
  recordAuditor,
  isUtf8,
};
