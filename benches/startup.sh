#!/usr/bin/env bash
# Start-up time of the commands a student runs most, end to end (process start to exit),
# as the median of 20 runs after 2 warm-up runs. Goal: `roleplay list` and
# `roleplay score --case ID FILE` under 10 ms each; `--version` is the floor.
#
# Usage: benches/startup.sh   (builds the release binary first)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/roleplay"
response="$(mktemp)"
trap 'rm -f "$response"' EXIT
"$bin" show summit-gear-ski-return --example strong > "$response"
python3 - "$bin" "$response" <<'PY'
import statistics, subprocess, sys, time
bin, response = sys.argv[1], sys.argv[2]
commands = [
    [bin, "--version"],
    [bin, "list"],
    [bin, "score", "--case", "summit-gear-ski-return", response],
]
for command in commands:
    times = []
    for run in range(22):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
        if run >= 2:
            times.append((time.perf_counter() - start) * 1000)
    name = " ".join(["roleplay"] + command[1:3])
    print(f"{name:<40} median {statistics.median(times):6.1f} ms  (min {min(times):.1f}, max {max(times):.1f})")
PY
