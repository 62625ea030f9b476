#!/usr/bin/env node
// `npm start`'s prestart: makes sure the Electron binary is present, downloading it once if not.
// Where it cannot be had, prints one message saying why and what to do instead, and exits 1.
import { electronExecutable, installElectron, unavailableMessage } from './electron-binary.mjs';

if (!electronExecutable()) {
  console.error('Flagdeck: downloading the Electron binary (once, about 100 MB)…');
  const result = await installElectron();
  if (!result.ok) {
    console.error(unavailableMessage(result.reason));
    process.exit(1);
  }
}
