// Event listeners by name, for transports that receive every event on one channel.
import type { EventName, EventPayload } from '../../../shared/api';

type Listener = (payload: never) => void;

export class Listeners {
  private readonly byName = new Map<EventName, Set<Listener>>();

  add<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    const set = this.byName.get(event) ?? new Set<Listener>();
    set.add(listener);
    this.byName.set(event, set);
    return () => {
      set.delete(listener);
    };
  }

  get size(): number {
    let n = 0;
    for (const set of this.byName.values()) n += set.size;
    return n;
  }

  emit(event: string, payload: unknown): void {
    const set = this.byName.get(event as EventName);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        (listener as (p: unknown) => void)(payload);
      } catch (error) {
        // One broken listener must not starve the others of events.
        console.error(`flagdeck: listener for "${event}" failed`, error);
      }
    }
  }
}
