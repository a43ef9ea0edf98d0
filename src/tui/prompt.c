/* prompt.c: a line editor on the status line, for searches and ':'.
 * Keys as in shells: Left/Right, Home/End (Ctrl-A/E), Backspace, Delete,
 * Ctrl-U (to the start), Ctrl-K (to the end), Ctrl-W and Alt-Backspace (a
 * word back), Alt-B and Alt-F (a word left, right), Alt-D (a word ahead),
 * Up/Down (history), Esc or Ctrl-G (cancel), Enter. Tab completes: with
 * several candidates, they are listed above the line and Tab and Shift-Tab
 * go through them.
 * Bytes that are no character are refused with a message; the line goes on
 * taking keys. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "circ/i18n.h"
#include "circ/utf8.h"
#include "tui.h"

#define CTRL(c) ((c)&0x1f)

void prompt_history_free(struct tui_history *h)
{
	for (size_t i = 0; i < h->n; i++)
		free(h->v[i]);
	free(h->v);
	h->v = NULL;
	h->n = 0;
}

static void prompt_history_add(struct tui_history *h, const char *s)
{
	if (!*s || (h->n && strcmp(h->v[h->n - 1], s) == 0))
		return;
	h->v = xreallocarray(h->v, h->n + 1, sizeof *h->v);
	h->v[h->n++] = xstrdup(s);
}

/* Completion in progress: the candidates and the one shown. */
struct cands {
	char **texts, **labels;
	size_t n;
	long cur; /* -1: none chosen yet */
};

static void cands_free(struct cands *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->texts[i]);
		free(c->labels[i]);
	}
	free(c->texts);
	free(c->labels);
	memset(c, 0, sizeof *c);
	c->cur = -1;
}

/* The candidates, above the status line, the chosen one highlighted. */
static void draw_cands(struct tui *t, const struct cands *c)
{
	if (c->n < 2)
		return;
	long h = t->rows - 3 < 8 ? t->rows - 3 : 8;
	if (h < 1)
		return;
	if ((long)c->n < h)
		h = (long)c->n;
	long first = c->cur >= h ? c->cur - h + 1 : 0;
	for (long r = 0; r < h; r++) {
		long k = first + r;
		int y = t->rows - 1 - (int)h + (int)r;
		enum tui_attr a = k == c->cur ? TA_SELECTED : TA_STATUS;
		term_fill(y, 0, t->cols, a);
		move(y, 1);
		term_putn_clipped(c->labels[k], strlen(c->labels[k]), t->cols - 2, a);
	}
}

/* Draw the screen with the prompt on the status line and read a key:
 * as term_getkey(); on a hangup the browser is told to quit. */
static int prompt_key(struct tui *t, const char *label, const char *text, size_t cur,
                      const struct cands *c, wint_t *key)
{
	tui_draw(t);
	if (c)
		draw_cands(t, c);
	draw_prompt(t, label, text, cur);
	curs_set(1);
	refresh();
	int code = term_getkey(key);
	curs_set(0);
	if (code < 0)
		t->quit = 1;
	return code;
}

/* The start of the word before byte cur (words are separated by spaces). */
static size_t word_left(const struct strbuf *sb, size_t cur)
{
	while (cur > 0 && sb->s[cur - 1] == ' ')
		cur--;
	while (cur > 0 && sb->s[cur - 1] != ' ')
		cur--;
	return cur;
}

/* The end of the word after byte cur. */
static size_t word_right(const struct strbuf *sb, size_t cur)
{
	while (cur < sb->len && sb->s[cur] == ' ')
		cur++;
	while (cur < sb->len && sb->s[cur] != ' ')
		cur++;
	return cur;
}

/* Remove bytes [from, to) of the line. */
static void cut(struct strbuf *sb, size_t from, size_t to)
{
	memmove(sb->s + from, sb->s + to, sb->len - to + 1);
	sb->len -= to - from;
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
	struct cands cs = {NULL, NULL, 0, -1};
	for (;;) {
		wint_t key;
		int code = prompt_key(t, label, sb.s, cur, &cs, &key);
		if (code < 0)
			break;
		int changed = 0;
		t->message[0] = '\0';
		int tab = complete && ((!code && key == '\t') || (code && key == KEY_BTAB));
		if (!tab && !(code && key == KEY_RESIZE))
			cands_free(&cs); /* any other key ends the choice */
		if (tab) {
			int back = code && key == KEY_BTAB;
			if (cs.n == 0) {
				cs.n = complete(t, sb.s, &cs.texts, &cs.labels);
				cs.cur = -1;
			}
			if (cs.n == 0) {
				cands_free(&cs);
				/* TRANSLATORS: Tab in ':' found nothing that starts so */
				tui_message(t, 0, "%s", _("No completion"));
			} else {
				long n = (long)cs.n;
				cs.cur = cs.cur < 0 ? (back ? n - 1 : 0)
				                    : (cs.cur + (back ? n - 1 : 1)) % n;
				set_text(&sb, &cur, cs.texts[cs.cur]);
				if (cs.n > 1)
					/* TRANSLATORS: Tab in ':' with several
					 * candidates: %ld of %zu */
					tui_message(t, 0, _("%ld of %zu (Tab, Shift-Tab)"),
					            cs.cur + 1, cs.n);
				else
					cands_free(&cs);
			}
		} else if (code && key == KEY_RESIZE) {
			tui_layout(t);
		} else if ((!code && (key == '\r' || key == '\n')) || (code && key == KEY_ENTER)) {
			if (h)
				prompt_history_add(h, sb.s);
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
		} else if ((!code && (key == CTRL('w') || key == (TERM_ALT | 127) ||
		                      key == (TERM_ALT | CTRL('h')))) ||
		           (code && key == (KEY_BACKSPACE | TERM_ALT))) {
			size_t p = word_left(&sb, cur);
			cut(&sb, p, cur);
			cur = p;
			changed = 1;
		} else if (!code && (key == (TERM_ALT | 'b') || key == (TERM_ALT | 'B'))) {
			cur = word_left(&sb, cur);
		} else if (!code && (key == (TERM_ALT | 'f') || key == (TERM_ALT | 'F'))) {
			cur = word_right(&sb, cur);
		} else if (!code && (key == (TERM_ALT | 'd') || key == (TERM_ALT | 'D'))) {
			cut(&sb, cur, word_right(&sb, cur));
			changed = 1;
		} else if (code && key == TERM_KEY_BADCHAR) {
			/* TRANSLATORS: in a prompt, after the terminal sent bytes
			 * that are no character in the locale's character set */
			tui_message(t, 1, "%s",
			            _("Not a character in this locale's character set: ignored"));
		} else if (code && (key == KEY_UP || key == KEY_DOWN) && h && h->n) {
			if (key == KEY_UP && hpos > 0)
				hpos--;
			else if (key == KEY_DOWN && hpos < h->n)
				hpos++;
			set_text(&sb, &cur, hpos < h->n ? h->v[hpos] : "");
			changed = 1;
		} else if (key & TERM_ALT) {
			/* an Alt key the line does not use: Esc (cancel), then
			 * the key, to the screen */
			input_unread(key & ~(wint_t)TERM_ALT, code);
			break;
		} else if (code && key == TERM_KEY_UNKNOWN) {
			/* TRANSLATORS: in a prompt, a key that does nothing there;
			 * %s is its name */
			tui_message(t, 1, _("%s: no such key in this line"), keys_name(key, code));
		} else if (!code && key >= 0x20 && key != 0x7f && key < 0x110000) {
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
	cands_free(&cs);
	sb_free(&sb);
	return result;
}

int prompt_yes(struct tui *t, const char *question)
{
	for (;;) {
		wint_t key;
		int code = prompt_key(t, question, "", 0, NULL, &key);
		if (code < 0)
			return 0;
		if (code && key == KEY_RESIZE) {
			tui_layout(t);
			continue;
		}
		return !code && (key == 'y' || key == 'Y' || key == 'o' || key == 'O');
	}
}

int prompt_char(struct tui *t, const char *label, wint_t *key)
{
	for (;;) {
		int code = prompt_key(t, label, "", 0, NULL, key);
		if (code < 0)
			return 0;
		if (code && *key == KEY_RESIZE) {
			tui_layout(t);
			continue;
		}
		if (code || *key == 27 || *key == CTRL('g'))
			return 0;
		return 1;
	}
}
