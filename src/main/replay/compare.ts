// Whether the app's new answer is the flagged one, by the rule of the output's kind (stated in
// COMPARISON_RULES, which the UI shows): text and numbers exactly, labels by the top label, images
// by decoded pixels, audio by samples, chat by role and text of each message, JSON as a value.
import { join } from 'node:path';
import type { Cell } from '../../shared/model';
import { COMPARISON_RULES } from '../../shared/replay';
import { compareImages, imageComparisonText, sameAudio, sameBytes } from './media-compare';

export interface Comparison {
  same: boolean | null;
  rule: string;
  detail?: string;
}

export interface Replayed {
  component: string;
  value: unknown;
  /** Absolute paths of the output files saved for this output. */
  files: string[];
}

const TEXT_COMPONENTS = new Set(['Textbox', 'Markdown', 'Code', 'HTML', 'Radio', 'Dropdown', 'ColorPicker']);

export async function compareOutput(
  flagged: Cell | undefined,
  root: string,
  replayed: Replayed,
): Promise<Comparison> {
  if (!flagged) return { same: null, rule: 'no flagged column to compare with' };
  const { component } = replayed;
  if (component === 'Image' || component === 'AnnotatedImage')
    return compareImageOutput(flagged, root, replayed);
  if (component === 'Audio') return compareFileOutput(flagged, root, replayed, 'audio');
  if (component === 'Video' || component === 'File' || component === 'Model3D')
    return compareFileOutput(flagged, root, replayed, 'file');
  if (component === 'Label') return compareLabels(flagged, replayed.value);
  if (component === 'Chatbot') return compareChats(flagged, replayed.value);
  if (component === 'Number' || component === 'Slider') {
    const same = Number(flagged.text) === Number(replayed.value);
    return { same, rule: COMPARISON_RULES.number ?? '' };
  }
  if (TEXT_COMPONENTS.has(component) || typeof replayed.value === 'string') {
    return { same: flagged.text === textOf(replayed.value), rule: COMPARISON_RULES.text ?? '' };
  }
  return {
    same: canonical(flagged.value ?? parsed(flagged.text)) === canonical(replayed.value),
    rule: COMPARISON_RULES.json ?? '',
  };
}

function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function flaggedFile(flagged: Cell, root: string): string | undefined {
  const asset = flagged.assets.find((ref) => ref.status === 'resolved' && ref.path !== undefined);
  return asset?.path === undefined ? undefined : join(root, asset.path);
}

async function compareImageOutput(flagged: Cell, root: string, replayed: Replayed): Promise<Comparison> {
  const rule = COMPARISON_RULES.image ?? '';
  const before = flaggedFile(flagged, root);
  const after = replayed.files[0];
  if (!before || !after)
    return { same: before === after ? true : false, rule, detail: presence(before, after) };
  const comparison = await compareImages(before, after);
  return { same: comparison.samePixels, rule, detail: imageComparisonText(comparison) };
}

async function compareFileOutput(
  flagged: Cell,
  root: string,
  replayed: Replayed,
  kind: 'audio' | 'file',
): Promise<Comparison> {
  const rule = COMPARISON_RULES[kind] ?? '';
  const before = flaggedFile(flagged, root);
  const after = replayed.files[0];
  if (!before || !after)
    return { same: before === after ? true : false, rule, detail: presence(before, after) };
  const same = kind === 'audio' ? await sameAudio(before, after) : await sameBytes(before, after);
  return { same, rule };
}

function presence(before: string | undefined, after: string | undefined): string {
  if (!before && !after) return 'no file before or after';
  return before ? 'the app returned no file' : 'the flagged sample had no file';
}

interface LabelValue {
  label?: unknown;
  confidences?: { label?: unknown; confidence?: unknown }[] | null;
}

function topLabel(value: unknown): string | null {
  const label = (typeof value === 'string' ? parsed(value) : value) as LabelValue | null;
  if (!label || typeof label !== 'object') return typeof value === 'string' ? value : null;
  if (label.label !== undefined && label.label !== null) return String(label.label);
  const best = [...(label.confidences ?? [])].sort((a, b) => Number(b.confidence) - Number(a.confidence))[0];
  return best?.label === undefined ? null : String(best.label);
}

function compareLabels(flagged: Cell, replayed: unknown): Comparison {
  const before = topLabel(flagged.value ?? flagged.text);
  const after = topLabel(replayed);
  return { same: before === after, rule: COMPARISON_RULES.label ?? '', detail: `${before} → ${after}` };
}

interface Message {
  role: string;
  text: string;
}

/** Messages format (`role`, `content`) and the older tuples format, reduced to role and text. */
export function chatMessages(value: unknown): Message[] {
  const list = typeof value === 'string' ? parsed(value) : value;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item): Message[] => {
    if (Array.isArray(item)) {
      return [
        { role: 'user', text: contentText(item[0]) },
        { role: 'assistant', text: contentText(item[1]) },
      ];
    }
    if (item && typeof item === 'object' && 'role' in item) {
      const message = item as { role: unknown; content?: unknown };
      return [{ role: String(message.role), text: contentText(message.content) }];
    }
    return [];
  });
}

function contentText(content: unknown): string {
  if (content === null || content === undefined) return '';
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map(contentText).join('');
  if (typeof content === 'object') {
    const part = content as { text?: unknown; type?: unknown; path?: unknown; file?: { path?: unknown } };
    if (typeof part.text === 'string') return part.text;
    const path = part.path ?? part.file?.path;
    if (typeof path === 'string') return `[file ${path.split(/[\\/]/).pop() ?? ''}]`;
  }
  return JSON.stringify(content);
}

function compareChats(flagged: Cell, replayed: unknown): Comparison {
  const before = chatMessages(flagged.value ?? flagged.text);
  const after = chatMessages(replayed);
  return { same: canonical(before) === canonical(after), rule: COMPARISON_RULES.chat ?? '' };
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** JSON with object keys sorted, so key order does not make two values differ. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b)))
      : item,
  );
}
