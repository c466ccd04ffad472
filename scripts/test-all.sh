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

stage "format (prettier --check; npm run format fixes it)"
npx prettier --check . --log-level warn

stage "lint (eslint)"
npx eslint .

stage "type-check (tsc)"
npx tsc --noEmit

stage "unit tests (vitest)"
unit_status=0
npx vitest run --reporter=default --reporter=json --outputFile=test-results/unit.json || unit_status=$?
node -e '
  const r = require("./test-results/unit.json");
  console.log(`unit: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (r.numPendingTests ? `, ${r.numPendingTests} skipped` : ""));
'
[ "$unit_status" -eq 0 ] || exit "$unit_status"

stage "production build (next build)"
npx next build

stage "browser tests (playwright-core + Chromium)"
node scripts/e2e.mjs

stage "attack suite (public mode against the attacks of issue 21: tests/attack/run.mjs)"
node tests/attack/run.mjs

stage "load (autocannon: 50 connections on every Stack Overflow 2019 page, 3 s each; the full run is by hand)"
node scripts/load.mjs --seconds 3
