#!/usr/bin/env bash
# Measures what issue 7 asks, on this machine, and prints a table. Nothing here is a test:
# numbers depend on the machine and what else it runs.
#
#   scripts/bench.sh            # 50,000 postings (about two minutes)
#   N=10000 scripts/bench.sh    # smaller
#
# Needs Go, python3, /usr/bin/time, ripgrep (apt-get install ripgrep) for the comparison
# with a plain multi-literal scan, and sqlite3 for the rematch where everything changed.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-50000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/jobs" ./cmd/jobs
jobs="$work/jobs"
cfg="$work/config.yaml"
printf 'profile:\n  years: 1\n  skills: [Python, SQL, PyTorch, Docker, Pandas, Git, Linux]\n' > "$cfg"
go run ./internal/gen -n "$N" -seed 1 -o "$work/corpus.jsonl"

row() { printf '| %-44s | %12s | %10s |\n' "$1" "$2" "$3"; }
timed() { # label, command...: wall seconds and peak memory of one cold run
  local label=$1; shift
  /usr/bin/time -f '%e %M' -o "$work/t" "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
  read -r secs kb < "$work/t"
  row "$label" "${secs} s" "$((kb / 1024)) MiB"
}

echo "jobs performance, $N postings, $(nproc) cores, $(date -u +%Y-%m-%d)"
echo
row "what" "wall" "peak RSS"
row "---" "---" "---"
timed "import $N postings (analysis + store)" "$jobs" --config "$cfg" --db "$work/jobs.db" import "$work/corpus.jsonl"
timed "list --json (cold process)" "$jobs" --config "$cfg" --db "$work/jobs.db" list --json
timed "list, piped (cold process)" "$jobs" --config "$cfg" --db "$work/jobs.db" list
timed "gaps --json (cold process)" "$jobs" --config "$cfg" --db "$work/jobs.db" gaps --json
timed "gaps --plan 5 --json" "$jobs" --config "$cfg" --db "$work/jobs.db" gaps --plan 5 --json
timed "trends --json (8 weeks)" "$jobs" --config "$cfg" --db "$work/jobs.db" trends --json
timed "rematch, nothing changed (both cores)" "$jobs" --config "$cfg" --db "$work/jobs.db" rematch
if command -v sqlite3 >/dev/null; then
  # As after a dictionary change that touches every posting: every analysis differs.
  cp "$work/jobs.db" "$work/changed.db"
  sqlite3 "$work/changed.db" "DELETE FROM requirements; UPDATE postings SET skills = '', min_years = NULL;"
  timed "rematch, every analysis changed" "$jobs" --config "$cfg" --db "$work/changed.db" rematch
else
  row "rematch, every analysis changed (needs sqlite3)" "-" ""
fi
timed "re-import, nothing changed" "$jobs" --config "$cfg" --db "$work/jobs.db" import "$work/corpus.jsonl"

# Analysis against a plain multi-literal scan of the same text with every alias.
"$jobs" skills --json | python3 -c '
import json, sys
for c in json.load(sys.stdin):
    for a in [c["name"]] + (c.get("aliases") or []) + (c.get("exact") or []):
        print(a)' | sort -u > "$work/aliases.txt"
python3 - "$work/corpus.jsonl" "$work/corpus.txt" <<'PY'
import json, sys
with open(sys.argv[1]) as f, open(sys.argv[2], "w") as out:
    for line in f:
        p = json.loads(line)
        s = p["sections"]
        out.write(p["title"] + "\n")
        for h, k in (("회사 소개", "intro"), ("주요업무", "main_tasks"), ("자격요건", "requirements"), ("우대사항", "preferred"), ("혜택 및 복지", "benefits")):
            if s.get(k):
                out.write(h + "\n" + s[k] + "\n")
PY
if command -v rg >/dev/null; then
  start=$(date +%s.%N)
  rg -F -i -c -f "$work/aliases.txt" "$work/corpus.txt" >/dev/null || true
  end=$(date +%s.%N)
  rgs=$(python3 -c "print(f'{($end-$start):.2f}')")
  row "rg -F -i -f aliases.txt (same text, $(wc -l < "$work/aliases.txt") aliases)" "${rgs} s" ""
else
  row "rg (not installed: apt-get install ripgrep)" "-" ""
fi
go test -run '^$' -bench 'BenchmarkAnalyzePosting$' -benchtime 4000x -cpu 1 ./matcher | awk '/^Benchmark/ {
  for (i = 1; i <= NF; i++) if ($i == "ns/op") ns = $(i-1);
  printf "| %-44s | %12s | %10s |\n", "analysis, one core (go test -bench)", sprintf("%.0f/s", 1e9/ns), "" }'
echo
echo "Analysis of all $N postings on one core at that rate: compare with the rg line above."
