#!/usr/bin/env bash
# Regenerates the rulesets of this folder from source/ with the real tools, each in a network
# namespace of its own so the machine's firewall is never touched. By hand, as root, with
# Debian 12's iptables (iptables-nft), ipset and nftables installed; the tests only read the
# output, so neither CI nor a developer needs these tools.
#   source/NAME.v4, NAME.v6   iptables-restore input   -> NAME.iptables (iptables-save output,
#                                                         then ip6tables-save output when both
#                                                         exist; NAME.ipset's sets before them)
#   source/NAME.nft           an nft script            -> NAME.json (nft -j list ruleset)
set -euo pipefail
cd "$(dirname "$0")"

for source in source/*.v4 source/*.v6; do
  name=$(basename "${source%.*}")
  [[ -f "$name.iptables" && "$source" == *.v6 && -f "source/$name.v4" ]] && continue
  unshare -n bash -c '
    set -euo pipefail
    name=$1
    if [[ -f source/$name.ipset ]]; then ipset restore < "source/$name.ipset"; ipset save; fi
    if [[ -f source/$name.v4 ]]; then iptables-restore < "source/$name.v4"; iptables-save; fi
    if [[ -f source/$name.v6 ]]; then ip6tables-restore < "source/$name.v6"; ip6tables-save; fi
  ' _ "$name" > "$name.iptables"
done

for source in source/*.nft; do
  name=$(basename "${source%.nft}")
  unshare -n bash -c 'nft -f "$1" && nft -j list ruleset' _ "$source" > "$name.json"
done
