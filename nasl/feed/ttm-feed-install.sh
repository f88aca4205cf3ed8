#!/bin/sh
# ttm-feed-install: copies the packaged ttm_cmd plugins into a scanner's plugin directory.
# It only ever writes under the directories it is given; see --help and docs/nasl.md.
set -eu

prog=ttm-feed-install
# The confirmed tier and the unconfirmed-listener tier; the second depends on the first.
plugins="ttm_cmd_detect.nasl ttm_cmd_unconfirmed.nasl"
# ttmtrack's own plugin_feed_info.inc carries this marker; any other one belongs to a feed.
marker='ttmtrack private feed'

usage() {
  cat <<EOF
Usage: $prog [--openvas DIR] [--nessus DIR] [--from FEED_DIR] [--dry-run]

Installs the plugins ($plugins)
from a feed built by the ttm_feed CMake target (FEED_DIR defaults to the directory of this
script).

  --openvas DIR  DIR is the OpenVAS plugins_folder (see 'openvas -s'). Copies the plugins to
                 DIR/private/. If DIR has no plugin_feed_info.inc (a folder that only holds
                 private plugins) or ttmtrack's own, also writes plugin_feed_info.inc with a
                 new PLUGIN_SET and a sha256sums of every .nasl/.inc in DIR. A feed's own
                 plugin_feed_info.inc and sha256sums are never changed.
  --nessus DIR   DIR is the Nessus plugins directory (/opt/nessus/lib/nessus/plugins).
                 Copies the plugins there.
  --from DIR     Where the built feed is (holds openvas/ and nessus/).
  --dry-run      Print what would be done; change nothing.

DIR must already exist: nothing is created outside it, and no default path is assumed.
Exit codes: 0 done; 64 usage; 66 a directory or feed file is missing; 74 a copy failed.
EOF
}

die() { code=$1; shift; echo "$prog: $*" >&2; exit "$code"; }

feed_dir=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
openvas_dir=
nessus_dir=
dry_run=no
while [ $# -gt 0 ]; do
  case $1 in
    --openvas) [ $# -ge 2 ] || die 64 "--openvas needs a directory"; openvas_dir=$2; shift 2 ;;
    --nessus) [ $# -ge 2 ] || die 64 "--nessus needs a directory"; nessus_dir=$2; shift 2 ;;
    --from) [ $# -ge 2 ] || die 64 "--from needs a directory"; feed_dir=$2; shift 2 ;;
    --dry-run) dry_run=yes; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die 64 "unknown argument: $1" ;;
  esac
done
[ -n "$openvas_dir$nessus_dir" ] || { usage >&2; die 64 "give --openvas DIR and/or --nessus DIR"; }

run() {
  if [ "$dry_run" = yes ]; then echo "would run: $*"; else "$@" || die 74 "failed: $*"; fi
}

need_file() { [ -f "$1" ] || die 66 "$1 is missing: build the ttm_feed target first"; }
need_dir() { [ -d "$1" ] || die 66 "$1 is not an existing directory"; }

install_openvas() {
  dir=$1
  need_dir "$dir"
  for plugin in $plugins; do need_file "$feed_dir/openvas/private/$plugin"; done
  need_file "$feed_dir/openvas/plugin_feed_info.inc"
  run mkdir -p "$dir/private"
  for plugin in $plugins; do
    run cp "$feed_dir/openvas/private/$plugin" "$dir/private/$plugin"
    run chmod 0644 "$dir/private/$plugin"
  done
  if [ ! -e "$dir/plugin_feed_info.inc" ] || grep -q "$marker" "$dir/plugin_feed_info.inc"; then
    run cp "$feed_dir/openvas/plugin_feed_info.inc" "$dir/plugin_feed_info.inc"
    if [ "$dry_run" = yes ]; then
      echo "would write: $dir/sha256sums"
    else
      (cd "$dir" && find . -type f \( -name '*.nasl' -o -name '*.inc' \) | sed 's|^\./||' |
        LC_ALL=C sort | while IFS= read -r f; do sha256sum -- "$f"; done) > "$dir/sha256sums.new" ||
        die 74 "cannot write $dir/sha256sums"
      mv "$dir/sha256sums.new" "$dir/sha256sums"
    fi
    echo "$prog: OpenVAS: installed $plugins in $dir/private/ with PLUGIN_SET" \
      "$(sed -n 's/^PLUGIN_SET = "\([0-9]*\)";/\1/p' "$feed_dir/openvas/plugin_feed_info.inc")"
  else
    echo "$prog: OpenVAS: installed $plugins in $dir/private/; $dir holds a feed, so its" \
      "plugin_feed_info.inc and sha256sums were left alone"
  fi
  cat <<EOF
Next (as the scanner's user): keep private/ in the feed sync's private-directory setting,
then 'openvas --update-vt-info', restart ospd-openvas, and 'gvmd --rebuild' if the manager
does not list the plugins. With signature checking on, sign sha256sums (docs/nasl.md).
EOF
}

install_nessus() {
  dir=$1
  need_dir "$dir"
  for plugin in $plugins; do need_file "$feed_dir/nessus/$plugin"; done
  for plugin in $plugins; do
    run cp "$feed_dir/nessus/$plugin" "$dir/$plugin"
    run chmod 0644 "$dir/$plugin"
  done
  echo "$prog: Nessus: installed $plugins in $dir"
  cat <<EOF
Next: stop nessusd, run 'nessusd -R' to rebuild the plugin database, start nessusd. Or load
$feed_dir/nessus/ttm_cmd_detect-custom-plugins.tar.gz with 'nessuscli update <archive>'.
EOF
}

[ -z "$openvas_dir" ] || install_openvas "$openvas_dir"
[ -z "$nessus_dir" ] || install_nessus "$nessus_dir"
