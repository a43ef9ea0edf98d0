#!/bin/sh
# bench/wire.sh -- bytes written to the terminal (a benchmark, not a test).
#
# Usage, from the top of a built tree:  sh bench/wire.sh
# Environment: CIRC (default ./src/circ), CIRC_DATADIR (default content/
# beside bench/), PTYRUN (default ./tests/ptyrun; built from tests/ptyrun.c
# with $CC into a temporary directory when missing), LESS_BIN (default less).
#
# What it does: runs each session below in a new 80x24 pseudo-terminal
# (tests/ptyrun, TERM=xterm-256color, LC_ALL=C.UTF-8, keys 50 ms apart, as
# someone typing quickly) and counts every byte the program writes, 3 times,
# keeping the median:
#   circ: the browser on the bundled bulletin;
#   less: less paging the plain text of the same bulletin
#         (circ --dump --width 80 > plain.txt).
# Sessions:
#   start+quit   open, then q;
#   20 pg-downs  open, 20 page-downs (Space in both), q;
#   20 j         open, 20 lines down (j in both), q;
#   full         open, 20 page-downs, a search (circ: /equipe Enter; less:
#                /quipe Enter, the nearest: less does not forgive accents),
#                then 5 citations followed and come back from:
#                circ: ':REF' Enter, Tab, Enter, Backspace for 2.1b, 3.3c,
#                      3.5e, 5.5b (to 5.2 b)), 5.7e (the others to 1.2);
#                less: the same jumps as searches: / ^F PATTERN Enter
#                      (from the first line) to the citing item, ? PATTERN
#                      Enter (backward) to the cited paragraph, '' back
#                      (to where the search started), then q.
# Per page-down = (20 pg-downs - start+quit) / 20, per line-down likewise.
# circ pages by 20 lines (the 22-line reader, 2 kept), less by 23 (a
# screen): bytes per page-down and per line scrolled by it are both shown.
# Nothing is asserted; it exits 0 unless a session fails to run.
set -u
export LC_ALL=C.UTF-8

here=$(cd "$(dirname "$0")" && pwd) || exit 2
CIRC=${CIRC:-./src/circ}
CIRC_DATADIR=$(cd "${CIRC_DATADIR:-$here/../content}" && pwd) || exit 2
export CIRC_DATADIR
LESS_BIN=${LESS_BIN:-less}
[ -x "$CIRC" ] || { echo "wire.sh: build first (or set CIRC)" >&2; exit 2; }
if ! command -v "$LESS_BIN" >/dev/null 2>&1; then
	echo "wire.sh: less is not installed (Debian package less: apt-get install less)" >&2
	exit 2
fi

T=$(mktemp -d "${TMPDIR:-/tmp}/cw.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
trap 'exit 1' HUP INT TERM

PTYRUN=${PTYRUN:-./tests/ptyrun}
if [ ! -x "$PTYRUN" ]; then
	src=$here/../tests/ptyrun.c
	${CC:-cc} -std=c11 -O2 -o "$T/ptyrun" "$src" || {
		echo "wire.sh: cannot build $src (set PTYRUN or CC)" >&2
		exit 2
	}
	PTYRUN=$T/ptyrun
fi

"$CIRC" --dump --width 80 >"$T/plain.txt" || exit 2

# Scripts for ptyrun: steps separated by ';', w:MS waits, k:TEXT sends.
gap='w:50'
start='w:400'
quit='k:q;w:200'
pgdn=
jdown=
i=0
while [ "$i" -lt 20 ]; do
	pgdn="$pgdn;k: ;$gap"
	jdown="$jdown;k:j;$gap"
	i=$((i + 1))
done
pgdn=${pgdn#;}
jdown=${jdown#;}

circ_cites=
for ref in 2.1b 3.3c 3.5e 5.5b 5.7e; do
	circ_cites="$circ_cites;k::$ref\\r;$gap;k:\\t;$gap;k:\\r;$gap;k:\\x7f;$gap"
done
circ_cites=${circ_cites#;}
# less: the citing item, the cited paragraph (regular expressions)
less_cites=
for pair in 'b\) Compte tenu des dispositions|^1\.2 Dans' \
	'c\) Conformément aux dispositions du paragraphe 1\.2 ci-dessus, procéder|^1\.2 Dans' \
	'e\) Conformément aux dispositions du paragraphe 1\.2, définir|^1\.2 Dans' \
	'b\) Donner des avis sur la prestation|b\) Conformément aux dispositions du paragraphe 1\.2 ci-dessus, fournir' \
	'e\) Conformément aux dispositions du paragraphe 1\.2 ci-dessus, examiner|^1\.2 Dans'; do
	from=${pair%%|*}
	to=${pair#*|}
	# ptyrun unescapes \x..; the patterns' own backslashes are doubled
	from=$(printf '%s' "$from" | sed 's/\\/\\\\/g')
	to=$(printf '%s' "$to" | sed 's/\\/\\\\/g')
	less_cites="$less_cites;k:/\\x06$from\\r;$gap;k:?$to\\r;$gap;k:\\x27\\x27;$gap"
done
less_cites=${less_cites#;}

# run PROGRAM SESSION SCRIPT: prints the median byte count of 3 runs
run() {
	prog=$1 session=$2 script=$3
	for _ in 1 2 3; do
		if [ "$prog" = circ ]; then
			set -- env -i "PATH=$PATH" TERM=xterm-256color LC_ALL=C.UTF-8 \
				"CIRC_DATADIR=$CIRC_DATADIR" "$CIRC"
		else
			set -- env -i "PATH=$PATH" TERM=xterm-256color LC_ALL=C.UTF-8 \
				LESSHISTFILE=- HOME="$T" "$LESS_BIN" "$T/plain.txt"
		fi
		res=$("$PTYRUN" -s 80x24 -t 5 -o "$T/out" "$script" -- "$@") || {
			echo "wire.sh: $prog $session: ptyrun failed: $res" >&2
			exit 1
		}
		case $res in
		*"exit=0 "*) ;;
		*) echo "wire.sh: $prog $session did not end well: $res" >&2; exit 1 ;;
		esac
		printf '%s\n' "$res" | sed 's/.*bytes=\([0-9]*\).*/\1/'
	done | sort -n | sed -n 2p
}

c0=$(run circ start+quit "$start;$quit") || exit 1
c20=$(run circ 20pgdn "$start;$pgdn;$quit") || exit 1
cj=$(run circ 20j "$start;$jdown;$quit") || exit 1
cfull=$(run circ full "$start;$pgdn;k:/equipe\\r;$gap;$circ_cites;$quit") || exit 1
l0=$(run less start+quit "$start;$quit") || exit 1
l20=$(run less 20pgdn "$start;$pgdn;$quit") || exit 1
lj=$(run less 20j "$start;$jdown;$quit") || exit 1
lfull=$(run less full "$start;$pgdn;k:/quipe\\r;$gap;$less_cites;$quit") || exit 1

echo "bytes written to an 80x24 terminal, TERM=xterm-256color -- $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "circ: $("$CIRC" --version 2>/dev/null | head -n 1); less: $("$LESS_BIN" --version | head -n 1)"
echo "plain text for less: circ --dump --width 80 ($(wc -l <"$T/plain.txt") lines, $(wc -c <"$T/plain.txt") bytes)"
echo
printf '%-6s %11s %14s %9s %8s %14s %9s %13s\n' program start+quit '20 page-downs' '20 j' full \
	'per page-down' '(per line)' 'per line-down'
for p in circ less; do
	if [ "$p" = circ ]; then
		b0=$c0 b20=$c20 bj=$cj bf=$cfull lines=20
	else
		b0=$l0 b20=$l20 bj=$lj bf=$lfull lines=23
	fi
	per=$(((b20 - b0) / 20))
	printf '%-6s %11s %14s %9s %8s %14s %9s %13s\n' "$p" "$b0" "$b20" "$bj" "$bf" "$per" \
		"$((per / lines))" "$(((bj - b0) / 20))"
done
