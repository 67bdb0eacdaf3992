#!/usr/bin/env bash
# Rerun the commands of the README's tour (and of the docs pages listed in
# `pages` below) and rewrite their output blocks.
#
# Each block in README.md (or a listed page) reads
#   <!-- tour: iuinet ARGS -->
#   ```text
#   ...output...
#   ```
#   <!-- /tour -->
# and is replaced by a `sh` block with the command and a `text` block with what
# the release binary prints for it now. `--check` rewrites nothing and exits 1
# when a block is out of date (the test suite runs it that way).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${IUINET_BIN:-target/release/iuinet}
[[ -x $bin ]] || cargo build --release --quiet
python3 - "$bin" "${1:-}" <<'EOF'
import re, subprocess, sys
bin, mode = sys.argv[1], sys.argv[2]
pat = re.compile(r"<!-- tour: iuinet (.*?) -->\n.*?<!-- /tour -->", re.S)

def block(m):
    args = m.group(1).split()
    out = subprocess.run([bin, "-q", *args], capture_output=True, text=True, check=True).stdout
    return (f"<!-- tour: iuinet {m.group(1)} -->\n```sh\niuinet {m.group(1)}\n```\n"
            f"```text\n{out.rstrip()}\n```\n<!-- /tour -->")

pages = ["README.md", "docs/scorecard.md"]
stale = []
for page in pages:
    text = open(page, encoding="utf-8").read()
    new = pat.sub(block, text)
    if mode == "--check":
        if new != text:
            stale.append(page)
    elif new != text:
        open(page, "w", encoding="utf-8").write(new)
if stale:
    sys.exit(f"{', '.join(stale)}: the tour output is out of date: run bash docs/tour.sh")
EOF
