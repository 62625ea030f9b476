// A live Gradio app through the official client (@gradio/client): its endpoints as the API
// description names them, one call at a time with the client's own file upload, cancel and
// download of the files an answer refers to. Gradio's HTTP / SSE protocol is the client's business.
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Client, handle_file } from '@gradio/client';
import type { Endpoint, EndpointSlot } from '../../shared/replay';
import { quietClientConsole } from './client-console';
import type { InputValue } from './input-values';

export interface GradioApp {
  app: string;
  gradioVersion: string | null;
  endpoints: Endpoint[];
  /** One prediction; rejects with `CallFailed` (the app's error) or `ConnectionFailed`. */
  call(apiName: string, inputs: InputValue[], signal: AbortSignal): Promise<unknown[]>;
  /** Saves a file the app returned (a FileData value) into `dir`; its name there. */
  download(file: FileDataLike, dir: string, prefix: string): Promise<string>;
  close(): void;
}

export interface FileDataLike {
  url?: string | null;
  path?: string;
  orig_name?: string | null;
}

/** The app answered with an error of its own (its function raised, or the input was refused). */
export class CallFailed extends Error {}
/** The app could not be reached, or its queue refused or timed out: worth retrying. */
export class ConnectionFailed extends Error {}
export class CallCancelled extends Error {}
/**
 * No answer within the replay's per-call timeout (the call was cancelled at the app): retried like
 * a connection error, but once the retries are spent it is that sample's error, not the run's end.
 */
export class CallTimedOut extends Error {}

interface ApiSlot {
  label?: string | null;
  parameter_name?: string | null;
  component?: string;
}
interface ApiEndpoint {
  parameters?: ApiSlot[];
  returns?: ApiSlot[];
}

export async function connectApp(app: string): Promise<GradioApp> {
  let client: Client;
  quietClientConsole();
  try {
    client = await Client.connect(app, { events: ['data', 'status'] });
  } catch (error) {
    throw new ConnectionFailed(`could not connect to the Gradio app at ${app}: ${messageOf(error)}`);
  }
  const api = (await client.view_api()) as { named_endpoints?: Record<string, ApiEndpoint> };
  const endpoints = Object.entries(api.named_endpoints ?? {}).map(([apiName, endpoint]) =>
    describeEndpoint(apiName, endpoint),
  );
  const config = client.config as { version?: string } | undefined;
  return {
    app,
    gradioVersion: config?.version ?? null,
    endpoints,
    call: (apiName, inputs, signal) => callEndpoint(client, apiName, inputs, signal),
    download: (file, dir, prefix) => downloadFile(file, dir, prefix),
    close: () => client.close(),
  };
}

function describeEndpoint(apiName: string, endpoint: ApiEndpoint): Endpoint {
  const slot = (item: ApiSlot, index: number, fallback: string): EndpointSlot => ({
    label: item.label || item.parameter_name || `${fallback} ${index + 1}`,
    ...(item.parameter_name ? { name: item.parameter_name } : {}),
    component: item.component ?? 'Unknown',
  });
  return {
    apiName,
    inputs: (endpoint.parameters ?? []).map((item, index) => slot(item, index, 'input')),
    outputs: (endpoint.returns ?? []).map((item, index) => slot(item, index, 'output')),
  };
}

/**
 * A file as the client uploads it: named. Given a path, the client uploads a nameless blob, which
 * the app stores as `…/blob`; Gradio then tells an audio clip's format by that missing extension
 * and refuses even a WAV file where ffmpeg is not installed.
 */
async function namedFile(path: string): Promise<unknown> {
  return handle_file(new File([await readFile(path)], basename(path)));
}

async function clientValue(input: InputValue): Promise<unknown> {
  if ('file' in input) return namedFile(input.file);
  if ('files' in input) return Promise.all(input.files.map(namedFile));
  return input.value;
}

/** The call's values, files read; a file that cannot be read is this sample's error. */
async function clientValues(inputs: InputValue[]): Promise<unknown[]> {
  try {
    return await Promise.all(inputs.map(clientValue));
  } catch (error) {
    throw new CallFailed(messageOf(error));
  }
}

interface StatusMessage {
  type: 'status';
  stage?: string;
  message?: string | null;
  code?: string;
  success?: boolean;
}

async function callEndpoint(
  client: Client,
  apiName: string,
  inputs: InputValue[],
  signal: AbortSignal,
): Promise<unknown[]> {
  signal.throwIfAborted();
  const values = await clientValues(inputs);
  // A cancel that came while the files were read: nothing was sent yet.
  signal.throwIfAborted();
  const job = client.submit(apiName, values);
  const cancelled = new Promise<never>((_resolve, reject) => {
    const onAbort = () => {
      quietClientConsole();
      void job.cancel().catch(() => undefined);
      reject(new CallCancelled('cancelled'));
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  const answer = (async () => {
    try {
      for await (const message of job) {
        if (message.type === 'data') return message.data as unknown[];
        const status = message as unknown as StatusMessage;
        if (status.type === 'status' && status.stage === 'error') throw statusError(status);
      }
    } catch (error) {
      throw error instanceof CallFailed || error instanceof ConnectionFailed ? error : classify(error);
    }
    throw new ConnectionFailed('the app closed the call without an answer');
  })();
  return Promise.race([answer, cancelled]);
}

// A full queue is answered (HTTP 503 or a `queue_full` message) with the client's "This application
// is currently busy. Please try again." status, not with the word "queue".
const RETRYABLE =
  /fetch failed|ECONNREFUSED|ECONNRESET|socket|network|Connection errored|queue is full|queue full|currently busy|timed? ?out|Could not (connect|resolve)|Failed to fetch|other side closed/i;

function statusError(status: StatusMessage): Error {
  const text = status.message ?? 'the app reported an error';
  return RETRYABLE.test(text) || status.code === 'queue_full'
    ? new ConnectionFailed(text)
    : new CallFailed(text);
}

function classify(error: unknown): Error {
  const text = messageOf(error);
  return RETRYABLE.test(text) ? new ConnectionFailed(text) : new CallFailed(text);
}

export function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  if (error && typeof error === 'object' && 'message' in error) return String(error.message);
  return String(error);
}

async function downloadFile(file: FileDataLike, dir: string, prefix: string): Promise<string> {
  if (!file.url) throw new CallFailed(`the app returned a file without a URL (${file.path ?? '?'})`);
  const response = await fetch(file.url);
  if (!response.ok) throw new ConnectionFailed(`downloading ${file.url}: HTTP ${response.status}`);
  const name = `${prefix}-${safeName(file.orig_name ?? basename(file.path ?? 'output'))}`;
  await writeFile(join(dir, name), Buffer.from(await response.arrayBuffer()));
  return name;
}

function safeName(name: string): string {
  return (
    name
      .replace(/[^\w.-]+/g, '_')
      .replace(/^[._]+/, '')
      .slice(-80) || 'file'
  );
}
