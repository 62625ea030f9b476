// `flagdeck query <folder>…`: the workspace's own query (the one the UI pages through), from a
// terminal: filters, a sort on any column, a page of samples as a table or as JSON.
import type { Workspace } from '../workspace/workspace';
import { basename } from 'node:path';
import { listRunDirs } from '../replay/run-store';
import { defaultDataDir, locateReview } from '../review/location';
import { UsageError, type Command } from './command';
import { openWorkspaceForExport } from './open-workspace';
import { checkColumns, DEFAULT_LIMIT, parseQueryArgs, SAMPLE_SORTS, type QueryArgs } from './query-args';
import { sampleWriter, table, type QueriedSample } from './query-output';
import { TOP_MAX } from '../query/top-rows';
import { groupedDigits } from './grouped-digits';
import { printLine, writeOut } from './stdout';

const usage = `Usage: flagdeck query <folder>... [--search <text>] [--reason <r>]... [--original-reason <r>]...
                      [--status keep|drop|unsure|unreviewed]... [--user <u>]...
                      [--from <time>] [--to <time>] [--where <column>=<value>]...
                      [--replay same|changed|error|skipped|none]... [--replay-run <run-id>]
                      [--sort <column>[:desc]] [--offset N] [--limit N] [--json]

Runs the app's query over every log of the folders (review state from their journals) and prints
one page of the matching samples: a table, or with --json one object
{ "total": N, "rows": [{ "id", "log", "row", "originalReason", "reason", "status", "note",
  "user", "timestamp", "cells": { "<column>": "<text as shown>" },
  "replay": { "run", "outcome" } (only for a sample with a result in the replay run shown) }] }.

Options:
  --search TEXT        case-insensitive text over every cell and the reviewer's notes
  --reason R           current reason (the reviewer's, else the original); "" = no reason (repeatable)
  --original-reason R  the reason given in the demo (repeatable)
  --status S           review status (repeatable)
  --user U             username ("" = none; repeatable)
  --from T, --to T     inclusive time range: YYYY-MM-DD[ HH:MM[:SS]], local as Gradio writes it
  --where COL=VALUE    cells of COL equal to VALUE (repeatable; one column given twice = either)
  --replay OUTCOME     outcome in the replay run shown (repeatable): same, changed, error, skipped,
                       or none (not replayed there, or its log row was rewritten since)
  --replay-run RUN     the replay run shown (default: each folder's latest; see flagdeck replay --list)
  --sort KEY[:desc]    any column name, or ${SAMPLE_SORTS.join(', ')}
  --offset N           skip N matches (default 0)
  --limit N            print at most N (default ${DEFAULT_LIMIT}); with --sort on a column and
                       offset + limit <= ${groupedDigits(TOP_MAX)}, only the first rows are ordered
                       (one pass keeping the best ones), not the whole column
  --json               one JSON object`;

/** Rows are fetched from the workspace in pages of this size, as the UI does. */
const PAGE = 500;

async function* pages(
  ws: Workspace,
  args: QueryArgs,
): AsyncGenerator<{ total: number; rows: QueriedSample[] }> {
  const write = sampleWriter(ws.info().folders);
  const end = args.offset + args.limit;
  for (let offset = args.offset; ; offset += PAGE) {
    const limit = Math.min(PAGE, end - offset);
    // No row past `end` is asked for: a column sort then orders only the first rows (top-k).
    const result = await ws.query({ filter: args.filter, sort: args.sort, offset, limit }, end);
    yield { total: result.total, rows: result.rows.map(write) };
    if (offset + limit >= Math.min(end, result.total)) return;
  }
}

function knownColumns(ws: Workspace): Set<string> {
  return new Set(
    ws.info().folders.flatMap((folder) => folder.logs.flatMap((log) => log.columns.map((c) => c.name))),
  );
}

/** Refuses a `--replay-run` that none of the folders holds (the filter would show their latest). */
async function checkReplayRun(ws: Workspace, run: string | undefined, dataDir: string): Promise<void> {
  if (run === undefined) return;
  const runs: string[] = [];
  for (const folder of ws.info().folders) {
    const { dir } = await locateReview(folder.path, { dataDir });
    runs.push(...(await listRunDirs(dir)).map((runDir) => basename(runDir)));
  }
  if (!runs.includes(run)) {
    const known = runs.length > 0 ? `runs: ${runs.join(', ')}` : 'these folders have no replay runs';
    throw new UsageError(`--replay-run: no replay run "${run}" in these folders (${known})`);
  }
}

async function printJson(ws: Workspace, args: QueryArgs): Promise<void> {
  let first = true;
  for await (const { total, rows } of pages(ws, args)) {
    const items = rows.map((row) => JSON.stringify(row));
    const head = first ? `{"total":${total},"rows":[` : items.length > 0 ? ',' : '';
    writeOut(head + items.join(','));
    first = false;
  }
  writeOut(']}\n');
}

async function printTable(ws: Workspace, args: QueryArgs): Promise<void> {
  const samples: QueriedSample[] = [];
  let total = 0;
  for await (const page of pages(ws, args)) {
    total = page.total;
    samples.push(...page.rows);
  }
  if (samples.length > 0) printLine(table(samples).join('\n'));
  const range = samples.length > 0 ? `${args.offset + 1}–${args.offset + samples.length} of ` : 'none of ';
  printLine(`${range}${groupedDigits(total)} matching samples`);
}

export const queryCommand: Command = {
  name: 'query',
  usage,
  async run(argv) {
    const args = parseQueryArgs(argv);
    const dataDir = defaultDataDir();
    const { ws, close } = await openWorkspaceForExport(args.folders, dataDir);
    try {
      checkColumns(args, knownColumns(ws));
      await checkReplayRun(ws, args.filter.replay?.run, dataDir);
      await (args.json ? printJson(ws, args) : printTable(ws, args));
      return 0;
    } finally {
      await close();
    }
  },
};
