// The Electron transport: calls and events through the preload's `window.flagdeck`.
import type { ApiClient, CallName, CallOutput, EventName, EventPayload } from '../../../shared/api';
import { ApiError, unwrap } from './errors';

type FlagdeckBridge = NonNullable<Window['flagdeck']>;

export function createIpcClient(bridge: FlagdeckBridge): ApiClient {
  return {
    async call<N extends CallName>(name: N, input: unknown): Promise<CallOutput<N>> {
      let result;
      try {
        result = await bridge.invoke(name, input ?? {});
      } catch (error) {
        throw new ApiError(error instanceof Error ? error.message : String(error), 'transport');
      }
      return unwrap<CallOutput<N>>(result);
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      return bridge.on(event, (payload) => listener(payload as EventPayload<E>));
    },
  };
}
