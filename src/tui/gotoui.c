/* gotoui.c: ':' goes to a part by the references the command line takes
 * (5.7b, 7.3 d) ii), section 8, « alinéa b) du paragraphe 5.2 ») or to a
 * unit by name; a name that fits several units opens the list of them.
 * Tab completes part references and unit names (complete.h): Tab and
 * Shift-Tab go through the candidates, listed above the line. */
#include <stdlib.h>
#include <string.h>

#include "circ/complete.h"
#include "circ/i18n.h"
#include "circ/lookup.h"
#include "tui.h"

/* Candidates for text, best first (the core's completion): the text each
 * puts on the line, and the line the list shows for it. */
static size_t complete(struct tui *t, const char *text, char ***texts, char ***labels)
{
	struct complete_cand *v = NULL;
	size_t n = complete_find(t->doc, text, &v);
	*texts = xreallocarray(NULL, n ? n : 1, sizeof **texts);
	*labels = xreallocarray(NULL, n ? n : 1, sizeof **labels);
	for (size_t i = 0; i < n; i++) {
		(*texts)[i] = xstrdup(v[i].text);
		(*labels)[i] = xstrdup(v[i].label);
	}
	complete_free(v, n);
	return n;
}

void goto_prompt(struct tui *t)
{
	char *text = prompt_read(t, ":", NULL, &t->hist_goto, NULL, complete);
	if (text != NULL && *text != '\0')
		goto_text(t, text);
	free(text);
}

/* Go to what text names: a part, a unit (its summary), or the list of the
 * units it names. */
void goto_text(struct tui *t, const char *text)
{
	char *why = NULL;
	const struct doc_part *p = lookup_ref(t->doc, text, &why);
	if (p) {
		tui_go_part(t, p);
		char *label = doc_part_title(p);
		tui_message(t, 0, "%s", label);
		free(label);
		free(why);
		return;
	}
	struct unit **found = NULL;
	size_t n = unit_find(t->doc, text, &found);
	if (n == 1) {
		tui_go_unit(t, found[0]);
	} else if (n > 1) {
		struct tui_place at = {0};
		at.screen = SCR_LIST;
		at.list = LIST_UNITS;
		at.text = (char *)text;
		tui_go(t, &at);
	} else {
		tui_message(t, 1, "%s", why);
	}
	free(found);
	free(why);
}
