#!/bin/sh
# regen.sh: remake the XML of this library from its .txt sources with
# circ import, then apply crossrefs.sed (see README, "How the XML is made").
# Run from the top of a built tree:  sh tests/data/library/regen.sh [CIRC]
# CIRC defaults to ./src/circ. Overwrites the .xml files of this directory.
set -e
circ=${1:-./src/circ}
dir=$(dirname "$0")
for txt in "$dir"/*.txt; do
	base=${txt%.txt}                       # .../ST-SGB-2010-1.fr
	name=${base##*/}
	lang=${name##*.}                       # fr or en
	symbol=$(echo "${name%.*}" | tr - /)   # ST/SGB/2010/1
	"$circ" import "$txt" --symbol "$symbol" --lang "$lang" -o "$base.xml" --force
	sed -i -f "$dir/crossrefs.sed" "$base.xml"
done
