// The names of the contract's calls and events as plain lists, for the sandboxed preload, which
// cannot load zod. api.ts checks at compile time that these are exactly the contract's names.
export const callNames = [
  'workspace.open',
  'workspace.close',
  'workspace.info',
  'workspace.recent',
  'workspace.pickFolder',
  'samples.query',
  'samples.get',
  'samples.facets',
  'review.edit',
  'review.undo',
  'review.redo',
  'review.options',
  'review.setOptions',
  'media.url',
  'file.reveal',
  'hubToken.status',
  'hubToken.set',
  'hubToken.clear',
  'export.summary',
  'export.start',
  'export.cancel',
  'review.history',
] as const;

export const eventNames = [
  'rowsAppended',
  'logAdded',
  'logReset',
  'indexProgress',
  'workspaceChanged',
  'reviewChanged',
  'menuCommand',
  'exportProgress',
  'exportFinished',
  'assetsArrived',
] as const;
