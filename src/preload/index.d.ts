// What the preload adds to the renderer's window (present only under Electron). Calls come back
// as the host's envelope; the renderer's client unwraps it.
import type { CallName, CallResult, EventName } from '../shared/api';

export interface FlagdeckBridge {
  invoke(name: CallName, input: unknown): Promise<CallResult>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
  /** The file-system path of a dropped file or folder (sandboxed pages cannot read `File.path`). */
  pathForFile(file: File): string;
}

declare global {
  interface Window {
    flagdeck?: FlagdeckBridge;
  }
}
