// Reads the structured values Gradio writes into cells (label, chat, dataframe, highlighted text,
// gallery), era by era, into the few shapes the previews draw. Anything unexpected gives `null`,
// and the preview falls back to the cell's text.
import type { Cell } from '../../../shared/model';

type Json = unknown;

const isRecord = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The cell's parsed value, parsing its text when the reader left it as text. */
export function cellValue(cell: Cell): Json {
  if (cell.value !== undefined) return cell.value;
  const text = cell.text.trim();
  if (!text || !'[{'.includes(text[0])) return undefined;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}

export interface LabelValue {
  label: string | null;
  confidences: { label: string; confidence: number }[];
}

export function parseLabel(value: Json, text: string): LabelValue | null {
  if (isRecord(value) && ('label' in value || 'confidences' in value)) {
    const list = Array.isArray(value.confidences) ? value.confidences : [];
    const confidences = list.filter(isRecord).map((c) => ({
      label: String(c.label ?? ''),
      confidence: Number(c.confidence ?? 0),
    }));
    return { label: value.label == null ? null : String(value.label), confidences };
  }
  // Gradio 2.x wrote a flat {class: confidence} map.
  if (isRecord(value) && Object.values(value).every((v) => typeof v === 'number')) {
    const confidences = Object.entries(value).map(([label, confidence]) => ({
      label,
      confidence: Number(confidence),
    }));
    confidences.sort((a, b) => b.confidence - a.confidence);
    return { label: confidences[0]?.label ?? null, confidences };
  }
  return text.trim() ? { label: text.trim(), confidences: [] } : null;
}

export type ChatPart = { kind: 'text'; text: string } | { kind: 'file'; ref: string };
export interface ChatMessage {
  role: 'user' | 'assistant' | 'system';
  parts: ChatPart[];
}

function contentParts(content: Json): ChatPart[] {
  if (content == null) return [];
  if (typeof content === 'string') return [{ kind: 'text', text: content }];
  if (Array.isArray(content)) {
    // 5.x file messages: [path] or [path, alt text]; 6.x: a list of typed parts.
    if (
      content.length <= 2 &&
      content.every((c) => typeof c === 'string') &&
      typeof content[0] === 'string'
    ) {
      return [{ kind: 'file', ref: content[0] }];
    }
    return content.flatMap(contentParts);
  }
  if (isRecord(content)) {
    if (typeof content.text === 'string') return [{ kind: 'text', text: content.text }];
    const file = content.file ?? content.path;
    if (typeof file === 'string') return [{ kind: 'file', ref: file }];
    if (isRecord(file) && typeof file.path === 'string') return [{ kind: 'file', ref: file.path }];
    // 3.x file messages: `{name, mime_type, alt_text, data, is_file}`.
    if (typeof content.name === 'string' && ('is_file' in content || 'mime_type' in content))
      return [{ kind: 'file', ref: content.name }];
  }
  return [{ kind: 'text', text: JSON.stringify(content) }];
}

/** Messages format (`[{role, content}]`) or tuples format (`[[user, bot], …]`). */
export function parseChat(value: Json): ChatMessage[] | null {
  if (!Array.isArray(value)) return null;
  const messages: ChatMessage[] = [];
  for (const item of value) {
    if (isRecord(item) && typeof item.role === 'string') {
      const role = item.role === 'user' || item.role === 'system' ? item.role : 'assistant';
      messages.push({ role, parts: contentParts(item.content) });
    } else if (Array.isArray(item) && item.length === 2) {
      if (item[0] != null) messages.push({ role: 'user', parts: contentParts(item[0]) });
      if (item[1] != null) messages.push({ role: 'assistant', parts: contentParts(item[1]) });
    } else {
      return null;
    }
  }
  return messages;
}

export interface DataframeValue {
  headers: string[];
  rows: string[][];
}

export function parseDataframe(value: Json): DataframeValue | null {
  if (!isRecord(value) || !Array.isArray(value.data)) return null;
  const headers = Array.isArray(value.headers) ? value.headers.map(String) : [];
  const rows = value.data.filter(Array.isArray).map((r) => r.map((c) => (c == null ? '' : String(c))));
  return { headers, rows };
}

export interface HighlightSpan {
  token: string;
  tag: string | number | null;
}

export function parseHighlight(value: Json): HighlightSpan[] | null {
  if (!Array.isArray(value)) return null;
  const spans: HighlightSpan[] = [];
  for (const item of value) {
    if (isRecord(item) && typeof item.token === 'string') {
      const tag = item.class_or_confidence;
      spans.push({ token: item.token, tag: typeof tag === 'string' || typeof tag === 'number' ? tag : null });
    } else if (Array.isArray(item) && typeof item[0] === 'string') {
      const tag = item[1];
      spans.push({ token: item[0], tag: typeof tag === 'string' || typeof tag === 'number' ? tag : null });
    } else {
      return null;
    }
  }
  return spans;
}

/**
 * Gallery captions keyed by the reference written in the cell: a list of `{image, caption}` (4.x
 * on), or 3.x's `captions.json` object, `{ "<image path>": caption | null }`.
 */
export function galleryCaptions(value: Json): Map<string, string> {
  const captions = new Map<string, string>();
  if (isRecord(value)) {
    for (const [ref, caption] of Object.entries(value))
      if (typeof caption === 'string' && caption !== '') captions.set(ref, caption);
    return captions;
  }
  if (!Array.isArray(value)) return captions;
  for (const item of value) {
    if (!isRecord(item) || typeof item.caption !== 'string') continue;
    const media = item.image ?? item.video;
    const ref = isRecord(media) ? media.path : media;
    if (typeof ref === 'string') captions.set(ref, item.caption);
  }
  return captions;
}

/**
 * Which message of a ChatCSVLogger conversation the like / dislike was given to: the log's `index`
 * is a message's position (messages format) or `[pair, side]` (5.x tuples format), counted here
 * in the messages `parseChat` makes. Null when it does not point at a message.
 */
export function feedbackMessage(value: Json, index: string): number | null {
  if (!Array.isArray(value)) return null;
  const text = index.trim();
  if (/^\d+$/.test(text)) {
    const at = Number(text);
    return at < value.length && !Array.isArray(value[at]) ? at : null;
  }
  const pair = /^\[\s*(\d+)\s*,\s*([01])\s*\]$/.exec(text);
  if (!pair) return null;
  const [row, side] = [Number(pair[1]), Number(pair[2])];
  let at = 0;
  for (let i = 0; i < value.length; i++) {
    const item = value[i];
    if (!Array.isArray(item) || item.length !== 2) return null;
    if (i === row) return item[side] == null ? null : at + (side === 1 && item[0] != null ? 1 : 0);
    at += (item[0] != null ? 1 : 0) + (item[1] != null ? 1 : 0);
  }
  return null;
}
