# tests/tuilib.sh: what the tmux tests share (tui.test, nav.test): a private
# tmux server per circ, keys sent with send-keys, the screen captured with
# capture-pane and compared with tests/tui/NAME.screen or matched with
# patterns, never a fixed sleep. Sourced after the test sets nothing: it
# sources lib.sh itself, and skips the whole test when tmux is missing.
. "${srcdir:-.}/tests/lib.sh"

if ! command -v tmux >/dev/null 2>&1; then
	echo "1..0 # SKIP tmux not installed"
	exit 0
fi

g=$srcdir/tests/tui
keys_c=$srcdir/src/tui/keys.c
case $CIRC in /*) ;; *) CIRC=$(pwd)/$CIRC ;; esac
case $CIRC_DATADIR in /*) ;; *) CIRC_DATADIR=$(pwd)/$CIRC_DATADIR ;; esac
if [ -n "${builddir:-}" ] && [ -x "$builddir/tests/ptyrun" ]; then
	ptyrun=$builddir/tests/ptyrun
else
	ptyrun=./tests/ptyrun
fi
ESC=$(printf '\033')

# Every tmux server of this test has its socket in $tmp: kill them all at
# exit, whatever happened.
cleanup() {
	for s in "$tmp"/sock.*; do
		[ -S "$s" ] && tmux -S "$s" kill-server >/dev/null 2>&1
	done
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

# start COLS ROWS [VAR=VALUE]... CMD [ARG]...: a new tmux server, with one
# window of COLS x ROWS running CMD with only PATH, TERMINFO_DIRS and the
# variables given in its environment. A shell around it writes its exit
# status to $exitf (tmux 3.3 sometimes leaves the pane's exit status
# unknown for seconds: the program is a zombie it has not reaped yet).
sockn=0
start() {
	_c=$1 _r=$2
	shift 2
	sockn=$((sockn + 1))
	sock=$tmp/sock.$sockn
	exitf=$tmp/exit.$sockn
	# remain-on-exit from the server's start (its configuration), so that
	# a program that ends at once leaves its pane to read
	printf 'set-option -g remain-on-exit on\n' >"$tmp/tmux.conf"
	tmux -S "$sock" -f "$tmp/tmux.conf" new-session -d -x "$_c" -y "$_r" -- \
		env -i "PATH=$PATH" "TERMINFO_DIRS=${TERMINFO:+$TERMINFO:}${TERMINFO_DIRS:-}" \
		"ASAN_OPTIONS=${ASAN_OPTIONS:-}" "LSAN_OPTIONS=${LSAN_OPTIONS:-}" \
		sh -c 'f=$1; shift; env "$@"; echo $? >"$f.tmp"; mv "$f.tmp" "$f"' sh "$exitf" "$@" \
		>/dev/null 2>"$tmp/tmux.err"
}

# circ_at COLS ROWS [VAR=VALUE]...: circ with TERM=xterm-256color and a
# UTF-8 locale unless given, waiting for its first screen.
circ_at() {
	_c=$1 _r=$2
	shift 2
	start "$_c" "$_r" TERM=xterm-256color LC_ALL=C.UTF-8 "CIRC_DATADIR=$CIRC_DATADIR" "$@" "$CIRC"
	wait_for '(help|small|aide|petit)' || sed 's/^/# tmux: /' "$tmp/tmux.err"
}

# circ_args COLS ROWS ARG...: as circ_at (TERM=xterm-256color, a UTF-8
# locale), circ given the arguments ARG, waiting for its first screen.
circ_args() {
	_c=$1 _r=$2
	shift 2
	start "$_c" "$_r" TERM=xterm-256color LC_ALL=C.UTF-8 "CIRC_DATADIR=$CIRC_DATADIR" "$CIRC" "$@"
	wait_for '(help|small|aide|petit)' || sed 's/^/# tmux: /' "$tmp/tmux.err"
}

# stop: end the session; a circ still running is asked to quit first and
# given time to end by itself, so that a sanitizer build finishes its leak
# check before its terminal goes away (a hangup in the middle of it leaves
# the leak checker waiting for ever)
stop() {
	if [ -n "${sock:-}" ] && [ -S "$sock" ] && alive; then
		# Esc, Esc and q as typed by a person: apart (Esc followed at
		# once by a key is that key with Alt)
		tmux -S "$sock" send-keys Escape >/dev/null 2>&1 || :
		sleep 0.1
		tmux -S "$sock" send-keys Escape >/dev/null 2>&1 || :
		sleep 0.1
		tmux -S "$sock" send-keys q >/dev/null 2>&1 || :
		wait_dead || :
	fi
	tmux -S "$sock" kill-server >/dev/null 2>&1 || :
}
keys() { tmux -S "$sock" send-keys "$@"; }
text() { tmux -S "$sock" send-keys -l "$1"; } # literally: no key names
pane() { tmux -S "$sock" display-message -p "$1" 2>/dev/null; }
alive() { [ ! -f "$exitf" ] && [ "$(pane '#{pane_dead}')" = 0 ]; }
status_line() { tail -n 1 "$tmp/screen"; }

# capture: the pane as the user sees it, into $tmp/screen
capture() { tmux -S "$sock" capture-pane -p >"$tmp/screen" 2>/dev/null || : >"$tmp/screen"; }

# settle [FILE]: capture until the screen equals FILE; without FILE until
# three captures in a row are equal; a screen that stays different from FILE
# gets 2 s of stability (a slow, sanitized build can pause that long while it
# searches) before the test fails; at most ~10 s.
settle() {
	_want=${1:-} _need=2
	# regenerating: 10 equal captures in a row (half a second), as tmux
	# delays a resize that follows another one closely
	[ -n "${GOLDEN_UPDATE:-}" ] && _want= _need=10
	_same=0 _i=0
	: >"$tmp/screen.prev"
	while [ "$_i" -lt 200 ]; do
		capture
		if [ -n "$_want" ] && cmp -s "$_want" "$tmp/screen"; then
			return 0
		fi
		if cmp -s "$tmp/screen" "$tmp/screen.prev"; then
			_same=$((_same + 1))
		else
			_same=0
		fi
		# stable: 3 equal captures; a screen that differs from the
		# expected one gets more time (a slow machine) before failing
		if [ "$_same" -ge "$_need" ] && { [ -z "$_want" ] || [ "$_same" -ge 40 ]; }; then
			return 0
		fi
		cp "$tmp/screen" "$tmp/screen.prev"
		_i=$((_i + 1))
		sleep 0.05
	done
}

# wait_for ERE: capture until the screen has a line matching ERE (~10 s).
wait_for() {
	_i=0
	while [ "$_i" -lt 200 ]; do
		capture
		grep -Eq -- "$1" "$tmp/screen" && return 0
		_i=$((_i + 1))
		sleep 0.05
	done
	return 1
}

# wait_dead: until the program has ended and its status is in $exitf (~4 s).
wait_dead() {
	_i=0
	while [ "$_i" -lt 80 ]; do
		[ -f "$exitf" ] && return 0
		_i=$((_i + 1))
		sleep 0.05
	done
	return 1
}

# screen NAME DESCRIPTION: the screen is exactly tests/tui/NAME.screen.
screen() {
	settle "$g/$1.screen"
	if [ -n "${GOLDEN_UPDATE:-}" ]; then
		cp "$tmp/screen" "$g/$1.screen"
	fi
	_st=0
	cmp -s "$g/$1.screen" "$tmp/screen" || _st=1
	{
		echo "expected tests/tui/$1.screen, got (diff -u expected got):"
		diff -u "$g/$1.screen" "$tmp/screen" | sed 1,2d
		alive || echo "circ is no longer running: status $(cat "$exitf" 2>/dev/null)"
	} >"$tmp/diag" 2>&1
	tap_check "$2" "$_st" "$tmp/diag"
}

# status ERE DESCRIPTION: the status line (the last) matches ERE.
status() {
	_i=0 _st=1
	while [ "$_i" -lt 80 ]; do
		capture
		if status_line | grep -Eq -- "$1"; then
			_st=0
			break
		fi
		_i=$((_i + 1))
		sleep 0.05
	done
	{
		echo "status line wanted: /$1/"
		echo "screen:"
		cat "$tmp/screen"
	} >"$tmp/diag"
	tap_check "$2" "$_st" "$tmp/diag"
}

# see ERE DESCRIPTION: a line of the screen matches ERE (waiting ~4 s).
see() {
	_st=0
	wait_for "$1" || _st=1
	{
		echo "no line matches /$1/; screen:"
		cat "$tmp/screen"
	} >"$tmp/diag"
	tap_check "$2" "$_st" "$tmp/diag"
}

# see_change DESCRIPTION: the screen comes to differ from $tmp/before
# (waiting ~3 s): the keys just sent had a visible effect.
see_change() {
	_i=0 _st=1
	while [ "$_i" -lt 60 ]; do
		capture
		if ! cmp -s "$tmp/before" "$tmp/screen"; then
			_st=0
			break
		fi
		_i=$((_i + 1))
		sleep 0.05
	done
	{
		echo "the screen did not change:"
		cat "$tmp/screen"
	} >"$tmp/diag"
	tap_check "$1" "$_st" "$tmp/diag"
}

# summary_is WIDTH ROWS: the text area (rows 2 to ROWS-1) shows, one column
# in, the first lines of circ --summary 'section nominations' -w WIDTH.
summary_is() {
	"$CIRC" --summary 'section nominations' -w "$1" | head -n "$(($2 - 2))" |
		sed 's/^/ /; s/ *$//' >"$tmp/want"
	sed -n "2,$(($2 - 1))p" "$tmp/screen" >"$tmp/got"
	diff -u "$tmp/want" "$tmp/got"
}

# attrs N: line N (0: the title bar) with its attributes as SGR sequences,
# into $tmp/attrs. One line at a time: tmux writes only the changes of
# attributes, so a line captured alone starts from the plain attributes.
attrs() { tmux -S "$sock" capture-pane -p -e -S "$1" -E "$1" >"$tmp/attrs" 2>/dev/null; }

# check DESCRIPTION COMMAND...: a check on what was just captured.
check() {
	_d=$1
	shift
	_st=0
	"$@" >"$tmp/diag.out" 2>&1 || _st=1
	{
		cat "$tmp/diag.out"
		echo "screen:"
		cat "$tmp/screen"
	} >"$tmp/diag"
	tap_check "$_d" "$_st" "$tmp/diag"
}

# skip DESCRIPTION REASON
skip() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1 # SKIP $2"
}

# The whole screen as one line of words (for a message wrapped over lines).
words() { tr -s ' \n' '  ' <"$tmp/screen"; }
has_words() { words | grep -Fq -- "$1" || { echo "no '$1' on screen"; return 1; }; }
ascii_only() {
	if LC_ALL=C grep -n '[^ -~]' "$tmp/screen"; then
		echo "non-ASCII bytes above"
		return 1
	fi
}
is_alive() { alive || { echo "circ ended: status $(cat "$exitf" 2>/dev/null)"; return 1; }; }
ended_ok() {
	if ! wait_dead; then
		echo "circ still runs after 4 s"
		capture
		return 1
	fi
	_s=$(cat "$exitf")
	[ "$_s" = 0 ] || { echo "circ ended with status $_s (128+N: signal N)"; return 1; }
}
