"""Shared fixtures: the repository's reference graphs, NetworkX graphs built
independently from the same CSV files, and the CLI binary."""

import csv
import math
import os
import pathlib
import subprocess
from fractions import Fraction

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"

# The Rust tests' tolerances (tests/centrality_fixtures.rs).
TOL = 1e-9
TOL_ITER = 1e-7  # eigenvector, PageRank


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def nx_graph(name, weighting="none"):
    """The simple actor graph of tests/fixtures/NAME as NetworkX sees it:
    ``weight`` = pair weight (1 when unweighted; the sum of tie weights
    for ``sum``), ``distance`` = 1/weight, ``idist`` = an integer multiple
    of the distance (exact path sums, so NetworkX finds every shortest-path
    tie)."""
    import networkx as nx

    d = FIXTURES / name
    g = nx.Graph()
    for a in read_csv(d / "actors.csv"):
        g.add_node(a["id"], kind=a["kind"])
    pw = {}
    for t in read_csv(d / "ties.csv"):
        key = tuple(sorted((t["source"], t["target"])))
        w = Fraction(t["weight"] or "1")
        pw[key] = pw.get(key, 0) + w
    if weighting == "none":
        pw = {k: Fraction(1) for k in pw}
    lcm = 1
    for w in pw.values():
        lcm = lcm * w.numerator // math.gcd(lcm, w.numerator)
    for (a, b), w in pw.items():
        g.add_edge(a, b, weight=float(w), distance=float(1 / w), idist=int(lcm / w))
    return g


def fixture_path(name):
    # the same string goes to the CLI and to iuinet.load, so "data" agrees
    return str(FIXTURES / name)


@pytest.fixture(scope="session")
def default_net():
    import iuinet

    return iuinet.default()


def _binary():
    env = os.environ.get("IUINET_BIN")
    if env:
        p = pathlib.Path(env)
        if not p.is_file():
            pytest.fail(f"IUINET_BIN={env} is not a file")
        return p
    p = ROOT / "target" / "release" / "iuinet"
    if not p.is_file():
        pytest.skip("no CLI binary: run cargo build --release or set IUINET_BIN")
    return p


@pytest.fixture(scope="session")
def cli():
    """Run the iuinet CLI, return its stdout bytes (exit code must be 0)."""
    exe = _binary()

    def run(*args):
        r = subprocess.run(
            [str(exe), "--quiet", *map(str, args)], capture_output=True, cwd=ROOT
        )
        assert r.returncode == 0, r.stderr.decode(errors="replace")
        return r.stdout

    return run
