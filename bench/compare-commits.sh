#!/usr/bin/env bash
# Compares the benches of two commits on this machine, in one run: builds each commit in its own
# temporary worktree, runs each bench alternately (base, head, base, head…) so that load drifts
# hit both alike, and prints, for every figure both print, the median head/base ratio (< 1: head
# is faster / smaller). Each commit runs its own bench script against its own code.
#
# Usage: bench/compare-commits.sh <base> <head> [rounds] [bench…]
#   rounds  how many times each bench runs per commit (default 3)
#   bench   which of bench/*.mjs to run, with arguments in quotes (default: "open.mjs" "query.mjs" "follow.mjs")
# Example: bench/compare-commits.sh b035a5d HEAD 3 "open.mjs 1000000 --no-cli" query.mjs follow.mjs
# The worktrees share this checkout's node_modules and bench/.data (set FLAGDECK_BENCH_NPM_CI=1 to `npm ci` each
# instead, when the two commits' dependencies differ in a way the benches notice).
set -euo pipefail

if [ $# -lt 2 ]; then
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
repo="$(cd "$(dirname "$0")/.." && pwd)"
base_rev="$1"
head_rev="$2"
rounds="${3:-3}"
shift 2
[ $# -gt 0 ] && shift
benches=("$@")
[ ${#benches[@]} -eq 0 ] && benches=(open.mjs query.mjs follow.mjs)

work="$(mktemp -d "${TMPDIR:-/tmp}/flagdeck-compare-XXXXXX")"
cleanup() {
  for side in base head; do
    [ -d "$work/$side" ] && git -C "$repo" worktree remove --force "$work/$side" >/dev/null 2>&1 || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

prepare() {
  local side="$1" rev="$2"
  git -C "$repo" worktree add --detach "$work/$side" "$rev" >/dev/null 2>&1
  if [ "${FLAGDECK_BENCH_NPM_CI:-0}" = 1 ]; then
    (cd "$work/$side" && ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund >/dev/null)
  else
    ln -s "$repo/node_modules" "$work/$side/node_modules"
  fi
  # One copy of the generated logs (same generator on both sides), kept in this checkout.
  mkdir -p "$repo/bench/.data"
  ln -s "$repo/bench/.data" "$work/$side/bench/.data"
  (cd "$work/$side" && npx electron-vite build >/dev/null 2>&1)
  echo "$side = $(git -C "$work/$side" log --oneline -1)"
}
prepare base "$base_rev"
prepare head "$head_rev"

for bench in "${benches[@]}"; do
  read -r -a words <<<"$bench"
  for round in $(seq 1 "$rounds"); do
    for side in base head; do
      echo "running $side $bench (round $round/$rounds)" >&2
      # The checkout's path is taken out, so that lines naming a file match across the two sides.
      (cd "$work/$side" && node "bench/${words[0]}" "${words[@]:1}" 2>&1 || echo "exit status $?") |
        sed "s#$work/$side#<checkout>#g" >"$work/${words[0]}.$side.$round.txt"
      if grep -q '^exit status' "$work/${words[0]}.$side.$round.txt"; then
        echo "  $side $bench failed: what it printed is compared below" >&2
      fi
    done
  done
done

# Every line with a figure ("…: 123 ms", "… 456 MB") is keyed by its text with the numbers taken
# out; a figure present on both sides gets the median over rounds of head/base.
node - "$work" "$rounds" "${benches[@]}" <<'EOF'
const { readFileSync, existsSync } = require('node:fs');
const [work, roundsText, ...benches] = process.argv.slice(2);
const rounds = Number(roundsText);
const figure = /(-?\d[\d,]*(?:\.\d+)?)\s*(ms|s|MB|GB|KB|x)\b/;
function figures(file) {
  const found = new Map();
  if (!existsSync(file)) return found;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = figure.exec(line);
    if (!match) continue;
    const key = line.replace(/-?\d[\d,]*(?:\.\d+)?/g, '#').replace(/\s+/g, ' ').trim();
    const unit = match[2];
    let value = Number(match[1].replace(/,/g, ''));
    if (unit === 's') value *= 1000;
    if (!found.has(key)) found.set(key, { value, line: line.trim() });
  }
  return found;
}
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
for (const bench of benches) {
  const name = bench.split(' ')[0];
  console.log(`\n== ${bench}   (head/base, median of ${rounds}; < 1 = head faster or smaller)`);
  const base = Array.from({ length: rounds }, (_, i) => figures(`${work}/${name}.base.${i + 1}.txt`));
  const head = Array.from({ length: rounds }, (_, i) => figures(`${work}/${name}.head.${i + 1}.txt`));
  const keys = new Set([...base.flatMap((m) => [...m.keys()]), ...head.flatMap((m) => [...m.keys()])]);
  for (const key of keys) {
    const ratios = [];
    for (let i = 0; i < rounds; i++) {
      const b = base[i].get(key);
      const h = head[i].get(key);
      if (b && h && b.value > 0) ratios.push(h.value / b.value);
    }
    const sample = (head.find((m) => m.has(key)) ?? base.find((m) => m.has(key))).get(key).line;
    if (ratios.length === 0) {
      const side = head.some((m) => m.has(key)) ? 'head' : 'base';
      console.log(`   only in ${side}: ${sample}`);
    } else {
      console.log(`${median(ratios).toFixed(2).padStart(6)}  ${sample}`);
    }
  }
}
EOF
