# tests/lib.sh: what the shell tests share: TAP output and running circ.
# Sourced by tests/*.test; expects CIRC, CIRC_DATADIR and srcdir from make
# check, and falls back to the in-tree build when run by hand.
: "${srcdir:=.}"
: "${CIRC:=./src/circ}"
: "${CIRC_DATADIR:=$srcdir/content}"
export CIRC_DATADIR
LC_ALL=C.UTF-8
export LC_ALL
unset COLUMNS LANGUAGE LC_MESSAGES
tap_n=0
tap_failed=0

tap_plan() { echo "1..$1"; }

tap_ok() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1"
}

tap_not_ok() {
	tap_n=$((tap_n + 1))
	tap_failed=$((tap_failed + 1))
	echo "not ok $tap_n - $1"
}

# tap_check NAME CONDITION-STATUS [DIAGNOSTIC-FILE]
tap_check() {
	if [ "$2" -eq 0 ]; then
		tap_ok "$1"
	else
		tap_not_ok "$1"
		if [ -n "${3:-}" ] && [ -f "$3" ]; then
			sed 's/^/# /' "$3" | head -n 40
		fi
	fi
}

tap_done() { [ "$tap_failed" -eq 0 ]; }

# A private temporary directory, removed at exit.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/circ-test.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

# The library circ reads (circ(5)): the tests' own, never the user's or the
# system's; the index in the temporary directory.
XDG_DATA_HOME=$tmp/xdg-data
XDG_CACHE_HOME=$tmp/xdg-cache
CIRC_LIBRARY=$tmp/no-system-library
export XDG_DATA_HOME XDG_CACHE_HOME CIRC_LIBRARY

# run ARGS...: runs circ; output in $tmp/out, $tmp/err, status in $rc.
run() {
	rc=0
	timeout 30 "$CIRC" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
}
