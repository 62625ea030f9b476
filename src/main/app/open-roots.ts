// Which folders a host lets its callers open. The desktop app opens anything its user picks;
// `flagdeck serve` opens only folders under the roots named on its command line (anyone holding
// the token could otherwise read `/etc` through /media, or have a journal written into any folder).
import { realpath } from 'node:fs/promises';
import { sep } from 'node:path';
import { forbidden, notFound } from '../../shared/call-errors';

export interface OpenPolicy {
  /** Throws (forbidden / not found, naming the path) when `path` may not be opened. */
  check(path: string): Promise<void>;
  /** Whether `path` may be opened (for lists such as recent folders). */
  allows(path: string): Promise<boolean>;
  /** How the policy reads, for messages and the serve banner. */
  describe(): string;
}

export const openAnywhere: OpenPolicy = {
  check: async () => undefined,
  allows: async () => true,
  describe: () => 'any folder',
};

function inside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
}

async function real(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw notFound(`${path} does not exist`);
    if (code === 'EACCES' || code === 'EPERM') throw forbidden(`${path}: cannot read this folder (${code})`);
    throw error;
  }
}

/** Folders under `roots` only, judged by their real paths (a symlink under a root that leads out is refused). */
export async function openUnder(roots: string[]): Promise<OpenPolicy> {
  const realRoots = await Promise.all(roots.map(real));
  const listed = roots.join(', ');
  const allows = async (path: string): Promise<boolean> => {
    const resolved = await real(path);
    return realRoots.some((root) => inside(resolved, root));
  };
  return {
    allows: (path) => allows(path).catch(() => false),
    async check(path) {
      if (await allows(path)) return;
      throw forbidden(
        `${path} is outside the folders this server may open (${listed}): name it on the command line (flagdeck serve <folder>…), or start the server with --allow-open-anywhere`,
      );
    },
    describe: () => `folders under ${listed}`,
  };
}
