/* marksui.c: marks, as in less: m and a letter marks the reader's place,
 * ' and a letter goes back to it (keeping the place left, so Backspace
 * returns). The marks are the core's (marks.h), kept for the next session
 * in the user's state directory; restricted mode has none. */
#include <stdlib.h>
#include <string.h>

#include "circ/config.h"
#include "circ/i18n.h"
#include "circ/marks.h"
#include "tui.h"

void mk_open(struct tui *t)
{
	if (t->cfg->restricted || t->doc == NULL)
		return;
	char *key = marks_doc_key(t->doc), *err = NULL;
	t->marks = marks_open(key, &err);
	free(key);
	if (err)
		tui_message(t, 1, "%s", err);
	free(err);
}

void mk_close(struct tui *t)
{
	if (t->marks)
		marks_close(t->marks);
	t->marks = NULL;
}

/* Read the mark's letter after m or '; 0 when there is none. */
static int letter(struct tui *t, const char *label, wint_t *k)
{
	if (t->marks == NULL) {
		/* TRANSLATORS: m or ' in restricted mode */
		tui_message(t, 1, "%s", _("Restricted mode: no marks"));
		return 0;
	}
	if (!prompt_char(t, label, k))
		return 0;
	if (!marks_letter_ok((int)*k)) {
		/* TRANSLATORS: marks are named by letters a-z, A-Z */
		tui_message(t, 1, "%s", _("A mark is a letter, a to z or A to Z"));
		return 0;
	}
	return 1;
}

void mk_set(struct tui *t)
{
	wint_t k;
	/* TRANSLATORS: after m: the letter of the mark to set */
	if (!letter(t, _("Mark: "), &k))
		return;
	struct tui_pos at = rd_here(t);
	char *err = NULL;
	int rc = marks_set(t->marks, (int)k, at.part ? at.part->eid : NULL, at.line, &err);
	if (err)
		tui_message(t, rc < 0, "%s", err);
	else
		/* TRANSLATORS: %lc: the mark's letter */
		tui_message(t, 0, _("Mark %lc set"), k);
	free(err);
}

void mk_jump(struct tui *t)
{
	wint_t k;
	/* TRANSLATORS: after ': the letter of the mark to go to */
	if (!letter(t, _("Go to mark: "), &k))
		return;
	const struct mark *m = marks_get(t->marks, (int)k);
	if (m == NULL) {
		/* TRANSLATORS: %lc: a letter no mark was set with */
		tui_message(t, 1, _("No mark %lc"), k);
		return;
	}
	const struct doc_part *p = m->eid ? doc_find_eid(t->doc, m->eid) : NULL;
	if (m->eid && p == NULL) {
		/* TRANSLATORS: %lc: a mark's letter; the document changed since
		 * it was set */
		tui_message(t, 1, _("Mark %lc is at a part this document no longer has"), k);
		return;
	}
	struct tui_place at = rd_place(p);
	at.line = m->line;
	at.sel = 0;
	tui_go(t, &at);
}
