// The logs of a folder about to be opened, or an error saying why it cannot be: not there, not a
// folder, not readable, or no flagging log in it (then nothing may be written into it either).
import { stat } from 'node:fs/promises';
import { forbidden, notFound } from '../../shared/call-errors';
import type { GradioReader } from '../gradio/log-model';

function refusal(root: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EACCES' || code === 'EPERM') return forbidden(`${root}: cannot read this folder (${code})`);
  if (code === 'ENOENT') return notFound(`${root}: no such folder`);
  return error instanceof Error ? error : new Error(String(error));
}

export async function logsIn(reader: GradioReader, root: string): Promise<string[]> {
  let files: string[];
  try {
    if (!(await stat(root)).isDirectory()) throw notFound(`${root}: not a folder`);
    files = await reader.findLogs(root);
  } catch (error) {
    throw refusal(root, error);
  }
  if (files.length === 0)
    throw notFound(
      `${root}: no flagging log in this folder (log.csv, datasetN.csv, data.csv or <id>/metadata.jsonl): open the folder Gradio flags into`,
    );
  return files;
}
