#!/usr/bin/env python3
"""Check iuinet's graph exports against an independent reading of the dataset.

The expected graph is computed here from the dataset's CSV files with plain
Python (no iuinet code): nodes are the actors with their fields, edges the
actor pairs that share an event or a project or have a tie, with the link
counts per layer, the first and last year, and the weight (`none`: 1;
`sum`: tie weights plus 1 per shared group). The exported files are then read
with NetworkX (GraphML, GEXF, Pajek, edge list) and igraph (GraphML, Pajek)
and compared node by node and edge by edge.

Node attributes are checked in every format: GraphML and GEXF carry them;
an edge list's nodes table (FILE's stem + `.nodes.tsv`) is read with
pandas, and Pajek's partitions and vectors (stem + `.ATTR.clu`/`.vec`) are
parsed as Pajek defines them. GEXF edges must carry `start`/`end` equal to
their first and last year (the dynamic graph for Gephi's timeline).
With --two-mode the files hold the actor x group graph instead.

usage: check_export.py DATASET_DIR --weight none|sum [--layers L,..] [--metrics]
                       [--two-mode] [--graphml F] [--gexf F] [--pajek F] [--edgelist F]
Exits 1 with a list of mismatches, 0 when everything agrees.
"""

import argparse
import csv
import html
import math
import os
import sys

import igraph
import networkx as nx
import pandas as pd

SIZE_CLASSES = [(29, "lt30"), (49, "30-49"), (99, "50-99"), (299, "100-299")]
INT_EDGE = ["links", "event_links", "project_links", "tie_links", "first_year", "last_year"]


def read_csv(path):
    if not os.path.exists(path):
        return []
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    if not rows:
        return []
    header = [h.strip() for h in rows[0]]
    out = []
    for r in rows[1:]:
        if len(r) == 1 and r[0] == "" or not r:
            continue
        out.append({h: c.strip() for h, c in zip(header, r)})
    return out, header


def size_class(emp):
    for hi, name in SIZE_CLASSES:
        if emp <= hi:
            return name
    return "300+"


def expected(data_dir, weighting, layers=("event", "project", "tie")):
    actors, aheader = read_csv(os.path.join(data_dir, "actors.csv"))
    std = {"id", "name", "kind", "employees", "size_class", "region", "complex",
           "mini_clusters", "country"}
    extras = [h for h in aheader if h not in std]
    nodes = {}
    for a in actors:
        attrs = {"kind": a["kind"].lower()}
        if a.get("name"):
            attrs["name"] = a["name"]
        if a.get("employees"):
            attrs["employees"] = int(a["employees"])
        if a.get("size_class"):
            attrs["size_class"] = a["size_class"]
        elif a.get("employees"):
            attrs["size_class"] = size_class(int(a["employees"]))
        for k in ("region", "complex"):
            if a.get(k):
                attrs[k] = a[k]
        mc = [m.strip() for m in a.get("mini_clusters", "").split(";") if m.strip()]
        if mc:
            attrs["mini_clusters"] = ";".join(mc)
        attrs["country"] = a.get("country") or "KR"
        for k in extras:
            if a.get(k):
                attrs[k] = a[k]
        nodes[a["id"]] = attrs
    links = []  # (u, v, layer, year, weight)
    for layer, fname, idcol in (("event", "events.csv", "event_id"),
                                ("project", "projects.csv", "project_id")):
        path = os.path.join(data_dir, fname)
        if not os.path.exists(path) or layer not in layers:
            continue
        rows, _ = read_csv(path)
        groups = {}
        years = {}
        for r in rows:
            groups.setdefault(r[idcol], []).append(r["actor_id"])
            if r.get("year"):
                years[r[idcol]] = int(r["year"])
        for gid, members in groups.items():
            for i, u in enumerate(members):
                for v in members[i + 1:]:
                    links.append((u, v, layer, years.get(gid), 1.0))
    path = os.path.join(data_dir, "ties.csv")
    if os.path.exists(path) and "tie" in layers:
        rows, _ = read_csv(path)
        for r in rows:
            w = float(r["weight"]) if r.get("weight") else 1.0
            y = int(r["year"]) if r.get("year") else None
            links.append((r["source"], r["target"], "tie", y, w))
    edges = {}
    for u, v, layer, year, w in links:
        key = tuple(sorted((u, v)))
        e = edges.setdefault(key, {"links": 0, "event_links": 0, "project_links": 0,
                                   "tie_links": 0, "weight": 0.0, "years": []})
        e["links"] += 1
        e[layer + "_links"] += 1
        e["weight"] += w
        if year is not None:
            e["years"].append(year)
    for e in edges.values():
        ys = e.pop("years")
        if ys:
            e["first_year"], e["last_year"] = min(ys), max(ys)
        if weighting == "none":
            e["weight"] = 1.0
    return nodes, edges


def expected_two_mode(data_dir, layers=("event", "project", "tie")):
    """The actor x group graph: actors with their fields and mode/bipartite,
    groups `layer:id` with mode, bipartite, type and year, one edge per
    membership (weight 1, the group's year as first_year and last_year)."""
    nodes, _ = expected(data_dir, "none", ())
    for attrs in nodes.values():
        attrs["mode"] = "actor"
        attrs["bipartite"] = 0
    edges = {}
    for layer, fname, idcol in (("event", "events.csv", "event_id"),
                                ("project", "projects.csv", "project_id")):
        path = os.path.join(data_dir, fname)
        if not os.path.exists(path) or layer not in layers:
            continue
        rows, _ = read_csv(path)
        for r in rows:
            g = f"{layer}:{r[idcol]}"
            attrs = nodes.setdefault(g, {"name": r[idcol], "mode": layer, "bipartite": 1})
            if r.get("type"):
                attrs["type"] = r["type"]
            e = {"weight": 1.0}
            if r.get("year"):
                attrs["year"] = int(r["year"])
                e["first_year"] = e["last_year"] = int(r["year"])
            edges[key(r["actor_id"], g)] = e
    return nodes, edges


INT_NODE = {"employees", "degree", "core", "bipartite", "year"}


def typed(k, v):
    """A node attribute read as text, as the type iuinet wrote it."""
    if v == "":
        return None
    if k in INT_NODE:
        return int(v)
    if k in METRIC_TOL:
        return float(v)
    return v


def pajek_attributes(net_path, n):
    """Node attributes from the partitions and vectors beside a .net file,
    by vertex number (1..n): {number: {attr: value}}."""
    stem = os.path.splitext(net_path)[0]
    d = os.path.dirname(net_path) or "."
    base = os.path.basename(stem) + "."
    out = {i: {} for i in range(1, n + 1)}
    for f in sorted(os.listdir(d)):
        if not f.startswith(base) or not f.endswith((".clu", ".vec")):
            continue
        attr = f[len(base):-4]
        with open(os.path.join(d, f), encoding="utf-8") as fh:
            lines = fh.read().split("\n")
        legend, missing, values = {}, set(), []
        started = False
        for line in lines:
            if line.startswith("%"):
                body = line[1:].lstrip(" ")
                if body.startswith(("partition `", "vector `")):
                    attr = body.split("`")[1]
                elif f.endswith(".clu") and body.split(" ", 1)[0].isdigit():
                    num, val = body.split(" ", 1)
                    # \\, \n, \r escapes
                    out_val, i = [], 0
                    while i < len(val):
                        if val[i] == "\\" and i + 1 < len(val):
                            out_val.append({"n": "\n", "r": "\r"}.get(val[i + 1], val[i + 1]))
                            i += 2
                        else:
                            out_val.append(val[i])
                            i += 1
                    legend[int(num)] = "".join(out_val)
                elif body.startswith("no value (written as 0):"):
                    missing = {int(x) for x in body.split(":", 1)[1].split()}
            elif line.lower().startswith("*vertices"):
                started = True
            elif started and line.strip():
                values.append(line.strip())
        if len(values) != n:
            raise SystemExit(f"{f}: {len(values)} values for {n} vertices")
        for i, v in enumerate(values, 1):
            if f.endswith(".clu"):
                if int(v) != 0:
                    out[i][attr] = typed(attr, legend[int(v)])
            elif i not in missing:
                out[i][attr] = int(v) if attr in INT_NODE else float(v)
    return out


class Checker:
    def __init__(self):
        self.errors = []
        self.checked = 0

    def fail(self, what, msg):
        if len(self.errors) < 40:
            self.errors.append(f"{what}: {msg}")
        else:
            self.errors.append(None)

    def same(self, what, got, want, tol=1e-12):
        self.checked += 1
        if isinstance(want, float):
            ok = isinstance(got, (int, float)) and math.isclose(got, want, rel_tol=tol, abs_tol=tol)
        else:
            ok = got == want and type(got) is type(want)
        if not ok:
            self.fail(what, f"got {got!r}, expected {want!r}")

    def graph(self, what, nodes_got, edges_got, nodes, edges, node_attrs=True, edge_attrs=True):
        """nodes_got: {id: attrs}, edges_got: {(u,v) sorted: attrs}."""
        if set(nodes_got) != set(nodes):
            self.fail(what, f"node sets differ: extra {sorted(set(nodes_got) - set(nodes))[:5]}, "
                            f"missing {sorted(set(nodes) - set(nodes_got))[:5]}")
        if set(edges_got) != set(edges):
            self.fail(what, f"edge sets differ: extra {sorted(set(edges_got) - set(edges))[:5]}, "
                            f"missing {sorted(set(edges) - set(edges_got))[:5]}")
        if node_attrs:
            for n, want in nodes.items():
                got = nodes_got.get(n, {})
                for k in sorted(set(want) | set(got)):
                    self.same(f"{what} node {n} `{k}`", got.get(k), want.get(k), METRIC_TOL.get(k, 1e-12))
        for e, want in edges.items():
            got = edges_got.get(e, {})
            keys = set(want) | set(got) if edge_attrs else {"weight"}
            for k in sorted(keys):
                self.same(f"{what} edge {e} `{k}`", got.get(k), want.get(k))


# Centralities are recomputed here with NetworkX; iterative ones converge
# to a tolerance, and sums may run in another order.
METRIC_TOL = {"constraint": 1e-9, "effective_size": 1e-9, "efficiency": 1e-9,
              "hierarchy": 1e-9, "betweenness": 1e-9, "closeness": 1e-9, "harmonic": 1e-9,
              "strength": 1e-9, "eigenvector": 1e-5, "pagerank": 1e-5}


def add_metrics(nodes, edges):
    """NetworkX's centralities of the expected (unweighted) graph, as
    `--with-metrics` should export them. PageRank needs SciPy in NetworkX
    3.x, so it is computed here by the power iteration NetworkX documents
    (alpha 0.85, dangling mass spread uniformly)."""
    g = nx.Graph()
    g.add_nodes_from(nodes)
    g.add_edges_from(edges)
    bc = nx.betweenness_centrality(g, normalized=True)
    cc = nx.closeness_centrality(g, wf_improved=True)
    hc = nx.harmonic_centrality(g)
    core = nx.core_number(g)
    try:
        ev = nx.eigenvector_centrality(g, max_iter=10000, tol=1e-12)
    except nx.PowerIterationFailedConvergence:
        ev = None
    n = g.number_of_nodes()
    pr = {v: 1.0 / n for v in g}
    for _ in range(1000):
        dangling = sum(pr[v] for v in g if g.degree(v) == 0)
        nxt = {v: (1 - 0.85) / n + 0.85 * dangling / n for v in g}
        for v in g:
            d = g.degree(v)
            if d:
                share = 0.85 * pr[v] / d
                for u in g[v]:
                    nxt[u] += share
        err = sum(abs(nxt[v] - pr[v]) for v in g)
        pr = nxt
        if err < n * 1e-13:
            break
    constraint = nx.constraint(g)
    eff = nx.effective_size(g)
    for v, attrs in nodes.items():
        d = g.degree(v)
        if d > 0:
            attrs["constraint"] = constraint[v]
            attrs["effective_size"] = float(eff[v])
            attrs["efficiency"] = eff[v] / d
            # Burt's hierarchy: concentration of the local constraints
            cs = [nx.local_constraint(g, v, u) for u in g[v]]
            if d == 1:
                attrs["hierarchy"] = 0.0
            else:
                mean = sum(cs) / d
                attrs["hierarchy"] = sum((c / mean) * math.log(c / mean) for c in cs) / (d * math.log(d))
    for v, attrs in nodes.items():
        attrs["degree"] = g.degree(v)
        attrs["strength"] = float(g.degree(v))
        attrs["betweenness"] = bc[v]
        attrs["closeness"] = cc[v]
        attrs["harmonic"] = float(hc[v])
        attrs["core"] = core[v]
        attrs["pagerank"] = pr[v]
        if ev is not None:
            attrs["eigenvector"] = ev[v]


def key(u, v):
    return tuple(sorted((str(u), str(v))))


def check_networkx_graphml(c, path, nodes, edges):
    g = nx.read_graphml(path)
    if g.is_directed() or g.is_multigraph():
        c.fail("networkx graphml", "read as directed or multigraph")
    c.graph("networkx graphml", {n: dict(d) for n, d in g.nodes(data=True)},
            {key(u, v): dict(d) for u, v, d in g.edges(data=True)}, nodes, edges)


def check_networkx_gexf(c, path, nodes, edges):
    g = nx.read_gexf(path)
    ns = {}
    for n, d in g.nodes(data=True):
        d = dict(d)
        label = d.pop("label", None)
        c.same(f"networkx gexf node {n} label", label, nodes.get(n, {}).get("name", n))
        ns[n] = d
    es = {}
    for u, v, d in g.edges(data=True):
        d = dict(d)
        d.pop("id", None)
        # the dynamic graph: start/end are the first and last link year
        c.same(f"networkx gexf edge {key(u, v)} start", d.pop("start", None), d.get("first_year"))
        c.same(f"networkx gexf edge {key(u, v)} end", d.pop("end", None), d.get("last_year"))
        es[key(u, v)] = d
    c.graph("networkx gexf", ns, es, nodes, edges)


def igraph_value(v):
    if isinstance(v, float) and math.isnan(v):
        return None
    if v == "":
        return None
    if isinstance(v, float) and v.is_integer():
        return v
    return v


def check_igraph_graphml(c, path, nodes, edges):
    g = igraph.Graph.Read_GraphML(path)
    if g.is_directed():
        c.fail("igraph graphml", "read as directed")
    # igraph 1.0's GraphML reader hands back an `&` in an attribute value
    # (here the node id) as the character reference `&#38;` that libxml2
    # substitutes for it; decode that quirk, nothing else.
    ids = [html.unescape(i) for i in g.vs["id"]]
    ns = {}
    for v in g.vs:
        d = {}
        for k, val in v.attributes().items():
            if k == "id":
                continue
            val = igraph_value(val)
            if val is None:
                continue
            # igraph keeps numbers as floats; compare integers as ints
            if k in INT_NODE:
                val = int(val)
            d[k] = val
        ns[ids[v.index]] = d
    es = {}
    for e in g.es:
        d = {}
        for k, val in e.attributes().items():
            val = igraph_value(val)
            if val is None:
                continue
            d[k] = int(val) if k in INT_EDGE else float(val)
        es[key(ids[e.source], ids[e.target])] = d
    c.graph("igraph graphml", ns, es, nodes, edges)


def check_pajek(c, path, nodes, edges):
    with open(path, encoding="utf-8") as f:
        two_mode = len(f.readline().split()) == 3
    # NetworkX 3.6's read_pajek does not know two-mode `*Vertices n m`
    if not two_mode:
        g = nx.read_pajek(path)
        es = {}
        for u, v, d in g.edges(data=True):
            if key(u, v) in es:
                c.fail("networkx pajek", f"edge {key(u, v)} twice")
            es[key(u, v)] = {"weight": d.get("weight")}
        c.graph("networkx pajek", {n: {} for n in g.nodes}, es, nodes, edges,
                node_attrs=False, edge_attrs=False)
    ig = igraph.Graph.Read_Pajek(path)
    labels = ig.vs["name"]
    es = {key(labels[e.source], labels[e.target]): {"weight": e["weight"]} for e in ig.es}
    # node attributes: the partitions and vectors, by igraph's vertex order
    attrs = pajek_attributes(path, len(labels))
    ns = {labels[i - 1]: a for i, a in attrs.items()}
    c.graph("igraph pajek + partitions/vectors", ns, es, nodes, edges, edge_attrs=False)


def check_edgelist(c, path, nodes, edges):
    # pandas reads the header; NetworkX builds the graph from the frame
    df = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    if list(df.columns[:3]) != ["source", "target", "weight"]:
        c.fail("pandas edgelist", f"header {list(df.columns)}")
    df["weight"] = df["weight"].astype(float)
    g = nx.from_pandas_edgelist(df, edge_attr=True)
    es = {}
    for u, v, d in g.edges(data=True):
        d = {k: (int(x) if k in INT_EDGE else x) for k, x in d.items() if x != "NA"}
        es[key(u, v)] = d
    # NetworkX's own reader, on the lines after the header
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()[1:]
    lines = [ln for ln in lines if '"' not in ln]  # parse_edgelist knows no quoting
    h = nx.parse_edgelist(lines, delimiter="\t", data=[("weight", float)] + [(k, str) for k in INT_EDGE if k in df.columns])
    for u, v, d in h.edges(data=True):
        c.same(f"networkx parse_edgelist {key(u, v)} weight", d["weight"], es.get(key(u, v), {}).get("weight"))
    # the nodes table: every node with its attributes
    nodes_path = os.path.splitext(path)[0] + ".nodes.tsv"
    nt = pd.read_csv(nodes_path, sep="\t", dtype=str, keep_default_na=False)
    ns = {}
    for r in nt.to_dict("records"):
        ns[r["id"]] = {k: typed(k, v) for k, v in r.items() if k != "id" and v != ""}
    g.add_nodes_from(ns.items())
    c.graph("pandas/networkx edgelist + nodes table", {n: dict(d) for n, d in g.nodes(data=True)},
            es, nodes, edges)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data")
    ap.add_argument("--weight", choices=["none", "sum"], default="none")
    ap.add_argument("--graphml")
    ap.add_argument("--gexf")
    ap.add_argument("--pajek")
    ap.add_argument("--edgelist")
    ap.add_argument("--layers", default="event,project,tie",
                    help="the --layers the files were exported with")
    ap.add_argument("--metrics", action="store_true",
                    help="the files were written with --with-metrics (needs --weight none)")
    ap.add_argument("--two-mode", action="store_true",
                    help="the files were written with --two-mode")
    a = ap.parse_args()
    if a.two_mode:
        nodes, edges = expected_two_mode(a.data, a.layers.split(","))
    else:
        nodes, edges = expected(a.data, a.weight, a.layers.split(","))
    if a.metrics:
        if a.weight != "none":
            ap.error("--metrics is checked on unweighted views only")
        add_metrics(nodes, edges)
    c = Checker()
    if a.graphml:
        check_networkx_graphml(c, a.graphml, nodes, edges)
        check_igraph_graphml(c, a.graphml, nodes, edges)
    if a.gexf:
        check_networkx_gexf(c, a.gexf, nodes, edges)
    if a.pajek:
        check_pajek(c, a.pajek, nodes, edges)
    if a.edgelist:
        check_edgelist(c, a.edgelist, nodes, edges)
    errs = [e for e in c.errors if e is not None]
    if errs:
        for e in errs:
            print(f"MISMATCH {e}", file=sys.stderr)
        if None in c.errors:
            print("... more mismatches left out", file=sys.stderr)
        print(f"{a.data}: {len(c.errors)} mismatches in {c.checked} checks", file=sys.stderr)
        return 1
    print(f"{a.data}: {len(nodes)} nodes, {len(edges)} edges, {c.checked} checks agree "
          f"(networkx {nx.__version__}, igraph {igraph.__version__})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
