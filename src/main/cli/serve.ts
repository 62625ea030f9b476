// `flagdeck serve [folder…] [--port N] [--host ADDR]`: the review UI over HTTP for a browser,
// printing one line with the address and token. With no folder it opens the bundled sample.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../app/compose';
import { createServices } from '../app/services';
import { webHostServices } from '../app/host-services';
import { rendererDir, bundledFolder } from '../app/paths';
import { defaultDataDir } from '../review/location';
import { defaultAccessToken, startWebHost } from '../host/web';
import { UsageError, type Command } from './command';

const usage = `Usage: flagdeck serve [folder…] [--port N] [--host ADDR]

Serves the Flagdeck review UI for the given Gradio flagging folders (default: the bundled sample)
and prints the address to open, with its access token:
  Flagdeck serving at http://127.0.0.1:<port>/?token=<token>

Options:
  --port N       port to listen on (default 7870; 0 picks a free one)
  --host ADDR    address to bind (default 127.0.0.1; anything else exposes your folders to the network)

Environment:
  FLAGDECK_TOKEN   use this token instead of a random one
  XDG_DATA_HOME    where journals of read-only folders and their thumbnails go (…/flagdeck)`;

function parsePort(text: string | undefined): number {
  if (text === undefined) return 7870;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535)
    throw new UsageError(`--port wants a number from 0 to 65535, not "${text}"`);
  return port;
}

async function checkFolders(paths: string[]): Promise<string[]> {
  return Promise.all(
    paths.map(async (path) => {
      const absolute = resolve(path);
      const stats = await stat(absolute).catch(() => null);
      if (!stats) throw new UsageError(`no such folder: ${absolute}`);
      if (!stats.isDirectory())
        throw new UsageError(`not a folder: ${absolute} (give the flagging folder, not a log)`);
      return absolute;
    }),
  );
}

async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { port: { type: 'string' }, host: { type: 'string' } },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const port = parsePort(parsed.values.port);
  const host = parsed.values.host ?? '127.0.0.1';
  const folders = await checkFolders(parsed.positionals.length > 0 ? parsed.positionals : [bundledFolder()]);
  const token = defaultAccessToken();
  const log = (message: string): void => console.error(`flagdeck serve: ${message}`);

  const flagdeck = await createApp({
    dataDir: defaultDataDir(),
    host: webHostServices(token),
    services: createServices,
    log,
  });
  await flagdeck.open(folders);
  const web = await startWebHost({
    dispatch: flagdeck.dispatch,
    media: flagdeck.media,
    subscribe: flagdeck.events.subscribe,
    rendererDir: rendererDir(),
    host,
    port,
    token,
    onError: (error) => log(error instanceof Error ? (error.stack ?? error.message) : String(error)),
  });
  console.log(`Flagdeck serving at ${web.url}`);
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
    log(`listening on ${host}: anyone who can reach this machine and has the token can read these folders`);
  }

  await new Promise<void>((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await web.close();
  await flagdeck.close();
  return 0;
}

export const serveCommand: Command = {
  name: 'serve',
  usage,
  run,
};
