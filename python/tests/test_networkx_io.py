"""to_networkx / from_networkx round trips, and to_igraph."""

import networkx as nx
import numpy as np
import pytest

import iuinet
from conftest import fixture_path


def edge_set(g, attr="weight"):
    return {(min(a, b), max(a, b), d[attr]) for a, b, d in g.edges(data=True)}


def test_karate_round_trip():
    k = nx.karate_club_graph()
    net = iuinet.from_networkx(k)
    assert len(net) == 34 and net.data == "networkx graph"
    v = net.view(weight="sum")
    h = v.to_networkx()
    want = nx.relabel_nodes(k, str)
    assert set(h.nodes) == set(want.nodes)
    assert edge_set(h) == {(min(a, b), max(a, b), float(d["weight"])) for a, b, d in want.edges(data=True)}
    assert all(d["links"] == 1 for _, _, d in h.edges(data=True))
    assert all(h.nodes[x]["kind"] == "other" for x in h)
    # and back again: the same graph, the same centralities as the CSV fixture
    again = iuinet.from_networkx(h).view(weight="sum")
    h2 = again.to_networkx()
    assert edge_set(h2) == edge_set(h) and dict(h2.nodes(data=True)) == dict(h.nodes(data=True))
    fx = iuinet.load(fixture_path("karate")).view(weight="sum").centrality()
    first = v.centrality()  # same actor order as the CSV fixture: same bits
    for m in iuinet.MEASURES:
        assert np.array_equal(fx[m], first[m]), m
    # actors now in id order: iterative sums run in another order
    rt = again.centrality()
    for m in iuinet.MEASURES:
        assert np.allclose(fx[m], rt[m], rtol=0, atol=1e-12), m


def test_attributes_kinds_and_parallel_edges():
    g = nx.MultiGraph()
    g.add_node("u1", kind="university", name="Uni One", region="Gyeongnam", mini_clusters=["MC1", "MC2"])
    g.add_node("f1", kind="firm", employees=120, region="Gyeongnam")
    g.add_node("f2", kind="firm")
    g.add_node(7)  # no attributes: kind other, id "7"
    g.add_edge("u1", "f1", weight=2, year=2007, type="rnd")
    g.add_edge("u1", "f1", weight=3)
    g.add_edge("f1", "f2")
    g.add_edge("f2", 7)
    net = iuinet.from_networkx(g)
    a = {x["id"]: x for x in net.actors}
    assert a["u1"]["kind"] == "university" and a["u1"]["name"] == "Uni One"
    assert a["u1"]["mini_clusters"] == ["MC1", "MC2"]
    assert a["f1"]["employees"] == 120 and a["f1"]["size_class"] is not None
    assert a["7"]["kind"] == "other"
    h = net.view(weight="sum").to_networkx()
    assert h["u1"]["f1"] == {"weight": 5.0, "links": 2}
    assert h.nodes["u1"]["region"] == "Gyeongnam"
    assert net.view(kinds=["firm"]).n == 2
    assert net.view(years=2007).m == 1
    assert net.summary()["ties"] == 4


def test_to_pandas():
    pd = pytest.importorskip("pandas")
    net = iuinet.load(fixture_path("florentine"))
    df = net.to_pandas()
    assert isinstance(df, pd.DataFrame)
    assert df.index.name == "id" and len(df) == len(net)
    assert set(df["kind"]) == {"other"}


def test_to_igraph():
    ig = pytest.importorskip("igraph")
    v = iuinet.load(fixture_path("karate")).view(weight="sum")
    g = v.to_igraph()
    assert isinstance(g, ig.Graph)
    assert (g.vcount(), g.ecount()) == (v.n, v.m)
    h = v.to_networkx()
    got = {tuple(sorted((g.vs[e.source]["name"], g.vs[e.target]["name"]))) + (e["weight"],) for e in g.es}
    assert got == edge_set(h)
    # an independent implementation agrees on the structure (unweighted:
    # igraph's weighted betweenness compares float path lengths exactly)
    c = iuinet.load(fixture_path("karate")).view().centrality(["betweenness", "core"])
    ib = dict(zip(g.vs["name"], g.betweenness()))
    n = v.n
    scale = 2 / ((n - 1) * (n - 2))
    for i, x in zip(c["id"], c["betweenness"]):
        assert abs(ib[i] * scale - x) <= 1e-9
    assert dict(zip(g.vs["name"], g.coreness())) == dict(zip(c["id"], c["core"].tolist()))
