// The one door from React to the API: the client (whatever its transport) and media URLs.
import { createContext, useContext } from 'react';
import type { ApiClient } from '../../../shared/api';
import type { MediaOptions } from '../../../shared/media-url';

export interface RendererApi {
  client: ApiClient;
  mediaUrl(folderId: string, path: string, options?: MediaOptions): string;
  /** What the host offers beyond the calls (a folder dialog, revealing files). */
  capabilities: { pickFolder: boolean; reveal: boolean };
  /** Paths of dropped files or folders, where the host can name them (desktop); else none. */
  droppedFilePaths(files: FileList): string[];
}

const ApiContext = createContext<RendererApi | null>(null);

export const ApiProvider = ApiContext.Provider;

export function useApi(): RendererApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() outside <ApiProvider>: the app was started without an API client');
  return api;
}
