// Which log column feeds each input of an endpoint, and which holds the flagged value of each
// output. Gradio writes component labels as CSV headers, so labels propose the mapping; the user
// may change any pair. A mapping that names a column or an input that is not there is refused with
// both names, so the user sees what to fix.
import type { Column } from '../../shared/model';
import type { Endpoint, EndpointSlot, ReplayMapping } from '../../shared/replay';

const BOOKKEEPING = new Set(['flag', 'username', 'timestamp']);

export class MappingError extends Error {}

/** Columns a sample's content can be in (not flag / username / timestamp). */
export function contentColumns(columns: readonly Column[]): Column[] {
  return columns.filter((column) => !BOOKKEEPING.has(column.kind));
}

/** Labels first, then parameter names; each column used at most once. */
export function proposeMapping(endpoint: Endpoint, columns: readonly Column[]): ReplayMapping {
  const free = contentColumns(columns).map((column) => column.name);
  const take = (slot: EndpointSlot): string | undefined => {
    const wanted = [slot.label, slot.name].filter((name): name is string => !!name);
    const found = wanted
      .map((name) => free.find((column) => column === name) ?? free.find((c) => sameWords(c, name)))
      .find((column) => column !== undefined);
    if (found) free.splice(free.indexOf(found), 1);
    return found;
  };
  const inputs: Record<string, string> = {};
  for (const slot of endpoint.inputs) {
    const column = take(slot);
    if (column) inputs[slot.label] = column;
  }
  const outputs: Record<string, string> = {};
  for (const slot of endpoint.outputs) {
    const column = take(slot);
    if (column) outputs[slot.label] = column;
  }
  return { inputs, outputs };
}

function sameWords(a: string, b: string): boolean {
  const words = (s: string) =>
    s
      .toLowerCase()
      .replace(/[\s_-]+/g, ' ')
      .trim();
  return words(a) === words(b);
}

/** `--map column=input` pairs over the proposal (an output label may be named too). */
export function applyOverrides(
  proposal: ReplayMapping,
  overrides: readonly { column: string; slot: string }[],
  endpoint: Endpoint,
): ReplayMapping {
  const inputs = { ...proposal.inputs };
  const outputs = { ...proposal.outputs };
  for (const { column, slot } of overrides) {
    if (endpoint.inputs.some((input) => input.label === slot)) inputs[slot] = column;
    else if (endpoint.outputs.some((output) => output.label === slot)) outputs[slot] = column;
    else {
      throw new MappingError(
        `--map ${column}=${slot}: "${slot}" is not an input or output of ${endpoint.apiName} ` +
          `(inputs: ${listOf(endpoint.inputs.map((s) => s.label))}; outputs: ${listOf(endpoint.outputs.map((s) => s.label))})`,
      );
    }
  }
  return { inputs, outputs };
}

/** Every input has a column that the log has; every named output too. Throws naming both sides. */
export function checkMapping(
  mapping: ReplayMapping,
  endpoint: Endpoint,
  columns: readonly Column[],
  log: string,
): void {
  const names = contentColumns(columns).map((column) => column.name);
  const known = (column: string) => columns.some((c) => c.name === column);
  for (const slot of endpoint.inputs) {
    const column = mapping.inputs[slot.label];
    if (column === undefined) {
      throw new MappingError(
        `input "${slot.label}" of ${endpoint.apiName} has no column in ${log}; ` +
          `map one with --map <column>=${slot.label} (columns: ${listOf(names)})`,
      );
    }
    if (!known(column)) {
      throw new MappingError(
        `column "${column}" (mapped to input "${slot.label}") is not in ${log} (columns: ${listOf(names)})`,
      );
    }
  }
  for (const [label, column] of Object.entries(mapping.inputs)) {
    if (!endpoint.inputs.some((slot) => slot.label === label)) {
      throw new MappingError(
        `input "${label}" (mapped from column "${column}") is not an input of ${endpoint.apiName} ` +
          `(inputs: ${listOf(endpoint.inputs.map((s) => s.label))})`,
      );
    }
  }
  for (const [label, column] of Object.entries(mapping.outputs)) {
    if (!known(column)) {
      throw new MappingError(
        `column "${column}" (mapped to output "${label}") is not in ${log} (columns: ${listOf(names)})`,
      );
    }
  }
}

const listOf = (names: readonly string[]) => (names.length > 0 ? names.join(', ') : 'none');
