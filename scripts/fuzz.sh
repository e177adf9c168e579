#!/usr/bin/env bash
# Fuzz the HTTP API against its own OpenAPI contract (/docs-json) with schemathesis.
#
# Contract: no input may cause a 5xx, and every error is application/problem+json.
#
#   npm run fuzz                               # 50 examples per operation
#   FUZZ_EXAMPLES=200 FUZZ_MAX_TIME=1800 npm run fuzz
#
# Env:
#   FUZZ_EXAMPLES   max generated cases per operation and phase (default 50)
#   FUZZ_MAX_TIME   hard cap in seconds for the schemathesis run; exceeding it fails the run (default 1200)
#   FUZZ_WORKERS    concurrent schemathesis workers (default 1: with more, Python 3.11 can crash inside
#                   Hypothesis with "SystemError: AST constructor recursion depth mismatch", CPython gh-106905)
#   FUZZ_CHECKS     schemathesis checks (default not_a_server_error,problem_json_errors,status_code_conformance,
#                   content_type_conformance,response_schema_conformance); problem_json_errors is defined
#                   below: every 4xx/5xx, documented or not, is application/problem+json with a string `code`
#   FUZZ_PHASES     schemathesis phases (default examples,coverage,fuzzing,stateful)
#   FUZZ_SEED       fixed Hypothesis seed for a reproducible run (default: random; printed)
#   FUZZ_REPORT_DIR where the JUnit report and app log are kept (default: a temp dir, kept on failure)
#   FUZZ_PYTHON     python used to create the venv (default python3.11, else python3)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

SCHEMATHESIS_VERSION=4.32.5
VENV="$ROOT/.venv-fuzz"
FUZZ_EXAMPLES="${FUZZ_EXAMPLES:-50}"
FUZZ_MAX_TIME="${FUZZ_MAX_TIME:-1200}"
FUZZ_WORKERS="${FUZZ_WORKERS:-1}"
FUZZ_CHECKS="${FUZZ_CHECKS:-not_a_server_error,problem_json_errors,status_code_conformance,content_type_conformance,response_schema_conformance}"
FUZZ_PHASES="${FUZZ_PHASES:-examples,coverage,fuzzing,stateful}"
FUZZ_SEED="${FUZZ_SEED:-$((RANDOM * 32768 + RANDOM))}"

log() { printf '[fuzz %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 2; }

started_at=$(date +%s)
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ledger-fuzz.XXXXXX")"
REPORT_DIR="${FUZZ_REPORT_DIR:-$WORK/report}"
mkdir -p "$REPORT_DIR"
APP_LOG="$REPORT_DIR/app.log"
APP_PID=""
KEEP_WORK=0

cleanup() {
  local rc=$?
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    log "stopping the app (pid $APP_PID)"
    kill -TERM "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$APP_PID" 2>/dev/null && kill -KILL "$APP_PID" 2>/dev/null || true
  fi
  if [[ $rc -ne 0 || $KEEP_WORK -eq 1 ]]; then
    log "kept: report + app log in $REPORT_DIR, data in $WORK/data"
  else
    rm -rf "$WORK"
  fi
  log "total runtime $(( $(date +%s) - started_at ))s, exit $rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- 1. schemathesis in ./.venv-fuzz -----------------------------------------------------------------
if [[ ! -x "$VENV/bin/schemathesis" ]] || [[ "$("$VENV/bin/python" -m pip show schemathesis 2>/dev/null | sed -n 's/^Version: //p')" != "$SCHEMATHESIS_VERSION" ]]; then
  PY="${FUZZ_PYTHON:-$(command -v python3.11 || command -v python3)}"
  [[ -n "$PY" ]] || die "python3 not found"
  log "installing schemathesis==$SCHEMATHESIS_VERSION into $VENV (with $PY)"
  "$PY" -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi
log "schemathesis $("$VENV/bin/schemathesis" --version | awk '{print $NF}')"

# --- 2. the app on a free loopback port, in a fresh data dir ------------------------------------------
PORT="$("$VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
BASE="http://127.0.0.1:$PORT"
SECRET="fuzz-$("$VENV/bin/python" -c 'import secrets; print(secrets.token_hex(24))')"
mkdir -p "$WORK/data"
log "starting the app on $BASE (data in $WORK/data, log in $APP_LOG)"
# LOG_LEVEL=info: one JSON line per request, summarised per route and status at the end.
PORT="$PORT" HOST=127.0.0.1 LEDGER_DATA_DIR="$WORK/data" LEDGER_JWT_SECRET="$SECRET" LOG_LEVEL=info \
  node -r ts-node/register/transpile-only -r tsconfig-paths/register apps/api/src/main.ts >"$APP_LOG" 2>&1 &
APP_PID=$!

for i in $(seq 1 240); do
  if curl -fsS -o /dev/null "$BASE/health" 2>/dev/null; then break; fi
  kill -0 "$APP_PID" 2>/dev/null || { cat "$APP_LOG" >&2; die "the app exited during startup"; }
  [[ $i -eq 240 ]] && { cat "$APP_LOG" >&2; die "the app did not answer /health within 60 s"; }
  sleep 0.25
done
log "app is up after $(( $(date +%s) - started_at ))s"

# --- 3. an admin token and seed data -------------------------------------------------------------------
TOKEN="$(LEDGER_JWT_SECRET="$SECRET" npm run -s token -- --sub fuzzer --role admin | tail -n 1)"
[[ "$TOKEN" == *.*.* ]] || die "could not mint a token: $TOKEN"

# POST $1 with JSON body $2; prints the response body; fails on non-2xx.
post() {
  local out code
  out="$(curl -sS -w '\n%{http_code}' -X POST "$BASE$1" -H "Authorization: Bearer $TOKEN" \
    -H 'content-type: application/json' -d "$2")"
  code="${out##*$'\n'}"
  [[ "$code" == 2* ]] || die "seeding POST $1 answered $code: ${out%$'\n'*}"
  printf '%s' "${out%$'\n'*}"
}
field() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=JSON.parse(s)[process.argv[1]];if(v===undefined)process.exit(1);console.log(v)})' "$1"; }

log "seeding: a backlog, an objective, 4 items (one killed and escalated)"
BACKLOG_ID="$(post /backlogs '{"name":"Fuzz backlog","productGoal":"Returning customers pay in one tap"}' | field id)"
OBJECTIVE_ID="$(post "/backlogs/$BACKLOG_ID/objectives" \
  '{"title":"New teams get value in week one","metric":"Week-1 activation rate","target":"40%","rationale":"Activation is the leading indicator we steer by."}' | field objectiveId)"
ITEM_IDS=()
for n in 1 2 3 4; do
  ITEM_IDS+=("$(post "/backlogs/$BACKLOG_ID/items" \
    "{\"title\":\"Seed item $n\",\"kind\":\"story\",\"estimate\":$n,\"rationale\":\"Seeded so the fuzzer reaches existing items (#$n).\"}" | field id)")
done
post "/items/${ITEM_IDS[1]}/objective" "{\"objectiveId\":\"$OBJECTIVE_ID\",\"rationale\":\"It moves week-one activation directly.\"}" >/dev/null
KILL_EVENT_ID="$(post "/items/${ITEM_IDS[3]}/kill" '{"reason":"Superseded by the one-tap checkout experiment."}' | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).eventIds[0]))')"
ESCALATION_ID="$(post "/items/${ITEM_IDS[3]}/escalations" \
  "{\"againstEventId\":\"$KILL_EVENT_ID\",\"wanted\":\"Keep the item until the experiment reports.\",\"reason\":\"Killing it now loses the research we already paid for.\"}" | field escalationId)"
log "seeded backlog $BACKLOG_ID, objective $OBJECTIVE_ID, items ${ITEM_IDS[*]}, escalation $ESCALATION_ID"

# Seeded ids are offered for about half of the generated id values; the rest stay random (mostly 404s).
quote_list() { local out="" v; for v in "$@"; do out+="${out:+, }\"$v\""; done; printf '[%s]' "$out"; }
CONFIG="$WORK/schemathesis.toml"
cat >"$CONFIG" <<EOF
# No per-project cache (it would land in ./.schemathesis of the repo).
[cache]
enabled = false

[dictionaries.backlog-ids]
values = $(quote_list "$BACKLOG_ID")
[dictionaries.item-ids]
values = $(quote_list "${ITEM_IDS[@]}")
[dictionaries.objective-ids]
values = $(quote_list "$OBJECTIVE_ID")
[dictionaries.escalation-ids]
values = $(quote_list "$ESCALATION_ID")
[dictionaries.event-ids]
values = $(quote_list "$KILL_EVENT_ID")
[dictionaries.actor-ids]
values = ["fuzzer"]

[parameters]
"path.backlogId" = { dictionary = "backlog-ids", probability = 0.5 }
"path.itemId" = { dictionary = "item-ids", probability = 0.5 }
"path.objectiveId" = { dictionary = "objective-ids", probability = 0.5 }
"path.escalationId" = { dictionary = "escalation-ids", probability = 0.5 }
"query.backlogId" = { dictionary = "backlog-ids", probability = 0.3 }
"query.itemId" = { dictionary = "item-ids", probability = 0.3 }
"query.raisedBy" = { dictionary = "actor-ids", probability = 0.5 }
"body.objectiveId" = { dictionary = "objective-ids", probability = 0.5 }
"body.before" = { dictionary = "item-ids", probability = 0.5 }
"body.after" = { dictionary = "item-ids", probability = 0.5 }
"body.againstEventId" = { dictionary = "event-ids", probability = 0.5 }
EOF

HOOKS="$WORK/fuzz_checks.py"
cat >"$HOOKS" <<'PY'
import json
import schemathesis


@schemathesis.check
def problem_json_errors(ctx, response, case):
    """Every error (4xx/5xx), documented or not, is application/problem+json with a stable `code`."""
    if response.status_code < 400:
        return None
    content_type = (response.headers.get("content-type") or [""])[0]
    if not content_type.lower().startswith("application/problem+json"):
        raise AssertionError(f"{response.status_code} answered as {content_type or 'no content type'}, not application/problem+json")
    try:
        body = json.loads(response.content)
    except ValueError:
        raise AssertionError(f"{response.status_code} problem body is not JSON")
    if not isinstance(body, dict) or body.get("status") != response.status_code or not isinstance(body.get("code"), str):
        raise AssertionError(f"{response.status_code} problem body lacks status/code: {str(body)[:200]}")
    return None
PY
sed -i "1i hooks = \"$HOOKS\"" "$CONFIG"

# --- 4. schemathesis ---------------------------------------------------------------------------------
log "running schemathesis: ${FUZZ_EXAMPLES} examples/operation, checks ${FUZZ_CHECKS}, phases ${FUZZ_PHASES}, ${FUZZ_WORKERS} workers, seed ${FUZZ_SEED}, cap ${FUZZ_MAX_TIME}s"
set +e
# Hypothesis keeps its caches under the venv, not in ./.hypothesis of the repo.
HYPOTHESIS_STORAGE_DIRECTORY="$VENV/.hypothesis" timeout --signal=INT --kill-after=30 "$FUZZ_MAX_TIME" \
  "$VENV/bin/schemathesis" --config-file "$CONFIG" run "$BASE/docs-json" \
  --header "Authorization: Bearer $TOKEN" \
  --checks "$FUZZ_CHECKS" \
  --phases "$FUZZ_PHASES" \
  --max-examples "$FUZZ_EXAMPLES" \
  --workers "$FUZZ_WORKERS" \
  --seed "$FUZZ_SEED" \
  --continue-on-failure \
  --request-timeout 30 \
  --generation-database none \
  --suppress-health-check too_slow,filter_too_much \
  --report junit --report-dir "$REPORT_DIR" \
  --no-color
ST_RC=$?
set -e

# --- 4b. transport edge cases schemathesis does not generate ------------------------------------------
# Each must be answered below 500 and as application/problem+json (regressions of bugs found by fuzzing).
log "probing transport edge cases"
set +e
"$VENV/bin/python" - "$BASE" "$TOKEN" "${ITEM_IDS[0]}" "$BACKLOG_ID" <<'PY' >&2
import socket, sys, urllib.parse
base, token, item, backlog = sys.argv[1:5]
u = urllib.parse.urlsplit(base)
def raw(request: bytes):
    with socket.create_connection((u.hostname, u.port), timeout=10) as s:
        s.sendall(request)
        data = b""
        while True:
            try:
                chunk = s.recv(65536)
            except socket.timeout:
                break
            if not chunk:
                break
            data += chunk
            head, sep, rest = data.partition(b"\r\n\r\n")
            if sep:
                length = [l.split(b":", 1)[1].strip() for l in head.split(b"\r\n") if l.lower().startswith(b"content-length:")]
                if length and len(rest) >= int(length[0]):
                    break
    head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1")
    lines = head.split("\r\n")
    status = int(lines[0].split()[1]) if lines and len(lines[0].split()) > 1 else 0
    ctype = next((l.split(":", 1)[1].strip() for l in lines[1:] if l.lower().startswith("content-type:")), "")
    return status, ctype
def http(method, path, body=b"", headers=()):
    hs = [f"{method} {path} HTTP/1.1", f"Host: {u.netloc}", f"Authorization: Bearer {token}", "Connection: close"]
    hs += list(headers)
    if body or method in ("POST", "PUT"):
        hs.append(f"Content-Length: {len(body)}")
    return raw(("\r\n".join(hs) + "\r\n\r\n").encode("latin-1") + body)
deep = b"[" * 3000 + b"]" * 3000
probes = [
    ("body nested 3000 levels deep", lambda: http("POST", f"/items/{item}/start", deep, ["Content-Type: application/json"])),
    ("deep body inside a DTO field", lambda: http("POST", "/backlogs", b'{"name":"x","productGoal":"Returning customers pay","policy":' + deep + b"}", ["Content-Type: application/json"])),
    ("malformed percent-encoding in the path", lambda: http("GET", "/items/%E0%A4%A")),
    ("control byte in a header", lambda: raw(b"GET /health HTTP/1.1\r\nHost: x\r\nX-Bad: a\x01b\r\n\r\n")),
    ("garbage request line", lambda: raw(b"GARBAGE\r\n\r\n")),
    ("headers larger than the limit", lambda: http("GET", "/health?x=" + "a" * 20000)),
    ("text/plain body", lambda: http("POST", f"/items/{item}/start", b"hello", ["Content-Type: text/plain"])),
    ("malformed JSON", lambda: http("POST", f"/items/{item}/start", b'{"rationale":', ["Content-Type: application/json"])),
    ("__proto__ in the body", lambda: http("POST", f"/items/{item}/start", b'{"__proto__":{"x":1},"rationale":"Because the review said so, clearly."}', ["Content-Type: application/json"])),
    ("body larger than the limit", lambda: http("POST", f"/items/{item}/start", b'{"rationale":"' + b"a" * 70000 + b'"}', ["Content-Type: application/json"])),
    ("unsupported method on a known path", lambda: http("DELETE", f"/backlogs/{backlog}")),
    ("unknown route", lambda: http("GET", "/nope")),
    ("406 on the audit export", lambda: http("GET", "/audit/events", headers=["Accept: application/xml"])),
]
failed = 0
for name, probe in probes:
    try:
        status, ctype = probe()
    except Exception as e:  # the connection died: no answer at all
        status, ctype = 0, f"no response ({e})"
    ok = 400 <= status < 500 and ctype.startswith("application/problem+json")
    failed += not ok
    print(f"  {'ok  ' if ok else 'FAIL'} {status} {ctype or '-'}  {name}")
sys.exit(1 if failed else 0)
PY
PROBES_RC=$?
set -e

# --- 5. what the app saw, and invariants the fuzzing must not have broken ------------------------------
log "requests the app answered, by route and status (ids shown as :id):"
"$VENV/bin/python" - "$APP_LOG" <<'PY' >&2 || true
import collections, json, re, sys
counts = collections.Counter()
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    try:
        rec = json.loads(line)
    except ValueError:
        continue
    if rec.get("msg") != "request":
        continue
    path = re.sub(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", ":id", rec["url"].split("?")[0])
    path = re.sub(r"^/(items|backlogs)/[^/]+", r"/\1/:id", path)
    counts[(path, rec["method"], rec["status"])] += 1
by_route = collections.defaultdict(dict)
for (path, method, status), n in counts.items():
    by_route[(path, method)][status] = n
for (path, method), st in sorted(by_route.items()):
    if sum(st.values()) < 3:
        continue  # stray paths from path-parameter fuzzing
    print(f"  {method:6} {path:55} " + "  ".join(f"{s}x{n}" for s, n in sorted(st.items())))
five = sum(n for (_, _, s), n in counts.items() if s >= 500)
print(f"  total {sum(counts.values())} requests, {five} answered 5xx")
PY

VERIFY="$(curl -sS "$BASE/audit/verify" -H "Authorization: Bearer $TOKEN" || true)"
VERIFY_OK="$(printf '%s' "$VERIFY" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{console.log(JSON.parse(s).ok===true?"yes":"no")}catch{console.log("no")}})')"
if [[ "$VERIFY_OK" == "yes" ]]; then
  log "hash chains intact after fuzzing: $VERIFY"
else
  log "hash chains NOT intact after fuzzing: $VERIFY"
fi

UNHANDLED=$(grep -c '"unhandled error"' "$APP_LOG" || true)
if [[ "$UNHANDLED" != "0" ]]; then
  log "the app logged $UNHANDLED unhandled error(s):"
  grep '"unhandled error"' "$APP_LOG" | head -n 20 >&2
fi

if [[ $ST_RC -eq 124 || $ST_RC -eq 130 ]]; then
  log "FAILED: schemathesis did not finish within ${FUZZ_MAX_TIME}s (raise FUZZ_MAX_TIME or lower FUZZ_EXAMPLES)"
  exit 1
elif [[ $ST_RC -ne 0 ]]; then
  log "FAILED: schemathesis reported failures (exit $ST_RC); reproduce with FUZZ_SEED=$FUZZ_SEED"
  exit 1
elif [[ $PROBES_RC -ne 0 ]]; then
  log "FAILED: a transport edge case was not answered as a 4xx application/problem+json"
  exit 1
elif [[ "$UNHANDLED" != "0" ]]; then
  log "FAILED: unhandled errors in the app log"
  exit 1
elif [[ "$VERIFY_OK" != "yes" ]]; then
  log "FAILED: GET /audit/verify does not report intact hash chains"
  exit 1
fi
log "PASSED: no contract violations"
