#!/usr/bin/env bash
# The test command: installs and starts what the tests need (dotnet tools, Azurite, Chromium), builds,
# runs the CI checks and every test. Works on a fresh clone; .ci/run calls exactly this.
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Playwright drives Debian's Chromium; it must never fetch a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

step() { printf '\n==> %s\n' "$*"; }

step "dotnet tools (dotnet-ef) from the tool manifest"
dotnet tool restore

step "Azurite from tools/test-services/package-lock.json"
services="tools/test-services"
stamp="$services/node_modules/.lock-sha256"
lock_sha="$(sha256sum "$services/package-lock.json" | cut -d' ' -f1)"
if [ ! -x "$services/node_modules/.bin/azurite" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$lock_sha" ]; then
  npm ci --prefix "$services" --no-audit --no-fund --loglevel=error
  echo "$lock_sha" > "$stamp"
fi

step "Chromium (Debian package) for the dashboard tests"
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null) \
      || { echo "Could not install chromium with apt-get." >&2; exit 1; }
  else
    echo "Chromium is missing: run 'sudo apt-get install chromium' (Debian/Ubuntu) and re-run." >&2
    exit 1
  fi
fi
chromium --version 2>/dev/null || true

step "Older SQLite readers (sqlite3 shell, Python) for the mart's compatibility tests"
missing=()
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null) \
      || { echo "Could not install ${missing[*]} with apt-get." >&2; exit 1; }
  else
    echo "Missing ${missing[*]}: run 'sudo apt-get install ${missing[*]}' (Debian/Ubuntu) and re-run." >&2
    exit 1
  fi
fi
echo "sqlite3 $(sqlite3 --version | cut -d' ' -f1); $(python3 -c 'import sqlite3; print("python sqlite3", sqlite3.sqlite_version)')"

step "Starting Azurite on 127.0.0.1 (blob 10000, queue 10001, table 10002)"
azurite_dir="$(mktemp -d)"
azurite_pid=""
stop_azurite() {
  if [ -n "$azurite_pid" ] && kill -0 "$azurite_pid" 2>/dev/null; then
    kill "$azurite_pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$azurite_pid" 2>/dev/null || break; sleep 0.25; done
    # azurite-queue ignores SIGTERM: be firm.
    pkill -9 -P "$azurite_pid" 2>/dev/null || true
    kill -9 "$azurite_pid" 2>/dev/null || true
  fi
  rm -rf "$azurite_dir"
}
trap stop_azurite EXIT
if (exec 3<>/dev/tcp/127.0.0.1/10000) 2>/dev/null; then
  echo "Azurite (or another emulator) already listens on 10000; using it."
else
  "$services/node_modules/.bin/azurite" --silent --skipApiVersionCheck --loose \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --location "$azurite_dir" --debug "$azurite_dir/debug.log" >"$azurite_dir/azurite.out" 2>&1 &
  azurite_pid=$!
  for _ in $(seq 1 120); do
    (exec 3<>/dev/tcp/127.0.0.1/10000) 2>/dev/null && break
    kill -0 "$azurite_pid" 2>/dev/null || { cat "$azurite_dir/azurite.out" >&2; echo "Azurite exited." >&2; exit 1; }
    sleep 0.5
  done
  (exec 3<>/dev/tcp/127.0.0.1/10000) 2>/dev/null || { echo "Azurite did not start listening." >&2; exit 1; }
  echo "Azurite up (pid $azurite_pid)."
fi

step "Build (warnings are errors)"
dotnet build SharedServicesPipeline.sln -c Debug -nologo -v minimal

step "CI checks: migrations and the SQL Server script"
bash datamart/sql/check.sh
if [ -f infra/build.sh ]; then
  step "CI checks: Bicep build and lint"
  bash infra/build.sh
fi

step "Tests"
log="$(mktemp)"
set +e
dotnet test SharedServicesPipeline.sln --no-build -c Debug -nologo --logger "console;verbosity=normal" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One plain closing line for people and CI: totals over every test assembly.
total() { { grep -Eo "$1: +[0-9]+" "$log" || true; } | awk '{ s += $2 } END { print s + 0 }'; }
passed=$(total Passed); failed=$(total Failed); skipped=$(total Skipped)
rm -f "$log"
echo
echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
if [ "$status" -eq 0 ] && [ "${passed:-0}" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit "$status"
