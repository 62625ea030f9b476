// The layer order of src/ (README "How it is built"), checked on resolved import paths by
// eslint-plugin-boundaries. A room may import the rooms of the layers below its own, never one of
// its own layer or above: what two rooms of one layer share belongs one layer down.
// Rooms listed before their folder exists (export, replay) are where the next capabilities go.
const mainLayers = [
  ['platform'],
  ['gradio'],
  ['scan', 'review', 'media'],
  ['log-index'],
  ['query', 'follow'],
  ['workspace'],
  ['export', 'replay'],
  ['app'],
  ['host'],
  ['cli'],
];

// The renderer: features never import each other; what they share sits in `common`.
const rendererLayers = [
  ['renderer-api'],
  ['renderer-common', 'renderer-components'],
  ['renderer-feature'],
  ['renderer-app'],
  ['renderer-entry'],
];

// Descriptors are tried in order: a file outside every room falls through to its folder's entry.
const element = (type, pattern, capture) => ({
  type,
  pattern,
  partialMatch: false,
  ...(capture && { capture }),
});

const mainElements = mainLayers.flat().map((room) => element(room, `src/main/${room}`));

export const layerElements = [
  element('shared', 'src/shared'),
  ...mainElements,
  element('main-entry', 'src/main'),
  element('preload', 'src/preload'),
  element('renderer-api', 'src/renderer/src/api'),
  element('renderer-common', 'src/renderer/src/common'),
  element('renderer-components', 'src/renderer/src/components'),
  element('renderer-feature', 'src/renderer/src/features/*', ['feature']),
  element('renderer-app', 'src/renderer/src/app'),
  element('renderer-entry', 'src/renderer/src'),
];

const below = (layers, index) => ['shared', ...layers.slice(0, index).flat()];

const allowed = (from, to) => ({
  from: { element: { type: from } },
  allow: { to: { element: { types: { anyOf: to } } } },
});

export const layerPolicies = [
  ...mainLayers.flatMap((rooms, index) => rooms.map((room) => allowed(room, below(mainLayers, index)))),
  allowed('main-entry', ['shared', ...mainLayers.flat()]),
  allowed('preload', ['shared']),
  ...rendererLayers.flatMap((rooms, index) =>
    rooms.map((room) => allowed(room, below(rendererLayers, index))),
  ),
];
