import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createThumbnailer, ThumbnailAbandoned, type ThumbnailSource } from '../../../src/main/media/thumbs';

let root: string;

async function source(name: string): Promise<ThumbnailSource> {
  const file = join(root, name);
  return { root, readOnly: false, file, stats: await stat(file) };
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'flagdeck-thumbs-'));
  for (const name of ['a.png', 'b.png']) {
    const image = sharp({ create: { width: 600, height: 400, channels: 3, background: '#3366aa' } });
    await writeFile(join(root, name), await image.png().toBuffer());
  }
});

afterAll(() => rm(root, { recursive: true, force: true }));

const thumbs = () => readdir(join(root, '.flagdeck', 'thumbs')).catch(() => [] as string[]);

describe('thumbnail queue', () => {
  it('skips a queued thumbnail whose only asker went away', async () => {
    const thumbnailer = createThumbnailer({ fallbackDir: join(root, 'data'), concurrency: 1 });
    const gone = new AbortController();
    const busy = thumbnailer.thumbnail(await source('a.png'), 64);
    // Observed from the start: the skipped one may be refused before `busy` is done, and a
    // rejection nobody listened to yet is an unhandled error in the run (it was, now and then).
    const skipped = thumbnailer.thumbnail(await source('b.png'), 64, gone.signal).then(
      () => 'made',
      (error: unknown) => error,
    );
    gone.abort();
    await busy;
    expect(await skipped).toBeInstanceOf(ThumbnailAbandoned);
    expect(await thumbs()).toHaveLength(1);
  });

  it('still makes it while another asker waits', async () => {
    const thumbnailer = createThumbnailer({ fallbackDir: join(root, 'data'), concurrency: 1 });
    const gone = new AbortController();
    const busy = thumbnailer.thumbnail(await source('a.png'), 128);
    const first = thumbnailer.thumbnail(await source('b.png'), 128, gone.signal);
    const second = thumbnailer.thumbnail(await source('b.png'), 128, new AbortController().signal);
    gone.abort();
    await busy;
    expect(await first).toBe(await second);
    expect((await sharp(await second).metadata()).width).toBe(128);
  });
});
