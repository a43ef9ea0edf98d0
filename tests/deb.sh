#!/bin/sh
# tests/deb.sh TARBALL: the Debian package, as an administrator meets it.
# From the release tarball (renamed circ_VERSION.orig.tar.gz) and debian/:
# dpkg-buildpackage -us -uc -b; lintian with no error and no warning (the
# overrides are in debian/circ.lintian-overrides, each with its reason);
# apt-get installs the .deb; the installed circ --version and the
# autopkgtest scripts (debian/tests: a pseudo-terminal session, --search,
# --summary, --print to a file, English and French) run; apt-get remove,
# then purge, leave no file of circ: the file lists of /usr, /etc, /var/lib
# and /opt before the install and after the purge are the same. Run by
# .ci/run as root after make distcheck; prints TAP and a "# PASS:"/"# FAIL:"
# summary. Needs dpkg-dev, debhelper, lintian, fakeroot (installed here when
# missing), tmux and the fr_FR.UTF-8 locale (./setup's).
set -u
[ $# -eq 1 ] && [ -f "$1" ] || { echo "usage: tests/deb.sh circ-VERSION.tar.gz" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "tests/deb.sh: must run as root (it installs the package)" >&2; exit 2; }
tarball=$(realpath "$1")
src=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/circ-deb.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT
n=0
bad=0
check() { # NAME STATUS [FILE]
	n=$((n + 1))
	if [ "$2" -eq 0 ]; then
		echo "ok $n - $1"
	else
		echo "not ok $n - $1"
		bad=$((bad + 1))
		[ -n "${3:-}" ] && [ -f "$3" ] && tail -n 30 "$3" | sed 's/^/# /'
	fi
}
export DEBIAN_FRONTEND=noninteractive

need=""
for p in dpkg-dev debhelper lintian fakeroot; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'install ok installed' || need="$need $p"
done
if [ -n "$need" ]; then
	apt-get update -qq >/dev/null 2>&1
	# shellcheck disable=SC2086 # the package names are words
	apt-get install -y -qq --no-install-recommends $need >"$work/apt.log" 2>&1
	check "the packaging tools are installed:$need" $? "$work/apt.log"
fi
if dpkg-query -W -f='${Status}\n' circ 2>/dev/null | grep -q 'install ok'; then
	apt-get purge -y -qq circ >/dev/null 2>&1
fi

# the source: the release tarball and debian/, in a clean directory
version=$(basename "$tarball" .tar.gz | sed 's/^circ-//')
cp "$tarball" "$work/circ_$version.orig.tar.gz"
(cd "$work" && tar xzf "circ_$version.orig.tar.gz") && cp -r "$src/debian" "$work/circ-$version/"
check "the source tree: circ_$version.orig.tar.gz and debian/" $?

(cd "$work/circ-$version" && dpkg-buildpackage -us -uc -b) >"$work/build.log" 2>&1
check "dpkg-buildpackage -us -uc -b builds the package (its tests pass)" $? "$work/build.log"
grep -E '^# (TOTAL|PASS|FAIL|ERROR):' "$work/build.log" | sed 's/^# /#   build-time tests: /'
deb=$(ls "$work"/circ_"$version"-*_*.deb 2>/dev/null | head -n 1)
changes=$(ls "$work"/circ_"$version"-*_*.changes 2>/dev/null | head -n 1)

lintian --fail-on error,warning --display-info --pedantic "$changes" >"$work/lintian.log" 2>&1
check "lintian: no error, no warning" $? "$work/lintian.log"
echo "# lintian (info and pedantic tags shown too):"
sed 's/^/#   /' "$work/lintian.log"
echo "# the package: $(basename "$deb"), $(dpkg-deb -f "$deb" Installed-Size) KiB installed"
dpkg-deb -c "$deb" | awk '{print "#   " $6}'

# the file lists, before
snapshot() {
	find /usr /etc /var/lib /opt -xdev \( -path /var/lib/dpkg -o -path /var/lib/apt \
		-o -path /var/lib/ucf -o -path /var/lib/systemd \) -prune -o -print 2>/dev/null | sort
}
snapshot >"$work/before"

apt-get install -y -qq "$deb" >"$work/install.log" 2>&1
check "apt-get installs the package" $? "$work/install.log"
v=$(cd / && env -i PATH=/usr/bin:/bin HOME="$work" circ --version 2>&1)
[ "$v" = "circ $version" ]
check "the installed /usr/bin/circ --version says 'circ $version' ($v)" $?
[ -d /var/lib/circ/library ] && [ -f /usr/share/doc/circ/examples/sshd-circ.conf ]
check "the administrator's library /var/lib/circ/library and the sshd example are there" $?
for t in cli browse; do
	mkdir -p "$work/t-$t"
	(cd / && AUTOPKGTEST_TMP="$work/t-$t" sh "$src/debian/tests/$t") >"$work/t-$t.log" 2>&1
	check "autopkgtest $t (debian/tests/$t) on the installed package" $? "$work/t-$t.log"
	grep -E '^(ok|not ok)' "$work/t-$t.log" | sed 's/^/#   /'
done
# an administrator's index, which purge removes with the directory
cp /usr/share/circ/ST-SGB-2010-2.fr.xml /var/lib/circ/library/ST-SGB-2010-2.fr.xml
(cd / && env -i PATH=/usr/bin:/bin HOME="$work" circ --index /var/lib/circ/library) >"$work/index.log" 2>&1
[ $? -eq 0 ] && [ -d /var/lib/circ/library/.circ-index ]
check "circ --index /var/lib/circ/library makes the administrator's index" $? "$work/index.log"
rm -f /var/lib/circ/library/ST-SGB-2010-2.fr.xml

apt-get remove -y -qq circ >"$work/remove.log" 2>&1
[ $? -eq 0 ] && [ ! -e /usr/bin/circ ] && [ ! -e /usr/share/circ ]
check "apt-get remove removes the program and its data" $? "$work/remove.log"
apt-get purge -y -qq circ >"$work/purge.log" 2>&1
check "apt-get purge succeeds" $? "$work/purge.log"
! dpkg-query -W circ >/dev/null 2>&1 || [ -z "$(dpkg-query -W -f='${Status}' circ 2>/dev/null | grep -v not-installed)" ]
check "dpkg knows nothing of circ after the purge" $?
snapshot >"$work/after"
diff "$work/before" "$work/after" >"$work/diff"
check "no file of circ is left: the file lists before the install and after the purge are the same" $? "$work/diff"

echo "1..$n"
echo "# PASS: $((n - bad))"
echo "# FAIL: $bad"
[ "$bad" -eq 0 ]
