// A file's first bytes and its stat, through fs's callbacks: a FileHandle's open, stat, read and
// close cost the main thread twice as much per file (5,000 one-row logs: 190 ms against 100), and
// opening an HF saver folder reads one such file per flagged sample.
import type { Stats } from 'node:fs';
import { fs } from './node-fs';

export interface FileHead {
  /** Up to `max` bytes from the file's start (all of it where it is no larger). */
  bytes: Buffer;
  /** The file's stat before the read. */
  stat: Stats;
}

export async function readFileHead(path: string, max: number): Promise<FileHead> {
  const fd = await call<number>((done) => fs.open(path, 'r', done));
  try {
    const stat = await call<Stats>((done) => fs.fstat(fd, done));
    const buffer = Buffer.alloc(Math.min(max, stat.size));
    const bytesRead = await call<number>((done) => fs.read(fd, buffer, 0, buffer.length, 0, done));
    return { bytes: buffer.subarray(0, bytesRead), stat };
  } finally {
    await call<void>((done) => fs.close(fd, done));
  }
}

function call<T>(start: (done: (error: Error | null, value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => start((error, value) => (error ? reject(error) : resolve(value))));
}
