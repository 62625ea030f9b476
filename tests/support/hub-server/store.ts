// The server's state: repos with their commits (one file map per commit, so reads at a commit sha
// work as on the Hub), and each repo's LFS objects.
import { gitBlobOid, lfsPointer, newCommitOid, sha256Hex } from './git-oid';
import { DEFAULT_GITATTRIBUTES } from './upload-mode';

export type RepoType = 'model' | 'dataset' | 'space';

export interface StoredFile {
  size: number;
  /** Git blob id: of the bytes for a regular file, of the pointer for an LFS file. */
  oid: string;
  /** Bytes of a regular file. */
  content?: Buffer;
  lfs?: { oid: string; size: number; pointerSize: number };
}

export interface Commit {
  oid: string;
  parent?: string;
  title: string;
  description: string;
  date: string;
  files: Map<string, StoredFile>;
}

export interface Repo {
  type: RepoType;
  id: string;
  private: boolean;
  createdAt: string;
  commits: Map<string, Commit>;
  /** Commit oids in order, oldest first. */
  history: string[];
  branches: Map<string, string>;
  lfs: Map<string, Buffer>;
}

export function regularFile(content: Buffer): StoredFile {
  return { size: content.length, oid: gitBlobOid(content), content };
}

export function lfsFile(oid: string, size: number): StoredFile {
  const pointer = lfsPointer(oid, size);
  return { size, oid: gitBlobOid(pointer), lfs: { oid, size, pointerSize: pointer.length } };
}

export class HubStore {
  readonly repos = new Map<string, Repo>();

  key(type: RepoType, id: string): string {
    return `${type}:${id}`;
  }

  get(type: RepoType, id: string): Repo | undefined {
    return this.repos.get(this.key(type, id));
  }

  /** A new repo with its first commit holding the default `.gitattributes`, as the Hub makes. */
  create(type: RepoType, id: string, isPrivate: boolean): Repo {
    const repo: Repo = {
      type,
      id,
      private: isPrivate,
      createdAt: new Date().toISOString(),
      commits: new Map(),
      history: [],
      branches: new Map(),
      lfs: new Map(),
    };
    this.repos.set(this.key(type, id), repo);
    const files = new Map([['.gitattributes', regularFile(Buffer.from(DEFAULT_GITATTRIBUTES))]]);
    this.addCommit(repo, 'main', { title: 'initial commit', description: '', files });
    return repo;
  }

  head(repo: Repo, branch = 'main'): Commit | undefined {
    const oid = repo.branches.get(branch);
    return oid === undefined ? undefined : repo.commits.get(oid);
  }

  /** A branch name or a commit sha (full), as the Hub accepts in `{rev}`. */
  resolveRevision(repo: Repo, revision: string): Commit | undefined {
    return this.head(repo, revision === 'HEAD' ? 'main' : revision) ?? repo.commits.get(revision);
  }

  addCommit(
    repo: Repo,
    branch: string,
    change: { title: string; description: string; files: Map<string, StoredFile> },
  ): Commit {
    const parent = repo.branches.get(branch);
    const commit: Commit = {
      oid: newCommitOid(repo.id),
      parent,
      title: change.title,
      description: change.description,
      date: new Date().toISOString(),
      files: change.files,
    };
    repo.commits.set(commit.oid, commit);
    repo.history.push(commit.oid);
    repo.branches.set(branch, commit.oid);
    return commit;
  }

  /** A commit made outside any client (another user pushing meanwhile): tests use it. */
  commitDirect(repo: Repo, files: Record<string, string | Buffer>, title = 'someone else'): Commit {
    const next = new Map(this.head(repo)?.files);
    for (const [path, value] of Object.entries(files)) {
      const bytes = typeof value === 'string' ? Buffer.from(value) : value;
      if (bytes.includes(0)) {
        const oid = sha256Hex(bytes);
        repo.lfs.set(oid, bytes);
        next.set(path, lfsFile(oid, bytes.length));
      } else next.set(path, regularFile(bytes));
    }
    return this.addCommit(repo, 'main', { title, description: '', files: next });
  }

  /** The bytes of a stored file (regular content, or the LFS object it points to). */
  bytesOf(repo: Repo, file: StoredFile): Buffer | undefined {
    return file.content ?? (file.lfs ? repo.lfs.get(file.lfs.oid) : undefined);
  }
}
