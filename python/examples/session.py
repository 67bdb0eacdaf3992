"""Replay a notebook-style session and print it as a Markdown transcript
(the one in docs/python.md). Run from the repository root after installing
the package:  python python/examples/session.py"""

import code
import contextlib
import io
import sys

STEPS = [
    "import iuinet",
    "net = iuinet.default()          # the embedded dataset",
    "net",
    "net.actors[0]",
    "net.to_pandas()['kind'].value_counts()",
    "s = net.summary()\n{k: s[k] for k in ('actors', 'events', 'projects', 'ties', 'links')}",
    "v = net.view()                  # all layers, weight 'none'",
    "v",
    "c = v.centrality(['betweenness', 'pagerank'])\nc['id'][:3], c['betweenness'][:3], c['pagerank'][:3]",
    "rd = net.view(layers=['project'], years=(2006, 2008), kinds=['firm', 'university', 'institute'], weight='sum')\nrd",
    "df = rd.centrality(['degree', 'strength', 'betweenness'], as_frame=True)\ndf.sort_values('betweenness', ascending=False).head(5)",
    "m = net.metrics(only=['iui_collaboration', 'consortia'])\nm['sections'], list(m['consortia'])",
    "b = v.brokers(by='region', top=3)\n[(x['id'], x['kind'], x['roles']['total'], round(x['constraint'], 4)) for x in b['brokers']]",
    "firm = next(x['id'] for x in b['brokers'] if x['kind'] == 'firm')  # the top firm broker\nr = v.match(firm, kind='university', top=3)\n[(x['rank'], x['actor']['id'], round(x['score'], 4), [p['id'] for p in x['explanation']['partners']][:3]) for x in r['candidates']]",
    "e = v.match_eval(split_year=2007)\n[(x['method'], round(x['auc'], 3), round(x['precision_at_k'], 4)) for x in e['results']]",
    "import networkx as nx\nG = rd.to_networkx()\nG.number_of_nodes(), G.number_of_edges(), round(nx.density(G), 5)",
    "k = iuinet.from_networkx(nx.karate_club_graph()).view(weight='sum')\nk.centrality(['betweenness'])['betweenness'][:3]",
    "try:\n    iuinet.load('no/such/dir')\nexcept FileNotFoundError as err:\n    print(type(err).__name__, err)",
]


def main():
    console = code.InteractiveConsole()
    print("```pycon")
    for step in STEPS:
        lines = step.split("\n")
        block = lines[0].rstrip().endswith(":")  # one compound statement
        stmts = ["\n".join(lines)] if block else lines
        for stmt in stmts:
            for i, line in enumerate(stmt.split("\n")):
                print((">>> " if i == 0 else "... ") + line)
            if block:
                print("...")
            out = io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
                for line in stmt.split("\n"):
                    console.push(line)
                if block:
                    console.push("")
            sys.stdout.write(out.getvalue())
    print("```")


if __name__ == "__main__":
    main()
