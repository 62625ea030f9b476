// The app as both hosts use it: the services (workspace/index + review journal) composed into one
// handler per call, the shared dispatch, the event fan-out and the media service.
import { join } from 'node:path';
import type { Handlers } from '../../shared/api';
import { createDispatch, type Dispatch } from './dispatch';
import { createMediaService, type MediaFolder, type MediaMount, type MediaService } from '../media/service';
import { createThumbnailer } from '../media/thumbs';
import { createEventHub, type EventHub } from './events';
import { createWireEvents, type WireEvents } from './wire-events';
import { createHandlers, type ServiceCalls } from './api-handlers';
import type { HostServices } from './host-services';
import { openAnywhere, type OpenPolicy } from './open-roots';

/** What the services hand the app: their calls, where each folder lives, and a way to stop. */
export interface Services {
  calls: ServiceCalls;
  folderOf(folderId: string): MediaFolder | undefined;
  /** Request paths served from outside the folder (a replay run's output files). */
  mediaMount?: MediaMount;
  /** Where a folder's thumbnails go: beside its review journal. */
  thumbDirOf(root: string): Promise<string>;
  close(): Promise<void>;
}

export interface ServiceContext {
  dataDir: string;
  reviewer?: string;
  /** The desktop host's OS-keychain token reader (Electron safeStorage), tried before HF_TOKEN. */
  readKeychainToken?: () => Promise<string | undefined>;
  /** The Hub endpoint a push uses when the dialog names none (default: HF_ENDPOINT, else huggingface.co). */
  hubUrl?: string;
  emit: EventHub['emit'];
  log: (message: string) => void;
}

export type ServicesFactory = (context: ServiceContext) => Promise<Services>;

export interface AppOptions {
  dataDir: string;
  host: HostServices;
  services: ServicesFactory;
  reviewer?: string;
  readKeychainToken?: () => Promise<string | undefined>;
  hubUrl?: string;
  log?: (message: string) => void;
  /** Which folders `workspace.open` accepts (default: any; `flagdeck serve`: its roots). */
  openPolicy?: OpenPolicy;
}

export interface App {
  handlers: Handlers;
  dispatch: Dispatch;
  /** The events services emit, in process. */
  events: EventHub;
  /** The same events as the hosts send them (workspaceChanged as deltas). */
  wire: WireEvents;
  media: MediaService;
  open(paths: string[]): Promise<void>;
  /** Opens `sample` when no folder was ever opened (the desktop app's first run). */
  openOnFirstRun(sample: string): Promise<void>;
  close(): Promise<void>;
}

export async function createApp(options: AppOptions): Promise<App> {
  const log = options.log ?? (() => undefined);
  const onListenerError = (error: unknown) => log(`an event listener failed: ${String(error)}`);
  const events = createEventHub(onListenerError);
  const wire = createWireEvents(events, onListenerError);
  const services = await options.services({
    dataDir: options.dataDir,
    reviewer: options.reviewer,
    readKeychainToken: options.readKeychainToken,
    hubUrl: options.hubUrl,
    emit: events.emit,
    log,
  });
  const handlers = withOpenPolicy(
    createHandlers({
      services: services.calls,
      host: options.host,
      folderOf: services.folderOf,
      deltaBase: wire.base,
    }),
    options.openPolicy ?? openAnywhere,
  );
  const thumbnailer = createThumbnailer({
    fallbackDir: join(options.dataDir, 'thumbs'),
    cacheDirFor: services.thumbDirOf,
  });
  return {
    handlers,
    dispatch: createDispatch(handlers, (name, error, expected) =>
      log(
        `${name} failed: ${error instanceof Error ? (expected ? error.message : (error.stack ?? error.message)) : String(error)}`,
      ),
    ),
    events,
    wire,
    media: createMediaService(services.folderOf, thumbnailer, services.mediaMount),
    async open(paths) {
      await handlers['workspace.open']({ paths });
    },
    async openOnFirstRun(sample) {
      const { paths } = await handlers['workspace.recent']({});
      if (paths.length === 0) await handlers['workspace.open']({ paths: [sample] });
    },
    close: () => services.close(),
  };
}

/** `workspace.open` checks every path first (opening none when one is refused); recent folders outside are not listed. */
function withOpenPolicy(handlers: Handlers, policy: OpenPolicy): Handlers {
  return {
    ...handlers,
    'workspace.open': async (input) => {
      for (const path of input.paths) await policy.check(path);
      return handlers['workspace.open'](input);
    },
    'workspace.recent': async (input) => {
      const { paths } = await handlers['workspace.recent'](input);
      const allowed = await Promise.all(paths.map((path) => policy.allows(path)));
      return { paths: paths.filter((_, i) => allowed[i]) };
    },
  };
}
