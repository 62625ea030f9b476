#!/usr/bin/env node
// Export speed: 10,000 flagged image samples exported to a folder by `flagdeck export` (end to end:
// start, index, journal, copy, metadata), against `cp -r` of the same image files in the same run.
// Printed as throughput ratios, cp's time / export's time (target >= 0.8). Rounds alternate which
// goes first, so neither always meets a warmer page cache; medians are reported.
// Needs `npm run build` first. Run: node bench/export.mjs [samples=10000] [rounds=3]
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { dataDir, root } from './support.mjs';

const samples = Number(process.argv[2] ?? 10_000);
const rounds = Number(process.argv[3] ?? 3);
const folder = join(dataDir, `export-${samples}`, 'flagged');
const scratch = join(dataDir, 'export-out');
const cli = join(root, 'bin/flagdeck.mjs');
const DISTINCT_IMAGES = 200;

/** A Gradio CSVLogger folder: prompt, image (its own file under image/<hex>/), flag, username. */
async function makeFolder() {
  if (existsSync(join(folder, 'log.csv'))) return;
  mkdirSync(folder, { recursive: true });
  const images = [];
  for (let i = 0; i < DISTINCT_IMAGES; i++) {
    // Noise does not compress: about 12 KB each, like a small flagged photo.
    const pixels = Buffer.alloc(64 * 64 * 3);
    for (let p = 0; p < pixels.length; p++) pixels[p] = (p * 2654435761 + i * 40503) >>> 24;
    images.push(
      await sharp(pixels, { raw: { width: 64, height: 64, channels: 3 } })
        .png()
        .toBuffer(),
    );
  }
  const lines = ['prompt,image,flag,username,timestamp'];
  for (let i = 0; i < samples; i++) {
    const hex = (i * 2654435761).toString(16).padStart(20, '0').slice(-20);
    const dir = join(folder, 'image', hex);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `photo_${i}.png`), images[i % DISTINCT_IMAGES]);
    lines.push(
      `prompt ${i},image/${hex}/photo_${i}.png,${['good', 'bad'][i % 2]},user${i % 7},2026-11-25 10:00:00.000000`,
    );
  }
  writeFileSync(join(folder, 'log.csv'), `${lines.join('\r\n')}\r\n`);
}

function bytesUnder(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

function timed(fn) {
  const start = performance.now();
  fn();
  return (performance.now() - start) / 1000;
}

function copyTree() {
  const out = join(scratch, 'cp');
  rmSync(out, { recursive: true, force: true });
  const seconds = timed(() => execFileSync('cp', ['-r', join(folder, 'image'), out]));
  rmSync(out, { recursive: true, force: true });
  return seconds;
}

function exportAs(format) {
  const out = join(scratch, format);
  rmSync(out, { recursive: true, force: true });
  let printed = '';
  const seconds = timed(() => {
    printed = execFileSync(
      process.execPath,
      [
        cli,
        'export',
        folder,
        '--format',
        format,
        '--status',
        'any',
        '--out',
        out,
        '--json',
        '--data-dir',
        join(scratch, 'data'),
      ],
      { encoding: 'utf8' },
    );
  });
  const result = JSON.parse(printed);
  if (result.rows !== samples || result.skipped.length > 0)
    throw new Error(`export wrote ${result.rows} rows, skipped ${result.skipped.length}`);
  rmSync(out, { recursive: true, force: true });
  return seconds;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

await makeFolder();
mkdirSync(scratch, { recursive: true });
const imageBytes = bytesUnder(join(folder, 'image'));
console.log(
  `${samples.toLocaleString('en')} image samples, ${(imageBytes / 1e6).toFixed(1)} MB of images; ${rounds} rounds, medians`,
);

const formats = ['imagefolder', 'gradio', 'parquet'];
const times = { cp: [], ...Object.fromEntries(formats.map((f) => [f, []])) };
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? ['cp', ...formats] : [...formats, 'cp'];
  for (const what of order) times[what].push(what === 'cp' ? copyTree() : exportAs(what));
}
const cp = median(times.cp);
console.log(`cp -r of the images: ${cp.toFixed(2)} s (${(imageBytes / 1e6 / cp).toFixed(0)} MB/s)`);
for (const format of formats) {
  const seconds = median(times[format]);
  console.log(
    `flagdeck export --format ${format.padEnd(11)} ${seconds.toFixed(2)} s = ${(cp / seconds).toFixed(2)} x cp's throughput (target >= 0.8)`,
  );
}
rmSync(scratch, { recursive: true, force: true });
