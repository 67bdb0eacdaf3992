"""Burt's structural holes (constraint, effective size, efficiency,
hierarchy) from `View.brokers` against NetworkX 3.6.1."""

import math

import networkx as nx
import pytest

import iuinet
from conftest import TOL, fixture_path, nx_graph


def hierarchy(g, v, weight):
    """Burt's hierarchy: Coleman-Theil disorder of the local constraints
    c_vj (from nx.local_constraint), 0 for one contact."""
    nbrs = list(g[v])
    n = len(nbrs)
    if n == 1:
        return 0.0
    cs = [nx.local_constraint(g, v, j, weight=weight) for j in nbrs]
    mean = sum(cs) / n
    return sum((c / mean) * math.log(c / mean) for c in cs) / (n * math.log(n))


@pytest.mark.parametrize(
    "graph,weighting",
    [("karate", "none"), ("karate", "sum"), ("florentine", "none"), ("lesmis", "none"), ("lesmis", "sum")],
)
def test_structural_holes_match_networkx(graph, weighting):
    g = nx_graph(graph, weighting)
    w = "weight" if weighting != "none" else None
    r = iuinet.load(fixture_path(graph)).view(weight=weighting).brokers(by="kind", top=0)
    rows = {b["id"]: b for b in r["brokers"]}
    assert set(rows) == set(g.nodes)
    constraint = nx.constraint(g, weight=w)
    # the per-node path: nx 3.6.1's vectorised weighted path is wrong (PR #8906)
    esize = nx.effective_size(g, nodes=list(g), weight=w)
    for v, b in rows.items():
        assert b["degree"] == g.degree(v)
        assert abs(b["constraint"] - constraint[v]) <= TOL, (v, "constraint")
        assert abs(b["effective_size"] - esize[v]) <= TOL, (v, "effective_size")
        assert abs(b["efficiency"] - esize[v] / g.degree(v)) <= TOL, (v, "efficiency")
        assert abs(b["hierarchy"] - hierarchy(g, v, w)) <= TOL, (v, "hierarchy")


def test_brokers_top_and_order():
    v = iuinet.load(fixture_path("lesmis")).view()
    all_rows = v.brokers(by="kind", top=0)["brokers"]
    top = v.brokers(by="kind", top=5)["brokers"]
    assert top == all_rows[:5]
    assert len(all_rows) == v.n
