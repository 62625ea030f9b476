// Auto-advance: after a triage key on one sample, go to the next unreviewed one (on by default, as
// in Prodigy). A preference of this browser / window, kept in its local storage.
import { useCallback, useState } from 'react';

const KEY = 'flagdeck.autoAdvance';

function stored(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

export interface AutoAdvance {
  on: boolean;
  set(on: boolean): void;
}

export function useAutoAdvance(): AutoAdvance {
  const [on, setOn] = useState(stored);
  const set = useCallback((next: boolean) => {
    setOn(next);
    try {
      globalThis.localStorage?.setItem(KEY, next ? 'on' : 'off');
    } catch {
      // No storage (a sandboxed page): the choice holds for this session.
    }
  }, []);
  return { on, set };
}
