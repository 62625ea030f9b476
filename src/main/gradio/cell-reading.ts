// Reads one cell by its content alone: escape undone, value parsed, file references resolved, and the
// kind the content suggests (the column's kind is the majority of these over sampled cells).
import { join } from 'node:path';
import type { AssetRef, Cell, ColumnKind, MediaKind } from '../../shared/model';
import type { AssetResolver, Resolution } from './asset-resolver';
import { undoInjectionEscape } from './injection-escape';
import { parseLooseJson } from './loose-json';
import { mediaByExtension } from './media-kind';
import { parsePythonLiteral } from './python-literal';
import { readGalleryCaptions, readSideJson, sniffMedia } from './side-files';
import { fileKind, kindOfValue, looksLikePath, pathsInValue } from './value-shape';

/** What reading a cell asks of a resolver (AssetResolver.forKinds gives one too). */
export type RefResolver = Pick<AssetResolver, 'resolve'>;

export interface CellReading {
  cell: Cell;
  /** What the content alone suggests; undefined for an empty cell. */
  kind: ColumnKind | undefined;
  /** A weak guess for an empty container (`[]`, `{}`): used only when no cell says more. */
  hint?: ColumnKind;
}

const BOOLEAN = /^(?:True|False|true|false)$/;
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export async function readCell(raw: string, resolver: RefResolver, logDir: string): Promise<CellReading> {
  const text = undoInjectionEscape(raw);
  const trimmed = text.trim();
  const plain = (kind: ColumnKind | undefined, value?: unknown): CellReading => ({
    cell: value === undefined ? { raw, text, assets: [] } : { raw, text, value, assets: [] },
    kind,
  });
  if (trimmed === '' || trimmed === 'null' || trimmed === 'None') return plain(undefined);
  if (BOOLEAN.test(trimmed)) return plain('boolean', trimmed.toLowerCase() === 'true');
  if (NUMBER.test(trimmed)) return plain('number', Number(trimmed));
  if (/^[[{(]/.test(trimmed)) {
    const parsed = listEscapesUndone(parseLooseJson(trimmed)) ?? pythonValue(trimmed);
    if (parsed) return structured(raw, text, parsed.value, resolver, logDir);
  }
  if (looksLikePath(trimmed)) return pathCell(raw, text, trimmed, resolver, logDir);
  return plain('text');
}

/**
 * Gradio 3.x escaped each list element before writing the list's repr, which is JSON-compatible when
 * every string needed double quotes (`["'-a", 'b']` → `["'=c"]`). Undo it in lists of strings.
 */
function listEscapesUndone(parsed: { value: unknown } | undefined): { value: unknown } | undefined {
  if (!parsed || !Array.isArray(parsed.value) || !parsed.value.every((item) => typeof item === 'string'))
    return parsed;
  return { value: mapStrings(parsed.value, undoInjectionEscape) };
}

/** Gradio 3.x escaped each list element before writing the list's repr: undo it per string. */
function pythonValue(text: string): { value: unknown } | undefined {
  const parsed = parsePythonLiteral(text);
  return parsed && { value: mapStrings(parsed.value, undoInjectionEscape) };
}

function mapStrings(value: unknown, map: (text: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, map)]));
  }
  return value;
}

async function structured(
  raw: string,
  text: string,
  value: unknown,
  resolver: RefResolver,
  logDir: string,
): Promise<CellReading> {
  let kind = kindOfValue(value);
  const assets = await Promise.all(pathsInValue(value, kind).map((ref) => assetFor(ref, resolver, logDir)));
  // A FileData whose name has no known extension: its content decides.
  if (kind === 'file' && assets.length === 1 && assets[0].status === 'resolved') {
    kind = mediaKind(assets[0].media);
  }
  const cell: Cell = { raw, text, value, assets };
  const empty = kind === undefined && value !== null && typeof value === 'object';
  return empty ? { cell, kind, hint: 'json' } : { cell, kind };
}

async function pathCell(
  raw: string,
  text: string,
  path: string,
  resolver: RefResolver,
  logDir: string,
): Promise<CellReading> {
  const found = await resolver.resolve(path, logDir);
  if (found.status !== 'resolved') {
    // Unresolved text with a separator but no known extension is more likely prose ("and/or").
    const media = mediaByExtension(path);
    if (!media) return { cell: { raw, text, assets: [] }, kind: 'text' };
    return {
      cell: { raw, text, assets: [{ ref: path, status: found.status, media }] },
      kind: fileKind(path),
    };
  }
  if (found.directory) return galleryDirectory(raw, text, path, found, resolver, logDir);
  const asset = await resolvedAsset(path, found);
  if (asset.media === 'json') {
    const side = await readSideJson(found.absolute, found.size);
    if (side) {
      const inner = await structured(raw, text, side.value, resolver, logDir);
      return { cell: { ...inner.cell, assets: [asset, ...inner.cell.assets] }, kind: inner.kind ?? 'json' };
    }
  }
  return { cell: { raw, text, assets: [asset] }, kind: mediaKind(asset.media) };
}

/** Gradio 3.x Gallery: a directory holding `captions.json` and the images it names. */
async function galleryDirectory(
  raw: string,
  text: string,
  path: string,
  found: Extract<Resolution, { status: 'resolved' }>,
  resolver: RefResolver,
  logDir: string,
): Promise<CellReading> {
  const captionsFile = await resolver.resolve(join(found.absolute, 'captions.json'), logDir);
  const captions = captionsFile.status === 'resolved' ? await readGalleryCaptions(found.absolute) : undefined;
  if (!captions) return { cell: { raw, text, assets: [] }, kind: 'file' };
  const assets = await Promise.all(Object.keys(captions).map((ref) => assetFor(ref, resolver, logDir)));
  return { cell: { raw, text: path, value: captions, assets }, kind: 'gallery' };
}

export async function assetFor(ref: string, resolver: RefResolver, logDir: string): Promise<AssetRef> {
  const found = await resolver.resolve(ref, logDir);
  if (found.status === 'resolved') return resolvedAsset(ref, found);
  return { ref, status: found.status, media: mediaByExtension(ref) ?? 'file' };
}

async function resolvedAsset(
  ref: string,
  found: Extract<Resolution, { status: 'resolved' }>,
): Promise<AssetRef> {
  const media = found.directory
    ? 'file'
    : (mediaByExtension(found.path) ?? (await sniffMedia(found.absolute)));
  return { ref, status: 'resolved', path: found.path, media, size: found.size };
}

function mediaKind(media: MediaKind): ColumnKind {
  return media === 'json' ? 'json' : media;
}
