#!/usr/bin/env python3
"""Cross-check `iuinet communities` on a whole dataset against igraph.

    iuinet export -f edgelist -o view.tsv [DATA]
    iuinet communities --compare mini_cluster --format csv -o comm.csv [DATA]
    python3 tests/interop/communities_embedded.py view.tsv comm.csv

Prints igraph's modularity of iuinet's partition (must equal iuinet's
`quality`), the best modularity of igraph's Leiden over 5 seeds, and
scikit-learn's NMI/ARI of both partitions against the compared column
(actors with an empty value left out, as iuinet does). Needs igraph and
scikit-learn (see tests/fixtures/make_communities.py).
"""

import csv
import random
import sys

import igraph as ig
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score


def main(edges_path, comm_path):
    with open(comm_path, newline="") as f:
        rows = list(csv.reader(f))
    header, rows = rows[0], rows[1:]
    ix = {r[0]: i for i, r in enumerate(rows)}
    ours = [int(r[2]) for r in rows]
    label = [r[3] if len(r) > 3 else "" for r in rows]
    edges = []
    with open(edges_path, newline="") as f:
        for line in f:
            if line.startswith(("#", "source\t")):  # the header line
                continue
            a, b = line.rstrip("\n").split("\t")[:2]
            edges.append((ix[a], ix[b]))
    g = ig.Graph(n=len(rows), edges=edges)
    print(f"nodes {g.vcount()} edges {g.ecount()}")
    print(f"igraph modularity of iuinet's partition: {g.modularity(ours):.6f}")
    best = None
    for s in range(5):
        random.seed(s)
        c = g.community_leiden(objective_function="modularity", n_iterations=-1)
        q = g.modularity(c.membership)
        if best is None or q > best[0]:
            best = (q, c.membership)
    print(f"igraph Leiden best of 5 seeds: modularity {best[0]:.6f}, {len(set(best[1]))} communities")
    keep = [i for i, x in enumerate(label) if x]
    lab = [label[i] for i in keep]
    for name, m in (("iuinet", ours), ("igraph", best[1])):
        p = [m[i] for i in keep]
        print(f"{name} vs {header[3]}: NMI {normalized_mutual_info_score(lab, p):.4f} ARI {adjusted_rand_score(lab, p):.4f}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
