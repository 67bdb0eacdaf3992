"""Centralities against NetworkX 3.6.1 on karate, Florentine families and
Les Misérables (the repository's fixtures), at the Rust tests' tolerances."""

import networkx as nx
import numpy as np
import pytest

import iuinet
from conftest import TOL, TOL_ITER, fixture_path, nx_graph

CASES = [
    ("karate", "none"),
    ("karate", "sum"),
    ("florentine", "none"),
    ("lesmis", "none"),
    ("lesmis", "sum"),
]


def check(ids, got, want, tol, what):
    want = np.array([want[i] for i in ids], dtype=float)
    got = np.asarray(got, dtype=float)
    diff = np.abs(got - want)
    worst = int(np.argmax(diff))
    assert diff[worst] <= tol, f"{what}: {ids[worst]} got {got[worst]!r}, NetworkX {want[worst]!r}"


@pytest.mark.parametrize("graph,weighting", CASES)
def test_centrality_matches_networkx(graph, weighting):
    g = nx_graph(graph, weighting)
    v = iuinet.load(fixture_path(graph)).view(weight=weighting)
    assert (v.n, v.m) == (g.number_of_nodes(), g.number_of_edges())
    c = v.centrality()
    ids = c["id"]
    assert ids == sorted(g.nodes)
    assert c["kind"] == ["other"] * len(ids)
    weighted = weighting != "none"
    w = "weight" if weighted else None
    assert c["degree"].dtype == np.int64 and c["core"].dtype == np.int64
    assert c["degree"].tolist() == [g.degree(i) for i in ids]
    assert c["core"].tolist() == [nx.core_number(g)[i] for i in ids]
    check(ids, c["strength"], dict(g.degree(weight="weight")), TOL, "strength")
    # exact path sums (integer lengths) so NetworkX sees every tie
    check(ids, c["betweenness"], nx.betweenness_centrality(g, normalized=True, weight="idist" if weighted else None), TOL, "betweenness")
    dist = "distance" if weighted else None
    check(ids, c["closeness"], nx.closeness_centrality(g, distance=dist), TOL, "closeness")
    check(ids, c["harmonic"], nx.harmonic_centrality(g, distance=dist), TOL, "harmonic")
    check(ids, c["eigenvector"], nx.eigenvector_centrality_numpy(g, weight=w), TOL_ITER, "eigenvector")
    check(ids, c["pagerank"], nx.pagerank(g, alpha=0.85, weight=w, tol=1e-15, max_iter=100000), TOL_ITER, "pagerank")


def test_measure_subset_order_and_frame():
    v = iuinet.load(fixture_path("florentine")).view()
    c = v.centrality(["pagerank", "degree"])
    assert list(c) == ["id", "kind", "pagerank", "degree"]
    full = v.centrality()
    assert np.array_equal(c["pagerank"], full["pagerank"])
    assert np.array_equal(v.centrality("degree,pagerank")["degree"], full["degree"])
    df = v.centrality(["betweenness"], as_frame=True)
    assert list(df.columns) == ["kind", "betweenness"]
    assert df.index.tolist() == full["id"]
    assert df.loc["Medici", "betweenness"] == full["betweenness"][full["id"].index("Medici")]


def test_approx_is_seeded_and_close():
    v = iuinet.load(fixture_path("lesmis")).view()
    a = v.centrality(["betweenness"], approx=0.05, seed=7)
    b = v.centrality(["betweenness"], approx=0.05, seed=7)
    assert np.array_equal(a["betweenness"], b["betweenness"])
    exact = v.centrality(["betweenness"])["betweenness"]
    assert np.max(np.abs(a["betweenness"] - exact)) < 0.1
