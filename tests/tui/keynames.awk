# keynames.awk: reads src/tui/keys.c and prints, for every entry of the
# command table, its name, a tab, and the key names the help screen must
# show for it, in order, each once (as "j, Down, Ctrl-N"). It reads the
# source, not the program, so that a key the help forgets shows up.
# A key macro it does not know prints "UNKNOWN(...)", which fails the test.
BEGIN {
	code["DOWN"] = "Down"; code["UP"] = "Up"; code["LEFT"] = "Left"
	code["RIGHT"] = "Right"; code["NPAGE"] = "PgDn"; code["PPAGE"] = "PgUp"
	code["HOME"] = "Home"; code["END"] = "End"; code["BTAB"] = "Shift-Tab"
	code["BACKSPACE"] = "Backspace"; code["ENTER"] = "Enter"
	code["DC"] = "Delete"; code["IC"] = "Insert"
	esc["t"] = "Tab"; esc["r"] = "Enter"; esc["n"] = "Ctrl-J"
	num[27] = "Esc"; num[127] = "Del"; num[9] = "Tab"; num[13] = "Enter"
	q = "'"; esc[q] = q
}
/^static const struct cmd table\[\] = \{/ { intable = 1; next }
intable && /^};/ { intable = 0 }
intable && /\{[KF]\(/ {
	match($0, /\{[KF]\(/)
	s = substr($0, RSTART + 1)
	keys = ""
	for (;;) {
		if (match(s, "^K\\(CTRL\\(" q "." q "\\)\\)")) {
			name = "Ctrl-" toupper(substr(s, 9, 1))
		} else if (match(s, "^K\\(" q "\\\\." q "\\)")) {
			c = substr(s, 5, 1)
			name = (c in esc) ? esc[c] : "UNKNOWN(" substr(s, 1, RLENGTH) ")"
		} else if (match(s, "^K\\(" q "." q "\\)")) {
			c = substr(s, 4, 1)
			name = c == " " ? "Space" : c
		} else if (match(s, "^K\\([0-9]+\\)")) {
			n = substr(s, 3, RLENGTH - 3) + 0
			name = (n in num) ? num[n] : "UNKNOWN(" substr(s, 1, RLENGTH) ")"
		} else if (match(s, "^F\\(KEY_F\\([0-9]+\\)\\)")) {
			name = "F" substr(s, 9, RLENGTH - 10)
		} else if (match(s, "^F\\(KEY_[A-Z0-9_]+\\)")) {
			k = substr(s, 7, RLENGTH - 7)
			name = (k in code) ? code[k] : "UNKNOWN(" substr(s, 1, RLENGTH) ")"
		} else {
			name = "UNKNOWN(" s ")"
			RLENGTH = length(s)
		}
		s = substr(s, RLENGTH + 1)
		if (index(", " keys ", ", ", " name ", ") == 0)
			keys = keys (keys == "" ? "" : ", ") name
		if (substr(s, 1, 2) != ", ")
			break
		s = substr(s, 3)
	}
	# the command's name: the first string literal after the keys
	cmd = "?"
	if (match(s, "\"[^\"]*\"")) cmd = substr(s, RSTART + 1, RLENGTH - 2)
	print cmd "\t" keys
}
