// The target for a format.
import type { ExportFormat } from '../../../shared/export';
import type { ExportTarget } from '../target';
import { FolderDatasetTarget } from './folder-dataset';
import { GradioFolderTarget } from './gradio-folder';
import { ParquetDatasetTarget } from './parquet-dataset';

export function createTarget(format: ExportFormat, parquetShardBytes?: number): ExportTarget {
  switch (format) {
    case 'gradio':
      return new GradioFolderTarget() as ExportTarget;
    case 'imagefolder':
      return new FolderDatasetTarget('image') as ExportTarget;
    case 'audiofolder':
      return new FolderDatasetTarget('audio') as ExportTarget;
    case 'parquet':
      return new ParquetDatasetTarget(parquetShardBytes) as ExportTarget;
  }
}
