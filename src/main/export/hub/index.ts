// The Hub push: a staged dataset layout to a Hub dataset repo with the official client.
export { pushDataset, HUB_FORMATS } from './push-dataset';
export { checkRepoId } from './repo-id';
export { checkHubUrl, DEFAULT_HUB_URL } from './hub-url';
export type { HubFormat, PushRequest, PushResult } from './push-dataset';
export type { PushProgress, PushPhase } from './push-progress';
export { PushError } from './push-error';
export { findHubToken, missingTokenMessage, tokenFilePath } from './token';
export type { HubToken, TokenSource } from './token';
export type { RetryNotice } from './hub-fetch';
export { pushSelection } from './push-selection';
export type { PushSelectionRequest, PushSelectionResult, PushJobProgress } from './push-selection';
