// What the preload adds to the renderer's window (present only under Electron). Calls come back
// as the host's envelope; the renderer's client unwraps it.
import type { CallName, CallResult, EventName } from '../shared/api';

export interface FlagdeckBridge {
  call(name: CallName, input: unknown): Promise<CallResult>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    flagdeck?: FlagdeckBridge;
  }
}
