#!/usr/bin/env bash
# Batch benchmarks for the supervisor's use (issue: 10x AutoCorrect, <100 MB, 500 docx/s/core,
# <10 ms per small report). Builds its corpora from the project's own samples, runs the
# release binary and, when installed, AutoCorrect (npm package autocorrect-node) on the same
# files with the same number of threads, and prints the figures. Not a test: it only reports.
#
# usage: benches/batch.sh [TEXT_FILES=10000] [DOCX_FILES=2000] [JOBS=all cores]
# AutoCorrect: `npm install autocorrect-node` somewhere and put its .bin on PATH, or set
# AUTOCORRECT=/path/to/node_modules/.bin/autocorrect.
set -euo pipefail
cd "$(dirname "$0")/.."
TEXT_FILES=${1:-10000}
DOCX_FILES=${2:-2000}
JOBS=${3:-$(nproc)}
AUTOCORRECT=${AUTOCORRECT:-$(command -v autocorrect || true)}

cargo build --release --quiet
BIN=$PWD/target/release/gwlint
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

make_corpus() { # DIR COUNT EXT...
  local dir=$1 count=$2; shift 2
  local samples=()
  for ext in "$@"; do samples+=(samples/*."$ext"); done
  mkdir -p "$dir"
  for ((i = 0; i < count; i++)); do
    local s=${samples[$((i % ${#samples[@]}))]}
    local sub="$dir/unit$((i % 50))"
    mkdir -p "$sub"
    cp "$s" "$sub/report$i.${s##*.}"
  done
}

# Prints "seconds max_rss_kb" of a command (output discarded).
measure() {
  /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" >/dev/null 2>"$WORK/stderr" || true
  cat "$WORK/time"
}

make_corpus "$WORK/text" "$TEXT_FILES" txt
make_corpus "$WORK/docx" "$DOCX_FILES" docx
TEXT_MB=$(du -sm "$WORK/text" | cut -f1)
echo "corpus: $TEXT_FILES text reports (${TEXT_MB} MB), $DOCX_FILES docx reports; $JOBS threads"

read -r T RSS < <(measure "$BIN" check --format json --exit-zero --jobs "$JOBS" "$WORK/text")
echo "gwlint text:   ${T} s, $(awk "BEGIN{printf \"%.0f\", $TEXT_FILES/$T}") files/s, $(awk "BEGIN{printf \"%.1f\", $TEXT_MB/$T}") MB/s, peak RSS $((RSS / 1024)) MB"

if [ -n "$AUTOCORRECT" ]; then
  # AutoCorrect lints the files it is given; the same files, the same threads.
  read -r AT ARSS < <(measure "$AUTOCORRECT" --lint --format json --threads "$JOBS" "$WORK/text")
  echo "autocorrect:   ${AT} s, peak RSS $((ARSS / 1024)) MB"
  echo "ratio:         gwlint is $(awk "BEGIN{printf \"%.1f\", $AT/$T}")x the throughput of AutoCorrect"
  # The same batch with every rule category switched off: reading, decoding, the outline and
  # the JSON output alone. Its ratio bounds what any set of rules can reach.
  read -r F _ < <(measure "$BIN" check --format json --exit-zero --jobs "$JOBS" \
    --ignore structure,signature,numbering,consistency,punctuation,artifact,citation,wording "$WORK/text")
  echo "floor:         ${F} s with no rule enabled, $(awk "BEGIN{printf \"%.1f\", $AT/$F}")x AutoCorrect"
else
  echo "autocorrect:   not installed (npm install autocorrect-node; set AUTOCORRECT=…/autocorrect)"
fi

read -r D DRSS < <(measure "$BIN" check --format json --exit-zero --jobs "$JOBS" "$WORK/docx")
echo "gwlint docx:   ${D} s, $(awk "BEGIN{printf \"%.0f\", $DOCX_FILES/$D/$JOBS}") files/s per core, peak RSS $((DRSS / 1024)) MB"

# One report of about 10 KB (the text sample nearest that size), whole process as a shell
# starts it: the mean of 10 runs timed together (so that the clock's own cost, a process
# of its own, is not counted per run), best of 5 such batches.
SMALL=$(for f in samples/*.txt; do s=$(stat -c %s "$f"); echo "$(( s > 10240 ? s - 10240 : 10240 - s )) $f"; done | sort -n | head -1 | cut -d' ' -f2)
BEST=$(for _ in $(seq 5); do
  s=$(date +%s%N)
  for _ in $(seq 10); do "$BIN" check --format concise "$SMALL" >/dev/null || true; done
  e=$(date +%s%N)
  echo $(((e - s) / 10000))
done | sort -n | head -1)
echo "one report:    $(($(stat -c %s "$SMALL") / 1024)) KB ($SMALL), whole process ${BEST} µs (mean of 10, best of 5 batches)"
