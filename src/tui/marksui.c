/* marksui.c: marks, as in less: m and a letter marks the reader's place,
 * ' and a letter goes back to it (keeping the place left, so Backspace
 * returns). */
#include <stdlib.h>
#include <string.h>

#include "circ/i18n.h"
#include "tui.h"

/* The marks of this session: a part (NULL: the title block) and a line. */
struct marks {
	int set[52];
	struct tui_pos at[52];
};

static int slot(wint_t k)
{
	if (k >= 'a' && k <= 'z')
		return (int)(k - 'a');
	if (k >= 'A' && k <= 'Z')
		return 26 + (int)(k - 'A');
	return -1;
}

void marks_ui_open(struct tui *t)
{
	t->marks = xcalloc(1, sizeof *t->marks);
}

void marks_ui_close(struct tui *t)
{
	free(t->marks);
	t->marks = NULL;
}

void marks_ui_set(struct tui *t)
{
	wint_t k;
	/* TRANSLATORS: after m: the letter of the mark to set */
	if (!prompt_char(t, _("Mark: "), &k))
		return;
	int i = slot(k);
	if (i < 0) {
		/* TRANSLATORS: marks are named by letters a-z, A-Z */
		tui_message(t, 1, "%s", _("A mark is a letter, a to z or A to Z"));
		return;
	}
	t->marks->set[i] = 1;
	t->marks->at[i] = rd_here(t);
	/* TRANSLATORS: %lc: the mark's letter */
	tui_message(t, 0, _("Mark %lc set"), k);
}

void marks_ui_jump(struct tui *t)
{
	wint_t k;
	/* TRANSLATORS: after ': the letter of the mark to go to */
	if (!prompt_char(t, _("Go to mark: "), &k))
		return;
	int i = slot(k);
	if (i < 0 || !t->marks->set[i]) {
		/* TRANSLATORS: %lc: a letter no mark was set with */
		tui_message(t, 1, _("No mark %lc"), k);
		return;
	}
	struct tui_place at = rd_place(t->marks->at[i].part);
	at.line = t->marks->at[i].line;
	at.sel = 0;
	tui_go(t, &at);
}
