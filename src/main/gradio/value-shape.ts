// What a parsed cell value is, by its shape (gradio-formats.md §6), and which file paths it holds.
import type { ColumnKind } from '../../shared/model';
import { mediaByExtension } from './media-kind';

type Json = unknown;
const isObject = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Keys whose string values are file paths in Gradio's data models (FileData, Video, ImageEditor…). */
export const PATH_KEYS: ReadonlySet<string> = new Set([
  'path',
  'video',
  'image',
  'file',
  'background',
  'composite',
  'layers',
  'files',
  'subtitles',
]);
/** Keys that name files but are not the copy Gradio made (dead temp URLs, upload names). */
const SKIPPED_KEYS = new Set(['url', 'orig_name', 'mime_type', 'meta']);
/** Shapes whose strings are data, never file references. */
const NO_FILES: ReadonlySet<ColumnKind> = new Set(['label', 'dataframe', 'highlight']);

/** A plausible file path: one line, not a URL, with a separator or a known media extension. */
export function looksLikePath(text: string): boolean {
  if (text.length === 0 || text.length > 1024 || /[\r\n]/.test(text) || URL_LIKE.test(text)) return false;
  return /[\\/]/.test(text) || mediaByExtension(text) !== undefined;
}

function everyItem(list: Json[], test: (item: Json) => boolean): boolean {
  return list.length > 0 && list.every(test);
}

const isMessage = (item: Json) => isObject(item) && 'role' in item && 'content' in item;
const isPair = (item: Json) => Array.isArray(item) && item.length === 2;
/** Untagged text between entities is what tells highlight pairs from `[user, bot]` chat pairs. */
const hasNoClass = (item: Json) => Array.isArray(item) && (item[1] === null || typeof item[1] === 'number');
/** Gradio 3.x HighlightedText pairs: `[token, class]`, the class a short label, a score or null. */
const isTokenPair = (item: Json) =>
  isPair(item) &&
  typeof (item as Json[])[0] === 'string' &&
  ((item as Json[])[1] === null ||
    typeof (item as Json[])[1] === 'number' ||
    (typeof (item as Json[])[1] === 'string' && /^\S{1,32}$/.test((item as Json[])[1] as string)));
const isToken = (item: Json) => isObject(item) && 'token' in item;
const isGalleryItem = (item: Json) => isObject(item) && ('image' in item || 'video' in item);
const isFileData = (item: Json) => isObject(item) && typeof item.path === 'string';
const isPathString = (item: Json) => typeof item === 'string' && looksLikePath(item);

/** The kind of a structured value; undefined for empty values (`[]`, `null`). */
export function kindOfValue(value: Json): ColumnKind | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return looksLikePath(value) ? fileKind(value) : 'text';
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    if (everyItem(value, isToken) || (everyItem(value, isTokenPair) && value.some(hasNoClass)))
      return 'highlight';
    if (everyItem(value, isMessage) || everyItem(value, isPair)) return 'chat';
    if (everyItem(value, isGalleryItem)) return 'gallery';
    if (everyItem(value, isFileData) || everyItem(value, isPathString)) return 'file';
    return 'json';
  }
  if (!isObject(value)) return 'json';
  if (Object.keys(value).length === 0) return undefined;
  if ('label' in value && ('confidences' in value || Object.keys(value).length === 1)) return 'label';
  if ('headers' in value && 'data' in value) return 'dataframe';
  if ('video' in value) return 'video';
  if (typeof value.path === 'string') return fileKind(value.path);
  if (value.is_file === true && typeof value.name === 'string') return fileKind(value.name);
  if ('background' in value && 'composite' in value) return 'image';
  if ('image' in value && 'annotations' in value) return 'image';
  if (isConfidenceMap(value)) return 'label';
  return 'json';
}

/** Gradio ≤ 3.1 wrote a Label as a flat `{class: confidence}` map. */
function isConfidenceMap(value: Record<string, Json>): boolean {
  const scores = Object.values(value);
  return scores.length > 0 && scores.every((score) => typeof score === 'number' && score >= 0 && score <= 1);
}

/** The column kind for a file, by extension (`json` side files are classified by their content). */
export function fileKind(path: string): ColumnKind {
  const media = mediaByExtension(path);
  return media === undefined || media === 'json' ? 'file' : media;
}

/** File paths inside a structured value, in order, without duplicates. */
export function pathsInValue(value: Json, kind: ColumnKind | undefined): string[] {
  if (kind && NO_FILES.has(kind)) return [];
  const found = new Set<string>();
  const visit = (node: Json, key: string | undefined): void => {
    if (typeof node === 'string') {
      const pathKey = key !== undefined && PATH_KEYS.has(key);
      if (pathKey ? node !== '' && !URL_LIKE.test(node) && !/[\r\n]/.test(node) : isFilePathInText(node)) {
        found.add(node);
      }
    } else if (Array.isArray(node)) {
      for (const item of node) visit(item, key);
    } else if (isObject(node)) {
      // Gradio 3.x file dicts (chat messages): `{"name": path, "is_file": true, …}`.
      if (node.is_file === true && typeof node.name === 'string') found.add(node.name);
      for (const [name, child] of Object.entries(node)) if (!SKIPPED_KEYS.has(name)) visit(child, name);
    }
  };
  visit(value, undefined);
  return [...found];
}

/** A first segment without spaces (or a root) before a separator: `C:\\…`, `/tmp/…`, `flagged/…`. */
const PATH_START = /^(?:[a-zA-Z]:[\\/]|[\\/]|[^\s\\/]+[\\/])/;

/** A string among other data (chat text, lists) counts as a path only if it reads like one throughout. */
function isFilePathInText(text: string): boolean {
  return looksLikePath(text) && PATH_START.test(text) && mediaByExtension(text) !== undefined;
}
