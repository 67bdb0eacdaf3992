"""Graph analysis for industry-university-institute collaboration networks.

Python bindings of the iuinet engine (Rust). The computations are the
engine's own: the same code and the same numbers as the ``iuinet`` command
line, with reports returned as the dicts of its JSON output.

Quick start::

    >>> import iuinet
    >>> net = iuinet.default()            # the embedded dataset
    >>> v = net.view(layers=["event", "project"], years=(2006, 2008))
    >>> c = v.centrality(["betweenness", "pagerank"])
    >>> c["id"][:3], c["betweenness"][:3]

Entry points: :func:`load`, :func:`default`, :func:`from_networkx`;
classes :class:`Network` and :class:`View`; errors :class:`DataError`.

Every computation releases the GIL. Ctrl-C stops the long ones
(betweenness, closeness and harmonic traversals, the network section of
:meth:`Network.metrics`) within one block of sources; the other calls
finish their step first. Either way ``KeyboardInterrupt`` is raised.
"""

from __future__ import annotations

import csv as _csv
import io as _io
import json as _json
import os as _os
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from . import _core
from ._core import DEFAULT_DATASET, DataError

if TYPE_CHECKING:  # pragma: no cover
    import igraph
    import networkx
    import pandas

__all__ = [
    "DEFAULT_DATASET",
    "DataError",
    "MEASURES",
    "Network",
    "View",
    "default",
    "from_networkx",
    "load",
]

__version__: str = _core.__version__

#: Every centrality measure, in output order.
MEASURES: Tuple[str, ...] = (
    "degree",
    "strength",
    "betweenness",
    "closeness",
    "harmonic",
    "eigenvector",
    "pagerank",
    "core",
)

#: The standard actor columns (``actors.csv``), in file order.
ACTOR_COLUMNS: Tuple[str, ...] = (
    "id",
    "name",
    "kind",
    "employees",
    "size_class",
    "region",
    "complex",
    "mini_clusters",
    "country",
)

Names = Union[str, Iterable[str], None]
Years = Union[int, str, Tuple[int, int], range, None]


def _names(x: Names) -> Optional[List[str]]:
    """``"a,b"`` or ``["a", "b"]`` -> ``["a", "b"]``; None stays None."""
    if x is None:
        return None
    if isinstance(x, str):
        return [s.strip() for s in x.split(",") if s.strip()]
    return [str(s) for s in x]


def _years(y: Years) -> Optional[str]:
    """2007, "2006..2008", (2006, 2008) or range(2006, 2009) -> "FROM..TO"."""
    if y is None:
        return None
    if isinstance(y, bool):
        raise TypeError("years: expected a year, a (from, to) pair, a range or 'FROM..TO'")
    if isinstance(y, int):
        return str(y)
    if isinstance(y, str):
        return y
    if isinstance(y, range):
        if y.step != 1 or len(y) == 0:
            raise ValueError("years: a range of years needs step 1 and at least one year")
        return f"{y.start}..{y.stop - 1}"
    try:
        a, b = y
    except (TypeError, ValueError):
        raise TypeError(
            "years: expected a year, a (from, to) pair, a range or 'FROM..TO'"
        ) from None
    return f"{int(a)}..{int(b)}"


def _report(text: str, raw: bool) -> Any:
    return text if raw else _json.loads(text)


class Network:
    """A validated dataset: actors, events, projects and ties.

    Create one with :func:`load`, :func:`default` or :func:`from_networkx`.
    ``len(net)`` is the number of actors.
    """

    __slots__ = ("_inner", "_actors")

    def __init__(self, inner: "_core.Network") -> None:
        self._inner = inner
        self._actors: Optional[List[Dict[str, Any]]] = None

    @property
    def data(self) -> str:
        """The dataset name reports show: the path given, or the embedded dataset."""
        return self._inner.data

    def __len__(self) -> int:
        return len(self._inner)

    def __repr__(self) -> str:
        return f"<iuinet.Network {self.data!r}: {len(self)} actors>"

    @property
    def actors(self) -> List[Dict[str, Any]]:
        """Every actor as a dict (``id``, ``name``, ``kind``, ``employees``,
        ``size_class``, ``region``, ``complex``, ``mini_clusters``,
        ``country``, then any extra columns of the file), in file order."""
        if self._actors is None:
            self._actors = self._inner.actors()
        return [dict(a) for a in self._actors]

    def to_pandas(self) -> "pandas.DataFrame":
        """The actors as a pandas DataFrame indexed by ``id`` (needs pandas)."""
        pd = _require("pandas")
        return pd.DataFrame(self.actors).set_index("id")

    def summary(self, raw: bool = False) -> Dict[str, Any]:
        """Counts of actors, groups, ties and links: the ``iuinet summary
        --json`` document as a dict (``raw=True``: its JSON text)."""
        return _report(self._inner.summary_json(), raw)

    def metrics(
        self,
        only: Names = None,
        *,
        layers: Names = None,
        years: Years = None,
        kinds: Names = None,
        weight: str = "none",
        paths: str = "weight",
        max_group_size: Optional[int] = None,
        density_by: str = "region",
        top: int = 10,
        global_types: Names = None,
        approx: Optional[float] = None,
        approx_delta: float = 0.1,
        seed: int = 0,
        raw: bool = False,
    ) -> Dict[str, Any]:
        """Every domain metric and the network summary: the ``iuinet metrics``
        document (schema ``iuinet.metrics/1``) as a dict.

        ``only`` picks sections (``inter_business``, ``iui_collaboration``,
        ``global_networking``, ``consortia``, ``activity``,
        ``mini_clusters``, ``density``, ``triple_helix``, ``network``);
        the view keywords are those of :meth:`view`; ``density_by``,
        ``top``, ``global_types``, ``approx``, ``approx_delta`` and ``seed``
        are the CLI's ``--density-by``, ``--top``, ``--global-types``,
        ``--approx``, ``--approx-delta`` and ``--seed``. ``raw=True`` returns
        the JSON text, byte for byte what the CLI writes.
        """
        text = self._inner.metrics_json(
            _names(only),
            _names(global_types),
            density_by,
            top,
            approx,
            approx_delta,
            seed,
            _names(layers),
            _years(years),
            _names(kinds),
            weight,
            paths,
            max_group_size,
        )
        return _report(text, raw)

    def view(
        self,
        layers: Names = None,
        years: Years = None,
        kinds: Names = None,
        weight: str = "none",
        paths: str = "weight",
        max_group_size: Optional[int] = None,
    ) -> "View":
        """The simple actor graph the analyses run on.

        :param layers: links to include, any of ``event``, ``project``,
            ``tie`` (default: all three).
        :param years: ``2007``, ``(2006, 2008)``, ``range(2006, 2009)`` or
            ``"2006..2008"`` (inclusive); undated links are left out when given.
        :param kinds: actor kinds to keep: ``firm``, ``university``,
            ``institute``, ``agency``, ``other`` (default: all).
        :param weight: how parallel links become one pair weight: ``none``
            (1 per linked pair), ``sum`` or ``newman``.
        :param paths: what a path's length counts in betweenness, closeness
            and harmonic centrality: ``weight`` (1/weight per link; hops
            under ``none``) or ``hops`` (every link 1, whatever the weight).
        :param max_group_size: largest event/project expanded into member
            pairs (default 500); a larger one raises ``ValueError``.
        """
        return View(
            self,
            self._inner.view(_names(layers), _years(years), _names(kinds), weight, paths, max_group_size),
        )


class View:
    """A simple, undirected, weighted actor graph built from a
    :class:`Network` by :meth:`Network.view`. Immutable."""

    __slots__ = ("_net", "_inner")

    def __init__(self, network: Network, inner: "_core.View") -> None:
        self._net = network
        self._inner = inner

    @property
    def network(self) -> Network:
        """The network this view was built from."""
        return self._net

    @property
    def n(self) -> int:
        """Number of actors in the view."""
        return self._inner.n

    @property
    def m(self) -> int:
        """Number of linked actor pairs (edges)."""
        return self._inner.m

    def __len__(self) -> int:
        return self._inner.n

    @property
    def options(self) -> Dict[str, Any]:
        """The selection and weighting, as the reports' ``view`` field."""
        return _json.loads(self._inner.opts_json())

    def __repr__(self) -> str:
        o = self.options
        return (
            f"<iuinet.View {self.n} actors, {self.m} edges; layers {','.join(o['layers'])}, "
            f"weight {o['weight']}>"
        )

    def centrality(
        self,
        measures: Names = None,
        approx: Optional[float] = None,
        seed: int = 0,
        *,
        approx_delta: float = 0.1,
        as_frame: bool = False,
        raw: bool = False,
    ) -> Any:
        """Node centralities, NetworkX conventions.

        :param measures: any of :data:`MEASURES` (default: all). Betweenness
            is normalised by (n-1)(n-2)/2, closeness is Wasserman-Faust,
            eigenvector has unit norm, PageRank uses alpha = 0.85. Weighted
            views use length 1/weight for the path measures.
        :param approx: sample betweenness with additive error ``approx``
            (Riondato-Kornaropoulos), failure probability ``approx_delta``,
            seeded by ``seed``; ``None`` computes it exactly.
        :param as_frame: return a pandas DataFrame indexed by ``id``.
        :param raw: return the ``iuinet centrality --format json`` text.
        :returns: ``{"id": [...], "kind": [...], measure: numpy array, ...}``
            in actor-id order; degree and core are int64, the rest float64.
        """
        ms = _names(measures) or []
        if raw:
            return self._inner.centrality_json(ms, approx, approx_delta, seed)
        ids, kinds, arrays = self._inner.centrality(ms, approx, approx_delta, seed)
        out: Dict[str, Any] = {"id": ids, "kind": kinds}
        out.update(arrays)
        if as_frame:
            pd = _require("pandas")
            return pd.DataFrame(out).set_index("id")
        return out

    def brokers(self, by: str = "region", top: int = 20, raw: bool = False) -> Dict[str, Any]:
        """Who bridges groups: Gould-Fernandez brokerage roles with respect
        to ``by`` (``kind``, ``region``, ``size_class``, ``mini_cluster``,
        ``complex``) and Burt's constraint, effective size, efficiency and
        hierarchy per actor; the ``iuinet brokers --format json`` document.
        ``top=0`` lists every actor."""
        return _report(self._inner.brokers_json(by, top), raw)

    def match(
        self,
        actor: str,
        kind: Optional[str] = None,
        top: int = 10,
        explain: bool = True,
        *,
        region: str = "any",
        method: str = "resource-allocation",
        raw: bool = False,
    ) -> Dict[str, Any]:
        """Partners not yet linked to ``actor``, best first: the ``iuinet
        match --actor ID --format json`` document.

        :param kind: only candidates of this kind.
        :param region: ``same``, ``other`` or ``any`` (relative to the actor).
        :param method: ``resource-allocation``, ``adamic-adar``,
            ``jaccard``, ``common-neighbors``, ``katz`` or
            ``preferential-attachment``.
        :param explain: name the shared partners, mini clusters, events and
            projects behind each score.
        """
        return _report(
            self._inner.match_json(actor, kind, region, top, method, explain), raw
        )

    def match_eval(
        self,
        split_year: int,
        k: int = 10,
        methods: Names = None,
        samples: int = 10000,
        seed: int = 1,
        raw: bool = False,
    ) -> Dict[str, Any]:
        """How good are the recommendations? Trains on links dated up to
        ``split_year`` and tests on the new links after it (this view's
        layers, kinds and weighting): AUC, precision@k and recall@k per
        method next to random and preferential attachment; the ``iuinet
        match-eval --format json`` document."""
        return _report(
            self._inner.match_eval_json(split_year, k, _names(methods), samples, seed), raw
        )

    def edges(self) -> Dict[str, Any]:
        """The edges as arrays: ``{"ids": actor ids by node index, "u", "v":
        node indices (u < v), "weight", "links": links behind each pair}``."""
        ids, u, v, w, links = self._inner.edges()
        return {"ids": ids, "u": u, "v": v, "weight": w, "links": links}

    def _node_attrs(self) -> List[Tuple[str, Dict[str, Any]]]:
        out = []
        for a in self._inner.actors():
            i = a.pop("id")
            out.append((i, {k: x for k, x in a.items() if x is not None and x != []}))
        return out

    def to_networkx(self) -> "networkx.Graph":
        """The view as a ``networkx.Graph``: nodes are actor ids (in id
        order) with the actor's attributes, edges carry ``weight`` (the
        view's pair weight) and ``links`` (links behind the pair)."""
        nx = _require("networkx")
        g = nx.Graph()
        nodes = sorted(self._node_attrs(), key=lambda x: x[0])
        g.add_nodes_from(nodes)
        e = self.edges()
        ids = e["ids"]
        g.add_edges_from(
            (ids[a], ids[b], {"weight": float(w), "links": int(k)})
            for a, b, w, k in zip(e["u"].tolist(), e["v"].tolist(), e["weight"].tolist(), e["links"].tolist())
        )
        return g

    def to_igraph(self) -> "igraph.Graph":
        """The view as an ``igraph.Graph`` (needs python-igraph): vertex
        ``name`` = actor id, plus the actor's attributes; edge ``weight``
        and ``links``. Vertices in view node order."""
        ig = _require("igraph")
        e = self.edges()
        attrs = self._node_attrs()
        keys = sorted({k for _, d in attrs for k in d})
        g = ig.Graph(n=len(attrs), edges=list(zip(e["u"].tolist(), e["v"].tolist())))
        g.vs["name"] = [i for i, _ in attrs]
        for k in keys:
            g.vs[k] = [d.get(k) for _, d in attrs]
        g.es["weight"] = e["weight"].tolist()
        g.es["links"] = e["links"].tolist()
        return g


def _require(name: str) -> Any:
    import importlib

    try:
        return importlib.import_module(name)
    except ImportError:
        pip = {"igraph": "igraph", "networkx": "networkx", "pandas": "pandas"}[name]
        raise ImportError(f"this needs {name}: pip install {pip}") from None


def load(
    path: Union[str, "_os.PathLike[str]"],
    *,
    max_file_bytes: Optional[int] = None,
    max_line_bytes: Optional[int] = None,
) -> Network:
    """Load a dataset: a directory of CSV files (``actors.csv``, and any of
    ``events.csv``, ``projects.csv``, ``ties.csv``), or a ``.json``,
    ``.graphml`` or ``.gexf`` file.

    Raises :class:`DataError` (every problem, with file and line) for
    invalid data and ``FileNotFoundError``/``OSError`` for unreadable files.
    """
    return Network(_core.load(_os.fspath(path), max_file_bytes, max_line_bytes))


def default() -> Network:
    """The embedded dataset (``korea-iccp-2005-2009``: a synthetic network
    calibrated to the published figures of KICOX / Ministry of Knowledge
    Economy, *The Industrial Complex Cluster Program of Korea*, 2010)."""
    return Network(_core.default())


_NODE_COLUMNS = ("employees", "size_class", "region", "complex", "mini_clusters", "country")


def from_networkx(
    G: "networkx.Graph",
    kind: str = "kind",
    *,
    name: str = "name",
    weight: Optional[str] = "weight",
    type: str = "type",
    year: Optional[str] = "year",
    default_kind: str = "other",
    default_type: str = "tie",
    data: str = "networkx graph",
) -> Network:
    """A :class:`Network` from an undirected NetworkX graph: nodes become
    actors (id ``str(node)``), edges become ties (a multigraph's parallel
    edges become parallel ties).

    :param kind: node attribute with the actor kind (``firm``,
        ``university``, ``institute``, ``agency``, ``other``); nodes
        without it get ``default_kind``.
    :param name: node attribute with the display name (default: empty).
    :param weight: edge attribute with the tie weight (missing: 1).
    :param type: edge attribute with the tie type (missing: ``default_type``).
    :param year: edge attribute with the tie year (missing: undated).
    :param data: the dataset name reports show.

    Node attributes named like the standard actor columns (``employees``,
    ``size_class``, ``region``, ``complex``, ``mini_clusters`` as a list or
    ``;``-separated text, ``country``) are kept; other attributes are not.
    Invalid values raise :class:`DataError` naming the node or edge.
    """
    if G.is_directed():
        raise ValueError("from_networkx: the graph is directed; pass G.to_undirected()")
    nodes = list(G.nodes)
    ids = [str(v) for v in nodes]
    if len(set(ids)) != len(ids):
        seen: Dict[str, Any] = {}
        for v, i in zip(nodes, ids):
            if i in seen:
                raise ValueError(
                    f"from_networkx: nodes {seen[i]!r} and {v!r} have the same id {i!r}"
                )
            seen[i] = v
    id_of = dict(zip(nodes, ids))

    def cell(x: Any) -> str:
        if x is None:
            return ""
        if isinstance(x, (list, tuple, set, frozenset)):
            return ";".join(str(s) for s in x)
        if isinstance(x, float) and x.is_integer():
            return str(int(x))
        return str(x)

    def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> Tuple[str, List[int]]:
        """CSV text and the line each row starts on."""
        buf = _io.StringIO()
        w = _csv.writer(buf, lineterminator="\n")
        w.writerow(header)
        line = 2
        starts = []
        for r in rows:
            starts.append(line)
            before = buf.tell()
            w.writerow(r)
            line += buf.getvalue()[before:].count("\n")
        return buf.getvalue(), starts

    used = [c for c in _NODE_COLUMNS if any(c in d for _, d in G.nodes(data=True))]
    actor_rows = []
    for v, i in zip(nodes, ids):
        d = G.nodes[v]
        actor_rows.append(
            [i, cell(d.get(name, "")), cell(d.get(kind, default_kind))] + [cell(d.get(c)) for c in used]
        )
    actors_csv, actor_lines = table(["id", "name", "kind"] + used, actor_rows)

    edge_list = list(G.edges(data=True))
    tie_rows = []
    for a, b, d in edge_list:
        tie_rows.append(
            [
                id_of[a],
                id_of[b],
                cell(d.get(type, default_type)),
                cell(d.get(year)) if year else "",
                cell(d.get(weight)) if weight else "",
            ]
        )
    ties_csv, tie_lines = table(["source", "target", "type", "year", "weight"], tie_rows)
    try:
        inner = _core.from_csv(actors_csv, None, None, ties_csv, data)
    except DataError as e:
        raise _from_nx_error(e, nodes, actor_lines, edge_list, tie_lines) from None
    return Network(inner)


def _from_nx_error(
    e: DataError,
    nodes: List[Any],
    actor_lines: List[int],
    edges: List[Tuple[Any, Any, Any]],
    tie_lines: List[int],
) -> DataError:
    """Re-word a DataError on the generated CSV in terms of nodes and edges."""
    import bisect

    def where(p: Dict[str, Any]) -> Tuple[str, Optional[int], str]:
        line = p.get("line")
        if p.get("file") == "actors.csv" and line is not None and actor_lines:
            k = max(0, bisect.bisect_right(actor_lines, line) - 1)
            return "networkx nodes", k + 1, f"node {nodes[k]!r}"
        if p.get("file") == "ties.csv" and line is not None and tie_lines:
            k = max(0, bisect.bisect_right(tie_lines, line) - 1)
            a, b, _ = edges[k]
            return "networkx edges", k + 1, f"edge ({a!r}, {b!r})"
        return str(p.get("file")), line, str(p.get("file"))

    problems = []
    lines = []
    for p in getattr(e, "problems", []):
        f, ln, what = where(p)
        problems.append({"file": f, "line": ln, "message": p["message"], "hint": p.get("hint")})
        lines.append(f"{what}: {p['message']}")
    more = getattr(e, "more", 0)
    if more:
        lines.append(f"... and {more} more problems")
    err = DataError("from_networkx: " + "\n".join(lines) if lines else str(e))
    first = problems[0] if problems else {"file": None, "line": None, "hint": None}
    err.file = first["file"]
    err.line = first["line"]
    err.hint = first["hint"]
    err.problems = problems
    err.more = more
    return err
