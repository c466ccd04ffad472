#!/usr/bin/env bash
# The whole test suite, as the README and CI run it: lint, types, unit tests, production build,
# browser tests in Debian's Chromium, the attack suite against public mode, a short load test.
# Stops at the first failing stage.
set -euo pipefail
cd "$(dirname "$0")/.."

stage() { printf '\n\033[1m== %s\033[0m\n' "$1"; }

if [ ! -d node_modules ]; then
  echo "node_modules is missing: run 'npm install' (or 'npm ci') first." >&2
  exit 1
fi
if [ ! -d ../shared/data ]; then
  echo "!!! ../shared/data is missing: tests that check real public survey data will be SKIPPED."
fi

mkdir -p test-results
# What the counted stages print is kept, and their counted lines ("unit: N passed, N failed") are
# added up at the end, so the suite closes on one line that counts every test it ran.
log=test-results/suite.log
: >"$log"
counted() { "$@" | tee -a "$log"; } # pipefail: a failing stage still fails the suite

stage "format (prettier --check; npm run format fixes it)"
npx prettier --check . --log-level warn

stage "lint (eslint)"
npx eslint .

stage "type-check (tsc)"
npx tsc --noEmit

stage "unit tests (vitest)"
unit_status=0
npx vitest run --reporter=default --reporter=json --outputFile=test-results/unit.json || unit_status=$?
counted node -e '
  const r = require("./test-results/unit.json");
  console.log(`unit: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (r.numPendingTests ? `, ${r.numPendingTests} skipped` : ""));
'
[ "$unit_status" -eq 0 ] || exit "$unit_status"

stage "production build (next build)"
npx next build

stage "browser tests (playwright-core + Chromium)"
counted node scripts/e2e.mjs

stage "attack suite (public mode against the attacks of issue 21: tests/attack/run.mjs)"
counted node tests/attack/run.mjs

stage "load (autocannon: 50 connections on every Stack Overflow 2019 page, 3 s each; the full run is by hand)"
counted node scripts/load.mjs --seconds 3

node -e '
  const lines = require("fs").readFileSync("test-results/suite.log", "utf8").split("\n").filter((line) => /^[a-z0-9-]+: \d+ passed, \d+ failed/.test(line));
  const sum = (word) => lines.reduce((total, line) => total + Number(line.match(new RegExp(`(\\d+) ${word}`))?.[1] ?? 0), 0);
  console.log(`\n${lines.join("\n")}\ntotal: ${sum("passed")} passed, ${sum("failed")} failed` + (sum("skipped") ? `, ${sum("skipped")} skipped` : ""));
'
