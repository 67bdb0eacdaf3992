#!/usr/bin/env python3
"""The declared minimum Rust version, checked on a one-toolchain machine.

Only one Rust toolchain can be installed where CI runs, so the build on the
minimum version is approximated by two checks: clippy's `incompatible_msrv`
lint (part of `cargo clippy -D warnings`) flags standard-library APIs newer
than `rust-version`, and this script fails when any crate in the resolved
dependency graph declares a `rust-version` newer than ours.
"""
import json
import subprocess
import sys


def key(v):
    """1.88 and 1.88.0 are the same version."""
    parts = [int(x) for x in v.split(".")]
    return tuple(parts + [0] * (3 - len(parts)))


meta = json.loads(subprocess.run(
    ["cargo", "metadata", "--format-version", "1", "--locked"],
    check=True, capture_output=True, text=True).stdout)
ours = {p["name"]: p["rust_version"] for p in meta["packages"] if p["source"] is None}
floor = max(key(v) for v in ours.values() if v)
bad = [(p["name"], p["version"], p["rust_version"]) for p in meta["packages"]
       if p.get("rust_version") and key(p["rust_version"]) > floor]
for name, version, rv in bad:
    print(f"{name} {version} needs Rust {rv}, above the declared minimum", file=sys.stderr)
print(f"minimum Rust {'.'.join(map(str, floor[:2]))}: {len(meta['packages'])} crates checked, {len(bad)} above it")
sys.exit(1 if bad else 0)
