#!/usr/bin/env python3
"""Exact unweighted betweenness: iuinet against igraph, NetworKit, rustworkx
and NetworkX on the same generated graphs, in one run.

Usage (from the repository root):

    python3 benches/peers.py [--threads 2] [--sizes small,medium,large]

Creates a virtualenv under target/peer-venv (pip-installs igraph, networkit,
rustworkx, networkx) on first use and re-runs itself inside it. For each size
it writes an iuinet dataset (actors.csv, events.csv, ties.csv) and the
projected simple edge list under target/peer-data/<size>/, then times:

- iuinet: `iuinet centrality DIR --measures betweenness -v` (release build),
  the time of its `betweenness` stage only (ingest and view building are
  reported separately and excluded, like graph loading for the peers);
- igraph `Graph.betweenness()` (C, one thread);
- NetworKit `Betweenness(G, normalized=True)` (OpenMP, --threads threads);
- rustworkx `betweenness_centrality(G, normalized=True, parallel_threshold=50)`
  (Rust/rayon, RAYON_NUM_THREADS=--threads);
- NetworkX `betweenness_centrality` (pure Python; small graph only).

Each peer is timed after its graph is built, once (these runs take seconds).
It checks that every result agrees with iuinet's (max relative difference
after bringing each to NetworkX's normalisation) and prints a table of times
and ratios to the faster of igraph and NetworKit.
"""

import argparse
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, "target", "peer-venv")
PY = os.path.join(VENV, "bin", "python")
SIZES = {
    # name: (actors, events); about 12.5 links per actor like the graphs
    "small": (1000, 300),
    "medium": (5000, 2010),
    "large": (20000, 6550),
}


def ensure_venv():
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
        return
    if not os.path.exists(PY):
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
        subprocess.check_call(
            [PY, "-m", "pip", "install", "-q", "igraph", "networkit", "rustworkx", "networkx"]
        )
    os.execv(PY, [PY] + sys.argv)


def timed(f):
    t = time.perf_counter()
    r = f()
    return time.perf_counter() - t, r


def maxrel(a, b):
    m = 0.0
    for x, y in zip(a, b):
        d = abs(x - y) / max(abs(y), 1e-12)
        if abs(x - y) > 1e-12:
            m = max(m, d)
    return m


def main():
    ensure_venv()
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import gen_domain

    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--sizes", default="small,medium,large")
    ap.add_argument("--networkx-max", type=int, default=1000, help="largest n NetworkX runs on")
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "iuinet"))
    a = ap.parse_args()
    th = str(a.threads)
    os.environ["RAYON_NUM_THREADS"] = th
    os.environ["OMP_NUM_THREADS"] = th
    if not os.path.exists(a.bin):
        subprocess.check_call(["cargo", "build", "--release", "--quiet"], cwd=ROOT)

    import igraph
    import networkit as nk
    import networkx as nx
    import rustworkx as rx

    nk.setNumberOfThreads(a.threads)
    rows = []
    for name in a.sizes.split(","):
        n, ev = SIZES[name]
        groups, ties = gen_domain.generate(n, ev, 1)
        edges = gen_domain.edges_of(n, groups, ties)
        d = os.path.join(ROOT, "target", "peer-data", name)
        gen_domain.write_dataset(d, n, groups, ties)
        with open(os.path.join(d, "edges.txt"), "w") as f:
            for u, v in edges:
                f.write(f"{u} {v}\n")
        m = len(edges)
        norm = 2.0 / ((n - 1) * (n - 2))
        res = {}

        # iuinet: the `betweenness` stage of -v
        p = subprocess.run(
            [a.bin, "centrality", d, "--measures", "betweenness", "--format", "json", "-v"],
            capture_output=True, text=True, check=True,
        )
        stage = {}
        for line in p.stderr.splitlines():
            if line.startswith("["):
                secs, label = line[1:].split("s]", 1)
                stage[label.strip()] = float(secs)
        out = json.loads(p.stdout)
        ids = {f"a{i:06d}": i for i in range(n)}
        ib = [0.0] * n
        for node in out["nodes"]:
            ib[ids[node["id"]]] = node["betweenness"]
        res["iuinet"] = (stage["betweenness"], ib, out["view"].get("traversal"))

        g = igraph.Graph(n=n, edges=edges)
        t, r = timed(lambda: g.betweenness(directed=False))
        res["igraph"] = (t, [x * norm for x in r], "")

        G = nk.Graph(n)
        for u, v in edges:
            G.addEdge(u, v)
        b = nk.centrality.Betweenness(G, normalized=True)
        t, _ = timed(b.run)
        res["networkit"] = (t, b.scores(), f"{a.threads} threads")

        R = rx.PyGraph()
        R.add_nodes_from(range(n))
        R.add_edges_from_no_data(edges)
        t, r = timed(
            lambda: rx.betweenness_centrality(R, normalized=True, parallel_threshold=50)
        )
        res["rustworkx"] = (t, [r[i] for i in range(n)], f"{a.threads} threads")

        if n <= a.networkx_max:
            X = nx.Graph()
            X.add_nodes_from(range(n))
            X.add_edges_from(edges)
            t, r = timed(lambda: nx.betweenness_centrality(X, normalized=True))
            res["networkx"] = (t, [r[i] for i in range(n)], "")

        best = min(res["igraph"][0], res["networkit"][0])
        for tool, (t, vals, note) in res.items():
            rows.append(
                (name, n, m, tool, t, best / t, maxrel(vals, ib), note or "")
            )
        print(f"# {name}: n={n} m={m}; iuinet stages: {stage}", file=sys.stderr)

    print(f"threads: {a.threads}")
    print(f"| graph | actors | links | tool | betweenness s | speed vs best of igraph/NetworKit | max rel. diff to iuinet | note |")
    print(f"| --- | ---: | ---: | --- | ---: | ---: | ---: | --- |")
    for name, n, m, tool, t, ratio, diff, note in rows:
        print(f"| {name} | {n} | {m} | {tool} | {t:.3f} | {ratio:.2f}x | {diff:.1e} | {note} |")


if __name__ == "__main__":
    main()
