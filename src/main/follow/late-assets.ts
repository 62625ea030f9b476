// Files that arrive after their row: Gradio writes the file, then the row, but a copy or a sync can
// bring the file later. Rows shown with a missing file are remembered, and each follow poll decodes
// their cells again; the ids of rows where a file turned up are returned, for the UI to re-fetch.
import type { Column, FolderContext, GradioReader } from '../gradio/log-model';

/** A cell of a row that was shown with missing files, and how many. */
export interface MissingCell {
  raw: string;
  column: Column;
  context: FolderContext;
  missing: number;
}

/** Rows remembered at most (the most recently shown win). */
const MAX_ROWS = 2000;

export class LateAssets {
  private readonly waiting = new Map<string, MissingCell[]>();
  private checking = false;

  /** A row was shown: remember its cells with missing files, or forget it when it has none. */
  note(id: string, cells: MissingCell[]): void {
    this.waiting.delete(id);
    if (cells.length === 0) return;
    if (this.waiting.size >= MAX_ROWS) {
      const oldest = this.waiting.keys().next();
      if (!oldest.done) this.waiting.delete(oldest.value);
    }
    this.waiting.set(id, cells);
  }

  /** The ids of remembered rows where some missing file is now found (each reported once). */
  async arrived(reader: GradioReader): Promise<string[]> {
    if (this.checking || this.waiting.size === 0) return [];
    this.checking = true;
    try {
      const ids: string[] = [];
      for (const [id, cells] of [...this.waiting]) {
        const now = await Promise.all(cells.map((cell) => stillMissing(reader, cell)));
        if (now.every((missing, index) => missing >= cells[index].missing)) continue;
        ids.push(id);
        const left = cells
          .map((cell, index) => ({ ...cell, missing: now[index] }))
          .filter((cell) => cell.missing > 0);
        if (left.length > 0) this.waiting.set(id, left);
        else this.waiting.delete(id);
      }
      return ids;
    } finally {
      this.checking = false;
    }
  }
}

async function stillMissing(reader: GradioReader, cell: MissingCell): Promise<number> {
  const decoded = await reader.decodeCell(cell.raw, cell.column, cell.context);
  return decoded.assets.filter((asset) => asset.status === 'missing').length;
}
