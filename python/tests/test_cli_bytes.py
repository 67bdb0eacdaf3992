"""Reports equal the CLI's JSON output byte for byte (`raw=True`), and the
dicts and arrays equal the parsed CLI output."""

import json

import numpy as np
import pytest

import iuinet
from conftest import fixture_path

CHEAP = "inter_business,iui_collaboration,global_networking,consortia,activity,mini_clusters,density,triple_helix"


def same(cli_bytes, text):
    assert text.encode() == cli_bytes
    return json.loads(cli_bytes)


def test_summary(cli, default_net):
    doc = same(cli("summary", "--json"), default_net.summary(raw=True))
    assert default_net.summary() == doc


def test_metrics_embedded(cli, default_net):
    doc = same(cli("metrics", "--only", CHEAP), default_net.metrics(only=CHEAP, raw=True))
    assert default_net.metrics(only=CHEAP.split(",")) == doc
    args = ["--only", "consortia,density,triple_helix", "--layers", "event,project", "--years", "2006..2008", "--kinds", "firm,university", "--density-by", "kind"]
    same(
        cli("metrics", *args),
        default_net.metrics(
            only=["consortia", "density", "triple_helix"],
            layers=["project", "event"],
            years=(2006, 2008),
            kinds="firm,university",
            density_by="kind",
            raw=True,
        ),
    )


def test_metrics_all_sections_on_a_fixture(cli):
    net = iuinet.load(fixture_path("lesmis"))
    same(cli("metrics", fixture_path("lesmis"), "--weight", "sum"), net.metrics(weight="sum", raw=True))
    same(
        cli("metrics", fixture_path("lesmis"), "--approx", "0.05", "--seed", "3", "--top", "4"),
        net.metrics(approx=0.05, seed=3, top=4, raw=True),
    )


@pytest.mark.parametrize("graph,weighting", [("karate", "sum"), ("florentine", "none"), ("lesmis", "none")])
def test_centrality_fixture(cli, graph, weighting):
    v = iuinet.load(fixture_path(graph)).view(weight=weighting)
    doc = same(
        cli("centrality", fixture_path(graph), "--weight", weighting, "--format", "json"),
        v.centrality(raw=True),
    )
    c = v.centrality()
    assert c["id"] == [n["id"] for n in doc["nodes"]]
    for m in iuinet.MEASURES:
        # the same bits: JSON floats round-trip exactly
        assert np.array_equal(c[m], np.array([n[m] for n in doc["nodes"]])), m


def test_centrality_embedded(cli, default_net):
    ms = "degree,strength,eigenvector,pagerank,core"
    v = default_net.view(weight="sum")
    same(cli("centrality", "--measures", ms, "--weight", "sum", "--format", "json"), v.centrality(ms, raw=True))
    v = iuinet.load(fixture_path("lesmis")).view()
    same(
        cli("centrality", fixture_path("lesmis"), "--measures", "betweenness", "--approx", "0.05", "--seed", "9", "--format", "json"),
        v.centrality(["betweenness"], approx=0.05, seed=9, raw=True),
    )


def test_path_lengths_in_hops(cli):
    # a weighted view whose path measures count hops: the CLI's --paths hops
    net = iuinet.load(fixture_path("lesmis"))
    ms = "strength,betweenness,closeness,harmonic"
    hops = same(
        cli("centrality", fixture_path("lesmis"), "--measures", ms, "--weight", "sum", "--paths", "hops", "--format", "json"),
        net.view(weight="sum", paths="hops").centrality(ms, raw=True),
    )
    weighted = json.loads(net.view(weight="sum").centrality(ms, raw=True))
    assert hops["view"]["paths"] == "hops"
    assert [a["strength"] for a in hops["nodes"]] == [a["strength"] for a in weighted["nodes"]]
    assert [a["betweenness"] for a in hops["nodes"]] != [a["betweenness"] for a in weighted["nodes"]]
    same(
        cli("metrics", fixture_path("lesmis"), "--only", "network", "--weight", "sum", "--paths", "hops"),
        net.metrics(only="network", weight="sum", paths="hops", raw=True),
    )
    with pytest.raises(ValueError, match="paths"):
        net.view(paths="metres")


def test_brokers(cli, default_net):
    v = default_net.view(layers="project,tie")
    doc = same(
        cli("brokers", "--by", "kind", "--top", "0", "--layers", "project,tie", "--format", "json"),
        v.brokers(by="kind", top=0, raw=True),
    )
    assert v.brokers(by="kind", top=0) == doc
    same(cli("brokers", "--format", "json", "--layers", "project,tie"), v.brokers(raw=True))


def test_match(cli, default_net):
    v = default_net.view()
    # the first firm (file order) with a university among its candidates
    firm = next(
        a["id"]
        for a in default_net.actors
        if a["kind"] == "firm" and v.match(a["id"], kind="university", top=1)["candidates"]
    )
    doc = same(
        cli("match", "--actor", firm, "--kind", "university", "--top", "5", "--explain", "--format", "json"),
        v.match(firm, kind="university", top=5, raw=True),
    )
    assert doc["candidates"], "expected candidates for the chosen firm"
    same(
        cli("match", "--actor", firm, "--method", "adamic-adar", "--region", "same", "--format", "json"),
        v.match(firm, explain=False, method="adamic-adar", region="same", raw=True),
    )


def test_match_eval(cli, default_net):
    v = default_net.view()
    doc = same(cli("match-eval", "--split-year", "2007", "--format", "json"), v.match_eval(2007, raw=True))
    assert doc["results"][0]["method"] == "random"
    v = default_net.view(layers=["project", "tie"])
    same(
        cli("match-eval", "--split-year", "2006", "--k", "5", "--method", "jaccard,katz", "--samples", "2000", "--seed", "4", "--layers", "project,tie", "--format", "json"),
        v.match_eval(2006, k=5, methods=["jaccard", "katz"], samples=2000, seed=4, raw=True),
    )
