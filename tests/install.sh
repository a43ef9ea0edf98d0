#!/bin/sh
# tests/install.sh TARBALL: the release tarball, unpacked in a private
# directory, configures and builds without the autotools, installs with
# DESTDIR exactly the expected files, runs from anywhere once installed (in
# English and in French) and uninstalls without leaving a file. Run by
# .ci/run after make distcheck; prints TAP and a "# PASS:"/"# FAIL:" summary.
set -u
[ $# -eq 1 ] && [ -f "$1" ] || { echo "usage: tests/install.sh circ-VERSION.tar.gz" >&2; exit 2; }
tarball=$(realpath "$1")
work=$(mktemp -d "${TMPDIR:-/tmp}/circ-install.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT
n=0
bad=0
check() { # NAME STATUS
	n=$((n + 1))
	if [ "$2" -eq 0 ]; then echo "ok $n - $1"; else echo "not ok $n - $1"; bad=$((bad + 1)); fi
}

cd "$work" && tar xzf "$tarball" && cd circ-*/ || exit 99
src=$(pwd)
prefix=$work/prefix

# The autotools must not be needed to build a release: each is a stub that fails.
mkdir "$work/stubs"
for t in autoconf autoheader automake aclocal autopoint autoreconf libtoolize xgettext msgmerge; do
	printf '#!/bin/sh\necho "tests/install.sh: %s ran" >&2\nexit 1\n' "$t" >"$work/stubs/$t"
	chmod +x "$work/stubs/$t"
done
PATH=$work/stubs:$PATH
export PATH
./configure -q --prefix="$prefix" >"$work/configure.log" 2>&1 &&
	make -j2 >"$work/make.log" 2>&1
st=$?
check "the tarball configures and builds without the autotools" $st
[ $st -eq 0 ] || { tail -n 20 "$work/configure.log" "$work/make.log" | sed 's/^/# /'; }

make install DESTDIR="$work/stage" >"$work/install.log" 2>&1
check "make install DESTDIR=... succeeds" $?
(cd "$work/stage$prefix" && find . -type f | sort) >"$work/files"
cat >"$work/expected" <<'LIST'
./bin/circ
./share/circ/README
./share/circ/ST-SGB-2010-2.fr.xml
./share/circ/akn-subset.rng
./share/circ/akn/NOTICE
./share/circ/akn/akomantoso30.xsd
./share/circ/akn/xml.xsd
./share/circ/circ-organisation.rng
./share/locale/fr/LC_MESSAGES/circ.mo
./share/man/man1/circ.1
./share/man/man5/circ.5
LIST
diff "$work/expected" "$work/files" >"$work/diff"
check "DESTDIR holds the program, content, schema, manuals and French messages, nothing else" $?
sed 's/^/# /' "$work/diff"
make uninstall DESTDIR="$work/stage" >>"$work/install.log" 2>&1
left=$(find "$work/stage" -type f | wc -l)
check "make uninstall DESTDIR=... leaves no file ($left left)" $([ "$left" -eq 0 ] && echo 0 || echo 1)

make install >>"$work/install.log" 2>&1
check "make install succeeds" $?
# Run from / with a bare environment: the program finds its content itself.
out=$(cd / && env -i PATH=/usr/bin:/bin HOME="$work" LANG=C.UTF-8 "$prefix/bin/circ" --show 1.2 2>&1)
echo "$out" | grep -q '^1.2 Dans le cadre général' 
check "the installed program shows paragraph 1.2 from /" $?
out=$(cd / && env -i PATH=/usr/bin:/bin HOME="$work" LANG=C.UTF-8 "$prefix/bin/circ" --show 99.9 2>&1)
echo "$out" | grep -q "no part '99.9'"
check "the installed program speaks English in C.UTF-8: $out" $?
out=$(cd / && env -i PATH=/usr/bin:/bin HOME="$work" LANG=fr_FR.UTF-8 "$prefix/bin/circ" --show 99.9 2>&1)
echo "$out" | grep -q 'aucune partie.*99\.9.*la plus proche'
check "the installed program speaks French in fr_FR.UTF-8: $out" $?
out=$(cd / && env -i PATH=/usr/bin:/bin HOME="$work" LANG=fr_FR.UTF-8 "$prefix/bin/circ" --summary 'div soutien log' 2>&1)
echo "$out" | grep -q '^Chef'
check "the installed program's summary headings are French" $?
MANPATH=$prefix/share/man man -w circ >/dev/null 2>&1 || [ -f "$prefix/share/man/man1/circ.1" ]
check "man circ finds the installed manual" $?
make uninstall >>"$work/install.log" 2>&1
left=$(find "$prefix" -type f | wc -l)
check "make uninstall leaves no file ($left left)" $([ "$left" -eq 0 ] && echo 0 || echo 1)

echo "1..$n"
echo "# PASS: $((n - bad))"
echo "# FAIL: $bad"
[ "$bad" -eq 0 ]
