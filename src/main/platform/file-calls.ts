// fs's callback calls as promises, for the reads of many small files: a FileHandle's open, stat,
// read and close cost the main thread twice as much per file (5,000 one-row logs: 190 ms against
// 100), and an HF saver folder holds a one-row log per flagged sample, read to open the folder and
// again for each row a page shows.
import type { Stats } from 'node:fs';
import { fs } from './node-fs';

export const openForReading = (path: string): Promise<number> => call((done) => fs.open(path, 'r', done));
export const statOfFd = (fd: number): Promise<Stats> => call((done) => fs.fstat(fd, done));
export const closeFd = (fd: number): Promise<void> => call((done) => fs.close(fd, done));

/** Reads into the whole of `buffer` from `position` (fewer bytes at the end of the file). */
export const readAt = (fd: number, buffer: Buffer, position: number): Promise<number> =>
  call((done) => fs.read(fd, buffer, 0, buffer.length, position, done));

export interface FileHead {
  /** Up to `max` bytes from the file's start (all of it where it is no larger). */
  bytes: Buffer;
  /** The file's stat before the read. */
  stat: Stats;
}

export async function readFileHead(path: string, max: number): Promise<FileHead> {
  const fd = await openForReading(path);
  try {
    const stat = await statOfFd(fd);
    const buffer = Buffer.alloc(Math.min(max, stat.size));
    const bytesRead = await readAt(fd, buffer, 0);
    return { bytes: buffer.subarray(0, bytesRead), stat };
  } finally {
    await closeFd(fd);
  }
}

function call<T>(start: (done: (error: Error | null, value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => start((error, value) => (error ? reject(error) : resolve(value))));
}
