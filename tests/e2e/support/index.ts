// e2e support: start `flagdeck serve`, find fixtures, copy folders to append to.
export { test, expect, writtenFolderServed, type Server } from './fixtures';
export { startServe, type ServeHandle, type ServeOptions } from './serve';
export { copyFolder, removeCopy, appendToLog, imageLogFolder } from './folders';
export { repoRoot, fixture, bundledFolder, realWorld, realWorldMissing } from './paths';
