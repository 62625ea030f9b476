// The functions scanRange needs, as this thread has them.
import { roleCell } from '../gradio/roleCells';
import { readSync } from 'node:fs';
import { FieldBounds, scanCsv } from './csvScan';
import { fieldBytes } from './csvField';
import type { ScanHelpers } from './scanJob';
import { timestampFromBytes } from './timestampKey';

export const localHelpers: ScanHelpers = {
  scanCsv,
  FieldBounds,
  fieldBytes,
  timestampFromBytes,
  readSync,
  roleCell,
};
