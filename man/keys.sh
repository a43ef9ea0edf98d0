#!/bin/sh
# keys.sh: the browser's key lists of circ(1), made from the output of
# circ --keys (the command table of src/tui/keys.c, in English), so that the
# manual, circ --keys and the help screen cannot disagree.
#
#   man/keys.sh CIRC            print the generated mdoc block
#   man/keys.sh CIRC MANPAGE    replace the block in MANPAGE (make man-keys)
#
# The block runs from the line '.\" keys: begin' to '.\" keys: end' of
# circ.1. It holds the closing note of --keys, then one list of the keys
# that work on every screen, then one list for each group of --keys (its
# heading as --keys prints it) with the keys that work only there; each
# key's names and help line are those of --keys, the help line with a
# capital and a full stop. tests/man.test fails when the block differs from
# what this script makes of the program being tested.
set -eu
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
	echo "usage: $0 CIRC [MANPAGE]" >&2
	exit 2
fi
circ=$1
tmp=${TMPDIR:-/tmp}/circ-keys.$$
trap 'rm -f "$tmp" "$tmp.block" "$tmp.new"' EXIT
# English, whatever the caller's locale; UTF-8 so that no name is transliterated
LANGUAGE= LC_MESSAGES= LANG= LC_ALL=C.UTF-8 "$circ" --keys >"$tmp"

# bytes, not characters: ascii() below decodes UTF-8 itself
LC_ALL=C awk '
function fail(msg) {
	print "keys.sh: circ --keys line " NR ": " msg >"/dev/stderr"
	bad = 1
	exit 1
}
BEGIN {
	for (i = 1; i < 256; i++)
		ord[sprintf("%c", i)] = i
}
# s with every character that is not ASCII written \[uXXXX], so that the
# manual is ASCII and renders the same with or without preconv
function ascii(s,   out, i, c, b, n, k, cp) {
	out = ""
	for (i = 1; i <= length(s); i++) {
		c = substr(s, i, 1)
		b = ord[c]
		if (b < 128) {
			out = out c
			continue
		}
		n = b >= 240 ? 3 : b >= 224 ? 2 : 1
		cp = b % (n == 3 ? 8 : n == 2 ? 16 : 32)
		for (k = 1; k <= n; k++)
			cp = cp * 64 + ord[substr(s, i + k, 1)] % 64
		i += n
		out = out sprintf("\\[u%04X]", cp)
	}
	return out
}
# text for a roff text line: no control character at its start, no escape
function text(s) {
	gsub(/\\/, "\\e", s)
	s = ascii(s)
	if (s ~ /^[.\047]/)
		s = "\\&" s
	return s
}
# one sentence a line (mdoc wants each sentence to start a line), each
# broken at spaces into lines of at most 72 bytes
function sentences(s,   out) {
	out = ""
	while (match(s, /[.?!] [^ ]/)) {
		out = out wrap(substr(s, 1, RSTART)) "\n"
		s = substr(s, RSTART + 2)
	}
	return out wrap(s)
}
function wrap(s,   n, i, v, line, out) {
	n = split(s, v, / +/)
	line = out = ""
	for (i = 1; i <= n; i++) {
		if (v[i] == "")
			continue
		if (line != "" && length(line) + 1 + length(v[i]) > 72) {
			out = out text(line) "\n"
			line = ""
		}
		line = line (line == "" ? "" : " ") v[i]
	}
	return out text(line)
}
# a word of a macro line: no escape, no quote, not taken for a macro or
# a delimiter
function word(w) {
	gsub(/\\/, "\\e", w)
	gsub(/"/, "\\(dq", w)
	w = ascii(w)
	if (w ~ /^[A-Z%][A-Za-z]?[a-z]?$/ || w ~ /^[][().,:;?!|]$/)
		w = "\\&" w
	return w
}
function macro_words(s,   n, i, v, out) {
	n = split(s, v, / +/)
	out = ""
	for (i = 1; i <= n; i++)
		if (v[i] != "")
			out = out (out == "" ? "" : " ") word(v[i])
	return out
}
# "j, Down, Ctrl-N" -> "Ic j , Ic Down , Ic Ctrl-N"
function keys_macro(s,   n, i, v, out) {
	n = split(s, v, /, /)
	out = ""
	for (i = 1; i <= n; i++) {
		gsub(/ /, "\\ ", v[i])
		out = out (i > 1 ? " , " : "") "Ic " word(v[i])
	}
	return out
}
function help_line(s) {
	if (s == "")
		fail("a key without a help line")
	s = toupper(substr(s, 1, 1)) substr(s, 2)
	if (s !~ /[.?!]$/)
		s = s "."
	return sentences(s)
}
# blocks of lines separated by empty lines: a heading (not indented), a
# list of keys (indented), the closing note (not indented, no list after it)
/^$/ { block = 0; next }
/^  [^ ]/ {
	if (block != 2) {
		if (block != 0 || nblk == 0 || kind[nblk] != "text")
			fail("a list of keys without a heading")
		kind[nblk] = "heading"
		block = 2
	}
	line = substr($0, 3)
	sep = index(line, "  ")
	n++
	grp[n] = nblk
	if (sep) {
		names[n] = substr(line, 1, sep - 1)
		desc[n] = substr(line, sep)
		sub(/^ +/, "", desc[n])
	} else {
		names[n] = line # a narrow help: the help line is below
		desc[n] = ""
	}
	next
}
/^   / {
	if (block != 2 || n == 0)
		fail("an indented line outside a list of keys")
	s = $0
	sub(/^ +/, "", s)
	desc[n] = desc[n] (desc[n] == "" ? "" : " ") s
	next
}
{
	if (block == 1) {
		body[nblk] = body[nblk] " " $0
	} else {
		nblk++
		kind[nblk] = "text"
		body[nblk] = $0
		block = 1
	}
}
END {
	if (bad)
		exit 1
	if (n == 0) {
		print "keys.sh: circ --keys printed no keys" >"/dev/stderr"
		exit 1
	}
	ngroups = 0
	for (b = 1; b <= nblk; b++)
		if (kind[b] == "heading")
			ngroups++
	# a command is its key names and its help line; where it works is the
	# set of groups it is listed in
	for (i = 1; i <= n; i++) {
		id = names[i] SUBSEP desc[i]
		if (!(id in where)) {
			order[++ncmd] = id
			where[id] = 0
		}
		if (!((id, grp[i]) in seen)) {
			seen[id, grp[i]] = 1
			where[id]++
		}
		if (length(names[i]) > length(widest))
			widest = names[i]
	}
	gsub(/\\/, "\\e", widest)
	gsub(/"/, "\\(dq", widest)
	widest = ascii(widest)
	print ".\\\" keys: begin. Made by man/keys.sh from circ --keys: do not edit;"
	print ".\\\" after changing the keys, run make man-keys (tests/man.test checks it)."
	for (b = 1; b <= nblk; b++)
		if (kind[b] == "text") {
			print ".Pp"
			print sentences(substr(body[b], 1))
		}
	# the keys of every group first, then each group with the rest
	for (pass = 0; pass <= nblk; pass++) {
		if (pass > 0 && kind[pass] != "heading")
			continue
		started = 0
		for (i = 1; i <= n; i++) {
			id = names[i] SUBSEP desc[i]
			if (pass == 0 && (where[id] != ngroups || grp[i] != first_grp(id)))
				continue
			if (pass > 0 && (where[id] == ngroups || grp[i] != pass))
				continue
			if (!started) {
				if (pass == 0)
					print ".Ss On every screen"
				else
					print ".Ss " macro_words(body[pass])
				print ".Bl -tag -width \"" widest "\""
				started = 1
			}
			print ".It " keys_macro(names[i])
			print help_line(desc[i])
		}
		if (started)
			print ".El"
	}
	print ".\\\" keys: end"
}
function first_grp(id,   b) {
	for (b = 1; b <= nblk; b++)
		if ((id, b) in seen)
			return b
	return 0
}
' "$tmp" >"$tmp.block"

if [ $# -eq 1 ]; then
	cat "$tmp.block"
	exit 0
fi
man=$2
grep -q '^\.\\" keys: begin' "$man" && grep -q '^\.\\" keys: end' "$man" || {
	echo "keys.sh: $man has no '.\\\" keys: begin' ... '.\\\" keys: end' block" >&2
	exit 1
}
awk -v block="$tmp.block" '
/^\.\\" keys: begin/ { while ((getline l <block) > 0) print l; skip = 1; next }
/^\.\\" keys: end/ { skip = 0; next }
!skip
' "$man" >"$tmp.new"
cat "$tmp.new" >"$man"
