import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerMediaRequest, parseMediaUrl } from '../../../src/main/host/media-protocol';
import { createMediaService, type MediaService } from '../../../src/main/media/service';
import { createThumbnailer } from '../../../src/main/media/thumbs';

let base: string;
let media: MediaService;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'flagdeck-protocol-'));
  await mkdir(join(base, 'flagged', 'Doctors Voice'), { recursive: true });
  await writeFile(join(base, 'flagged', 'Doctors Voice', 'audio.wav'), 'RIFF....WAVEdata');
  await writeFile(join(base, 'outside.txt'), 'CONTENT-OUTSIDE');
  media = createMediaService(
    (id) => (id === 'f 1' ? { root: join(base, 'flagged'), readOnly: false } : undefined),
    createThumbnailer({ fallbackDir: join(base, 'data') }),
  );
});

afterAll(() => rm(base, { recursive: true, force: true }));

describe('parseMediaUrl', () => {
  it('reads kind, folder, path and width', () => {
    expect(parseMediaUrl('flagdeck-media://thumb/f%201/Doctors%20Voice/audio.wav?w=200')).toEqual({
      kind: 'thumb',
      folderId: 'f 1',
      path: 'Doctors Voice/audio.wav',
      width: 200,
    });
  });

  it('refuses other schemes and kinds', () => {
    expect(parseMediaUrl('https://media/f/a.png')).toHaveProperty('error');
    expect(parseMediaUrl('flagdeck-media://other/f/a.png')).toHaveProperty('error');
    expect(parseMediaUrl('flagdeck-media://media/f')).toHaveProperty('error');
  });
});

describe('answerMediaRequest', () => {
  it('streams a byte range as a Response', async () => {
    const response = await answerMediaRequest(
      new Request('flagdeck-media://media/f%201/Doctors%20Voice/audio.wav', {
        headers: { Range: 'bytes=8-11' },
      }),
      media,
    );
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 8-11/16');
    expect(await response.text()).toBe('WAVE');
  });

  it('refuses an encoded escape with 403 and no content', async () => {
    const response = await answerMediaRequest(
      new Request('flagdeck-media://media/f%201/..%2Foutside.txt'),
      media,
    );
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('CONTENT-OUTSIDE');
  });
});
