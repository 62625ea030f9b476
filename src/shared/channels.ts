// IPC channel names, one place for both ends (the preload and host/electron.ts).
export const channels = { call: 'flagdeck:call', event: 'flagdeck:event' } as const;
