// The reader over every folder real Gradio wrote (tests/fixtures/gradio/<version>/, see generate.py),
// checked against what the generator recorded in each version's manifest.json.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLog } from '../../../src/main/gradio/read-log';
import { FolderReader } from '../../../src/main/gradio/reader';
import type { Cell, ColumnKind, LogLayout } from '../../../src/shared/model';
import {
  kindForComponent,
  type ManifestCell,
  type ManifestLog,
  type VersionManifest,
} from './fixture-manifest';

const FIXTURES = join(__dirname, '../../fixtures/gradio');
const versions = readdirSync(FIXTURES)
  .filter((name) => /^\d+\.\d+\.\d+$/.test(name) && existsSync(join(FIXTURES, name, 'manifest.json')))
  .sort();

function layoutFor(log: ManifestLog, version: string): LogLayout {
  if (log.format === 'jsonl') return 'hf-saver-jsonl';
  switch (log.callback) {
    case 'SimpleCSVLogger':
      return 'simple';
    case 'ChatCSVLogger':
      return 'chat';
    case 'HuggingFaceDatasetSaver':
      return 'hf-saver';
    case 'CSVLogger':
      return Number(version.split('.')[0]) >= 5 ? 'dataset' : 'csv-logger';
    default:
      return 'csv-logger';
  }
}

/** ChatCSVLogger's header names 5 columns over 4 cells; the reader names what the cells hold. */
const CHAT_COLUMNS = ['conversation', 'index', 'value', 'timestamp'];

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

const TEXT_COMPONENTS = new Set(['Textbox', 'Radio', 'Dropdown']);

/** What a recorded value must look like once decoded, where Gradio kept it recoverable. */
function expectDecoded(cell: Cell, recorded: ManifestCell, where: string): void {
  const value = recorded.value;
  if (value === null || value === undefined) return;
  if (typeof value === 'number' || typeof value === 'boolean') {
    expect(cell.value, where).toBe(value);
  } else if (recorded.component === 'Label' && typeof value === 'string') {
    expect(cell.value, where).toMatchObject({ label: value });
  } else if (
    typeof value === 'string' &&
    (recorded.component === null || TEXT_COMPONENTS.has(recorded.component))
  ) {
    // 4.22+ re-serialises text that parses as JSON (`1.50` → `1.5`): only the rest is kept verbatim.
    if (!looksLikeJson(value))
      expect(cell.text.replaceAll('\r\n', '\n'), where).toBe(value.replaceAll('\r\n', '\n'));
  } else if (Array.isArray(value) && value.every((item) => typeof item === 'string') && !recorded.files) {
    expect(cell.value, where).toEqual(value);
  } else if (recorded.component === 'JSON') {
    expect(cell.value, where).toEqual(value);
  }
}

function looksLikeJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe.each(versions)('Gradio %s fixtures', (version) => {
  const manifest = JSON.parse(
    readFileSync(join(FIXTURES, version, 'manifest.json'), 'utf8'),
  ) as VersionManifest;
  const logs = manifest.cases.flatMap((fixture) =>
    fixture.logs.map(
      (log) =>
        [
          `${fixture.case}/${log.file}`,
          join(FIXTURES, version, fixture.case, fixture.flaggingDir),
          log,
        ] as const,
    ),
  );

  it.each(manifest.cases.map((fixture) => [fixture.case, fixture] as const))(
    '%s: finds exactly its logs',
    async (_name, fixture) => {
      const root = join(FIXTURES, version, fixture.case, fixture.flaggingDir);
      const found = await new FolderReader().findLogs(root);
      expect([...found].sort()).toEqual(fixture.logs.map((log) => log.file).sort());
    },
  );

  it.each(logs)('%s', async (name, root, log) => {
    const reader = new FolderReader();
    const { shape, rows, errors } = await readLog(reader, root, log.file);
    expect(errors, name).toEqual([]);
    expect(shape.layout).toBe(layoutFor(log, version));
    expect(rows).toHaveLength(log.rows.length);
    // Manifest cells are the components' values; the HF saver adds `<label> file` URL columns between them.
    const componentCells = log.columns.flatMap((column, index) => (column.component === null ? [] : [index]));
    const names = log.callback === 'ChatCSVLogger' ? CHAT_COLUMNS : log.columns.map((column) => column.name);
    if (!log.headerless)
      expect(shape.columns.slice(0, names.length).map((column) => column.name)).toEqual(names);
    if (log.callback === 'ChatCSVLogger') {
      expect(shape.columns.map((column) => column.kind)).toEqual(['chat', 'number', 'flag', 'timestamp']);
    } else {
      log.columns.forEach((column, index) => {
        const kind: ColumnKind | undefined = kindForComponent(
          column,
          componentCells.indexOf(index),
          log.rows,
        );
        if (kind) expect(shape.columns[index]?.kind, `kind of ${column.name}`).toBe(kind);
      });
    }
    rows.forEach((row, rowIndex) => {
      const recorded = log.rows[rowIndex];
      // Roles sit at the header's positions only in rows as wide as the header.
      const fullWidth = row.cells.length === shape.header?.length;
      if (fullWidth && shape.roles.flag !== undefined && recorded.flagOption !== null) {
        expect(row.cells[shape.roles.flag]?.text ?? '', `flag of row ${rowIndex + 1}`).toBe(
          recorded.flagOption,
        );
      }
      if (fullWidth && shape.roles.username !== undefined && recorded.username !== null) {
        expect(row.cells[shape.roles.username]?.text, `username of row ${rowIndex + 1}`).toBe(
          recorded.username,
        );
      }
      recorded.cells.forEach((cellRecord, cellIndex) => {
        const where = `row ${rowIndex + 1} cell ${cellIndex + 1} (${cellRecord.component})`;
        const cell = row.cells[componentCells[cellIndex] ?? cellIndex];
        expect(cell, where).toBeDefined();
        expectDecoded(cell, cellRecord, where);
        const resolved = cell.assets.filter((asset) => asset.status === 'resolved');
        const hashes = new Set(resolved.map((asset) => sha256(join(root, asset.path ?? ''))));
        // Chat messages keep Gradio's temp-cache paths: nothing was copied for them (generator README).
        if (cellRecord.component === 'Chatbot') return;
        for (const file of cellRecord.files ?? []) {
          if (file.foundInFlaggingDir === false) continue;
          expect(hashes.has(file.sha256), `${where}: ${file.source} resolves to a file with its sha256`).toBe(
            true,
          );
        }
      });
    });
  });
});
