"""Seeded generator of domain-like collaboration data (shared by peers.py).

n actors with heavy-tailed activity (Pareto, shape 1.6); events whose sizes
are heavy-tailed (2 + Pareto(1.25), capped at 80) and whose members are
drawn by activity; plus n//2 dyadic ties. Writes an iuinet dataset
(actors.csv, events.csv, ties.csv) and the projected simple edge list.
"""

import csv
import os
import random
from bisect import bisect_left
from itertools import accumulate


def generate(n, events, seed):
    rng = random.Random(seed)
    act = [rng.paretovariate(1.6) for _ in range(n)]
    cum = list(accumulate(act))
    total = cum[-1]

    def draw():
        return bisect_left(cum, rng.random() * total)

    groups = []
    for _ in range(events):
        size = min(2 + int(rng.paretovariate(1.25)) - 1, 80)
        m = set()
        tries = 0
        while len(m) < size and tries < 20 * size:
            m.add(min(draw(), n - 1))
            tries += 1
        groups.append(sorted(m))
    ties = []
    for _ in range(n // 2):
        a, b = min(draw(), n - 1), rng.randrange(n)
        if a != b:
            ties.append((a, b))
    return groups, ties


def edges_of(n, groups, ties):
    e = set()
    for g in groups:
        for i, a in enumerate(g):
            for b in g[i + 1:]:
                e.add((a, b) if a < b else (b, a))
    for a, b in ties:
        e.add((a, b) if a < b else (b, a))
    return sorted(e)


def write_dataset(d, n, groups, ties):
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "actors.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "kind"])
        for i in range(n):
            w.writerow([f"a{i:06d}", ["firm", "university", "institute", "agency"][i % 4]])
    with open(os.path.join(d, "events.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["event_id", "type", "year", "actor_id"])
        for k, g in enumerate(groups):
            for a in g:
                w.writerow([f"e{k:06d}", "forum", 2005 + k % 5, f"a{a:06d}"])
    with open(os.path.join(d, "ties.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "target", "type", "year", "weight"])
        for a, b in ties:
            w.writerow([f"a{a:06d}", f"a{b:06d}", "supply", 2007, 1])


if __name__ == "__main__":
    import sys

    n, ev = int(sys.argv[1]), int(sys.argv[2])
    g, t = generate(n, ev, 1)
    e = edges_of(n, g, t)
    inc = sum(len(x) for x in g) + len(t) * 2
    print(n, "actors", len(g), "events", len(e), "links", "incidences", inc)
