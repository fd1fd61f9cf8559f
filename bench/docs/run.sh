#!/usr/bin/env bash
# Documents per second for the yearly report and for a tờ trình of 20 nominees, DOCX and PDF
# apart, and the memory of the renderer (issue 11). Builds bench/docs/docs_bench as what ships is built (build-bench/,
# scripts/build.sh --ship, only that target), runs it once with one conversion at a time and
# once with two (the service's default THIDUA_PDF_CONCURRENCY) for each document, and writes the figures into
# bench/README.md between the docs markers. Needs LibreOffice (scripts/setup.sh installs it).
#   THIDUA_BENCH_DOCX (500): DOCX documents written; THIDUA_BENCH_PDF (8): PDFs converted.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dir="$root/build-bench"
docx="${THIDUA_BENCH_DOCX:-500}"
pdf="${THIDUA_BENCH_PDF:-8}"

# The build that ships (scripts/build.sh --ship), in a directory of its own for THIDUA_BENCH.
THIDUA_BUILD_DIR="$dir" THIDUA_TARGETS=docs_bench bash "$root/scripts/build.sh" --ship \
  -DTHIDUA_BENCH=ON

load="$(cut -d' ' -f1-3 /proc/loadavg)"
one="$("$dir/bench/docs/docs_bench" yearly "$docx" "$pdf" 1)"
two="$("$dir/bench/docs/docs_bench" yearly "$docx" "$pdf" 2)"
ttr1="$("$dir/bench/docs/docs_bench" proposal "$docx" "$pdf" 1)"
ttr2="$("$dir/bench/docs/docs_bench" proposal "$docx" "$pdf" 2)"
echo "yearly, concurrency 1: $one"
echo "yearly, concurrency 2: $two"
echo "tờ trình, concurrency 1: $ttr1"
echo "tờ trình, concurrency 2: $ttr2"
field() { tr ' ' '\n' <<<"$1" | awk -F= -v k="$2" '$1 == k { print $2 }'; }

results="$(mktemp)"
cat >"$results" <<MD
Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, load average before the runs
$load. Commit \`$(git -C "$root" rev-parse --short HEAD)\`. Command: \`bash bench/docs/run.sh\`
($docx DOCX, $pdf PDF per run and document; the yearly report of a seeded year, six units,
every content area written; a tờ trình whose danh sách lists 20 nominees).

| what | yearly report | tờ trình, 20 nominees |
|---|---|---|
| DOCX (template filled, archive written, one thread) | $(field "$one" docx_per_s) documents/s, $(field "$one" docx_ms) ms each, $(field "$one" docx_bytes) bytes | $(field "$ttr1" docx_per_s) documents/s, $(field "$ttr1" docx_ms) ms each, $(field "$ttr1" docx_bytes) bytes |
| PDF, one conversion at a time | $(field "$one" pdf_per_s) documents/s ($(field "$one" pdf_s_each) s each) | $(field "$ttr1" pdf_per_s) documents/s ($(field "$ttr1" pdf_s_each) s each) |
| PDF, two at a time (the default) | $(field "$two" pdf_per_s) documents/s ($(field "$two" pdf_s_each) s each) | $(field "$ttr2" pdf_per_s) documents/s ($(field "$ttr2" pdf_s_each) s each) |
| renderer's process, peak resident memory | $(field "$two" service_rss_peak_mib) MiB | $(field "$ttr2" service_rss_peak_mib) MiB |
| one LibreOffice conversion, peak resident memory | $(field "$two" libreoffice_rss_peak_mib) MiB | $(field "$ttr2" libreoffice_rss_peak_mib) MiB |
MD
readme="$root/bench/README.md"
awk -v file="$results" '
  /<!-- docs:begin/ { print; while ((getline line < file) > 0) print line; skip = 1; next }
  /<!-- docs:end/ { skip = 0 }
  !skip { print }
' "$readme" >"$readme.new"
mv "$readme.new" "$readme"
rm -f "$results"
echo "bench/docs: figures written to bench/README.md"
