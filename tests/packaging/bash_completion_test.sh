#!/usr/bin/env bash
# The bash completion offers every command and every option `ttmtrack ... --help` lists.
#   bash_completion_test.sh TTMTRACK_BINARY SOURCE_DIR
set -euo pipefail
binary=$1
completion=$2/packaging/bash-completion/ttmtrack
bash -n "$completion"

# The options of one help text: the "Options:" section only (the footer mentions others).
options_of() {
  "$binary" "$@" --help | awk '/^Options:/{on=1; next} /^[A-Z][a-z]*:/{on=0} on' |
    grep -oE -- '--[a-z][a-z-]*' | sort -u
}

missing=0
check() {
  local word=$1 where=$2
  if ! grep -qE -- "(^|[ \"])${word}([ \")]|$)" "$completion"; then
    echo "missing from the completion: $word ($where)"
    missing=1
  fi
}

# A command list's entries: two spaces, the name, then at least two spaces (the column).
names_of() {
  "$binary" "$@" --help | awk '/^Subcommands:/{on=1; next} /^$/{on=0}
    on && /^  [a-z][a-z-]*(  |$)/ {print $1}'
}

commands=$(names_of)
for option in $(options_of); do check "$option" "ttmtrack"; done
for command in $commands; do
  check "$command" "command"
  for option in $(options_of "$command"); do check "$option" "ttmtrack $command"; done
  actions=$(names_of "$command")
  for action in $actions; do
    check "$action" "ttmtrack $command"
    for option in $(options_of "$command" "$action"); do
      check "$option" "ttmtrack $command $action"
    done
  done
done
[[ $missing -eq 0 ]] && echo "every command and option is completed"
exit $missing
