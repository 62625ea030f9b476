// The desktop app's main-process entry. Everything Electron-specific lives in host/electron.ts.
import { startDesktopApp } from './host/electron';

startDesktopApp();
