// Entry point: connect the API client (IPC or HTTP/WebSocket, chosen by src/renderer/src/api) and render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api, capabilities, droppedFilePaths, mediaUrl } from './api';
import { ApiProvider, type RendererApi } from './common/api-context';
import { App } from './app/app';
import './styles/theme.css';
import './styles/layout.css';
import './styles/panels.css';
import './styles/export.css';
import './styles/table.css';
import './styles/detail.css';

const renderer: RendererApi = { client: api, mediaUrl, capabilities: capabilities(), droppedFilePaths };

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ApiProvider value={renderer}>
      <App />
    </ApiProvider>
  </StrictMode>,
);
