#!/usr/bin/env bash
# The README's test command (`npm test`): typecheck, the web app's build, every jest tier (unit, int, e2e, ui), then
# the OpenAPI fuzz run.
# Ends with a summary CI can read: the node-test-runner-style TAP totals, then one plain line
# "N passed, N failed, N skipped" alone, as the very last line of the output.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RESULTS="$ROOT/.test-results"
mkdir -p "$RESULTS"
rm -f "$RESULTS/jest.json"

npm run --silent typecheck || { echo "typecheck failed"; echo "0 passed, 1 failed"; exit 1; }

# The ui project drives the built web app (apps/web/dist) in Chromium: build it first.
npm run --silent build:web -- --logLevel warn || { echo "web app build failed"; echo "0 passed, 1 failed"; exit 1; }

npx jest --json --outputFile="$RESULTS/jest.json" "$@"
jest_rc=$?

FUZZ_EXAMPLES="${FUZZ_EXAMPLES:-25}" FUZZ_SEED="${FUZZ_SEED:-20261121}" FUZZ_MAX_TIME="${FUZZ_MAX_TIME:-600}" bash scripts/fuzz.sh
fuzz_rc=$?

node -e '
  const fs = require("fs");
  let p = 0, f = 0, s = 0;
  try {
    const r = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
    p = r.numPassedTests; f = r.numFailedTests + r.numRuntimeErrorTestSuites; s = r.numPendingTests + r.numTodoTests;
  } catch { f += 1; }
  const fuzzOk = process.argv[2] === "0";
  if (fuzzOk) p += 1; else f += 1;
  console.log(["# tests " + (p + f + s), "# pass " + p, "# fail " + f, "# skipped " + s].join("\n"));
  console.log(`${p} passed, ${f} failed, ${s} skipped`);
' "$RESULTS/jest.json" "$fuzz_rc"

[ "$jest_rc" -eq 0 ] && [ "$fuzz_rc" -eq 0 ]
