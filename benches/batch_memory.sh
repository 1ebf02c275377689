#!/usr/bin/env bash
# Peak memory of `roleplay batch` on a class of 100,000 responses, as CSV and as JSON
# Lines. Goal: under 300 MB each, whatever the class size (rows are streamed).
#
# Usage: benches/batch_memory.sh [ROWS]   (builds the release binary first)
set -euo pipefail
rows="${1:-100000}"
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/roleplay"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
python3 - "$rows" "$dir" <<'PY'
import csv, json, random, sys
rows, folder = int(sys.argv[1]), sys.argv[2]
random.seed(7)
words = ("I am so sorry about the skis Mr Kessler I will raise your Second Run credit to 75% "
         "and remount the bindings for free because our associate should have listened to you "
         "I will call you on Friday to make sure the Trailhead 165 works for you").split()
cases = ["summit-gear-ski-return", "skybridge-missed-connection"]
with open(f"{folder}/class.csv", "w", newline="") as c, open(f"{folder}/class.jsonl", "w") as j:
    out = csv.writer(c)
    out.writerow(["student", "case", "response"])
    for i in range(rows):
        n = random.randint(200, 500)
        text = " ".join(random.choice(words) for _ in range(n)) + "."
        row = [f"student-{i}", cases[i % 2], text]
        out.writerow(row)
        j.write(json.dumps(dict(zip(["student", "case", "response"], row))) + "\n")
PY
for input in class.csv class.jsonl; do
    /usr/bin/time -f "$input: peak %M KB, %e s" "$bin" batch "$dir/$input" -o "$dir/out.${input##*.}" 2>&1 \
        | grep -E "peak|scored"
done
