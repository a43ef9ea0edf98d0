#!/bin/sh
# tests/monkey.sh: random keys and resizes (down to 1x1) thrown at the
# browser through a pseudo-terminal; it must not crash or hang, and must
# quit with the terminal restored. Restricted mode, so that a random p
# prints nowhere but to the (absent) terminal printer.
# Usage: sh tests/monkey.sh [SEED [KEYS]]      (defaults: 1 and 20000)
# Needs CIRC (default ./src/circ), CIRC_DATADIR, and tests/ptyrun.
# MONKEY_MARK: a word of the first screen to wait for (default: help; in
# French: aide). MONKEY_PREFIX: ptyrun steps sent after the first screen,
# before the random keys (each ending in ';'). MONKEY_TIMEOUT: seconds
# ptyrun waits for each step and for the end (default 120).
# Prints one line: monkey: seed S, K keys, R resizes: exit=... and exits 0
# when circ ended by itself with status 0.
seed=${1:-1}
n=${2:-20000}
: "${CIRC:=./src/circ}"
ptyrun=${PTYRUN:-./tests/ptyrun}
[ -x "$ptyrun" ] || { echo "monkey: $ptyrun missing (make check builds it)"; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/circ-monkey.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

# the script: keys from the browser's own (without q, Ctrl-C, Ctrl-Z),
# arrows and pages, printable characters for the prompts, and resizes
awk -v seed="$seed" -v n="$n" -v mark="${MONKEY_MARK:-help}" 'BEGIN {
	srand(seed)
	split("j k g G { } t c o d / n N L i a : p ? h z b f r s x e 0 1 5 7 . é", plain, " ")
	split("\\t \\r \\x7f \\e \\e[A \\e[B \\e[C \\e[D \\e[5~ \\e[6~ \\e[H \\e[F \\e[Z \\eOP \\x0c", special, " ")
	np = 0; for (k in plain) np++
	ns = 0; for (k in special) ns++
	printf "u:%s;%s", mark, ENVIRON["MONKEY_PREFIX"]
	resizes = 0
	for (i = 0; i < n; i++) {
		r = rand()
		if (r < 0.02) {
			printf "r:%dx%d;", (rand() < 0.2 ? 1 : 1 + int(rand() * 130)), (rand() < 0.2 ? 1 : 1 + int(rand() * 45))
			resizes++
		} else if (r < 0.35) {
			printf "k:%s;", special[1 + int(rand() * ns)]
		} else {
			printf "k:%s;", plain[1 + int(rand() * np)]
		}
		if (i % 200 == 199)
			printf "w:20;"
	}
	# leave any prompt, list or dialog, come back to a usable size, and
	# quit with Q (quit at once, from any screen): the Escs go back through
	# the history, which may lead to the help, where q only closes it
	printf "r:80x24;w:100;k:\\e;w:50;k:\\e;w:50;k:\\e;w:50;k:\\x07;w:50;k:Q;e"
	print resizes > "/dev/stderr"
}' 2>"$tmp/resizes" >"$tmp/script"
res=$(TERM=xterm-256color CIRC_RESTRICTED=1 HOME=$tmp XDG_CONFIG_HOME=$tmp \
	"$ptyrun" -o "$tmp/out" -t "${MONKEY_TIMEOUT:-120}" "$(cat "$tmp/script")" -- "$CIRC" 2>"$tmp/err")
rc=$?
echo "monkey: seed $seed, $n keys, $(cat "$tmp/resizes") resizes: $res"
[ -s "$tmp/err" ] && sed 's/^/monkey: /' "$tmp/err" | head -n 20
rmcup=$(tput -T xterm-256color rmcup 2>/dev/null | od -v -An -tx1 | tr -d ' \n')
tailhex=$(tail -c 64 "$tmp/out" | od -v -An -tx1 | tr -d ' \n')
case $tailhex in *"$rmcup"*) restored=1 ;; *) restored=0 ;; esac
echo "monkey: terminal restored at exit: $restored"
[ "$rc" -eq 0 ] && case $res in *"exit=0 "*) true ;; *) false ;; esac && [ "$restored" -eq 1 ]
