// Folders as Gradio's HuggingFaceDatasetSaver leaves them with `separate_dirs=True` (one
// `<uuid>/metadata.jsonl` with one row per flagged sample, its image in `<uuid>/im/<hash>/`), and
// beside each, the baseline: the same rows and images as one log (`data.csv`, the saver's CSV
// mode). Shared by bench/many-logs.mjs and bench/ui-follow.mjs.
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  rmSync,
  statSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { dataDir } from './support.mjs';

/** Flags as the saver does in `folder` (a sample folder each, or a row of data.csv), and undoes it. */
export function flagger(folder) {
  const log = join(folder, 'data.csv');
  const oneLog = existsSync(log);
  const size = oneLog ? statSync(log).size : 0;
  const made = [];
  return {
    add(i) {
      const image = `im/${hex(900_000 + i, 12)}${hex(i, 8)}/bus.png`;
      const uuid = `${hex(900_000 + i, 8)}-1111-4222-8333-${hex(i, 12)}`;
      const row = {
        text: `flag ${i}`,
        im: `${uuid}/${image}`,
        flag: 'wrong',
        username: '',
        timestamp: '2024-06-02 10:00:00',
      };
      const dir = oneLog ? join(folder, image, '..') : join(folder, uuid, image, '..');
      mkdirSync(dir, { recursive: true });
      made.push(oneLog ? join(dir, '..') : join(folder, uuid));
      writeFileSync(join(dir, 'bus.png'), 'png');
      if (oneLog) appendFileSync(log, `${row.text},${image},${row.flag},,${row.timestamp}\n`);
      else writeFileSync(join(folder, uuid, 'metadata.jsonl'), JSON.stringify(row));
    },
    undo() {
      for (const dir of made) rmSync(dir, { recursive: true, force: true });
      if (oneLog) {
        truncateSync(log, size);
        const old = new Date(Date.now() - 60_000);
        utimesSync(log, old, old);
      }
    },
  };
}

export const hex = (i, width) => ((i * 2654435761) >>> 0).toString(16).padStart(width, '0').slice(-width);

/** bench/.data/many-logs-<n>/{samples,one-log}: written once, a minute old (quiet, as a saver left them). */
export function sampleFolders(samples) {
  const base = join(dataDir, `many-logs-${samples}`);
  const perSample = join(base, 'samples');
  const oneLog = join(base, 'one-log');
  if (!existsSync(join(base, 'made'))) {
    rmSync(base, { recursive: true, force: true });
    const csv = ['text,im,flag,username,timestamp'];
    const old = new Date(Date.now() - 60_000);
    for (let i = 0; i < samples; i++) {
      const uuid = `${hex(i, 8)}-1111-4222-8333-${hex(i + 7, 12)}`;
      const image = `im/${hex(i, 12)}${hex(i + 3, 8)}/bus.png`;
      const row = {
        text: `sample ${i}`,
        im: `${uuid}/${image}`,
        flag: i % 3 ? '' : 'wrong',
        username: '',
        timestamp: '2024-06-01 10:00:00',
      };
      mkdirSync(join(perSample, uuid, image, '..'), { recursive: true });
      writeFileSync(join(perSample, uuid, image), 'png');
      writeFileSync(join(perSample, uuid, 'metadata.jsonl'), JSON.stringify(row));
      utimesSync(join(perSample, uuid, 'metadata.jsonl'), old, old);
      mkdirSync(join(oneLog, image, '..'), { recursive: true });
      writeFileSync(join(oneLog, image), 'png');
      csv.push(`${row.text},${image},${row.flag},,${row.timestamp}`);
    }
    writeFileSync(join(oneLog, 'data.csv'), `${csv.join('\n')}\n`);
    utimesSync(join(oneLog, 'data.csv'), old, old);
    writeFileSync(join(base, 'made'), '');
  }
  return { perSample, oneLog };
}
