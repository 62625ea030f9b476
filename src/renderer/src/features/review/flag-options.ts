// The flag reasons offered to a reviewer, and the edits of the per-folder settings panel.
import type { CustomFlagOption } from '../../../../shared/api';

// The number-key order is the server's too (a number key over several folders): one function for both.
export { activeOptions } from '../../../../shared/flag-options';

export function addOption(custom: CustomFlagOption[], value: string): CustomFlagOption[] {
  const trimmed = value.trim();
  if (!trimmed) return custom;
  const existing = custom.find((o) => o.value === trimmed);
  if (existing) return custom.map((o) => (o === existing ? { ...o, retired: false } : o));
  return [...custom, { value: trimmed, retired: false }];
}

/** A rename retires the old value (kept for history) and adds the new one in its place. */
export function renameOption(custom: CustomFlagOption[], from: string, to: string): CustomFlagOption[] {
  const trimmed = to.trim();
  if (!trimmed || trimmed === from) return custom;
  const without = custom.filter((o) => o.value !== trimmed);
  const at = without.findIndex((o) => o.value === from);
  const renamed = { value: trimmed, retired: false };
  if (at < 0) return [...without, { value: from, retired: true }, renamed];
  return [...without.slice(0, at), { value: from, retired: true }, renamed, ...without.slice(at + 1)];
}

export function setRetired(custom: CustomFlagOption[], value: string, retired: boolean): CustomFlagOption[] {
  if (!custom.some((o) => o.value === value)) return [...custom, { value, retired }];
  return custom.map((o) => (o.value === value ? { ...o, retired } : o));
}
