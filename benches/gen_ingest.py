#!/usr/bin/env python3
"""Write the synthetic datasets of benches/ingest.rs as files, for timing
`iuinet validate` on each format at a given size:

    python3 benches/gen_ingest.py OUTDIR 1 10 100 200
    for f in OUTDIR/*; do /usr/bin/time -f "$f %U s %M KiB" iuinet validate "$f"; done

For each size S (MB): OUTDIR/csv-S/ (actors.csv, ties.csv), json-S.json,
graphml-S.graphml, gexf-S.gexf, with the same content as the bench's
in-memory inputs (n = S MiB / 200 actors, 4n ties).
"""
import os
import sys

KINDS = ["firm", "university", "institute", "agency"]


def ties(n, m):
    for i in range(m):
        s = (i * 7919) % n
        t = (s + 1 + (i * 104729) % (n - 1)) % n
        yield s, t, 2005 + i % 5, 1 + i % 3


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for mb in map(int, sys.argv[2:]):
        n = max((mb << 20) // 200, 10)
        m = 4 * n
        d = os.path.join(out, f"csv-{mb}")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "actors.csv"), "w") as f:
            f.write("id,kind,name,region\n")
            for i in range(n):
                f.write(f"a{i},{KINDS[i % 4]},Actor {i},Dongnam\n")
        with open(os.path.join(d, "ties.csv"), "w") as f:
            f.write("source,target,type,year,weight\n")
            for s, t, y, w in ties(n, m):
                f.write(f"a{s},a{t},supply,{y},{w}\n")
        with open(os.path.join(out, f"json-{mb}.json"), "w") as f:
            f.write('{"actors": [\n')
            for i in range(n):
                sep = "" if i == 0 else ","
                f.write(f'{sep}{{"id": "a{i}", "kind": "{KINDS[i % 4]}", "name": "Actor {i}", "region": "Dongnam"}}\n')
            f.write('],\n"ties": [\n')
            for k, (s, t, y, w) in enumerate(ties(n, m)):
                sep = "" if k == 0 else ","
                f.write(f'{sep}{{"source": "a{s}", "target": "a{t}", "type": "supply", "year": {y}, "weight": {w}}}\n')
            f.write("]}\n")
        with open(os.path.join(out, f"graphml-{mb}.graphml"), "w") as f:
            f.write('<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
                    '<key id="k" for="node" attr.name="kind" attr.type="string"/>\n'
                    '<key id="n" for="node" attr.name="name" attr.type="string"/>\n'
                    '<key id="r" for="node" attr.name="region" attr.type="string"><default>Dongnam</default></key>\n'
                    '<key id="y" for="edge" attr.name="year" attr.type="int"/>\n'
                    '<key id="w" for="edge" attr.name="weight" attr.type="double"/>\n'
                    '<graph edgedefault="undirected">\n')
            for i in range(n):
                f.write(f'<node id="a{i}"><data key="k">{KINDS[i % 4]}</data><data key="n">Actor {i}</data></node>\n')
            for s, t, y, w in ties(n, m):
                f.write(f'<edge source="a{s}" target="a{t}"><data key="y">{y}</data><data key="w">{w}</data></edge>\n')
            f.write("</graph>\n</graphml>\n")
        with open(os.path.join(out, f"gexf-{mb}.gexf"), "w") as f:
            f.write('<?xml version="1.0"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">\n<graph defaultedgetype="undirected">\n'
                    '<attributes class="node">\n<attribute id="0" title="kind" type="string"/>\n'
                    '<attribute id="1" title="region" type="string"><default>Dongnam</default></attribute>\n</attributes>\n'
                    '<attributes class="edge">\n<attribute id="0" title="year" type="integer"/>\n</attributes>\n<nodes>\n')
            for i in range(n):
                f.write(f'<node id="a{i}" label="Actor {i}"><attvalues><attvalue for="0" value="{KINDS[i % 4]}"/></attvalues></node>\n')
            f.write("</nodes>\n<edges>\n")
            for k, (s, t, y, w) in enumerate(ties(n, m)):
                f.write(f'<edge id="{k}" source="a{s}" target="a{t}" weight="{w}"><attvalues><attvalue for="0" value="{y}"/></attvalues></edge>\n')
            f.write("</edges>\n</graph>\n</gexf>\n")


if __name__ == "__main__":
    main()
