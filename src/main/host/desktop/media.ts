// Media for the window: `flagdeck-media://`, a standard, secure scheme that supports fetch and
// streaming (byte ranges for audio and video seeking), answered by the same media service as the
// web host, which resolves paths inside the open folders only.
import { protocol } from 'electron';
import type { MediaService } from '../../media/service';
import { answerMediaRequest, mediaScheme } from '../media-protocol';

/** Must run before the app is ready. */
export function registerMediaScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: mediaScheme,
      privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true, corsEnabled: true },
    },
  ]);
}

export function serveMedia(media: MediaService): void {
  protocol.handle(mediaScheme, async (request) => {
    const response = await answerMediaRequest(request, media);
    // The page is a file:// document (origin "null"); only our own windows can reach this scheme.
    response.headers.set('Access-Control-Allow-Origin', '*');
    return response;
  });
}
