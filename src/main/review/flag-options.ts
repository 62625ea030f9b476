// The reviewer's own flag options (added, renamed, retired), kept in `config.json` beside the
// journal. Retired options stay listed so the reasons already given with them keep their name.
import { readFile } from 'node:fs/promises';
import type { CustomFlagOption, FlagOptions } from '../../shared/api';
import type { FlagConfig } from './flag-config-schema';
import { writeFileAtomic } from './atomic-write';

/** The custom options in `config.json`; a missing file means none, a broken one is an error saying where. */
export async function readCustomOptions(configPath: string): Promise<CustomFlagOption[]> {
  const config = await readConfig(configPath);
  return config.flagOptions ?? [];
}

/** Replaces the custom options (other settings in the file are kept) and returns them as saved. */
export async function writeCustomOptions(
  configPath: string,
  custom: CustomFlagOption[],
): Promise<CustomFlagOption[]> {
  const cleaned = normalizeOptions(custom);
  const config = await readConfig(configPath);
  await writeFileAtomic(configPath, `${JSON.stringify({ ...config, flagOptions: cleaned }, null, 2)}\n`);
  return cleaned;
}

/** Trims values and refuses empty or duplicate ones, naming the offending entry. */
export function normalizeOptions(custom: CustomFlagOption[]): CustomFlagOption[] {
  const seen = new Set<string>();
  return custom.map((option, index) => {
    const value = option.value.trim();
    if (value === '') throw new Error(`flag option ${index + 1} is empty`);
    if (seen.has(value)) throw new Error(`flag option ${index + 1} ("${value}") is listed twice`);
    seen.add(value);
    return { value, retired: option.retired };
  });
}

/** What the settings panel shows: the log's options first, then the reviewer's (number keys follow this order). */
export function flagOptions(
  folderId: string,
  fromLogs: Iterable<string | null>,
  custom: CustomFlagOption[],
): FlagOptions {
  const values = new Set<string>();
  for (const value of fromLogs) if (value !== null && value.trim() !== '') values.add(value);
  return { folderId, fromLogs: [...values].sort((a, b) => a.localeCompare(b)), custom };
}

async function readConfig(configPath: string): Promise<FlagConfig> {
  let text: string;
  try {
    text = await readFile(configPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${configPath}: not JSON (${message})`, { cause: error });
  }
  const { FlagConfig } = await import('./flag-config-schema');
  const parsed = FlagConfig.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`${configPath} field "${issue.path.join('.')}": ${issue.message}`);
}
