// Which Gradio writer produced a log, from its name and first record (gradio-formats.md §4, §12.1).
import { basename } from 'node:path';
import type { ColumnKind, LogLayout } from '../../shared/model';
import type { LogShape } from './log-model';
import { undoInjectionEscape } from './injection-escape';

export interface LayoutReading {
  layout: LogLayout;
  /** The first record is a header (false for headerless SimpleCSVLogger logs). */
  hasHeader: boolean;
  /** Column names by position (escape undone); positions past them are unnamed. */
  names: string[];
  /** How many cells a well-formed row has. */
  width: number;
  roles: LogShape['roles'];
  /** Kinds fixed by the layout rather than inferred from content. */
  fixed: Map<number, ColumnKind>;
  warnings: string[];
}

const CHAT_HEADER = 'conversation,index,value,flag,timestamp';
const DATASET_FILE = /^dataset\d*\.csv$/i;

export function readLayout(file: string, first: string[] | undefined, quote: '"' | "'"): LayoutReading {
  if (!first) return headerless(0);
  const names = first.map(undoInjectionEscape);
  if (names.join(',') === CHAT_HEADER) return chat();
  const last = names.at(-1);
  if (last === 'timestamp') {
    const layout: LogLayout = DATASET_FILE.test(basename(file))
      ? 'dataset'
      : quote === '"' && names.slice(-3).join(',') === 'flag,username,timestamp'
        ? 'csv-logger'
        : 'legacy';
    return withHeader(layout, names, trailingRoles(names, ['flag', 'username', 'timestamp']), quote);
  }
  if (names.length >= 2 && names.slice(-2).join(',') === 'flag,username') {
    return withHeader('hf-saver', names, trailingRoles(names, ['flag', 'username']), quote);
  }
  // The git-based HF saver (≤ 3.28.1) wrote `<labels>,flag` only.
  if (basename(file) === 'data.csv' && last === 'flag') {
    return withHeader('hf-saver', names, trailingRoles(names, ['flag']), quote);
  }
  if (quote === "'") return withHeader('legacy', names, {}, quote);
  return headerless(first.length);
}

/** Roles of the trailing `flag` / `username` / `timestamp` names; a component labelled `username` elsewhere keeps its own kind. */
function trailingRoles(names: string[], order: ('flag' | 'username' | 'timestamp')[]): LogShape['roles'] {
  const roles: LogShape['roles'] = {};
  let position = names.length - 1;
  for (const role of [...order].reverse()) {
    if (names[position] === role) {
      roles[role] = position;
      position -= 1;
    }
  }
  return roles;
}

function withHeader(
  layout: LogLayout,
  names: string[],
  roles: LogShape['roles'],
  quote: '"' | "'",
): LayoutReading {
  const fixed = new Map<number, ColumnKind>();
  if (roles.flag !== undefined) fixed.set(roles.flag, 'flag');
  if (roles.username !== undefined) fixed.set(roles.username, 'username');
  if (roles.timestamp !== undefined) fixed.set(roles.timestamp, 'timestamp');
  const warnings = [...headerNameWarnings(names)];
  if (quote === "'") warnings.push("fields are quoted with ' (Gradio ≤ 3.1 log)");
  const anchor: LogShape['roles']['anchor'] = layout === 'dataset' ? 'timestamp-end' : 'end';
  const anchored = Object.keys(roles).length > 0 ? { ...roles, width: names.length, anchor } : roles;
  return { layout, hasHeader: true, names, width: names.length, roles: anchored, fixed, warnings };
}

function chat(): LayoutReading {
  return {
    layout: 'chat',
    hasHeader: true,
    names: ['conversation', 'index', 'value', 'timestamp'],
    width: 4,
    roles: { flag: 2, timestamp: 3 },
    fixed: new Map<number, ColumnKind>([
      [0, 'chat'],
      [1, 'number'],
      [2, 'flag'],
      [3, 'timestamp'],
    ]),
    warnings: [
      'ChatCSVLogger log: the header names 5 columns but rows hold 4 (conversation, index, feedback, time); ' +
        'the feedback under "value" is the flag and the time sits under "flag"',
    ],
  };
}

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const DATA_LIKE = /^[[{(]|[\\/]|\.[a-z0-9]{2,5}$/i;

/** A short label, as a header names a component: not a number, a path, JSON or several lines. */
function isName(cell: string): boolean {
  const text = cell.trim();
  return (
    text !== '' && text.length <= 64 && !NUMBER.test(text) && !DATA_LIKE.test(text) && !/[\r\n]/.test(text)
  );
}

/**
 * A log without Gradio's trailing columns whose first record is a header all the same: an
 * `examples=` directory's `log.csv` (`input,output` / `10,20`), which Gradio reads by taking the
 * first columns. The first record is all distinct names, and under at least one of them the data
 * holds what no name is (numbers, paths, JSON). A SimpleCSVLogger log of plain words stays headerless.
 */
export function examplesLayout(first: string[], data: string[][]): LayoutReading | undefined {
  const names = first.map(undoInjectionEscape);
  if (names.length === 0 || !names.every(isName) || new Set(names).size !== names.length) return undefined;
  const dataUnderName = names.some((_, index) =>
    data.some((cells) => cells[index] !== undefined && cells[index].trim() !== '' && !isName(cells[index])),
  );
  if (!dataUnderName) return undefined;
  return {
    ...withHeader('examples', names, {}, '"'),
    warnings: ['no flag or timestamp columns: an examples log (read with its header)'],
  };
}

function headerless(width: number): LayoutReading {
  return {
    layout: 'simple',
    hasHeader: false,
    names: [],
    width,
    roles: {},
    fixed: new Map(),
    warnings: width > 0 ? ['no header (SimpleCSVLogger log): columns are named by position'] : [],
  };
}

function headerNameWarnings(names: string[]): string[] {
  const warnings: string[] = [];
  const byName = new Map<string, number[]>();
  const byLower = new Map<string, Set<string>>();
  names.forEach((name, index) => {
    byName.set(name, [...(byName.get(name) ?? []), index + 1]);
    byLower.set(name.toLowerCase(), (byLower.get(name.toLowerCase()) ?? new Set()).add(name));
  });
  for (const [name, positions] of byName) {
    if (positions.length > 1)
      warnings.push(
        `header names "${name}" ${positions.length} times (columns ${positions.join(', ')}): columns are told apart by position`,
      );
  }
  for (const variants of byLower.values()) {
    if (variants.size > 1)
      warnings.push(`header names ${[...variants].map((v) => `"${v}"`).join(' and ')} differ only by case`);
  }
  return warnings;
}
