// A process that prints through writeOut: `lines N` prints N numbered lines; with `stream-first`,
// process.stdout is made beforehand (Node then sets a pipe non-blocking, so a full pipe refuses
// writes); with `reset`, every write to fd 1 fails as a reset socket's does. Reports on fd 2
// whether node:net was loaded.
import { writeSync } from 'node:fs';
import { printLine, writeOut } from '../../../../src/main/cli/stdout';

const [count, mode] = process.argv.slice(2);
if (mode === 'stream-first') void process.stdout.writableLength;
if (mode === 'reset') {
  // As a socket pair whose reader closed it unread refuses a write (a Node parent's `stdout.destroy()`).
  const fs = process.getBuiltinModule('node:fs');
  const real = fs.writeSync;
  fs.writeSync = ((fd: number, ...rest: unknown[]) => {
    if (fd !== 1) return (real as (...args: unknown[]) => number)(fd, ...rest);
    throw Object.assign(new Error('ECONNRESET: connection reset by peer, write'), {
      code: 'ECONNRESET',
      syscall: 'write',
    });
  }) as typeof fs.writeSync;
}
for (let i = 0; i < Number(count); i++) {
  if (i % 2 === 0) printLine(`line ${i} ${'x'.repeat(100)}`);
  else writeOut(`line ${i} ${'y'.repeat(100)}\n`);
}
const { moduleLoadList } = process as unknown as { moduleLoadList: string[] };
writeSync(2, `net loaded: ${moduleLoadList.includes('NativeModule net')}\n`);
