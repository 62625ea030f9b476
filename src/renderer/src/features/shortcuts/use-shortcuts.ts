// Routes key presses to actions, except while the reviewer types in a field.
import { useEffect, useEffectEvent } from 'react';
import { actionFor, type Action } from './keymap';

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useShortcuts(handle: (action: Action) => void): void {
  const onAction = useEffectEvent(handle);
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || typing(event.target)) return;
      // Space and Enter on a focused button keep their native meaning.
      if ((event.key === ' ' || event.key === 'Enter') && event.target instanceof HTMLButtonElement) return;
      // A focused player's own controls have already played or paused it: toggling again would undo that.
      if (event.key === ' ' && event.target instanceof HTMLMediaElement) return;
      const action = actionFor(event);
      if (!action) return;
      event.preventDefault();
      onAction(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
