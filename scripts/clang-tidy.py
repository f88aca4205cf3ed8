#!/usr/bin/env python3
"""clang-tidy with the house checks (.clang-tidy; warnings are errors) on every source file of a
built tree, one clang-tidy per core. scripts/test.sh runs it on the ci build; the build must
have run first (it makes the generated schema header and the dependency files used below).

  scripts/clang-tidy.py [BUILD_DIR] [FILE_REGEX]     default: build/ci, every file

Prints each finding once (a header's finding is reported by every file that includes it) and a
count line; exits 1 when there is a finding, 0 when the tree is clean.

A file found clean is remembered under a hash of everything its result depends on: clang-tidy's
version, .clang-tidy, the compile command, and the content of every file the compiler read for
it (the build's dependency file, FILE.o.d), with the checkout's own path taken out so that
another clone or worktree of the same sources finds the same key. A later run skips it until
one of those changes; a file with findings is checked again every time. The memory lives in
$TTMTRACK_TIDY_CACHE, by default ~/.cache/ttmtrack/clang-tidy (as ccache's does, outside the
checkout): a first run on a machine checks every file (about 5 s of CPU each: clang-tidy's
matchers walk the standard library and GoogleTest too); a fresh clone of sources already
checked there, or a rerun after an edit, checks only the files that differ.
"""

import concurrent.futures
import hashlib
import json
import os
import re
import shlex
import subprocess
import sys

TIDY = "clang-tidy"
# Diagnostics only: without colours and clang-tidy's per-file chatter.
CHATTER = re.compile(
    r"^[0-9]+ warnings?( and [0-9]+ errors?)? generated\.$|^Suppressed [0-9]+ warnings|"
    r"^Use -header-filter=|^Error while processing |^Found compiler error")
LOCATION = re.compile(r"^(/[^:]+):(?=[0-9]+:[0-9]+: )")
COLOUR = re.compile(r"\x1b\[[0-9;]*m")
# GCC's precompiled header, which clang cannot read (cmake/PrecompiledHeaders.cmake): without it
# every file must include what it uses, which is what clang-tidy should see anyway.
PCH = re.compile(r" -Winvalid-pch -include \S*cmake_pch\.hxx")


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build/ci"
    only = re.compile(sys.argv[2] if len(sys.argv) > 2 else ".")
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    database = os.path.join(build, "compile_commands.json")
    if not os.path.isfile(database):
        sys.exit(f"clang-tidy.py: no {database}: configure and build first")
    with open(database, encoding="utf-8") as f:
        # Not the compilations that make GCC's precompiled headers: they have no source of ours.
        entries = [e for e in json.load(f)
                   if only.search(e["file"]) and not e["file"].endswith("cmake_pch.hxx.cxx")]
    for entry in entries:
        entry["command"] = PCH.sub("", entry["command"])
    tidy_dir = os.path.abspath(os.path.join(build, "tidy"))
    os.makedirs(tidy_dir, exist_ok=True)
    clean_dir = os.environ.get("TTMTRACK_TIDY_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "ttmtrack",
        "clang-tidy")
    os.makedirs(clean_dir, exist_ok=True)
    with open(os.path.join(tidy_dir, "compile_commands.json"), "w", encoding="utf-8") as f:
        json.dump(entries, f, indent=1)

    hasher = Hasher(os.getcwd())
    context = (subprocess.run([TIDY, "--version"], capture_output=True, text=True, check=True)
               .stdout + hasher.content(".clang-tidy"))
    work = []
    cached = 0
    for entry in entries:
        key = hasher.key(entry, context)
        if key and os.path.exists(os.path.join(clean_dir, key)):
            cached += 1
        else:
            work.append((entry["file"], key))

    findings = {}  # first line of a finding -> the finding with its notes
    failed = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        runs = [pool.submit(run_tidy, tidy_dir, path) for path, _ in work]
        for (path, key), run in zip(work, runs):
            status, output = run.result()
            found = parse_findings(output)
            for first, text in found:
                findings.setdefault(first, text)
            if status == 0 and not found:
                if key:
                    open(os.path.join(clean_dir, key), "w", encoding="utf-8").close()
            elif not found:
                failed.append((path, output))

    for text in findings.values():
        print(text)
    for path, output in failed:
        print(f"clang-tidy failed on {path} without a finding:\n{output}")
    print(f"clang-tidy: {len(entries)} files ({cached} unchanged since found clean), "
          f"{len(findings)} findings")
    sys.exit(1 if findings or failed else 0)


def run_tidy(tidy_dir, path):
    # -Wno-unknown-warning-option: the compile commands are GCC's (-Wno-restrict is unknown to
    # clang).
    result = subprocess.run(
        [TIDY, "-p", tidy_dir, "-quiet", "--extra-arg=-Wno-unknown-warning-option", path],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False)
    return result.returncode, COLOUR.sub("", result.stdout)


def parse_findings(output):
    """Each diagnostic with the note and source lines under it, keyed by its first line. Paths
    are made relative to the repository (headers are reached through build/*/include_roots/)."""
    found = []
    for line in output.splitlines():
        if CHATTER.search(line):
            continue
        line = LOCATION.sub(lambda m: os.path.relpath(os.path.realpath(m.group(1))) + ":", line)
        if re.search(r": (error|warning): ", line):
            found.append([line])
        elif found:
            found[-1].append(line)
    return [(lines[0], "\n".join(lines)) for lines in found]


class Hasher:
    """Content hashes of files, each file read once per run."""

    def __init__(self, root):
        self.hashes = {}
        self.root = root + os.sep

    def portable(self, text):
        """`text` without the checkout's own path, the same in every clone."""
        return text.replace(self.root, "")

    def content(self, path):
        if path not in self.hashes:
            digest = hashlib.sha256()
            with open(path, "rb") as f:
                digest.update(f.read())
            self.hashes[path] = digest.hexdigest()
        return self.hashes[path]

    def key(self, entry, context):
        """The hash of what the file's result depends on, or None when the build's dependency
        file is missing or older than a file it lists (then the list may be incomplete)."""
        words = shlex.split(entry["command"])
        if "-o" not in words:
            return None
        depfile = os.path.join(entry["directory"], words[words.index("-o") + 1] + ".d")
        try:
            with open(depfile, encoding="utf-8") as f:
                text = f.read()
            made = os.stat(depfile).st_mtime
        except OSError:
            return None
        # "target: dep dep \<newline> dep ...": paths relative to the build folder.
        deps = text.replace("\\\n", " ").split(":", 1)[-1].split()
        digest = hashlib.sha256(context.encode())
        digest.update(self.portable(entry["command"]).encode())
        for dep in deps:
            path = os.path.normpath(os.path.join(entry["directory"], dep))
            try:
                if os.stat(path).st_mtime > made:
                    return None
                digest.update(self.portable(path).encode() + b"\0" + self.content(path).encode())
            except OSError:
                return None
        return digest.hexdigest()


if __name__ == "__main__":
    main()
