#!/bin/bash
# bench/import.sh -- circ import beside what it is measured against (a
# benchmark, not a test: it asserts nothing and exits 0 unless a program
# fails to run).
#
# Usage, from the top of a built tree (make bench runs it after table.sh):
#     bash bench/import.sh [RUNS]       RUNS: timed runs per figure (default 7)
# Environment: CIRC (default ./src/circ), CIRC_DATADIR (default content/
# beside bench/), XMLLINT (xmllint), PDFTOTEXT (pdftotext), GROFF (groff).
#
# Every figure is measured in this run:
#   the bundled bulletin's text (tests/data/ST-SGB-2010-2.fr.txt, 50 KB):
#       circ import --symbol ST/SGB/2010/2 --lang fr against circ --toc of
#       the XML it writes (issue 16's goal: the import costs less than
#       opening its result), and against pdftotext -layout on the same text
#       made a PDF by groff -Tpdf (what a PDF costs before the import);
#   a 10 MB generated bulletin (bench/bigtext.awk: 999 sections of 10
#       paragraphs, 120,000 citations): circ import against xmllint --noout
#       --nonet of the XML it writes (the parse alone) and circ --toc of it;
#   CPU time (user + system) of the small import and its peers, the mean
#       of 50 runs (bash's time around the loop);
#   peak resident memory of each (GNU time -f %M, one more run).
# Times are medians of RUNS runs, warm cache, from bash's $EPOCHREALTIME.
# The last column is circ import / peer: below 1 the import is faster or
# smaller.
if [ -z "${BASH_VERSION:-}" ]; then
	exec bash "$0" "$@"
fi
set -u
export LC_ALL=C.UTF-8

RUNS=${1:-7}
case $RUNS in '' | *[!0-9]* | 0*)
	echo "usage: bash bench/import.sh [RUNS]" >&2
	exit 2
	;;
esac
here=$(cd "$(dirname "$0")" && pwd) || exit 2
CIRC=${CIRC:-./src/circ}
CIRC_DATADIR=$(cd "${CIRC_DATADIR:-$here/../content}" 2>/dev/null && pwd) || {
	echo "import.sh: no content directory (set CIRC_DATADIR)" >&2
	exit 2
}
export CIRC_DATADIR
TXT=$here/../tests/data/ST-SGB-2010-2.fr.txt
XMLLINT=${XMLLINT:-xmllint}
PDFTOTEXT=${PDFTOTEXT:-pdftotext}
GROFF=${GROFF:-groff}
[ -x "$CIRC" ] || { echo "import.sh: build first (or set CIRC)" >&2; exit 2; }
[ -r "$TXT" ] || { echo "import.sh: no $TXT" >&2; exit 2; }
for p in "$XMLLINT" "$PDFTOTEXT" "$GROFF"; do
	command -v "$p" >/dev/null 2>&1 || { echo "import.sh: $p is not installed" >&2; exit 2; }
done
GTIME=/usr/bin/time
"$GTIME" -f %M -o /dev/null true 2>/dev/null || GTIME=

T=$(mktemp -d "${TMPDIR:-/tmp}/ci.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
trap 'exit 130' INT TERM HUP

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# time_us RUNS CMD...: median wall time in microseconds ("FAIL" if CMD fails)
time_us() {
	local runs=$1 r t0 t1
	shift
	for ((r = 0; r < runs; r++)); do
		t0=${EPOCHREALTIME/./}
		"$@" >/dev/null 2>"$T/err" || { echo FAIL; return 1; }
		t1=${EPOCHREALTIME/./}
		echo $((t1 - t0))
	done | median
}
# cpu_us RUNS CMD...: mean CPU time (user + system) of RUNS runs in
# microseconds, from bash's time over the loop: steadier than wall time on
# a machine with other work ("FAIL" if CMD fails)
cpu_us() {
	local runs=$1 TIMEFORMAT='%3U %3S' t
	shift
	t=$({ time (for ((r = 0; r < runs; r++)); do "$@" >/dev/null 2>&1 || exit 1; done); } 2>&1) ||
		{ echo FAIL; return 1; }
	awk -v t="$t" -v n="$runs" 'BEGIN { split(t, a, " "); printf "%d\n", (a[1] + a[2]) * 1e6 / n }'
}
# rss_kib CMD...: peak resident memory of one run, KiB
rss_kib() {
	[ -n "$GTIME" ] || { echo n/a; return 0; }
	"$GTIME" -f %M -o "$T/rss" "$@" >/dev/null 2>"$T/err" || { echo FAIL; return 1; }
	tail -n 1 "$T/rss"
}
ROWS=()
row() { ROWS+=("$1|$2|$3|$4|$5"); }
fmt() { # VALUE UNIT
	case $1 in *[!0-9-]* | '') echo "$1" ;; *)
		case $2 in
		us) awk -v u="$1" 'BEGIN { printf "%.1f ms", u / 1000 }' ;;
		KiB) awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }' ;;
		esac ;;
	esac
}
ratio() {
	case $1$2 in *[!0-9]* | '') echo - ;; *) awk -v a="$1" -v b="$2" \
		'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }' ;; esac
}

# the bundled bulletin: its XML, and its text as a PDF (groff fills its
# paragraphs, a blank line between them; backslashes, requests and the
# no-break space escaped; pdftotext then reads it back)
imp=("$CIRC" import "$TXT" --symbol ST/SGB/2010/2 --lang fr)
"${imp[@]}" >"$T/small.xml" || exit 2
sed -e 's/\\/\\e/g' -e "s/^[.']/\\\\\\&&/" -e 's/\xc2\xa0/\\~/g' "$TXT" |
	"$GROFF" -Kutf8 -Tpdf -P-pa4 >"$T/small.pdf" 2>"$T/err" || { cat "$T/err" >&2; exit 2; }
[ ! -s "$T/err" ] || { cat "$T/err" >&2; exit 2; }
"$PDFTOTEXT" -layout "$T/small.pdf" "$T/small.pdf.txt" || exit 2
# warm-up
"$CIRC" --toc "$T/small.xml" >/dev/null
"$XMLLINT" --noout --nonet "$T/small.xml"

c=$(time_us "$RUNS" "${imp[@]}")
x=$(time_us "$RUNS" "$CIRC" --toc "$T/small.xml")
row "import the bulletin's text (50 KB), time" "$c" "$x" "circ --toc of it" us
p=$(time_us "$RUNS" "$PDFTOTEXT" -layout "$T/small.pdf" "$T/out.txt")
row "import the bulletin's text (50 KB), time" "$c" "$p" "pdftotext -layout" us
c=$(cpu_us 50 "${imp[@]}")
x=$(cpu_us 50 "$CIRC" --toc "$T/small.xml")
row "import the bulletin's text, CPU (mean of 50)" "$c" "$x" "circ --toc of it" us
p=$(cpu_us 50 "$PDFTOTEXT" -layout "$T/small.pdf" "$T/out.txt")
row "import the bulletin's text, CPU (mean of 50)" "$c" "$p" "pdftotext -layout" us
c=$(rss_kib "${imp[@]}")
x=$(rss_kib "$CIRC" --toc "$T/small.xml")
row "import the bulletin's text, peak memory" "$c" "$x" "circ --toc of it" KiB

# a 10 MB bulletin
awk -f "$here/bigtext.awk" >"$T/big.txt"
"$CIRC" import "$T/big.txt" >"$T/big.xml" || exit 2
c=$(time_us 3 "$CIRC" import "$T/big.txt")
x=$(time_us 3 "$XMLLINT" --noout --nonet "$T/big.xml")
row "import a 10 MB text, time" "$c" "$x" "xmllint --noout" us
x=$(time_us 3 "$CIRC" --toc "$T/big.xml")
row "import a 10 MB text, time" "$c" "$x" "circ --toc of it" us
c=$(rss_kib "$CIRC" import "$T/big.txt")
x=$(rss_kib "$XMLLINT" --noout --nonet "$T/big.xml")
row "import a 10 MB text, peak memory" "$c" "$x" "xmllint --noout" KiB
x=$(rss_kib "$CIRC" --toc "$T/big.xml")
row "import a 10 MB text, peak memory" "$c" "$x" "circ --toc of it" KiB

model=$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo 2>/dev/null | head -n 1)
echo "circ import -- $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) CPU, ${model:-unknown model}, $(free -h | awk '/^Mem:/ { print $2 }') RAM; $(uname -sr)"
echo "programs: $("$CIRC" --version | head -n 1); $("$PDFTOTEXT" -v 2>&1 | head -n 1);" \
	"$("$XMLLINT" --version 2>&1 | head -n 1); $("$GROFF" --version | head -n 1)"
echo "texts: bulletin $(wc -c <"$TXT") bytes ($(wc -c <"$T/small.xml") of XML," \
	"PDF $(wc -c <"$T/small.pdf") bytes); generated $(wc -c <"$T/big.txt") bytes" \
	"($(wc -c <"$T/big.xml") of XML); times: median of $RUNS runs (3 for 10 MB)"
echo
printf '%-44s %12s %12s  %-18s %9s\n' measure import peer "(peer)" import/peer
failed=0
for r in "${ROWS[@]}"; do
	IFS='|' read -r label cv pv peer unit <<<"$r"
	[ "$cv" = FAIL ] || [ "$pv" = FAIL ] && failed=1
	printf '%-44s %12s %12s  %-18s %9s\n' "$label" "$(fmt "$cv" "$unit")" "$(fmt "$pv" "$unit")" \
		"$peer" "$(ratio "$cv" "$pv")"
done
exit "$failed"
