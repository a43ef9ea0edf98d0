#!/bin/bash
# bench/table.sh -- circ beside its peers, in one table (a benchmark, not a
# test: it asserts nothing and exits 0 unless a program fails to run).
#
# Usage, from the top of a built tree (make bench runs it):
#     bash bench/table.sh [RUNS]        RUNS: timed runs per figure (default 7)
# Environment: CIRC (default ./src/circ), CIRC_DATADIR (default content/
# beside bench/), PTYRUN (default ./tests/ptyrun, built from tests/ptyrun.c
# with $CC when missing), LESS_BIN (less), XMLLINT (xmllint), GREP (grep).
#
# Every figure is measured in this run, for circ and for its peer:
#   start-up to the first screen, 80x24 pseudo-terminal, TERM=xterm-256color:
#       circ on the bundled bulletin, until its status line ("q to quit") is
#       written; less on the bulletin's plain text (circ --dump -w 80) until
#       its prompt (the file name) is written -- ptyrun's seen_us;
#   search: circ --search -c PATTERN on the bulletin (which includes reading
#       and validating the XML) and on 100 copies, against grep -P -c on the
#       plain text of the same documents; the accentless pattern is given to
#       grep as (?i)[eé]quipe, since grep cannot ignore accents;
#   bytes a scripted session writes to the terminal (tests/ptyrun counts
#       them): open and quit; 20 page-downs; the full session: 20
#       page-downs, a search, 5 citations followed and come back from
#       (less: the same places reached by typed searches and '');
#   load of 1, 10, 100 and 1,000 copies of the bulletin in one call:
#       circ --toc FILES against xmllint --noout --nonet FILES (parsing
#       alone, the floor of what circ does: opening needs no schema), wall
#       time and peak resident memory (GNU time -f %M);
#   --toc of every Akoma Ntoso document of tests/data/akn (documents by
#       others: acts, bills, debates, judgments...) against xmllint --noout
#       --nonet on the same file (the goal: at most 2 x the parse alone);
#   a 10 MB document (a generated bulletin of 1,000 sections of 10
#       paragraphs): start-up to the first screen against less on its
#       plain text, and --toc against xmllint --noout;
#   --check of the bulletin: circ --check (the official XSD, compiled on
#       each run, then circ's own checks) against xmllint --noout --nonet
#       --schema content/akn/akomantoso30.xsd on the same file.
# Times are medians of RUNS runs (3 for 1,000 documents), warm cache, from
# bash's $EPOCHREALTIME; bytes are medians of 3 sessions. The last column is
# circ / peer: below 1 circ is faster or smaller.
if [ -z "${BASH_VERSION:-}" ]; then
	exec bash "$0" "$@"
fi
set -u
export LC_ALL=C.UTF-8

RUNS=${1:-7}
# what the library screen shows once drawn (see src/tui)
LIBRARY_SCREEN_MARK=${LIBRARY_SCREEN_MARK:-documents}
case $RUNS in '' | *[!0-9]* | 0*)
	echo "usage: bash bench/table.sh [RUNS]" >&2
	exit 2
	;;
esac
here=$(cd "$(dirname "$0")" && pwd) || exit 2
CIRC=${CIRC:-./src/circ}
CIRC_DATADIR=$(cd "${CIRC_DATADIR:-$here/../content}" 2>/dev/null && pwd) || {
	echo "table.sh: no content directory (set CIRC_DATADIR)" >&2
	exit 2
}
export CIRC_DATADIR
DOC=$CIRC_DATADIR/ST-SGB-2010-2.fr.xml
XSD=$CIRC_DATADIR/akn/akomantoso30.xsd
LESS_BIN=${LESS_BIN:-less}
XMLLINT=${XMLLINT:-xmllint}
GREP=${GREP:-grep}
[ -x "$CIRC" ] || { echo "table.sh: build first (or set CIRC)" >&2; exit 2; }
for p in "$LESS_BIN" "$XMLLINT" "$GREP"; do
	command -v "$p" >/dev/null 2>&1 || { echo "table.sh: $p is not installed" >&2; exit 2; }
done
[ -r "$XSD" ] || { echo "table.sh: no $XSD" >&2; exit 2; }
GTIME=/usr/bin/time
"$GTIME" -f %M -o /dev/null true 2>/dev/null || GTIME=

T=$(mktemp -d "${TMPDIR:-/tmp}/ct.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
# circ's library and index: the run's own (the library rows set CIRC_LIBRARY)
export XDG_DATA_HOME=$T/xdg-data XDG_CACHE_HOME=$T/xdg-cache CIRC_LIBRARY=$T/no-library
trap 'exit 130' INT TERM HUP

PTYRUN=${PTYRUN:-./tests/ptyrun}
if [ ! -x "$PTYRUN" ]; then
	${CC:-cc} -std=c11 -O2 -o "$T/ptyrun" "$here/../tests/ptyrun.c" || exit 2
	PTYRUN=$T/ptyrun
fi
"$CIRC" --dump --width 80 "$DOC" >"$T/plain.txt" || exit 2

# N copies of the bulletin (and of its plain text), real files in $T/cN/
copies() {
	mkdir -p "$T/c$1"
	local i=1
	while [ "$i" -le "$1" ]; do
		cp "$DOC" "$T/c$1/$i.xml"
		cp "$T/plain.txt" "$T/c$1/$i.txt"
		i=$((i + 1))
	done
}
for n in 1 10 100 1000; do copies "$n"; done

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
# rss_kib CMD...: peak resident memory of one run, KiB
rss_kib() {
	[ -n "$GTIME" ] || { echo n/a; return 0; }
	"$GTIME" -f %M -o "$T/rss" "$@" >/dev/null 2>"$T/err" || { echo FAIL; return 1; }
	tail -n 1 "$T/rss"
}
# pty_field FIELD SCRIPT CMD...: the median of ptyrun's FIELD over RUNS sessions
pty_field() {
	local field=$1 script=$2 runs=$3 r res
	shift 3
	for ((r = 0; r < runs; r++)); do
		res=$("$PTYRUN" -s 80x24 -t 5 -o "$T/pty.out" "$script" -- env -i "PATH=$PATH" \
			TERM=xterm-256color LC_ALL=C.UTF-8 LESSHISTFILE=- HOME="$T" \
			"CIRC_DATADIR=$CIRC_DATADIR" "CIRC_LIBRARY=$CIRC_LIBRARY" \
			"XDG_CACHE_HOME=$XDG_CACHE_HOME" "XDG_DATA_HOME=$XDG_DATA_HOME" "$@")
		case $res in *"exit=0 "*) ;; *) echo FAIL; return 1 ;; esac
		printf '%s\n' "$res" | tr ' ' '\n' | sed -n "s/^$field=//p"
	done | median
}

ROWS=()
# row LABEL CIRC PEER PEERNAME UNIT: one line of the table (UNIT: us, B, KiB)
row() {
	ROWS+=("$1|$2|$3|$4|$5")
}
fmt() { # VALUE UNIT
	case $1 in *[!0-9-]* | '') echo "$1" ;; *)
		case $2 in
		us) awk -v u="$1" 'BEGIN { printf "%.1f ms", u / 1000 }' ;;
		KiB) awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }' ;;
		B) echo "$1 B" ;;
		esac ;;
	esac
}
ratio() {
	case $1$2 in *[!0-9]* | '') echo - ;; *) awk -v a="$1" -v b="$2" \
		'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }' ;; esac
}

# warm-up: programs, libraries and files in the page cache
"$CIRC" --toc "$DOC" >/dev/null
"$XMLLINT" --noout --nonet "$DOC" >/dev/null 2>&1
"$XMLLINT" --noout --nonet --schema "$XSD" "$DOC" >/dev/null 2>&1
"$GREP" -c x "$T/plain.txt" >/dev/null

# start-up to the first screen
c=$(pty_field seen_us 'u:q to quit;k:q' "$RUNS" "$CIRC")
l=$(pty_field seen_us 'u:plain.txt;k:q' "$RUNS" "$LESS_BIN" "$T/plain.txt")
row "start-up to first screen, 80x24" "$c" "$l" less us

# search
for s in "equipe|(?i)[eé]quipe|no accent typed" "Division|Division|a word"; do
	IFS='|' read -r cp gp what <<<"$s"
	for n in 1 100; do
		c=$(time_us "$RUNS" "$CIRC" --search "$cp" -c "$T"/c$n/*.xml)
		g=$(time_us "$RUNS" "$GREP" -P -c "$gp" "$T"/c$n/*.txt)
		row "search '$cp' ($what), $n doc$([ $n = 1 ] || echo s)" "$c" "$g" "grep -P" us
	done
done

# bytes to the terminal
gap='w:50'
start='w:400'
quit='k:q;w:200'
pgdn=
for ((i = 0; i < 20; i++)); do pgdn="$pgdn;k: ;$gap"; done
pgdn=${pgdn#;}
circ_cites=
for ref in 2.1b 3.3c 3.5e 5.5b 5.7e; do
	circ_cites="$circ_cites;k::$ref\\r;$gap;k:\\t;$gap;k:\\r;$gap;k:\\x7f;$gap"
done
less_cites=
for pair in 'b\) Compte tenu des dispositions|^1\.2 Dans' \
	'c\) Conformément aux dispositions du paragraphe 1\.2 ci-dessus, procéder|^1\.2 Dans' \
	'e\) Conformément aux dispositions du paragraphe 1\.2, définir|^1\.2 Dans' \
	'b\) Donner des avis sur la prestation|b\) Conformément aux dispositions du paragraphe 1\.2 ci-dessus, fournir' \
	'e\) Conformément aux dispositions du paragraphe 1\.2 ci-dessus, examiner|^1\.2 Dans'; do
	from=$(printf '%s' "${pair%%|*}" | sed 's/\\/\\\\/g')
	to=$(printf '%s' "${pair#*|}" | sed 's/\\/\\\\/g')
	less_cites="$less_cites;k:/\\x06$from\\r;$gap;k:?$to\\r;$gap;k:\\x27\\x27;$gap"
done
c=$(pty_field bytes "$start;$quit" 3 "$CIRC")
l=$(pty_field bytes "$start;$quit" 3 "$LESS_BIN" "$T/plain.txt")
row "bytes: open and quit" "$c" "$l" less B
c=$(pty_field bytes "$start;$pgdn;$quit" 3 "$CIRC")
l=$(pty_field bytes "$start;$pgdn;$quit" 3 "$LESS_BIN" "$T/plain.txt")
row "bytes: 20 page-downs" "$c" "$l" less B
c=$(pty_field bytes "$start;$pgdn;k:/equipe\\r;$gap$circ_cites;$quit" 3 "$CIRC")
l=$(pty_field bytes "$start;$pgdn;k:/quipe\\r;$gap$less_cites;$quit" 3 "$LESS_BIN" "$T/plain.txt")
row "bytes: full scripted session" "$c" "$l" less B

# loading documents
for n in 1 10 100 1000; do
	runs=$RUNS
	[ "$n" -eq 1000 ] && runs=3
	c=$(time_us "$runs" "$CIRC" --toc "$T"/c$n/*.xml)
	x=$(time_us "$runs" "$XMLLINT" --noout --nonet "$T"/c$n/*.xml)
	row "load $n doc$([ $n = 1 ] || echo s), time" "$c" "$x" "xmllint --noout" us
	c=$(rss_kib "$CIRC" --toc "$T"/c$n/*.xml)
	x=$(rss_kib "$XMLLINT" --noout --nonet "$T"/c$n/*.xml)
	row "load $n doc$([ $n = 1 ] || echo s), peak memory" "$c" "$x" "xmllint --noout" KiB
done

# documents by others: --toc against the parse alone
for f in "$here"/../tests/data/akn/*.xml; do
	[ -f "$f" ] || continue
	b=${f##*/}
	c=$(time_us "$RUNS" "$CIRC" --toc "$f")
	x=$(time_us "$RUNS" "$XMLLINT" --noout --nonet "$f")
	row "--toc ${b%.xml} ($(($(wc -c <"$f") / 1024)) KiB)" "$c" "$x" "xmllint --noout" us
done

# a 10 MB document: 1,000 sections of 10 paragraphs
big=$T/big.xml
awk -f "$here/bigdoc.awk" >"$big"
"$CIRC" --dump --width 80 "$big" >"$T/big.txt" || exit 2
c=$(pty_field seen_us 'u:q to quit;k:q' 3 "$CIRC" "$big")
l=$(pty_field seen_us 'u:big.txt;k:q' 3 "$LESS_BIN" "$T/big.txt")
row "10 MB doc ($(($(wc -c <"$big") / 1048576)) MiB): first screen, 80x24" "$c" "$l" less us
c=$(time_us 3 "$CIRC" --toc "$big")
x=$(time_us 3 "$XMLLINT" --noout --nonet "$big")
row "10 MB doc: --toc" "$c" "$x" "xmllint --noout" us
c=$(rss_kib "$CIRC" --toc "$big")
x=$(rss_kib "$XMLLINT" --noout --nonet "$big")
row "10 MB doc: --toc, peak memory" "$c" "$x" "xmllint --noout" KiB

# the library: 1,000 documents (bench/mklib.sh: copies of the bulletin with
# distinct symbols, and the documents of tests/data/akn), as the
# administrator's library; their plain text (one paragraph a line) for grep
lib=$T/library
bash "$here/mklib.sh" "$lib" 1000 >/dev/null || exit 2
nlib=$(ls "$lib"/*.xml | wc -l)
mkdir -p "$T/libtxt"
for f in "$lib"/*.xml; do
	b=${f##*/}
	"$CIRC" --dump --width 0 "$f" >"$T/libtxt/${b%.xml}.txt" 2>/dev/null
done
seq -f "line %g of a file of 1,000 lines" "$nlib" >"$T/lines.txt"
# cold: the index made from nothing, each run
cold=
for ((r = 0; r < 3; r++)); do
	rm -rf "$XDG_CACHE_HOME"
	t0=${EPOCHREALTIME/./}
	CIRC_LIBRARY=$lib "$CIRC" --list >/dev/null 2>&1 || { cold=FAIL; break; }
	t1=${EPOCHREALTIME/./}
	cold="$cold $((t1 - t0))"
done
[ "$cold" = FAIL ] || cold=$(printf '%s\n' $cold | median)
x=$(time_us 3 "$XMLLINT" --noout --nonet "$lib"/*.xml)
row "library of $nlib docs: cold index build" "$cold" "$x" "xmllint --noout" us
export CIRC_LIBRARY=$lib
"$CIRC" --list >/dev/null 2>&1
c=$(pty_field seen_us "u:$LIBRARY_SCREEN_MARK;k:Q" "$RUNS" "$CIRC")
l=$(pty_field seen_us 'u:lines.txt;k:q' "$RUNS" "$LESS_BIN" "$T/lines.txt")
row "library of $nlib docs: library screen, 80x24" "$c" "$l" less us
# a search through a pipe (grep takes shortcuts into /dev/null)
pipe_us() {
	local runs=$1 r
	shift
	for ((r = 0; r < runs; r++)); do
		t0=${EPOCHREALTIME/./}
		"$@" 2>/dev/null | cat >/dev/null
		t1=${EPOCHREALTIME/./}
		echo $((t1 - t0))
	done | median
}
c=$(pipe_us "$RUNS" "$CIRC" --search equipe --all)
g=$(pipe_us "$RUNS" "$GREP" -P '(?i)[eé]quipe' -r "$T/libtxt")
row "library: search 'equipe' (no accent), all docs" "$c" "$g" "grep -P" us
c=$(pty_field seen_us 'u:q to quit;k:q' "$RUNS" "$CIRC" ST/SGB/9000/500)
b=$(CIRC_LIBRARY=$T/no-library pty_field seen_us 'u:q to quit;k:q' "$RUNS" "$CIRC")
row "library: open ST/SGB/9000/500, first screen" "$c" "$b" "circ, bundled" us
c=$(rss_kib "$CIRC" --search equipe --all)
x=$(rss_kib "$XMLLINT" --noout --nonet "$lib"/*.xml)
row "library of $nlib docs: search --all, peak memory" "$c" "$x" "xmllint --noout" KiB
c=$(rss_kib "$CIRC" --list)
row "library of $nlib docs: --list, peak memory" "$c" "$x" "xmllint --noout" KiB
# the same with 101 documents (bundled + 100 named), their index warm too:
# what grows with the documents is the index, not the rest
CIRC_LIBRARY=$T/libtxt "$CIRC" --list "$T"/c100 >/dev/null 2>&1
c=$(CIRC_LIBRARY=$T/libtxt rss_kib "$CIRC" --search equipe --all "$T"/c100)
x=$(rss_kib "$XMLLINT" --noout --nonet "$T"/c100/*.xml)
row "library of 101 docs: search --all, peak memory" "$c" "$x" "xmllint --noout" KiB
rm -rf "$XDG_CACHE_HOME"
c=$(rss_kib "$CIRC" --list)
x=$(rss_kib "$XMLLINT" --noout --nonet "$lib"/*.xml)
row "library of $nlib docs: cold index build, peak memory" "$c" "$x" "xmllint --noout" KiB
# an edited document: the start after the edit, less a start without one,
# against opening that document
one=$lib/ST-SGB-9000-500.fr.xml
warm=$(time_us "$RUNS" "$CIRC" --list)
edits=
for ((r = 0; r < RUNS; r++)); do
	printf '<!-- edit %s -->\n' "$r" >>"$one"
	t0=${EPOCHREALTIME/./}
	"$CIRC" --list >/dev/null 2>&1
	t1=${EPOCHREALTIME/./}
	edits="$edits $((t1 - t0 - warm))"
done
e=$(printf '%s\n' $edits | median)
o=$(time_us "$RUNS" "$CIRC" --toc "$one")
row "library: an edited doc re-indexed (extra start)" "$e" "$o" "circ --toc, that doc" us
export CIRC_LIBRARY=$T/no-library

# --check against the official schema
c=$(time_us "$RUNS" "$CIRC" --check "$DOC")
x=$(time_us "$RUNS" "$XMLLINT" --noout --nonet --schema "$XSD" "$DOC")
row "check 1 doc against the official XSD, time" "$c" "$x" "xmllint --schema" us

model=$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo 2>/dev/null | head -n 1)
echo "circ beside its peers -- $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) CPU, ${model:-unknown model}, $(free -h | awk '/^Mem:/ { print $2 }') RAM; $(uname -sr)"
echo "programs: $("$CIRC" --version | head -n 1); $("$LESS_BIN" --version | head -n 1);" \
	"$("$GREP" --version | head -n 1); $("$XMLLINT" --version 2>&1 | head -n 1)"
echo "bulletin: $(wc -c <"$DOC") bytes of XML, $(wc -l <"$T/plain.txt") lines of plain text;" \
	"times: median of $RUNS runs (3 for 1000 docs)"
echo
printf '%-52s %12s %12s  %-18s %9s\n' measure circ peer "(peer)" circ/peer
failed=0
for r in "${ROWS[@]}"; do
	IFS='|' read -r label cv pv peer unit <<<"$r"
	[ "$cv" = FAIL ] || [ "$pv" = FAIL ] && failed=1
	printf '%-52s %12s %12s  %-18s %9s\n' "$label" "$(fmt "$cv" "$unit")" "$(fmt "$pv" "$unit")" \
		"$peer" "$(ratio "$cv" "$pv")"
done
exit "$failed"
