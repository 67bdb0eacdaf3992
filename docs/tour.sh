#!/usr/bin/env bash
# Rerun the commands shown in README.md and docs/*.md and rewrite their output
# blocks.
#
# Each block reads
#   <!-- tour: iuinet ARGS -->
#   ```text
#   ...output...
#   ```
#   <!-- /tour -->
# and is replaced by a `sh` block with the command and a `text` block (or
# whatever language the old output block had, such as `json`) with what the
# release binary prints for it now. ARGS may end in a pipe through
# `head -n N`, `tail -n N` or `grep ...` for an excerpt:
#   <!-- tour: iuinet centrality --top 5 | head -n 8 -->
# The command runs under bash from the repository root (pipefail off, so
# `head` may close the pipe early), with `iuinet` meaning the release binary
# with `-q`. Only mark commands whose output is deterministic: no timings, no
# paths of the machine.
#
# `--check` rewrites nothing and exits 1 when a block is out of date (CI runs
# it that way). IUINET_BIN names the binary (default target/release/iuinet).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${IUINET_BIN:-target/release/iuinet}
[[ -x $bin ]] || cargo build --release --quiet
python3 - "$bin" "${1:-}" <<'EOF'
import glob, re, subprocess, sys

bin, mode = sys.argv[1], sys.argv[2]
if mode not in ("", "--check"):
    sys.exit(f"usage: bash docs/tour.sh [--check] (got {mode!r})")

block_re = re.compile(
    r"<!-- tour: iuinet (?P<cmd>[^\n]*?) -->\n(?P<body>.*?)<!-- /tour -->", re.S)
# what may follow the iuinet command: excerpts only, no other shell
filter_re = re.compile(r"(head|tail) -n \d+|grep( -[A-Za-z]+)* ('[^']*'|\"[^\"$`]*\"|[^\s'\"|;&<>$`]+)")
unsafe = re.compile(r"[;&<>$`\n]")


def command(cmd, where):
    if unsafe.search(cmd):
        sys.exit(f"{where}: tour command may not contain ; & < > $ or backquotes: {cmd}")
    stages = [s.strip() for s in cmd.split(" | ")]
    for s in stages[1:]:
        if not filter_re.fullmatch(s):
            sys.exit(f"{where}: tour command may only pipe through "
                     f"'head -n N', 'tail -n N' or 'grep ...', not {s!r}")
    script = 'iuinet() { "$TOUR_BIN" -q "$@"; }\n' + cmd + "\n"
    run = subprocess.run(["bash", "-c", script], capture_output=True, text=True,
                         env={"TOUR_BIN": bin, "PATH": "/usr/bin:/bin",
                              "LC_ALL": "C.UTF-8"})
    if run.returncode != 0:
        sys.exit(f"{where}: `iuinet {cmd}` exited {run.returncode}\n{run.stderr}")
    return run.stdout


def rewrite(path, text):
    opened = len(re.findall(r"^<!-- tour: ", text, re.M))
    if opened != len(block_re.findall(text)):
        sys.exit(f"{path}: a tour block is not `<!-- tour: iuinet ARGS -->` on a line "
                 "of its own, or lacks its `<!-- /tour -->`")

    def block(m):
        cmd = m.group("cmd")
        line = text.count("\n", 0, m.start()) + 1
        if "<!-- tour: " in m.group("body"):
            sys.exit(f"{path}:{line}: tour block without its `<!-- /tour -->`")
        out = command("iuinet " + cmd, f"{path}:{line}")
        langs = re.findall(r"^```(\w+)", m.group("body"), re.M)
        lang = next((l for l in reversed(langs) if l != "sh"), "text")
        return (f"<!-- tour: iuinet {cmd} -->\n```sh\niuinet {cmd}\n```\n"
                f"```{lang}\n{out.rstrip()}\n```\n<!-- /tour -->")
    return block_re.sub(block, text)


stale = []
for path in ["README.md", *sorted(glob.glob("docs/*.md"))]:
    text = open(path, encoding="utf-8").read()
    if "<!-- tour:" not in text:
        continue
    new = rewrite(path, text)
    if new != text:
        stale.append(path)
        if mode != "--check":
            open(path, "w", encoding="utf-8").write(new)
if stale and mode == "--check":
    sys.exit(f"out of date: {', '.join(stale)}; run bash docs/tour.sh")
for path in stale:
    print(f"rewrote {path}")
EOF
