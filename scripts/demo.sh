#!/usr/bin/env bash
# The main job on the bundled sample scans (README, first command): installs what is missing,
# builds ttmtrack, imports samples/scans/ into ./ttmtrack.db, shows the exposures' status and
# writes the auditors' HTML report to ./report/. Safe to run again: the database already holds
# the samples, so the imports say "already imported" and the report is rewritten.
#   scripts/demo.sh [--db PATH] [--out DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

db=ttmtrack.db
out=report
while [[ $# -gt 0 ]]; do
  case "$1" in
    --db) db="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "usage: scripts/demo.sh [--db PATH] [--out DIR]" >&2; exit 64 ;;
  esac
done

scripts/setup-deps.sh

echo "== build (release)"
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target ttmtrack >/dev/null
ttmtrack=build/release/cli/ttmtrack

echo "== ttmtrack --db $db import samples/scans/*"
# Imports oldest first only for readability: any order gives the same result.
"$ttmtrack" --db "$db" import samples/scans/*

echo
echo "== ttmtrack --db $db status"
"$ttmtrack" --db "$db" status

echo
# The sample hosts are in 10.40.8.0/24 (the trading subnet): it is the network the report's
# firewall rules keep allowed to the ttm_cmd port.
echo "== ttmtrack --db $db report --out $out --trusted-net 10.40.8.0/24"
"$ttmtrack" --db "$db" report --out "$out" --trusted-net 10.40.8.0/24
echo
echo "Open $out/index.html in a browser. The database is $db: try"
echo "  $ttmtrack --db $db history 10.40.8.11"
echo "  $ttmtrack --db $db detections"
echo "  $ttmtrack --help"
