#!/bin/bash
# bench/mklib.sh -- make a library of documents for the benchmarks and tests
# of issue 17 (many documents): N distinct copies of the bundled bulletin
# plus the Akoma Ntoso documents of the test corpus.
#
# Usage, from anywhere:
#     bash bench/mklib.sh DIR N
# DIR is created if needed; files of the same names in it are replaced,
# nothing else in it is touched. It then holds N + 18 documents:
#   ST-SGB-9000-1.fr.xml ... ST-SGB-9000-N.fr.xml: copies of
#       content/ST-SGB-2010-2.fr.xml (or $CIRC_DATADIR/ST-SGB-2010-2.fr.xml),
#       each a distinct document: symbol ST/SGB/9000/I, so
#         FRBRnumber value="ST-SGB-9000-I" showAs="ST/SGB/9000/I",
#         every FRBR IRI /akn/un/statement/bulletin/9000/ST-SGB-9000-I[/...]
#         (the work, expression and manifestation IRIs: the year part of
#         the IRI follows the symbol, as circ's cite_symbol_iri makes it),
#         the refs to the document itself (« La présente circulaire ») too;
#       the dates (2010-01-01), title and text are the bulletin's: every copy
#       is the same text, each valid for circ --check and the official XSD;
#   the files of tests/data/akn/ (documents by others and two of the
#       project's own: see tests/data/akn/SOURCES), copied as they are.
# Fast: the bulletin is read once and the copies are written by one awk
# process (three literal substitutions per copy), no XML parsing: 1,000
# copies (127 MB) took 0.4 s here. Prints one line: what it made.
if [ -z "${BASH_VERSION:-}" ]; then
	exec bash "$0" "$@"
fi
set -u
export LC_ALL=C

if [ $# -ne 2 ]; then
	echo "usage: bash bench/mklib.sh DIR N" >&2
	exit 2
fi
dir=$1
n=$2
case $n in '' | *[!0-9]* | 0*)
	echo "mklib.sh: N must be a positive number, not '$n'" >&2
	exit 2
	;;
esac
here=$(cd "$(dirname "$0")" && pwd) || exit 2
doc=${CIRC_DATADIR:-$here/../content}/ST-SGB-2010-2.fr.xml
akn=$here/../tests/data/akn
[ -r "$doc" ] || { echo "mklib.sh: cannot read $doc" >&2; exit 2; }
mkdir -p "$dir" || exit 2

# The literal strings below are matched as regular expressions by gsub: they
# hold no metacharacter but '.', which only matches itself here ("fr.xml"
# is not among them).
awk -v n="$n" -v dir="$dir" '
	{ t = t $0 "\n" }
	END {
		if (t !~ /bulletin\/2010\/ST-SGB-2010-2/ || t !~ /ST\/SGB\/2010\/2/) {
			print "mklib.sh: the bulletin does not have the IRI and symbol expected" > "/dev/stderr"
			exit 2
		}
		for (i = 1; i <= n; i++) {
			s = t
			gsub(/bulletin\/2010\/ST-SGB-2010-2/, "bulletin/9000/ST-SGB-9000-" i, s)
			gsub(/ST-SGB-2010-2/, "ST-SGB-9000-" i, s)
			gsub(/ST\/SGB\/2010\/2/, "ST/SGB/9000/" i, s)
			f = dir "/ST-SGB-9000-" i ".fr.xml"
			printf "%s", s > f
			close(f)
		}
	}' "$doc" || exit 2
cp "$akn"/*.xml "$dir"/ || exit 2
echo "mklib.sh: $dir: $n copies of ST/SGB/2010/2 (ST/SGB/9000/1 to ST/SGB/9000/$n) and $(ls "$akn"/*.xml | wc -l) documents of tests/data/akn"
