// The functions scanRange needs, as this thread has them: the JS ones (host-scanner.ts says when).
import { roleCell } from '../gradio/role-cells';
import { isUtf8 } from 'node:buffer';
import { fs } from '../platform/node-fs';
import { FieldBounds, scanCsv } from './csv-scan';
import { fieldBytes } from './csv-field';
import type { ScanHelpers } from './scan-job';
import { assetCellsCollector } from './asset-cells';
import { refHash } from './ref-hash';
import { recordAuditor } from './record-audit';
import { sortHashes } from './sort-hashes';
import { timestampFromBytes } from './timestamp-key';

export const localHelpers: ScanHelpers = {
  scanCsv,
  FieldBounds,
  fieldBytes,
  timestampFromBytes,
  readSync: fs.readSync,
  roleCell,
  assetCellsCollector,
  refHash,
  sortHashes,
  recordAuditor,
  isUtf8,
};
