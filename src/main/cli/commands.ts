import type { CommandEntry } from './command';

// Each subcommand lives in its own file; register it here.
export const commands: CommandEntry[] = [
  {
    name: 'inspect',
    summary: 'Show the logs, columns, errors and assets of a flagging folder',
    load: async () => (await import('./inspect/inspect-command')).inspectCommand,
  },
  {
    name: 'review',
    summary: 'Print or edit review state (reasons, triage, notes)',
    load: async () => (await import('./review')).reviewCommand,
  },
  {
    name: 'query',
    summary: 'Print the samples matching a filter, sorted on any column (table or JSON)',
    load: async () => (await import('./query')).queryCommand,
  },
  {
    name: 'export',
    summary: 'Export the reviewed samples as a Gradio folder, imagefolder / audiofolder or Parquet',
    load: async () => (await import('./export')).exportCommand,
  },
  {
    name: 'push',
    summary: 'Push the selected samples as a dataset to a Hugging Face Hub repo',
    load: async () => (await import('./push')).pushCommand,
  },
  {
    name: 'replay',
    summary: 'Send flagged inputs to a live Gradio app again and compare its answers',
    load: async () => (await import('./replay')).replayCommand,
  },
  {
    name: 'serve',
    summary: 'Review folders in a browser (local web server)',
    load: async () => (await import('./serve')).serveCommand,
  },
];
