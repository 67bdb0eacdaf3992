#!/usr/bin/env python3
"""Cross-check the `network.structure` figures of `iuinet metrics` on a
whole dataset against igraph.

    iuinet export -f edgelist -o view.tsv [DATA]
    iuinet communities --format csv -o comm.csv [DATA]      # the actor list
    iuinet metrics --only network -o net.json [DATA]
    python3 tests/interop/structure_embedded.py view.tsv comm.csv net.json

Prints igraph's transitivity, average local clustering (zeros counted),
degree assortativity, diameter and exact mean distance (unconnected pairs
left out) next to iuinet's.
"""

import csv
import json
import sys

import igraph as ig


def main(edges_path, nodes_path, metrics_path):
    with open(nodes_path, newline="") as f:
        ids = [r[0] for r in list(csv.reader(f))[1:]]
    ix = {a: i for i, a in enumerate(ids)}
    edges = []
    with open(edges_path) as f:
        for line in f:
            if not line.startswith(("#", "source\t")):  # the header line
                a, b = line.split("\t")[:2]
                edges.append((ix[a], ix[b]))
    g = ig.Graph(n=len(ids), edges=edges)
    s = json.load(open(metrics_path))["network"]["structure"]
    rows = [
        ("transitivity", g.transitivity_undirected(), s["clustering"]["transitivity"]),
        ("average clustering", g.transitivity_avglocal_undirected(mode="zero"), s["clustering"]["average"]),
        ("degree assortativity", g.assortativity_degree(directed=False), s["degree_assortativity"]),
        ("diameter", g.diameter(directed=False, unconn=True), s["distances"]["diameter"]),
        ("mean distance", g.average_path_length(directed=False, unconn=True), s["distances"]["mean_distance"]),
    ]
    for name, ref, ours in rows:
        print(f"{name:22} igraph {ref:.6f}  iuinet {ours:.6f}")
    print(f"iuinet mean distance std error: {s['distances']['mean_distance_std_error']:.6f} (exact: {s['distances']['exact']})")


if __name__ == "__main__":
    main(*sys.argv[1:4])
