// The desktop app's main-process entry. Everything Electron-specific lives in host/desktop/.
import { startDesktopApp } from './host/desktop/start';

startDesktopApp();
