/* prompt.c: a line editor on the status line, for searches and ':'.
 * Keys as in shells: Left/Right, Home/End (Ctrl-A/E), Backspace, Delete,
 * Ctrl-U (to the start), Ctrl-K (to the end), Ctrl-W (a word back),
 * Up/Down (history), Tab (completion), Esc or Ctrl-G (cancel), Enter. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "circ/utf8.h"
#include "tui.h"

#define CTRL(c) ((c)&0x1f)

void history_free(struct tui_history *h)
{
	for (size_t i = 0; i < h->n; i++)
		free(h->v[i]);
	free(h->v);
	h->v = NULL;
	h->n = 0;
}

static void history_add(struct tui_history *h, const char *s)
{
	if (!*s || (h->n && strcmp(h->v[h->n - 1], s) == 0))
		return;
	h->v = xreallocarray(h->v, h->n + 1, sizeof *h->v);
	h->v[h->n++] = xstrdup(s);
}

/* Draw the screen with the prompt on the status line and read a key:
 * as term_getkey(); on a hangup the browser is told to quit. */
static int prompt_key(struct tui *t, const char *label, const char *text, size_t cur, wint_t *key)
{
	draw_all(t);
	draw_status(t, label, text, cur);
	curs_set(1);
	refresh();
	int code = term_getkey(key);
	curs_set(0);
	if (code < 0)
		t->quit = 1;
	return code;
}

static void set_text(struct strbuf *sb, size_t *cur, const char *s)
{
	sb_truncate(sb, 0);
	sb_adds(sb, s);
	*cur = sb->len;
}

char *prompt_read(struct tui *t, const char *label, const char *initial, struct tui_history *h,
                  prompt_change_fn change, prompt_complete_fn complete)
{
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, initial ? initial : "");
	size_t cur = sb.len, hpos = h ? h->n : 0;
	char *result = NULL;
	for (;;) {
		wint_t key;
		int code = prompt_key(t, label, sb.s, cur, &key);
		if (code < 0)
			break;
		int changed = 0;
		t->message[0] = '\0';
		if (code && key == KEY_RESIZE) {
			tui_layout(t);
		} else if ((!code && (key == '\r' || key == '\n')) || (code && key == KEY_ENTER)) {
			if (h)
				history_add(h, sb.s);
			result = xstrdup(sb.s);
			break;
		} else if (!code && (key == 27 || key == CTRL('g'))) {
			break;
		} else if ((code && key == KEY_BACKSPACE) ||
		           (!code && (key == 127 || key == CTRL('h')))) {
			if (sb.len == 0)
				break; /* as in less: Backspace on an empty line cancels */
			if (cur > 0) {
				size_t p = utf8_prev(sb.s, cur);
				memmove(sb.s + p, sb.s + cur, sb.len - cur + 1);
				sb.len -= cur - p;
				cur = p;
				changed = 1;
			}
		} else if ((code && key == KEY_DC) || (!code && key == CTRL('d'))) {
			if (cur < sb.len) {
				uint32_t cp;
				size_t k = utf8_decode(sb.s + cur, sb.len - cur, &cp);
				memmove(sb.s + cur, sb.s + cur + k, sb.len - cur - k + 1);
				sb.len -= k;
				changed = 1;
			}
		} else if ((code && key == KEY_LEFT) || (!code && key == CTRL('b'))) {
			cur = utf8_prev(sb.s, cur);
		} else if ((code && key == KEY_RIGHT) || (!code && key == CTRL('f'))) {
			uint32_t cp;
			if (cur < sb.len)
				cur += utf8_decode(sb.s + cur, sb.len - cur, &cp);
		} else if ((code && key == KEY_HOME) || (!code && key == CTRL('a'))) {
			cur = 0;
		} else if ((code && key == KEY_END) || (!code && key == CTRL('e'))) {
			cur = sb.len;
		} else if (!code && key == CTRL('u')) {
			memmove(sb.s, sb.s + cur, sb.len - cur + 1);
			sb.len -= cur;
			cur = 0;
			changed = 1;
		} else if (!code && key == CTRL('k')) {
			sb_truncate(&sb, cur);
			changed = 1;
		} else if (!code && key == CTRL('w')) {
			size_t p = cur;
			while (p > 0 && sb.s[p - 1] == ' ')
				p--;
			while (p > 0 && sb.s[p - 1] != ' ')
				p--;
			memmove(sb.s + p, sb.s + cur, sb.len - cur + 1);
			sb.len -= cur - p;
			cur = p;
			changed = 1;
		} else if (code && (key == KEY_UP || key == KEY_DOWN) && h && h->n) {
			if (key == KEY_UP && hpos > 0)
				hpos--;
			else if (key == KEY_DOWN && hpos < h->n)
				hpos++;
			set_text(&sb, &cur, hpos < h->n ? h->v[hpos] : "");
			changed = 1;
		} else if (!code && key == '\t' && complete) {
			char *c = complete(t, sb.s);
			if (c) {
				set_text(&sb, &cur, c);
				free(c);
				changed = 1;
			}
		} else if (!code && key >= 0x20 && key != 0x7f) {
			char buf[4];
			size_t k = utf8_encode((uint32_t)key, buf);
			sb_add(&sb, "", 0);
			sb.s = xrealloc(sb.s, sb.len + k + 1);
			sb.cap = sb.len + k + 1;
			memmove(sb.s + cur + k, sb.s + cur, sb.len - cur + 1);
			memcpy(sb.s + cur, buf, k);
			sb.len += k;
			cur += k;
			changed = 1;
		}
		if (changed && change)
			change(t, sb.s);
	}
	sb_free(&sb);
	return result;
}

int prompt_yes(struct tui *t, const char *question)
{
	for (;;) {
		wint_t key;
		int code = prompt_key(t, question, "", 0, &key);
		if (code < 0)
			return 0;
		if (code && key == KEY_RESIZE) {
			tui_layout(t);
			continue;
		}
		return !code && (key == 'y' || key == 'Y' || key == 'o' || key == 'O');
	}
}
