#!/usr/bin/env python3
"""Regenerates the derived GVM test inputs from the hand-written ones (deterministic gzip)."""
import gzip
import pathlib

HERE = pathlib.Path(__file__).resolve().parent

full = (HERE / "bare-report.xml").read_bytes()
(HERE / "bare-report.xml.gz").write_bytes(gzip.compress(full, compresslevel=9, mtime=0))

# Cut inside the second result's <nvt> element.
cut = full.index(b"<family>Product detection")
(HERE / "truncated-inside-result.xml").write_bytes(full[:cut])
