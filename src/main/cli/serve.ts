// `flagdeck serve [folder…] [--port N] [--host ADDR]`: the review UI over HTTP for a browser,
// printing one line with the address and token. With no folder it opens the bundled sample.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from '../platform/node-util';
import { createApp } from '../app/compose';
import { createServices } from '../app/services';
import { webHostServices } from '../app/host-services';
import { rendererDir, bundledFolder } from '../app/paths';
import { defaultDataDir } from '../review/location';
import { defaultAccessToken, startWebHost } from '../host/web';
import { MIN_TOKEN_LENGTH, weakTokenReason } from '../host/web-auth';
import { openAnywhere, openUnder } from '../app/open-roots';
import { UsageError, type Command } from './command';

const usage = `Usage: flagdeck serve [folder…] [--port N] [--host ADDR] [--allow-open-anywhere]

Serves the Flagdeck review UI for the given Gradio flagging folders (default: the bundled sample)
and prints the address to open, with its access token:
  Flagdeck serving at http://127.0.0.1:<port>/?token=<token>
The folders given are the roots: the UI may open them and folders under them, nothing else.

Options:
  --port N                port to listen on (default 7870; 0 picks a free one)
  --host ADDR             address to bind (default 127.0.0.1; anything else exposes your folders
                          to the network)
  --allow-open-anywhere   let the UI open any folder this user can read; with a --host other than
                          loopback, give it twice to mean it

Environment:
  FLAGDECK_TOKEN   use this token (at least ${MIN_TOKEN_LENGTH} characters) instead of a random one
  XDG_DATA_HOME    where journals of read-only folders and their thumbnails go (…/flagdeck)`;

const loopbackHosts = ['127.0.0.1', 'localhost', '::1'];

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

/** `FLAGDECK_TOKEN`, refused when too short to guard anything. */
/** `--allow-open-anywhere` given `times` times: once on loopback, twice when the network can reach us. */
function openAnywhereAllowed(times: number, host: string): boolean {
  if (times === 0) return false;
  if (times === 1 && !loopbackHosts.includes(host))
    throw new UsageError(
      `--allow-open-anywhere with --host ${host} lets anyone on the network who has the token open any folder of this machine; give --allow-open-anywhere twice if that is what you want`,
    );
  return true;
}

async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'allow-open-anywhere': { type: 'boolean', multiple: true },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const port = parsePort(parsed.values.port);
  const host = parsed.values.host ?? '127.0.0.1';
  const anywhere = openAnywhereAllowed(parsed.values['allow-open-anywhere']?.length ?? 0, host);
  const folders = await checkFolders(parsed.positionals.length > 0 ? parsed.positionals : [bundledFolder()]);
  const token = defaultAccessToken();
  const weak = weakTokenReason(token);
  if (weak) throw new UsageError(weak);
  const log = (message: string): void => console.error(`flagdeck serve: ${message}`);

  const flagdeck = await createApp({
    dataDir: defaultDataDir(),
    host: webHostServices(token),
    services: createServices,
    log,
    openPolicy: anywhere ? openAnywhere : await openUnder(folders),
  });
  await flagdeck.open(folders);
  const web = await startWebHost({
    dispatch: flagdeck.dispatch,
    media: flagdeck.media,
    subscribe: flagdeck.wire.subscribe,
    rendererDir: rendererDir(),
    host,
    port,
    token,
    onError: (error) => log(error instanceof Error ? (error.stack ?? error.message) : String(error)),
  });
  console.log(`Flagdeck serving at ${web.url}`);
  if (!loopbackHosts.includes(host)) {
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
