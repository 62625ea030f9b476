// A process that prints through writeOut: `lines N` prints N numbered lines; with `stream-first`,
// process.stdout is made beforehand (Node then sets a pipe non-blocking, so a full pipe refuses
// writes). Reports on fd 2 whether node:net was loaded.
import { writeSync } from 'node:fs';
import { printLine, writeOut } from '../../../../src/main/cli/stdout';

const [count, mode] = process.argv.slice(2);
if (mode === 'stream-first') void process.stdout.writableLength;
for (let i = 0; i < Number(count); i++) {
  if (i % 2 === 0) printLine(`line ${i} ${'x'.repeat(100)}`);
  else writeOut(`line ${i} ${'y'.repeat(100)}\n`);
}
const { moduleLoadList } = process as unknown as { moduleLoadList: string[] };
writeSync(2, `net loaded: ${moduleLoadList.includes('NativeModule net')}\n`);
