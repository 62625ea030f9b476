// Appends rows to a CSV log the way Gradio's CSVLogger does: for every flag, open the file for
// appending, write one `\r\n`-terminated record, close. argv: <log> <rows>
import { closeSync, openSync, writeSync } from 'node:fs';
import { gradioHeader, gradioRow } from './gradio-rows.mjs';

const [log, rowsText] = process.argv.slice(2);
const rows = Number(rowsText);
let fd = openSync(log, 'a');
writeSync(fd, gradioHeader());
closeSync(fd);
for (let i = 1; i <= rows; i += 1) {
  fd = openSync(log, 'a');
  writeSync(fd, gradioRow(i));
  closeSync(fd);
  // A busy demo, not a tight loop: a short pause now and then lets the reviewer's edits interleave.
  if (i % 25 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
}
process.stdout.write('done\n');
