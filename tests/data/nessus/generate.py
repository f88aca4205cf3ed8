#!/usr/bin/env python3
"""Regenerates the derived test inputs of this folder from the hand-written ones.

Run from anywhere: python3 tests/data/nessus/generate.py. Output is deterministic (gzip mtime 0),
so re-running leaves git clean unless this script or a source file changed.
"""
import gzip
import pathlib

HERE = pathlib.Path(__file__).resolve().parent


def gz(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def write(name: str, data: bytes) -> None:
    (HERE / name).write_bytes(data)


full = (HERE / "policy-plugin-set-and-port-range.nessus").read_bytes()

# Both formats compressed: same content as the plain file.
write("policy-plugin-set-and-port-range.nessus.gz", gz(full))

# A download cut off inside the plugin_output of the ttm_cmd ReportItem.
cut = full.index(b"The remote ttm_cmd listener answered:") + len(b"The remote ttm_cmd")
truncated = full[:cut]
write("truncated-inside-reportitem.nessus", truncated)
# The same truncated XML, compressed whole: the gzip stream is intact, the XML is not.
write("truncated-inside-reportitem.nessus.gz", gz(truncated))

# A complete export whose gzip stream itself is cut off (no trailer, data missing).
compressed = gz(full)
write("truncated-gzip-stream.nessus.gz", compressed[: len(compressed) * 6 // 10])

# The file as two gzip members back to back (`cat a.gz b.gz`): one stream to zcat, and to us.
half = len(full) // 2
write("two-gzip-members.nessus.gz", gz(full[:half]) + gz(full[half:]))

# A complete gzip stream followed by bytes that start no other member.
write("data-after-gzip-stream.nessus.gz", compressed + b"trailing bytes\n")

# A complete gzip stream with damaged deflate data in the middle.
damaged = bytearray(compressed)
for i in range(len(damaged) // 2, len(damaged) // 2 + 16):
    damaged[i] ^= 0x5A
write("corrupt-gzip.nessus.gz", bytes(damaged))

# Quadratic blowup: one 20 kB entity referenced 2,000 times would expand to 40 MB.
big = "A" * 20000
refs = "&big;" * 2000
write(
    "quadratic-blowup.nessus",
    (
        '<?xml version="1.0" ?>\n'
        f'<!DOCTYPE NessusClientData_v2 [\n  <!ENTITY big "{big}">\n]>\n'
        "<NessusClientData_v2>\n<Report name=\"q\">\n"
        '<ReportHost name="192.0.2.1"><HostProperties></HostProperties>\n'
        '<ReportItem port="0" svc_name="general" protocol="tcp" severity="0" pluginID="1" '
        'pluginName="x" pluginFamily="y">\n'
        f"<plugin_output>{refs}</plugin_output>\n</ReportItem>\n</ReportHost>\n</Report>\n"
        "</NessusClientData_v2>\n"
    ).encode(),
)
