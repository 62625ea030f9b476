#!/usr/bin/env node
// `npm test`: lint, type check, build, unit tests (Vitest; again under FLAGDECK_TEST_NODE where it is
// set), the long reliability tests (Vitest, tests/long), end-to-end tests (Playwright in Debian
// Chromium). Ends with one plain `N passed, N failed` line of the totals, which CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const outDir = '.ci-out';
mkdirSync(outDir, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };

/** Runs one part, its output shown under its label: the process's result. */
function spawnPart(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
}

function run(label, command, args, env = {}) {
  return spawnPart(label, command, args, env).status === 0;
}

function check(label, command, args) {
  const ok = run(label, command, args);
  totals[ok ? 'passed' : 'failed'] += 1;
  console.log(`--- ${label}: ${ok ? 'ok' : 'FAILED'}`);
  return ok;
}

/** A check whose tool may be missing here: counted as skipped (with the reason) then. */
function checkIfAvailable(label, command, args) {
  const result = spawnPart(label, command, args);
  // 3: the command's own "cannot check here" (scripts/check-c-format.mjs, build-wasm.mjs --check).
  const skipped = result.error?.code === 'ENOENT' || result.status === 3;
  const outcome = skipped ? 'skipped' : result.status === 0 ? 'passed' : 'failed';
  totals[outcome] += 1;
  const why = result.error?.code === 'ENOENT' ? ` (${command} is not installed: .ci/run installs it)` : '';
  console.log(`--- ${label}: ${outcome === 'passed' ? 'ok' : outcome.toUpperCase()}${why}`);
}

function countVitest(file) {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  // A file that failed outside its tests (it did not load, a hook threw) counts once; the suites
  // around a failed test (numFailedTestSuites: its file and describe blocks) do not count again.
  const failedFiles = report.testResults.filter(
    (file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
  ).length;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + failedFiles,
    skipped: report.numPendingTests + (report.numTodoTests ?? 0),
  };
}

function countPlaywright(file) {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const { stats } = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
}

function add(label, counts) {
  console.log(`--- ${label}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  for (const key of Object.keys(totals)) totals[key] += counts[key];
}

const only = process.argv[2];
if (!only || only === 'static') {
  check('lint', 'npx', ['eslint', '.']);
  check('format', 'npx', ['prettier', '--check', '.']);
  checkIfAvailable('C format', 'node', ['scripts/check-c-format.mjs']);
  checkIfAvailable('WebAssembly build', 'node', ['scripts/build-wasm.mjs', '--check']);
  check('typecheck', 'npm', ['run', '-s', 'typecheck']);
}
const built = !only || only === 'e2e' ? check('build', 'npx', ['electron-vite', 'build']) : true;
if (!only || only === 'unit') {
  run('unit tests', 'npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${outDir}/vitest.json`,
  ]);
  add('unit tests', countVitest(`${outDir}/vitest.json`));
}
// The desktop app's main process runs on Electron's Node (24 from Electron 40 on), the CLI and these
// tests on the Node that runs them: where FLAGDECK_TEST_NODE names another Node (CI runs the tests
// under Node 24 and names the machine's own here), the unit tests run under it too.
const otherNode = process.env.FLAGDECK_TEST_NODE;
if ((!only || only === 'unit') && otherNode) {
  const version = spawnSync(otherNode, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const label = `unit tests under Node ${version || '(not found)'}`;
  run(label, otherNode, [
    'node_modules/vitest/vitest.mjs',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${outDir}/vitest-other-node.json`,
  ]);
  add(label, countVitest(`${outDir}/vitest-other-node.json`));
}
if (!only || only === 'long') {
  // The long reliability runs (tests/long): 100,000 appended rows, 100 kills, 10,000 random CSVs.
  run('long reliability tests', 'npx', [
    'vitest',
    'run',
    '--config',
    'vitest.long.config.ts',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${outDir}/vitest-long.json`,
  ]);
  add('long reliability tests', countVitest(`${outDir}/vitest-long.json`));
}
if ((!only || only === 'e2e') && built) {
  run('end-to-end tests', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: `${outDir}/playwright.json`,
  });
  add('end-to-end tests', countPlaywright(`${outDir}/playwright.json`));
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 ? 0 : 1);
