// The files of a dataset layout written to a staging folder, as repo paths with their size, and
// the two hashes the Hub keys files by (sha256 for LFS objects, git blob sha1 for the tree).
import { createHash } from 'node:crypto';
import { fs } from '../../platform/node-fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export interface StagedFile {
  /** Path in the repo, forward slashes. */
  path: string;
  absolute: string;
  size: number;
}

export async function listStagedFiles(dir: string): Promise<StagedFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const absolute = join(entry.parentPath, entry.name);
        const path = relative(dir, absolute).split(sep).join('/');
        return { path, absolute, size: (await stat(absolute)).size };
      }),
  );
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

export interface FileHashes {
  sha256: string;
  gitOid: string;
}

/** One read of the file for both hashes. */
export async function hashFile(file: StagedFile): Promise<FileHashes> {
  const sha256 = createHash('sha256');
  const sha1 = createHash('sha1').update(`blob ${file.size}\0`);
  for await (const chunk of fs.createReadStream(file.absolute)) {
    sha256.update(chunk as Buffer);
    sha1.update(chunk as Buffer);
  }
  return { sha256: sha256.digest('hex'), gitOid: sha1.digest('hex') };
}
