/* gotoui.c: ':' goes to a part by the references the command line takes
 * (5.7b, 7.3 d) ii), section 8) or to a unit by name; Tab completes unit
 * names and part references. */
#include <stdlib.h>
#include <string.h>

#include "circ/fold.h"
#include "circ/lookup.h"
#include "circ/i18n.h"
#include "tui.h"

/* Complete a unit's name (the first unit whose name starts with the text,
 * without regard to case and accents) or a part's label. */
static char *complete(struct tui *t, const char *text)
{
	if (*text == '\0')
		return NULL;
	char *want = fold_simple(text);
	size_t n = strlen(want);
	char *best = NULL;
	for (size_t i = 0; i < t->doc->nunits && !best; i++) {
		char *name = fold_simple(t->doc->units[i]->name);
		if (strncmp(name, want, n) == 0 && strlen(name) > n)
			best = xstrdup(t->doc->units[i]->name);
		free(name);
	}
	for (size_t i = 0; i < t->doc->nparts && !best; i++) {
		char *label = doc_part_title(t->doc->parts[i]);
		char *f = fold_simple(label);
		if (strncmp(f, want, n) == 0 && strlen(f) > n)
			best = xstrdup(label);
		free(f);
		free(label);
	}
	free(want);
	if (best == NULL)
		tui_message(t, 0, "%s", _("No completion"));
	return best;
}

void goto_prompt(struct tui *t)
{
	char *text = prompt_read(t, ":", NULL, &t->hist_goto, NULL, complete);
	if (text != NULL && *text != '\0')
		goto_text(t, text);
	free(text);
}

/* Go to what text names: a part, or a unit (its summary). */
void goto_text(struct tui *t, const char *text)
{
	char *why = NULL;
	const struct doc_part *p = lookup_ref(t->doc, text, &why);
	if (p) {
		tui_goto_part(t, p, 1);
		char *label = doc_part_title(p);
		tui_message(t, 0, "%s", label);
		free(label);
	} else {
		struct unit **found = NULL;
		size_t n = unit_find(t->doc, text, &found);
		if (n == 1) {
			t->screen = SCR_ORG;
			tree_select_item(&t->units, found[0]);
			org_open_summary(t, found[0]);
			t->text_from = SCR_DOC;
		} else if (n > 1) {
			if (n > 2)
				tui_message(t, 1,
				            /* TRANSLATORS: what was typed after ':'
				             * names several units; the first two
				             * follow, then an ellipsis for the
				             * others */
				            P_("'%s' names %zu unit: %s, %s, …",
				               "'%s' names %zu units: %s, %s, …", n),
				            text, n, found[0]->name, found[1]->name);
			else
				/* TRANSLATORS: what was typed after ':' names two
				 * units, which follow */
				tui_message(t, 1, _("'%s' names %zu units: %s, %s"), text, n,
				            found[0]->name, found[1]->name);
		} else {
			tui_message(t, 1, "%s", why);
		}
		free(found);
	}
	free(why);
}
