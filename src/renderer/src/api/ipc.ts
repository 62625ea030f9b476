// The Electron transport: calls and events through the preload's `window.flagdeck`.
import type { ApiClient, CallName, CallOutput, EventName, EventPayload } from '../../../shared/api';
import type { WorkspaceDelta } from '../../../shared/workspace-delta';
import { ApiError, unwrap } from './errors';
import { Listeners } from './listeners';
import { WorkspaceSnapshots } from './workspace-snapshots';

type FlagdeckBridge = NonNullable<Window['flagdeck']>;

export function createIpcClient(bridge: FlagdeckBridge): ApiClient {
  async function call<N extends CallName>(name: N, input: unknown): Promise<CallOutput<N>> {
    let result;
    try {
      result = await bridge.invoke(name, input ?? {});
    } catch (error) {
      throw new ApiError(error instanceof Error ? error.message : String(error), 'transport');
    }
    return unwrap<CallOutput<N>>(result);
  }

  // The main process sends `workspaceChanged` as deltas: one subscription makes them whole for all.
  const changed = new Listeners();
  const snapshots = new WorkspaceSnapshots(
    () => call('workspace.deltaBase', {}),
    (snapshot) => changed.emit('workspaceChanged', snapshot),
  );
  let stopDeltas: (() => void) | undefined;

  return {
    call,
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      if (event !== 'workspaceChanged')
        return bridge.on(event, (payload) => listener(payload as EventPayload<E>));
      const remove = changed.add(event, listener);
      stopDeltas ??= bridge.on('workspaceDelta', (payload) => snapshots.take(payload as WorkspaceDelta));
      return () => {
        remove();
        if (changed.size > 0) return;
        stopDeltas?.();
        stopDeltas = undefined;
      };
    },
  };
}
