// A tiny in-test `Handlers` for host tests: every call answers something recognisable.
import type { Caller, CallArgs, CallName, CallOutput, Handlers } from '../../../src/shared/api';
import { UnavailableError } from '../../../src/main/app/dispatch';

const empty = { revision: 1, folders: [] };

export function fakeHandlers(calls: { name: string; args: unknown; caller?: Caller }[] = []): Handlers {
  const record =
    <N extends CallName>(name: N, value: (args: CallArgs<N>) => CallOutput<N>) =>
    async (args: CallArgs<N>, caller?: Caller): Promise<CallOutput<N>> => {
      calls.push({ name, args, caller });
      return value(args);
    };
  return {
    'workspace.open': record('workspace.open', () => empty),
    'workspace.close': record('workspace.close', () => empty),
    'workspace.info': record('workspace.info', () => empty),
    'workspace.deltaBase': record('workspace.deltaBase', () => null),
    'workspace.recent': record('workspace.recent', () => ({ paths: ['/a', '/b'] })),
    'workspace.pickFolder': async () => {
      throw new UnavailableError('no folder dialog in serve mode: type a path instead');
    },
    'samples.query': record('samples.query', (args) => ({
      total: args.offset,
      rows: [],
    })),
    'samples.get': async () => {
      throw new Error('no such sample');
    },
    'samples.facets': record('samples.facets', () => ({
      total: 0,
      byStatus: {},
      byReason: [],
      byLog: [],
      byUsername: [],
    })),
    'export.summary': record('export.summary', () => ({
      samples: 0,
      byReason: [],
      byStatus: {},
      workspaceByStatus: {},
      imageColumns: [],
      audioColumns: [],
      suggestedFormat: 'gradio',
    })),
    'export.files': record('export.files', () => ({ assetFiles: 0, assetBytes: 0, assetsMissing: 0 })),
    'export.start': record('export.start', () => ({ jobId: 'j1' })),
    'export.cancel': record('export.cancel', () => ({})),
    'replay.connect': record('replay.connect', (args) => ({
      app: args.app,
      gradioVersion: null,
      endpoints: [],
      proposals: {},
      columns: [],
    })),
    'replay.start': record('replay.start', () => ({ run: 'r1', total: 0 })),
    'replay.cancel': record('replay.cancel', () => ({})),
    'replay.runs': record('replay.runs', () => ({ runs: [] })),
    'replay.outcomes': record('replay.outcomes', () => ({ outcomes: [], filesBase: null })),
    'replay.result': record('replay.result', () => ({ result: null, filesBase: null })),
    'review.edit': record('review.edit', () => ({ editId: 'e1', count: 1 })),
    'review.undo': record('review.undo', () => ({ editId: null })),
    'review.redo': record('review.redo', () => ({ editId: null })),
    'review.options': record('review.options', (args) => ({
      folderId: args.folderId,
      fromLogs: [],
      custom: [],
    })),
    'review.setOptions': record('review.setOptions', (args) => ({
      folderId: args.folderId,
      fromLogs: [],
      custom: [],
    })),
    'review.history': record('review.history', () => ({ entries: [] })),
    'media.url': record('media.url', () => ({ url: '/media/x' })),
    'file.reveal': record('file.reveal', () => ({})),
    'hubToken.status': record('hubToken.status', () => ({ set: false })),
    'hubToken.set': record('hubToken.set', () => ({ set: true })),
    'hubToken.clear': record('hubToken.clear', () => ({ set: false })),
  };
}
