// A Hub repo id as the user types it: `owner/name`.
import { PushError } from './push-error';

const REPO_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,95}\/[A-Za-z0-9][A-Za-z0-9._-]{0,95}$/;

export function checkRepoId(repo: string): void {
  if (!REPO_ID.test(repo) || repo.includes('..')) {
    throw new PushError(`"${repo}" is not a Hub repo id: use owner/name (letters, digits, "-", "_", ".").`);
  }
}
