/* summary.c: the unit tree and unit summaries (see summary.h). */
#include "circ/summary.h"

#include <stdlib.h>
#include <string.h>

#include "circ/i18n.h"
#include "circ/layout.h"
#include "circ/utf8.h"
#include "circ/view.h"
#include "circ/xalloc.h"

#define INDENT 2 /* columns of indentation in lists */

static void tree_line(struct strbuf *out, const struct unit *u, int depth, size_t width)
{
	struct strbuf line = STRBUF_INIT;
	sb_addn(&line, ' ', (size_t)depth * INDENT);
	/* TRANSLATORS: a line of circ --units: a unit's kind, then its name
	 * (French puts a no-break space before the colon) */
	sb_addf(&line, _("%s: %s"), unit_kind(u), u->name);
	if (u->head)
		sb_addf(&line, " — %s", u->head->name);
	layout_clip(out, sb_str(&line), width);
	sb_addc(out, '\n');
	sb_free(&line);
}

static void tree(struct strbuf *out, const struct unit *u, int depth, size_t width)
{
	tree_line(out, u, depth, width);
	for (size_t i = 0; i < u->nkids; i++)
		tree(out, u->kids[i], depth + 1, width);
}

void summary_tree(struct strbuf *out, const struct doc *d, size_t width)
{
	int any = 0;
	for (size_t i = 0; i < d->nunits; i++) {
		if (!d->units[i]->external && d->units[i]->parent == NULL) {
			tree(out, d->units[i], 0, width);
			any = 1;
		}
	}
	int header = 0;
	for (size_t i = 0; i < d->nunits; i++) {
		const struct unit *u = d->units[i];
		if (!u->external || (u->parent && u->parent->external))
			continue;
		if (!header) {
			if (any)
				sb_addc(out, '\n');
			/* TRANSLATORS: in the organisation tree, the heading of the
			 * bodies outside the Department. */
			layout_clip(out, _("Outside the Department:"), width);
			sb_addc(out, '\n');
			header = 1;
		}
		tree(out, u, 1, width);
	}
}

/* "8.1" for a part; the caller frees. */
static char *label(const struct doc_part *p)
{
	return p ? doc_part_label(p) : xstrdup("?");
}

/* Append " (8.1)" for a source part. */
static void add_source(struct strbuf *sb, const struct doc_part *p)
{
	if (p == NULL)
		return;
	char *l = label(p);
	sb_addf(sb, " (%s)", l);
	free(l);
}

/* Append "8.1, 8.3" for a list of parts. */
static void add_labels(struct strbuf *sb, const struct unit_parts *ps)
{
	for (size_t i = 0; i < ps->n; i++) {
		char *l = label(ps->v[i]);
		sb_addf(sb, "%s%s", i ? ", " : "", l);
		free(l);
	}
}

/* "8.1, 8.3" for a list of parts; the caller frees. */
static char *labels(const struct unit_parts *ps)
{
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "");
	add_labels(&sb, ps);
	return sb_steal(&sb);
}

/* A heading, after a blank line, wrapped. */
static void heading(struct strbuf *out, const char *text, size_t width)
{
	sb_addc(out, '\n');
	layout_wrap(out, text, 0, "", 0, width);
}

/* A field: "Label: text", the text hanging under itself. name is the
 * translated label; when more is set, the line continues the field above:
 * no label, the text at the same column. */
static void field_line(struct strbuf *out, const char *name, int more, const char *text,
                       size_t width)
{
	size_t w = utf8_width(name, strlen(name));
	layout_wrap(out, text, 0, more ? "" : name, w + 1, width);
}

static void field(struct strbuf *out, const char *name, const char *text, size_t width)
{
	field_line(out, name, 0, text, width);
}

/* A role with the unit whose head it is and its source: "Directeur
 * (Division du soutien logistique) (6.1)"; the head of an official's office
 * says that it is his office. */
static void role_text(struct strbuf *sb, const struct unit_role *r, const struct unit *self)
{
	if (r->office)
		/* TRANSLATORS: after "Head:", the official (%s, "Sous-Secrétaire
		 * général à l’appui aux missions") who heads a bureau because the
		 * bureau is his office (« Bureau du Sous-Secrétaire général »). */
		sb_addf(sb, _("%s, whose office it is"), r->name);
	else
		sb_adds(sb, r->name);
	if (r->of && r->of != self)
		sb_addf(sb, " (%s)", r->of->name);
	add_source(sb, r->source);
}

/* The parts' text in full, indented under a heading. */
static void parts_in_full(struct strbuf *out, const char *title, const struct unit_parts *ps,
                          size_t width)
{
	if (ps->n == 0)
		return;
	heading(out, title, width);
	for (size_t i = 0; i < ps->n; i++) {
		struct strbuf body = STRBUF_INIT;
		/* indented by INDENT, so INDENT columns narrower: every
		 * line still fits the width */
		view_part(&body, ps->v[i], width > INDENT ? width - INDENT : width);
		sb_addc(out, '\n');
		for (const char *p = sb_str(&body); *p;) {
			size_t n = strcspn(p, "\n");
			if (n > 0)
				sb_addn(out, ' ', INDENT);
			sb_add(out, p, n);
			sb_addc(out, '\n');
			p += n + (p[n] == '\n');
		}
		sb_free(&body);
	}
}

/* Does part p name unit u? */
static int names(const struct doc_part *p, const struct unit *u)
{
	for (size_t i = 0; i < p->nlinks; i++)
		if (p->links[i].kind == DOC_LINK_ORG && strcmp(p->links[i].target + 1, u->id) == 0)
			return 1;
	return 0;
}

/* Is p one of the parts a unit comes from? That includes the part of its
 * parent's composition that names it (where the bulletin creates it). */
static int is_source(const struct unit *u, const struct doc_part *p)
{
	if (u->parent)
		for (size_t i = 0; i < u->parent->composition.n; i++)
			if (u->parent->composition.v[i] == p && names(p, u))
				return 1;
	const struct unit_parts *lists[] = {&u->composition, &u->functions, &u->head_functions};
	for (size_t k = 0; k < 3; k++)
		for (size_t i = 0; i < lists[k]->n; i++)
			if (lists[k]->v[i] == p)
				return 1;
	if (u->head && u->head->source == p)
		return 1;
	for (size_t i = 0; i < u->nreports; i++)
		if (u->reports[i].source == p)
			return 1;
	for (size_t i = 0; i < u->nshared; i++)
		if (u->shared[i].source == p)
			return 1;
	return 0;
}

static int by_order(const void *a, const void *b)
{
	const struct doc_part *x = *(const struct doc_part *const *)a;
	const struct doc_part *y = *(const struct doc_part *const *)b;
	return (x->order > y->order) - (x->order < y->order);
}

/* Every part the unit's facts come from, in document order. */
static void sources(const struct unit *u, struct unit_parts *out)
{
	const struct unit_parts *lists[] = {&u->composition, &u->functions, &u->head_functions};
	const struct doc_part *one[64];
	size_t n = 0;
	if (u->head && u->head->source)
		one[n++] = u->head->source;
	for (size_t i = 0; i < u->nreports && n < 64; i++)
		if (u->reports[i].source)
			one[n++] = u->reports[i].source;
	for (size_t i = 0; i < u->nshared && n < 64; i++)
		if (u->shared[i].source)
			one[n++] = u->shared[i].source;
	for (size_t k = 0; k < 3; k++)
		for (size_t i = 0; i < lists[k]->n && n < 64; i++)
			one[n++] = lists[k]->v[i];
	for (size_t i = 0; u->parent && i < u->parent->composition.n && n < 64; i++)
		if (names(u->parent->composition.v[i], u))
			one[n++] = u->parent->composition.v[i];
	qsort(one, n, sizeof one[0], by_order);
	out->v = xcalloc(n ? n : 1, sizeof *out->v);
	out->n = 0;
	for (size_t i = 0; i < n; i++)
		if (out->n == 0 || out->v[out->n - 1] != one[i])
			out->v[out->n++] = one[i];
}

static void label_list(struct strbuf *out, const char *name, const struct unit_parts *ps,
                       size_t width)
{
	struct strbuf sb = STRBUF_INIT;
	add_labels(&sb, ps);
	field(out, name, ps->n ? sb_str(&sb) : "—", width);
	sb_free(&sb);
}

static void header(struct strbuf *out, const struct doc *d, size_t width)
{
	struct strbuf sb = STRBUF_INIT;
	sb_addf(&sb, "%s — %s", d->meta.symbol ? d->meta.symbol : d->path,
	        d->meta.title ? d->meta.title : "");
	layout_wrap(out, sb_str(&sb), 0, "", 0, width);
	sb_addn(out, '=', width ? width : SUMMARY_WIDTH);
	sb_addc(out, '\n');
	sb_free(&sb);
}

void summary_unit(struct strbuf *out, const struct doc *d, const struct unit *u, size_t width)
{
	struct strbuf sb = STRBUF_INIT;
	header(out, d, width);
	sb_addc(out, '\n');
	layout_wrap(out, u->name, 0, "", 0, width);
	if (!u->named) {
		if (u->count > 0)
			sb_addf(&sb,
			        /* TRANSLATORS: under the name of a unit the bulletin
			         * does not name: the first %d is how many such units
			         * it counts, the second which one this is. */
			        P_("(the bulletin counts %d such unit without naming it; "
			           "this is number %d)",
			           "(the bulletin counts %d such units without naming them; "
			           "this is number %d)",
			           u->count),
			        u->count, u->index);
		else
			/* TRANSLATORS: under the name of a unit, when circ built the
			 * name from the bulletin's text. */
			sb_adds(&sb, _("(name completed by circ from the text)"));
		layout_wrap(out, sb_str(&sb), 0, "", 0, width);
		sb_truncate(&sb, 0);
	}
	sb_addc(out, '\n');
	if (u->external)
		/* TRANSLATORS: the kind of a unit (%s: "office", "body"...,
		 * translated) for a body outside the Department. */
		sb_addf(&sb, _("%s, outside the Department"), unit_kind(u));
	else
		sb_adds(&sb, unit_kind(u));
	/* TRANSLATORS: the labels of a unit's summary ("Kind:" ... "Comes
	 * from:"): the text after a label is wrapped under its first word, so
	 * keep them short. */
	field(out, _("Kind:"), sb_str(&sb), width);
	sb_truncate(&sb, 0);

	/* place in the hierarchy: the chain of parents */
	const struct unit *chain[64];
	size_t n = 0;
	for (const struct unit *p = u; p && n < 64; p = p->parent)
		chain[n++] = p;
	while (n-- > 0)
		sb_addf(&sb, "%s%s", sb.len ? " > " : "", chain[n]->name);
	/* TRANSLATORS: a unit's place in the organisation: the chain of units
	 * above it, "Département ... > Division ... > Service ...". */
	field(out, _("Place:"), sb_str(&sb), width);
	sb_truncate(&sb, 0);

	if (u->head)
		role_text(&sb, u->head, u);
	else
		/* TRANSLATORS: after "Head:", when the bulletin does not say who
		 * heads the unit. */
		sb_adds(&sb, _("not stated in the bulletin"));
	/* TRANSLATORS: the head of a unit (its chief). */
	field(out, _("Head:"), sb_str(&sb), width);
	sb_truncate(&sb, 0);
	/* TRANSLATORS: to whom the head of a unit reports; further lines
	 * (other superiors) are aligned under the first. */
	const char *reports = _("Reports to:");
	for (size_t i = 0; i < u->nreports; i++) {
		role_text(&sb, &u->reports[i], u);
		field_line(out, reports, i > 0, sb_str(&sb), width);
		sb_truncate(&sb, 0);
	}
	/* TRANSLATORS: the units with which a unit shares a capacity (staff,
	 * means); further lines are aligned under the first. */
	const char *shared = _("Capacity shared with:");
	for (size_t i = 0; i < u->nshared; i++) {
		sb_adds(&sb, u->shared[i].with ? u->shared[i].with->name : "?");
		add_source(&sb, u->shared[i].source);
		field_line(out, shared, i > 0, sb_str(&sb), width);
		sb_truncate(&sb, 0);
	}

	if (u->nkids > 0) {
		char *from = labels(&u->composition);
		if (u->composition.n > 0)
			/* TRANSLATORS: the heading of a unit's sub-units; %s is
			 * the paragraphs that say so: "8.1" or "8.1, 8.3". */
			sb_addf(&sb, _("Composed of (%s):"), from);
		else
			/* TRANSLATORS: the heading of a unit's sub-units, when
			 * no paragraph says what the unit is made of. */
			sb_adds(&sb, _("Composed of:"));
		heading(out, sb_str(&sb), width);
		sb_truncate(&sb, 0);
		free(from);
		for (size_t i = 0; i < u->nkids; i++) {
			const struct unit *k = u->kids[i];
			if (k->head) {
				struct strbuf role = STRBUF_INIT;
				role_text(&role, k->head, k);
				/* TRANSLATORS: a sub-unit in a unit's summary: the
				 * first %s is its name, the second the role of its
				 * head with the paragraph, "Directeur adjoint (8.1)". */
				sb_addf(&sb, _("%s — head: %s"), k->name, sb_str(&role));
				sb_free(&role);
			} else {
				sb_adds(&sb, k->name);
			}
			layout_wrap(out, sb_str(&sb), INDENT, "-", 2, width);
			sb_truncate(&sb, 0);
		}
	}
	char *from = labels(&u->functions);
	/* TRANSLATORS: the heading above the full text of a unit's functions;
	 * %s is the paragraphs: "8.3" or "8.3, 8.4". */
	sb_addf(&sb, _("Main functions (%s):"), from);
	parts_in_full(out, sb_str(&sb), &u->functions, width);
	sb_truncate(&sb, 0);
	free(from);
	from = labels(&u->head_functions);
	/* TRANSLATORS: the heading above the full text of the functions of a
	 * unit's head; %s is the paragraphs: "8.2" or "8.2, 8.5". */
	sb_addf(&sb, _("Functions of its head (%s):"), from);
	parts_in_full(out, sb_str(&sb), &u->head_functions, width);
	sb_truncate(&sb, 0);
	free(from);

	sb_addc(out, '\n');
	struct unit_parts src;
	sources(u, &src);
	struct unit_parts elsewhere = {NULL, 0};
	elsewhere.v = xcalloc(u->mentions.n ? u->mentions.n : 1, sizeof *elsewhere.v);
	for (size_t i = 0; i < u->mentions.n; i++)
		if (!is_source(u, u->mentions.v[i]))
			elsewhere.v[elsewhere.n++] = u->mentions.v[i];
	/* TRANSLATORS: the other paragraphs that name a unit: "3.4, 7.5". */
	label_list(out, _("Also named in:"), &elsewhere, width);
	/* TRANSLATORS: every paragraph a unit's summary comes from: "8.1, 8.3". */
	label_list(out, _("Comes from:"), &src, width);
	free(elsewhere.v);
	free(src.v);
	sb_free(&sb);
}

void summary_units(struct strbuf *out, const struct doc *d, struct unit *const *units, size_t n,
                   size_t width)
{
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			sb_addc(out, '\f');
		summary_unit(out, d, units[i], width);
	}
}
