// The event fan-out: services emit, every host (each window, each WebSocket) listens.
import type { EventName, EventPayload } from '../../shared/api';

export type AnyEventListener = (event: EventName, payload: unknown) => void;

export interface EventHub {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  subscribe(listener: AnyEventListener): () => void;
}

export function createEventHub(onListenerError?: (error: unknown) => void): EventHub {
  const listeners = new Set<AnyEventListener>();
  return {
    emit(event, payload) {
      for (const listener of [...listeners]) {
        // A host that fails to deliver (a closed window) must not keep events from the others.
        try {
          listener(event, payload);
        } catch (error) {
          onListenerError?.(error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
