#!/usr/bin/env bash
# Regenerates the bundled demo scans in samples/scans/ with ttmtrack-gen (tools/). The output is
# deterministic: running this again must leave `git status` clean. See samples/README.md for the
# story these files tell.
#   samples/regenerate.sh [PATH-TO-ttmtrack-gen]
set -euo pipefail
cd "$(dirname "$0")/.."

gen="${1:-build/release/tools/ttmtrack-gen}"
if [[ ! -x "$gen" ]]; then
  cmake --preset release >/dev/null
  cmake --build --preset release --target ttmtrack-gen >/dev/null
  gen=build/release/tools/ttmtrack-gen
fi
out=samples/scans
mkdir -p "$out"

# The trading subnet. Items: detect= ttm_cmd detections, open= other open ports,
# incomplete = the host's scan did not finish.
a=10.40.8.11,fqdn=trd-gw-01.corp.example,os="Linux Kernel 6.1 on Debian 12",mac=00:50:56:8a:10:11,open=22+443
b=10.40.8.12,fqdn=trd-gw-02.corp.example,os="Linux Kernel 5.14 on Red Hat Enterprise Linux 9",mac=00:50:56:8a:10:12,open=22
c=10.40.8.21,fqdn=ttm-core-01.corp.example,netbios=TTMCORE01,os="Microsoft Windows Server 2022 Standard",mac=00:50:56:8a:10:21,open=3389+445
d=10.40.8.13,fqdn=trd-gw-03.corp.example,os="Linux Kernel 6.1 on Debian 12",mac=00:50:56:8a:10:13,open=22
e=10.40.8.30,fqdn=md-feed-01.corp.example,os="Linux Kernel 6.1 on Debian 12",mac=00:50:56:8a:10:30,open=22+443
f=2001:db8:40:8::50,fqdn=md-feed-v6.corp.example,os="Linux Kernel 6.1 on Debian 12",open=22

# 1. January: the monthly Nessus scan finds ttm_cmd on three hosts; trd-gw-03's scan is cut off.
"$gen" nessus --out "$out/2026-01-12-trading-nessus.nessus" --seed 112 \
  --scan-name "Trading subnet - monthly" --time 2026-01-12T09:00:00Z --duration 2700 \
  --host "$a,detect=5010" --host "$b,detect=5010" --host "$c,detect=10200" \
  --host "$d,incomplete" --host "$e" --host "$f"

# 2. Two weeks later the OpenVAS team scans the same subnet: it confirms the three and also
#    finds trd-gw-03, which Nessus could not finish. Delivered gzip-compressed.
"$gen" gvm --out "$out/2026-01-26-trading-openvas.xml.gz" --gzip --seed 126 \
  --scan-name "Trading subnet (OpenVAS)" --time 2026-01-26T22:00:00Z --duration 3600 \
  --host "$a,detect=5010" --host "$b,detect=5010" --host "$c,detect=10200" \
  --host "$d,detect=5010" --host "$e"

# 3. February: the verification re-scan after firewall change FW-2231. trd-gw-01 and -02 are
#    fixed; ttm-core-01's 10200 is still reachable (the change only covered 5010); trd-gw-03
#    was powered off and is missing, so it is not proved fixed.
"$gen" nessus --out "$out/2026-02-16-trading-verification.nessus" --seed 216 \
  --scan-name "Trading subnet - verification FW-2231" --time 2026-02-16T07:30:00Z --duration 2400 \
  --host "$a" --host "$b" --host "$c,detect=10200" --host "$e" --host "$f"

# 4. March: the monthly scan. A rollback reopened 5010 on trd-gw-01 (a regression);
#    trd-gw-03 is back and clean; 10200 on ttm-core-01 is still open.
"$gen" nessus --out "$out/2026-03-16-trading-nessus.nessus" --seed 316 \
  --scan-name "Trading subnet - monthly" --time 2026-03-16T09:00:00Z --duration 2700 \
  --host "$a,detect=5010" --host "$b" --host "$c,detect=10200" --host "$d" --host "$e" \
  --host "$f"
