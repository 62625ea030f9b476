// How an export reaches one kind of target (`folder` here; the Hub push adds `hub`): `check`
// refuses at once what cannot work, so `export.start` fails where the user clicked; `run` does the
// export, reporting progress through the layout options and stopping when their signal fires.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ExportStart } from '../../shared/api';
import type { ExportResult, ExportTargetSpec } from '../../shared/export';
import { exportToFolder, OutputExistsError } from './export-to-folder';
import type { ExportSource } from './source';
import type { LayoutOptions } from './write-dataset';

export interface TargetRunner {
  check(start: ExportStart): Promise<void>;
  run(start: ExportStart, options: LayoutOptions): Promise<ExportResult>;
}

export type TargetKind = ExportTargetSpec['kind'];
export type TargetRunners = Record<TargetKind, TargetRunner>;

type FolderTarget = Extract<ExportTargetSpec, { kind: 'folder' }>;

function folderTarget(start: ExportStart): FolderTarget {
  if (start.target.kind !== 'folder') throw new Error(`not a folder target: ${start.target.kind}`);
  return start.target;
}

export function folderRunner(source: ExportSource): TargetRunner {
  return {
    async check(start) {
      const { out, overwrite } = folderTarget(start);
      const path = resolve(out);
      if (!overwrite && (await stat(path).catch(() => undefined))) {
        throw new OutputExistsError(`${path} already exists; choose another folder or allow overwriting it`);
      }
    },
    run: (start, options) =>
      exportToFolder(
        source,
        { ...folderTarget(start), selection: start.selection, privacy: start.privacy },
        options,
      ),
  };
}
