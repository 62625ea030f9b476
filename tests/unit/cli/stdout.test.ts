import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle, type Bundle } from '../review/support/bundle';

let child: Bundle;
beforeAll(async () => {
  child = await bundle(fileURLToPath(new URL('./support/write-out-child.ts', import.meta.url)));
}, 60_000);
afterAll(() => child.remove());

interface Run {
  out: string;
  err: string;
  code: number | null;
}

/** Runs the child printing `count` lines; `readSlowly` holds the pipe unread for a while first. */
function run(
  count: number,
  mode = '',
  options: { readSlowly?: boolean; closeEarly?: boolean } = {},
): Promise<Run> {
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, [child.file, String(count), mode]);
    const out: Buffer[] = [];
    let err = '';
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    if (options.readSlowly) {
      proc.stdout.pause();
      setTimeout(() => proc.stdout.resume(), 300);
    }
    proc.stdout.on('data', (chunk: Buffer) => {
      out.push(chunk);
      if (options.closeEarly) proc.stdout.destroy();
    });
    proc.on('error', fail);
    proc.on('close', (code) => done({ out: Buffer.concat(out).toString(), err, code }));
  });
}

function expected(count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += `line ${i} ${(i % 2 === 0 ? 'x' : 'y').repeat(100)}\n`;
  return text;
}

describe('writeOut', () => {
  it('prints everything, in order, to a pipe, without making process.stdout (no node:net)', async () => {
    const result = await run(2000);
    expect(result.code).toBe(0);
    expect(result.out).toBe(expected(2000));
    expect(result.err).toBe('net loaded: false\n');
  });

  it('hands a full non-blocking pipe over to process.stdout and keeps the order', async () => {
    // 20,000 lines: about 2 MB, far more than a pipe holds while nobody reads it.
    const result = await run(20_000, 'stream-first', { readSlowly: true });
    expect(result.code).toBe(0);
    expect(result.out).toBe(expected(20_000));
  });

  it('ends quietly with 0 when the reader goes away (`| head`)', async () => {
    const result = await run(200_000, '', { closeEarly: true });
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
  });

  it('ends quietly with 0 when a parent process closes its socket unread (ECONNRESET)', async () => {
    const result = await run(10, 'reset');
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
  });
});
