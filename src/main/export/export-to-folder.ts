// A folder export: the layout is written into a temp folder beside the destination, renamed into
// place at the end, so an interrupted export leaves no half-written dataset. An existing output
// is replaced only when asked (`overwrite`), and then only once the new one is complete.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { ExportResult } from '../../shared/export';
import type { ExportSource } from './source';
import { writeDatasetLayout, type LayoutOptions, type LayoutRequest } from './write-dataset';

export class OutputExistsError extends Error {}

export interface FolderExportRequest extends LayoutRequest {
  out: string;
  overwrite: boolean;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

export async function exportToFolder(
  source: ExportSource,
  request: FolderExportRequest,
  options: LayoutOptions = {},
): Promise<ExportResult> {
  const out = resolve(request.out);
  if (!request.overwrite && (await exists(out))) {
    throw new OutputExistsError(`${out} already exists; choose another folder or allow overwriting it`);
  }
  await mkdir(dirname(out), { recursive: true });
  const temp = join(dirname(out), `.${basename(out)}.flagdeck-${randomBytes(4).toString('hex')}.tmp`);
  await mkdir(temp);
  try {
    const result = await writeDatasetLayout(source, request, temp, options);
    options.signal?.throwIfAborted();
    await moveIntoPlace(temp, out, request.overwrite);
    return { ...result, out };
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

/** Renames the finished export to `out`; an old `out` is moved aside first and removed after. */
async function moveIntoPlace(temp: string, out: string, overwrite: boolean): Promise<void> {
  if (!(await exists(out))) {
    await rename(temp, out);
    return;
  }
  if (!overwrite) throw new OutputExistsError(`${out} appeared during the export; nothing was overwritten`);
  const old = `${temp}.old`;
  await rename(out, old);
  await rename(temp, out);
  await rm(old, { recursive: true, force: true });
}
