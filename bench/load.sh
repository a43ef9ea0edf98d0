#!/bin/bash
# bench/load.sh -- load-time benchmark for circ (a benchmark, not a test).
#
# Usage, from the top of a built tree (or via `make bench` from the build dir):
#     bash bench/load.sh [N]          N = number of copies in the corpus (default 1000)
# Environment:
#     CIRC          the program to measure (default ./src/circ)
#     CIRC_DATADIR  the content/ directory (default: content/ next to this script's
#                   parent); it is also exported so that circ loads this schema
#
# Measures `circ --toc FILE...` against the parser floor, `xmllint --noout --nonet`,
# and against `xmllint --noout --nonet --relaxng akn-subset.rng` (circ validates too),
# on (a) the single bulletin and (b) a corpus of N copies of it passed in one call.
# Wall time: median of 5 runs (bulletin) or 3 runs (corpus), warm cache, from bash's
# $EPOCHREALTIME around the command (bash < 5: the `time` keyword, ms resolution).
# Peak memory: max RSS of one extra run, from `/usr/bin/time -f %M`.
# Nothing is asserted on the figures: the exit status is 0 unless a program fails.

# `make bench` runs $(SHELL), which may be a POSIX sh: this script needs bash.
if [ -z "${BASH_VERSION:-}" ]; then
	exec bash "$0" "$@"
fi

set -u
export LC_ALL=C

N=${1:-1000}
case $N in
'' | *[!0-9]* | 0*)
	echo "usage: bash bench/load.sh [N]   (N: number of copies, a positive integer)" >&2
	exit 2
	;;
esac

here=$(cd "$(dirname "$0")" && pwd) || exit 2
CIRC=${CIRC:-./src/circ}
CIRC_DATADIR=${CIRC_DATADIR:-$here/../content}
CIRC_DATADIR=$(cd "$CIRC_DATADIR" 2>/dev/null && pwd) || {
	echo "load.sh: no content directory (set CIRC_DATADIR)" >&2
	exit 2
}
export CIRC_DATADIR
DOC=$CIRC_DATADIR/ST-SGB-2010-2.fr.xml
RNG=$CIRC_DATADIR/akn-subset.rng
XMLLINT=${XMLLINT:-xmllint}

for f in "$DOC" "$RNG"; do
	[ -r "$f" ] || { echo "load.sh: cannot read $f" >&2; exit 2; }
done
[ -x "$CIRC" ] || { echo "load.sh: $CIRC is not an executable (build first, or set CIRC)" >&2; exit 2; }
command -v "$XMLLINT" >/dev/null || { echo "load.sh: $XMLLINT not found (Debian package libxml2-utils)" >&2; exit 2; }

# Peak RSS needs GNU time (Debian package `time`); without it, RSS is n/a.
GTIME=/usr/bin/time
if ! [ -x "$GTIME" ] || ! "$GTIME" -f %M -o /dev/null true 2>/dev/null; then
	echo "load.sh: GNU $GTIME not available (Debian: apt-get install time): peak RSS n/a" >&2
	GTIME=
fi

# Short temp dir: N absolute paths go on one command line.
T=$(mktemp -d "${TMPDIR:-/tmp}/cb.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
trap 'exit 130' INT TERM HUP

# The corpus: N real copies (not links: the point is reading N distinct files).
mkdir "$T/c" || exit 2
w=${#N}
CORPUS=()
i=1
while [ "$i" -le "$N" ]; do
	f=$(printf '%s/c/%0*d.xml' "$T" "$w" "$i")
	cp "$DOC" "$f" || { echo "load.sh: cp failed" >&2; exit 2; }
	CORPUS+=("$f")
	i=$((i + 1))
done
argbytes=0
for f in "${CORPUS[@]}"; do argbytes=$((argbytes + ${#f} + 1 + 8)); done
argmax=$(getconf ARG_MAX 2>/dev/null || echo '?')

TIMEFORMAT=%3R # only used without $EPOCHREALTIME
failed=0
FAILS=

# measure LABEL RUNS CMD... : sets TIME (median, microseconds) and RSS (KiB), or FAIL.
measure() {
	local label=$1 runs=$2 r t t0 t1 st
	shift 2
	local ts=()
	TIME=FAIL RSS=FAIL
	for ((r = 0; r < runs; r++)); do
		if [ -n "${EPOCHREALTIME:-}" ]; then # bash >= 5: microseconds, no fork
			t0=${EPOCHREALTIME/./}
			"$@" >/dev/null 2>"$T/err"
			st=$?
			t1=${EPOCHREALTIME/./}
			t=$((t1 - t0))
		else # older bash: the `time` keyword, milliseconds
			t=$({ time "$@" >/dev/null 2>"$T/err"; } 2>&1)
			st=$?
			t=$(awk -v s="$t" 'BEGIN { printf "%d", s * 1000000 }')
		fi
		if [ "$st" -ne 0 ]; then
			fail "$label" "$st" "$@"
			return 1
		fi
		ts+=("$t")
	done
	TIME=$(printf '%s\n' "${ts[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
	if [ -n "$GTIME" ]; then
		"$GTIME" -f %M -o "$T/rss" "$@" >/dev/null 2>"$T/err"
		st=$?
		if [ "$st" -ne 0 ]; then
			fail "$label" "$st" "$@"
			return 1
		fi
		RSS=$(tail -n 1 "$T/rss")
	else
		RSS=n/a
	fi
}

fail() {
	local label=$1 st=$2
	shift 2
	failed=1
	local cmd="$*"
	[ "${#cmd}" -gt 300 ] && cmd="${cmd:0:150} ... ${cmd: -100}"
	FAILS+="FAILED ($label): exit status $st
  command: $cmd
  stderr (first lines):
$(head -n 5 "$T/err" | sed 's/^/    /')
"
}

ratio() { # a/b, or -
	case $1$2 in *[!0-9]*) echo - ;; *) awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }' ;; esac
}
ms() { # microseconds -> milliseconds
	case $1 in *[!0-9]* | '') echo "$1" ;; *) awk -v u="$1" 'BEGIN { printf "%.1f", u / 1000 }' ;; esac
}
mib() { # KiB -> MiB
	case $1 in *[!0-9]* | '') echo "$1" ;; *) awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }' ;; esac
}

# Warm-up (binaries, libraries and the bulletin in the page cache); not timed.
"$CIRC" --toc "$DOC" >/dev/null 2>&1
"$XMLLINT" --noout --nonet --relaxng "$RNG" "$DOC" >/dev/null 2>&1

declare -A R
for set in bulletin corpus; do
	if [ "$set" = bulletin ]; then runs=5; files=("$DOC"); else runs=3; files=("${CORPUS[@]}"); fi
	measure "circ, $set" "$runs" "$CIRC" --toc "${files[@]}"
	R[$set,ct]=$TIME R[$set,cm]=$RSS
	measure "xmllint, $set" "$runs" "$XMLLINT" --noout --nonet "${files[@]}"
	R[$set,xt]=$TIME R[$set,xm]=$RSS
	measure "xmllint --relaxng, $set" "$runs" "$XMLLINT" --noout --nonet --relaxng "$RNG" "${files[@]}"
	R[$set,rt]=$TIME R[$set,rm]=$RSS
done

# Report.
model=$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo 2>/dev/null | head -n 1)
mem=$(free -h 2>/dev/null | awk '/^Mem:/ { print $2 }')
echo "circ load benchmark -- $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc 2>/dev/null || echo '?') CPU, ${model:-unknown model}, ${mem:-?} RAM; $(uname -sr)"
echo "programs: $("$CIRC" --version 2>/dev/null | head -n 1); $("$XMLLINT" --version 2>&1 | head -n 1)"
echo "document: $DOC ($(wc -c <"$DOC") bytes)"
echo "corpus: $N copies (cp) in $T/c; argv ~$argbytes bytes, ARG_MAX $argmax"
echo "time: wall, median of 5 runs (bulletin) / 3 runs (corpus), warm cache; RSS: $([ -n "$GTIME" ] && echo "one more run, $GTIME -f %M" || echo "n/a (no GNU time)")"
echo
printf '%-16s %10s %10s %12s %12s %14s %14s %14s\n' \
	"" "circ (ms)" "xmllint(ms)" "+relaxng(ms)" "circ/xmllint" "circ RSS" "xmllint RSS" "+relaxng RSS"
for set in bulletin corpus; do
	[ "$set" = bulletin ] && name=bulletin || name="corpus of $N"
	printf '%-16s %10s %10s %12s %12s %14s %14s %14s\n' "$name" \
		"$(ms "${R[$set,ct]}")" "$(ms "${R[$set,xt]}")" "$(ms "${R[$set,rt]}")" "$(ratio "${R[$set,ct]}" "${R[$set,xt]}")" \
		"$(mib "${R[$set,cm]}")" "$(mib "${R[$set,xm]}")" "$(mib "${R[$set,rm]}")"
done
echo
echo "commands (FILES = $DOC, or the $N copies $T/c/$(printf '%0*d' "$w" 1).xml ... $T/c/$N.xml):"
echo "  CIRC_DATADIR=$CIRC_DATADIR $CIRC --toc FILES >/dev/null"
echo "  $XMLLINT --noout --nonet FILES"
echo "  $XMLLINT --noout --nonet --relaxng $RNG FILES"
if [ -n "$FAILS" ]; then
	echo
	printf '%s' "$FAILS"
fi
exit "$failed"
