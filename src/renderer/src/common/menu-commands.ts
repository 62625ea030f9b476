// Who answers the desktop app's menu items. A screen or dialog registers a handler for a command
// while it is shown (`useMenuCommand('export', open)`); the newest registration answers. The
// `menuCommand` event itself is routed here once, by app/use-menu-command-events.ts.
import { useEffect, useRef } from 'react';
import type { MenuCommand } from '../../../shared/api';

type Handler = (path?: string) => void;

const handlers = new Map<MenuCommand, Handler[]>();

/** Runs the newest handler of `command`; false when nothing on screen handles it. */
export function runMenuCommand(command: MenuCommand, path?: string): boolean {
  const stack = handlers.get(command);
  const handler = stack?.[stack.length - 1];
  if (!handler) return false;
  handler(path);
  return true;
}

/** Answers `command` with `handler` while the calling component is mounted. */
export function useMenuCommand(command: MenuCommand, handler: Handler): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const entry: Handler = (path) => latest.current(path);
    const stack = handlers.get(command) ?? [];
    handlers.set(command, [...stack, entry]);
    return () => {
      handlers.set(
        command,
        (handlers.get(command) ?? []).filter((h) => h !== entry),
      );
    };
  }, [command]);
}
