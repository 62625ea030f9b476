import { chmod, mkdir, mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMediaService, thumbWidth, type MediaFolder } from '../../../src/main/media/service';
import { createThumbnailer } from '../../../src/main/media/thumbs';

let base: string;
let root: string;
let lockedRoot: string;
let fallback: string;

async function bytesOf(body: Readable | null): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body ?? []) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 90 } } })
    .png()
    .toBuffer();

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'flagdeck-media-'));
  root = join(base, 'flagged');
  lockedRoot = join(base, 'locked');
  fallback = join(base, 'data', 'thumbs');
  await mkdir(join(root, 'image_filepath', 'abc'), { recursive: true });
  await writeFile(join(root, 'image_filepath', 'abc', 'png'), await png(800, 400));
  await writeFile(
    join(root, 'tone.wav'),
    Buffer.concat([Buffer.from('RIFF\0\0\0\0WAVE'), Buffer.alloc(1000, 7)]),
  );
  await writeFile(join(root, 'notes.txt'), 'not an image');
  await mkdir(lockedRoot);
  await writeFile(join(lockedRoot, 'pic.png'), await png(300, 300));
  await chmod(lockedRoot, 0o555);
});

afterAll(async () => {
  await chmod(lockedRoot, 0o755);
  await rm(base, { recursive: true, force: true });
});

function service() {
  const folders: Record<string, MediaFolder> = {
    f1: { root, readOnly: false },
    ro: { root: lockedRoot, readOnly: true },
  };
  return createMediaService((id) => folders[id], createThumbnailer({ fallbackDir: fallback }));
}

describe('media files', () => {
  it('serves a whole file with its type sniffed when the name says nothing', async () => {
    const response = await service().respond({
      kind: 'media',
      folderId: 'f1',
      path: 'image_filepath/abc/png',
    });
    expect(response.status).toBe(200);
    expect(response.headers['Content-Type']).toBe('image/png');
    const body = await bytesOf(response.body);
    expect(body.length).toBe(Number(response.headers['Content-Length']));
    expect((await sharp(body).metadata()).width).toBe(800);
  });

  it('serves one byte range with 206 and Content-Range', async () => {
    const response = await service().respond({
      kind: 'media',
      folderId: 'f1',
      path: 'tone.wav',
      range: 'bytes=4-11',
    });
    expect(response.status).toBe(206);
    expect(response.headers['Content-Range']).toBe('bytes 4-11/1012');
    expect(response.headers['Content-Type']).toBe('audio/wav');
    expect((await bytesOf(response.body)).toString('latin1')).toBe('\0\0\0\0WAVE');
  });

  it('answers 416 for a range past the end', async () => {
    const response = await service().respond({
      kind: 'media',
      folderId: 'f1',
      path: 'tone.wav',
      range: 'bytes=5000-',
    });
    expect(response.status).toBe(416);
    expect(response.headers['Content-Range']).toBe('bytes */1012');
  });

  it('answers 304 to a client whose copy is current, and the file to one whose copy is older', async () => {
    const first = await service().respond({ kind: 'media', folderId: 'f1', path: 'tone.wav' });
    first.body?.destroy();
    const since = first.headers['Last-Modified'];
    const fresh = await service().respond({
      kind: 'media',
      folderId: 'f1',
      path: 'tone.wav',
      ifModifiedSince: since,
    });
    expect([fresh.status, fresh.body]).toEqual([304, null]);
    const older = new Date(Date.parse(since) - 5000).toUTCString();
    const stale = await service().respond({
      kind: 'media',
      folderId: 'f1',
      path: 'tone.wav',
      ifModifiedSince: older,
    });
    expect(stale.status).toBe(200);
    expect((await bytesOf(stale.body)).length).toBe(1012);
  });

  it('refuses traversal and unknown folders', async () => {
    expect(
      (await service().respond({ kind: 'media', folderId: 'f1', path: '../locked/pic.png' })).status,
    ).toBe(403);
    expect((await service().respond({ kind: 'media', folderId: 'nope', path: 'tone.wav' })).status).toBe(404);
  });
});

describe('thumbnails', () => {
  it('rounds widths to shared steps', () => {
    expect(thumbWidth(100)).toBe(128);
    expect(thumbWidth(1)).toBe(64);
    expect(thumbWidth(5000)).toBe(1024);
    expect(thumbWidth(undefined)).toBe(256);
  });

  it('makes a WebP thumbnail once and caches it beside the journal', async () => {
    const media = service();
    const first = await media.respond({
      kind: 'thumb',
      folderId: 'f1',
      path: 'image_filepath/abc/png',
      width: 200,
    });
    expect(first.status).toBe(200);
    expect(first.headers['Content-Type']).toBe('image/webp');
    const meta = await sharp(await bytesOf(first.body)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 256, 128]);

    const cacheDir = join(root, '.flagdeck', 'thumbs');
    const [cached] = await readdir(cacheDir);
    const madeAt = (await stat(join(cacheDir, cached))).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const again = await service().respond({
      kind: 'thumb',
      folderId: 'f1',
      path: 'image_filepath/abc/png',
      width: 250,
    });
    await bytesOf(again.body);
    expect(await readdir(cacheDir)).toEqual([cached]);
    expect((await stat(join(cacheDir, cached))).mtimeMs).toBe(madeAt);
  });

  it('makes a new thumbnail when the image changes', async () => {
    const file = join(root, 'image_filepath', 'abc', 'png');
    const cacheDir = join(root, '.flagdeck', 'thumbs');
    await bytesOf(
      (await service().respond({ kind: 'thumb', folderId: 'f1', path: 'image_filepath/abc/png', width: 64 }))
        .body,
    );
    const before = await readdir(cacheDir);
    const later = new Date(Date.now() + 60_000);
    await utimes(file, later, later);
    await bytesOf(
      (await service().respond({ kind: 'thumb', folderId: 'f1', path: 'image_filepath/abc/png', width: 64 }))
        .body,
    );
    expect((await readdir(cacheDir)).length).toBe(before.length + 1);
  });

  it('asks for the same thumbnail many times at once and makes it once', async () => {
    const media = service();
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        media.respond({ kind: 'thumb', folderId: 'f1', path: 'image_filepath/abc/png', width: 512 }),
      ),
    );
    await Promise.all(responses.map((r) => bytesOf(r.body)));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    const files = await readdir(join(root, '.flagdeck', 'thumbs'));
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('caches under the data dir for a read-only folder, leaving the folder untouched', async () => {
    const response = await service().respond({ kind: 'thumb', folderId: 'ro', path: 'pic.png', width: 64 });
    expect(response.status).toBe(200);
    await bytesOf(response.body);
    expect(await readdir(lockedRoot)).toEqual(['pic.png']);
    const [dir] = await readdir(fallback);
    expect((await readdir(join(fallback, dir))).length).toBe(1);
  });

  it('answers 415 for a file that is not an image', async () => {
    const response = await service().respond({ kind: 'thumb', folderId: 'f1', path: 'notes.txt', width: 64 });
    expect(response.status).toBe(415);
    expect(response.message).toContain('notes.txt');
  });
});
