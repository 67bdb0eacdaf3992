"""Errors become Python exceptions; the GIL is released; Ctrl-C stops a
long computation."""

import os
import signal
import subprocess
import sys
import threading
import time

import networkx as nx
import pytest

import iuinet
from conftest import fixture_path


def test_missing_path(tmp_path):
    p = tmp_path / "nope"
    with pytest.raises(FileNotFoundError) as e:
        iuinet.load(p)
    assert e.value.filename == str(p)


def test_data_error_names_file_and_line(tmp_path):
    (tmp_path / "actors.csv").write_text("id,kind\na,firm\nb,spaceship\nc,firm\nc,university\n")
    with pytest.raises(iuinet.DataError) as e:
        iuinet.load(tmp_path)
    err = e.value
    assert isinstance(err, ValueError)
    assert err.file == str(tmp_path / "actors.csv")
    assert err.line == 3
    assert "spaceship" in str(err)
    assert len(err.problems) == 2 and err.problems[1]["line"] == 5
    assert err.more == 0
    assert all(p["message"] for p in err.problems)


def test_bad_json_dataset(tmp_path):
    p = tmp_path / "d.json"
    p.write_text('{"actors": [\n  {"id": "a", "kind": "firm"},\n  {"id": "b", "kind": "nope"}\n]}\n')
    with pytest.raises(iuinet.DataError) as e:
        iuinet.load(p)
    assert e.value.file == str(p) and e.value.line == 3


@pytest.mark.parametrize(
    "call",
    [
        lambda v: v.centrality(["betweeness"]),
        lambda v: v.centrality(["betweenness"], approx=1.5),
        lambda v: v.brokers(by="colour"),
        lambda v: v.match("Medici", method="magic"),
        lambda v: v.match("Medicci"),
        lambda v: v.match_eval(2007, methods=["nope"]),
        lambda v: v.network.view(weight="max"),
        lambda v: v.network.view(layers=["events"]),
        lambda v: v.network.view(years="2009..2005x"),
        lambda v: v.network.metrics(only=["everything"]),
    ],
)
def test_bad_arguments_raise_value_error(call):
    v = iuinet.load(fixture_path("florentine")).view()
    with pytest.raises(ValueError) as e:
        call(v)
    assert str(e.value)


def test_unknown_actor_suggests():
    v = iuinet.load(fixture_path("florentine")).view()
    with pytest.raises(ValueError, match="Medici"):
        v.match("Medicci")


def test_group_too_large(tmp_path):
    (tmp_path / "actors.csv").write_text("id,kind\na,firm\nb,firm\nc,firm\n")
    (tmp_path / "events.csv").write_text("event_id,type,year,actor_id\ne,forum,2005,a\ne,forum,2005,b\ne,forum,2005,c\n")
    net = iuinet.load(tmp_path)
    with pytest.raises(ValueError, match="members"):
        net.view(max_group_size=2)
    assert net.view().m == 3


def test_from_networkx_errors():
    with pytest.raises(ValueError, match="directed"):
        iuinet.from_networkx(nx.DiGraph([(1, 2)]))
    g = nx.Graph()
    g.add_node("a", kind="firm")
    g.add_node("b", kind="spaceship")
    g.add_edge("a", "b", weight=-1)
    with pytest.raises(iuinet.DataError) as e:
        iuinet.from_networkx(g)
    err = e.value
    assert err.file == "networkx nodes" and err.line == 2
    assert "node 'b'" in str(err) and "edge ('a', 'b')" in str(err)
    assert [p["file"] for p in err.problems] == ["networkx nodes", "networkx edges", "networkx edges"]
    with pytest.raises(ValueError, match="same id"):
        iuinet.from_networkx(nx.Graph([(1, "1")]))


def test_gil_is_released(default_net):
    v = default_net.view(layers="project,tie")
    ticks = 0
    done = threading.Event()

    def work():
        v.centrality(["closeness"])
        done.set()

    t = threading.Thread(target=work)
    t0 = time.perf_counter()
    t.start()
    while not done.is_set():
        ticks += 1
        time.sleep(0.001)
    t.join()
    elapsed = time.perf_counter() - t0
    # the main thread kept running Python while Rust computed
    assert elapsed > 0.05 and ticks > 10, (elapsed, ticks)


@pytest.mark.skipif(os.name != "posix", reason="sends SIGINT")
def test_ctrl_c_interrupts_a_long_computation():
    code = (
        "import iuinet, time\n"
        "v = iuinet.default().view()\n"
        "print('ready', flush=True)\n"
        "t = time.perf_counter()\n"
        "try:\n"
        "    v.centrality(['betweenness', 'closeness'])\n"
        "    print('finished', flush=True)\n"
        "except KeyboardInterrupt:\n"
        "    print('interrupted', round(time.perf_counter() - t, 3), flush=True)\n"
    )
    p = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == "ready"
    time.sleep(0.5)
    sent = time.perf_counter()
    p.send_signal(signal.SIGINT)
    out, _ = p.communicate(timeout=120)
    stopped = time.perf_counter() - sent
    assert out.startswith("interrupted"), out
    # a block of sources, not the whole all-pairs run
    assert stopped < 5, stopped
