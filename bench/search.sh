#!/bin/bash
# bench/search.sh -- search benchmark for circ (a benchmark, not a test).
#
# Usage, from the top of a built tree:  bash bench/search.sh [N]   (N copies, default 1000)
# Environment: CIRC (default ./src/circ), CIRC_DATADIR (default content/ beside bench/).
#
# For a few patterns (a word, an alternation, a word typed without its accent,
# a rare and a frequent one) it times `circ --search PATTERN -c` on the bulletin
# and on N copies of it (N files in one call), beside `grep -P -c` on the
# plain text of the same documents (circ --dump of the bulletin, N times in one
# file). circ also reads, validates and checks every XML file: its load alone
# (`circ --check`) is timed too, so that the search's own share shows. Wall
# time is the median of 5 runs (bulletin) or 3 (corpus), warm cache. Nothing is
# asserted on the figures.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
set -u
export LC_ALL=C.UTF-8

N=${1:-1000}
case $N in '' | *[!0-9]* | 0*) echo "usage: bash bench/search.sh [N]" >&2; exit 2 ;; esac
here=$(cd "$(dirname "$0")" && pwd) || exit 2
CIRC=${CIRC:-./src/circ}
CIRC_DATADIR=$(cd "${CIRC_DATADIR:-$here/../content}" && pwd) || exit 2
export CIRC_DATADIR
DOC=$CIRC_DATADIR/ST-SGB-2010-2.fr.xml
[ -x "$CIRC" ] || { echo "search.sh: build first (or set CIRC)" >&2; exit 2; }

T=$(mktemp -d "${TMPDIR:-/tmp}/cs.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
mkdir "$T/c"
CORPUS=()
for ((i = 1; i <= N; i++)); do
	f=$(printf '%s/c/%05d.xml' "$T" "$i")
	cp "$DOC" "$f"
	CORPUS+=("$f")
done
"$CIRC" --dump --width 0 "$DOC" >"$T/one.txt"
for ((i = 1; i <= N; i++)); do cat "$T/one.txt"; done >"$T/all.txt"

# median wall time in ms of RUNS runs of a command (its exit status 0 or 1)
med() {
	local runs=$1 r t0 t1
	shift
	local ts=()
	for ((r = 0; r < runs; r++)); do
		t0=${EPOCHREALTIME/./}
		"$@" >"$T/out" 2>&1 # not /dev/null: grep would stop at the first match
		[ $? -le 1 ] || { echo FAIL; return; }
		t1=${EPOCHREALTIME/./}
		ts+=($((t1 - t0)))
	done
	printf '%s\n' "${ts[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p" |
		awk '{ printf "%.1f", $1 / 1000 }'
}
count() { "$@" 2>/dev/null | awk '{ s += $1 } END { print s + 0 }'; }

# label | circ pattern | grep -P pattern (the same search, accents spelled out)
patterns=(
	"word|missions|missions"
	"alternation|achats|marchés|achats|marchés"
	"no accent typed|equipe|(?i)[eé]quipe"
	"rare|Brindisi|Brindisi"
	"frequent|de|(?i)de"
)

echo "circ search benchmark -- $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) CPU, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -h | awk '/Mem:/ {print $2}') RAM"
echo "programs: $("$CIRC" --version); $(grep --version | head -n 1)"
echo "corpus: $N copies ($(du -sh "$T/c" | cut -f1) of XML; plain text $(du -h "$T/all.txt" | cut -f1))"
echo
printf '%-16s %10s %10s %8s %10s %10s %8s %9s\n' pattern "circ 1" "grep 1" ratio "circ $N" "grep $N" ratio "matches"
load1=$(med 5 "$CIRC" --check "$DOC")
loadN=$(med 3 "$CIRC" --check "${CORPUS[@]}")
for p in "${patterns[@]}"; do
	label=${p%%|*}
	rest=${p#*|}
	if [ "$label" = alternation ]; then cpat="achats|marchés"; gpat="achats|marchés"
	else cpat=${rest%%|*}; gpat=${rest#*|}; fi
	c1=$(med 5 "$CIRC" --search "$cpat" -c "$DOC")
	g1=$(med 5 grep -P -c "$gpat" "$T/one.txt")
	cN=$(med 3 "$CIRC" --search "$cpat" -c "${CORPUS[@]}")
	gN=$(med 3 grep -P -c "$gpat" "$T/all.txt")
	m=$(count "$CIRC" --search "$cpat" -c "$DOC")
	printf '%-16s %10s %10s %8s %10s %10s %8s %9s\n' "$label" "$c1" "$g1" \
		"$(awk -v a="$c1" -v b="$g1" 'BEGIN { printf "%.1f", a / b }')" "$cN" "$gN" \
		"$(awk -v a="$cN" -v b="$gN" 'BEGIN { printf "%.1f", a / b }')" "$m"
done
echo
echo "times in ms (median); circ's load alone (circ --check): $load1 ms for 1, $loadN ms for $N"
echo "circ: $CIRC --search PATTERN -c FILE...   grep: grep -P -c PATTERN PLAIN.txt"
echo "matches: circ's count of matches in the bulletin (grep -c counts lines)"
