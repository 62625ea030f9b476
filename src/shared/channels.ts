// IPC channel names, one place for both ends (the preload and the desktop host): one channel per
// call of the contract, and one for events.
export const channels = { event: 'flagdeck:event' } as const;

/** The `ipcMain.handle` channel of one call. */
export const callChannel = (name: string): string => `flagdeck:call:${name}`;
