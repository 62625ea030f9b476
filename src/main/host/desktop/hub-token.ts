// The Hub token's cipher: Electron's safeStorage (Keychain on macOS, DPAPI on Windows, the
// Secret Service or KWallet on Linux). Linux without a keyring would fall back to a fixed key,
// which is no protection: that counts as unavailable.
import { safeStorage } from 'electron';
import type { TokenCipher } from '../../app/hub-token';

export const keychainCipher: TokenCipher = {
  unavailableReason() {
    if (!safeStorage.isEncryptionAvailable()) return 'this system offers no keychain to encrypt it with';
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
      return 'no keyring service (GNOME Keyring or KWallet) is running';
    }
    return undefined;
  },
  encrypt: (plain) => safeStorage.encryptString(plain),
  decrypt: (encrypted) => safeStorage.decryptString(encrypted),
};
