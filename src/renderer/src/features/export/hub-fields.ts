// What the dialog asks for a Hub push, and the Hub URL remembered between pushes (a setting: the
// main process falls back to its own default, HF_ENDPOINT or huggingface.co, when it is empty).
import type { HubExportTarget } from '../../../../shared/export';

export interface HubFields {
  repo: string;
  isPublic: boolean;
  hubUrl: string;
}

const HUB_URL_KEY = 'flagdeck.hubUrl';
const REPO_KEY = 'flagdeck.hubRepo';

export function rememberedHubFields(): HubFields {
  return {
    repo: localStorage.getItem(REPO_KEY) ?? '',
    isPublic: false,
    hubUrl: localStorage.getItem(HUB_URL_KEY) ?? '',
  };
}

export function rememberHubFields(fields: HubFields): void {
  localStorage.setItem(REPO_KEY, fields.repo.trim());
  localStorage.setItem(HUB_URL_KEY, fields.hubUrl.trim());
}

const REPO_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*\/[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function repoIdProblem(repo: string): string | null {
  if (repo.trim() === '') return null;
  return REPO_ID.test(repo.trim()) ? null : 'Use owner/name, e.g. alice/reviewed-flags';
}

export function hubTarget(fields: HubFields, format: HubExportTarget['format']): HubExportTarget {
  const hubUrl = fields.hubUrl.trim();
  return {
    kind: 'hub',
    format,
    repo: fields.repo.trim(),
    private: !fields.isPublic,
    ...(hubUrl ? { hubUrl } : {}),
  };
}
