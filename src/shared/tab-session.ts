// A browser tab of `flagdeck serve` names itself with each call, so the server can keep per-tab
// state (the undo history) apart from other tabs on the same token.

/** The request header carrying the tab's id. */
export const TAB_HEADER = 'x-flagdeck-tab';

/** What a tab id may look like (the renderer makes a UUID): anything else is ignored. */
const TAB_ID = /^[A-Za-z0-9-]{8,64}$/;

/** The undo session of a tab, or undefined for a missing or malformed id. */
export function tabSession(id: unknown): string | undefined {
  return typeof id === 'string' && TAB_ID.test(id) ? `tab:${id}` : undefined;
}

/** The undo session of a desktop window (its web contents' id). */
export const windowSession = (id: number): string => `window:${id}`;
