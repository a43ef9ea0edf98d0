/* doc.c: loading a bulletin (read, validate, check, build) and the lookups
 * every front end needs on the model (see doc.h). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "circ/i18n.h"
#include "circ/strbuf.h"
#include "circ/units.h"
#include "circ/utf8.h"
#include "circ/xalloc.h"
#include "doc_internal.h"

/* The parsed file, or NULL with a problem in diags (at least one). */
static xmlDocPtr read_or_say(const char *path, struct diag_list *diags)
{
	size_t before = diags->n;
	xmlDocPtr x = doc_read_xml(path, diags);
	if (x == NULL && diags->n == before)
		diag_add(diags, path, 0, 0, _("cannot be loaded"));
	return x;
}

struct doc *doc_load(const char *path, const char *schema_path, struct diag_list *diags)
{
	size_t before = diags->n;
	xmlDocPtr x = read_or_say(path, diags);
	if (x == NULL)
		return NULL;
	/* an organisation block its schema refuses is not read: the
	 * semantic checks would only repeat what is wrong with it */
	int org = doc_org_validate(x, path, schema_path, diags);
	size_t problems = diags->n - before;
	struct diag_list warns = DIAG_LIST_INIT;
	problems += doc_check(x, path, org == 0, diags, &warns);
	diag_sort_from(diags, before);
	diag_sort_from(&warns, 0);
	struct doc *d = doc_build(x, path, org == 0 && problems == 0);
	d->nproblems = problems;
	d->warnings = warns;
	xmlFreeDoc(x);
	return d;
}

struct doc *doc_load_text(const char *path, struct diag_list *diags)
{
	xmlDocPtr x = read_or_say(path, diags);
	if (x == NULL)
		return NULL;
	struct doc *d = doc_build(x, path, 0);
	xmlFreeDoc(x);
	return d;
}

void doc_release_cache(void)
{
	doc_read_release();
	xmlCleanupParser();
}

void doc_free_part(struct doc_part *p)
{
	for (size_t i = 0; i < p->nkids; i++)
		doc_free_part(p->kids[i]);
	for (size_t i = 0; i < p->nlinks; i++)
		free(p->links[i].target);
	free(p->links);
	free(p->kids);
	if (p->table)
		free(p->table->cells);
	free(p->table);
	free(p->eid);
	free(p->elem);
	free(p->num);
	free(p->heading);
	free(p->text);
	free(p);
}

void doc_free(struct doc *d)
{
	if (d == NULL)
		return;
	if (d->root)
		doc_free_part(d->root);
	free(d->parts);
	free(d->by_eid);
	for (size_t i = 0; i < d->naliases; i++)
		free(d->aliases[i].eid);
	free(d->aliases);
	for (size_t i = 0; i < d->nunits; i++)
		unit_free(d->units[i]);
	free(d->units);
	free(d->units_by_id);
	free(d->path);
	free(d->meta.symbol);
	free(d->meta.work_iri);
	free(d->meta.doctype);
	free(d->meta.title);
	free(d->meta.lang);
	free(d->meta.signatory);
	free(d->meta.signatory_role);
	diag_clear(&d->warnings);
	if (d->lookup_cache_free)
		d->lookup_cache_free(d->lookup_cache);
	free(d->meta.date);
	free(d->meta.type);
	free(d->meta.subtype);
	doc_mods_free(d->meta.active, d->meta.nactive);
	doc_mods_free(d->meta.passive, d->meta.npassive);
	free(d);
}

/* The first index of v (n sorted entries, each size bytes, whose eId
 * key() gives) with eId eid, or n. */
static size_t first_of(const void *v, size_t n, size_t size, const char *(*key)(const void *),
                       const char *eid)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (strcmp(key((const char *)v + mid * size), eid) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static const char *part_eid(const void *e)
{
	return (*(struct doc_part *const *)e)->eid;
}

static const char *alias_eid(const void *e)
{
	return ((const struct doc_alias *)e)->eid;
}

struct doc_part *doc_find_eid_from(const struct doc *d, const char *eid,
                                   const struct doc_part *from)
{
	unsigned scope = from ? from->scope : 0;
	struct doc_part *any = NULL;
	/* parts, then the elements inside them; the same document first */
	for (size_t i = first_of(d->by_eid, d->nby_eid, sizeof *d->by_eid, part_eid, eid);
	     i < d->nby_eid && strcmp(d->by_eid[i]->eid, eid) == 0; i++) {
		if (d->by_eid[i]->scope == scope)
			return d->by_eid[i];
		if (any == NULL)
			any = d->by_eid[i];
	}
	for (size_t i = first_of(d->aliases, d->naliases, sizeof *d->aliases, alias_eid, eid);
	     i < d->naliases && strcmp(d->aliases[i].eid, eid) == 0; i++) {
		if (d->aliases[i].scope == scope)
			return d->aliases[i].part;
		if (any == NULL)
			any = d->aliases[i].part;
	}
	return any;
}

struct doc_part *doc_find_eid(const struct doc *d, const char *eid)
{
	return doc_find_eid_from(d, eid, NULL);
}

char *doc_part_title(const struct doc_part *p)
{
	/* TRANSLATORS: the parts before and after the numbered text, as the
	 * browser names them (what a user types to go there: the lookup also
	 * accepts préambule, preamble, signature and conclusions) */
	if (p->kind == DOC_KIND_PREAMBLE)
		return xstrdup(_("preamble"));
	if (p->kind == DOC_KIND_CONCLUSIONS)
		return xstrdup(_("signature"));
	return doc_part_label(p);
}

/* The word for a level of this element ("Article" for article), in the
 * user's language, or NULL. */
static const char *level_word(const char *elem)
{
	/* TRANSLATORS: the words put before the number of a level whose
	 * number has none ("Article 5" for an article numbered "5") */
	static const char *const words[][2] = {{"annex", NC_("level", "Annex")},
	                                       {"appendix", NC_("level", "Appendix")},
	                                       {"article", NC_("level", "Article")},
	                                       {"attachment", NC_("level", "Annex")},
	                                       {"book", NC_("level", "Book")},
	                                       {"chapter", NC_("level", "Chapter")},
	                                       {"division", NC_("level", "Division")},
	                                       {"part", NC_("level", "Part")},
	                                       {"rule", NC_("level", "Rule")},
	                                       {"schedule", NC_("level", "Schedule")},
	                                       {"section", NC_("level", "Section")},
	                                       {"subchapter", NC_("level", "Subchapter")},
	                                       {"subdivision", NC_("level", "Subdivision")},
	                                       {"subpart", NC_("level", "Subpart")},
	                                       {"subtitle", NC_("level", "Subtitle")},
	                                       {"title", NC_("level", "Title")},
	                                       {"tome", NC_("level", "Tome")}};
	for (size_t i = 0; elem && i < sizeof words / sizeof words[0]; i++)
		if (strcmp(elem, words[i][0]) == 0)
			return i18n_pgettext(words[i][1]);
	return NULL;
}

/* Has num a word of two letters or more that is not a Roman number
 * ("Article 5", "CHAPTER II": yes; "II", "5.7", "b)": no)? */
static int num_has_word(const char *num)
{
	for (const char *s = num; *s;) {
		size_t n = 0, roman = 0;
		while (s[n] &&
		       (utf8_is_ascii_alpha((unsigned char)s[n]) || (unsigned char)s[n] >= 0x80)) {
			roman += strchr("ivxlcdmIVXLCDM", s[n]) != NULL;
			n++;
		}
		if (n >= 2 && roman < n)
			return 1;
		s += n ? n : 1;
	}
	return 0;
}

/* num without what surrounds it on the page: spaces, a final '.' or ':'. */
static char *trim_num(const char *num)
{
	size_t n = strlen(num);
	while (n > 0 &&
	       (num[n - 1] == '.' || num[n - 1] == ':' || num[n - 1] == ' ' || num[n - 1] == '-'))
		n--;
	while (n > 0 && (*num == ' ' || *num == '-')) {
		num++;
		n--;
	}
	return xstrndup(num, n);
}

/* Is num a number of its own, "5.7" or "2.1.3" (not "1." or "(a)")? */
static int dotted(const char *num)
{
	int dots = 0;
	const char *s = num;
	while (*s) {
		if (!isdigit((unsigned char)*s))
			return 0;
		while (isdigit((unsigned char)*s))
			s++;
		if (*s == '.' && isdigit((unsigned char)s[1])) {
			dots++;
			s++;
		} else if (*s == '.' && s[1] == '\0') {
			s++;
		} else if (*s) {
			return 0;
		}
	}
	return dots > 0;
}

/* The closest numbered part above p, or NULL. */
static const struct doc_part *numbered_parent(const struct doc_part *p)
{
	for (const struct doc_part *u = p->parent; u && u->kind != DOC_KIND_DOCUMENT; u = u->parent)
		if (u->num && u->kind != DOC_KIND_NOTE)
			return u;
	return NULL;
}

/* A numbered level's label: "Section 5", "Article 5(2)(a)", "5.7 b)". */
static char *level_label(const struct doc_part *p)
{
	char *n = trim_num(p->num);
	if (p->kind == DOC_KIND_SECTION || p->kind == DOC_KIND_DIVISION) {
		const char *word = level_word(p->elem);
		if (num_has_word(p->num) || word == NULL || n[0] == '\0')
			return n;
		char *r = xasprintf("%s %s", word, n);
		free(n);
		return r;
	}
	const struct doc_part *up = numbered_parent(p);
	if (dotted(p->num) || up == NULL || n[0] == '\0')
		return n;
	char *upl = doc_part_label(up);
	char *r = n[0] == '('               ? xasprintf("%s%s", upl, n)
	          : n[strlen(n) - 1] == ')' ? xasprintf("%s %s", upl, n)
	                                    : xasprintf("%s(%s)", upl, n);
	free(upl);
	free(n);
	return r;
}

char *doc_part_label(const struct doc_part *p)
{
	switch (p->kind) {
	case DOC_KIND_DOCUMENT:
		return xstrdup(p->num ? p->num : "document");
	case DOC_KIND_PREAMBLE:
		/* the browser's word (doc_part_title) in the user's language */
		return xstrdup(_("preamble"));
	case DOC_KIND_CONCLUSIONS:
		/* TRANSLATORS: the signature block at the end of the bulletin
		 * as the command line names it (--refs, --search); in French
		 * the browser's word for it, « signature » (the lookup
		 * accepts conclusions and signature in every language) */
		return xstrdup(_("conclusions"));
	case DOC_KIND_PREFACE:
		/* TRANSLATORS: the front matter of a document, before its
		 * preamble (what the title line does not show) */
		return xstrdup(_("preface"));
	case DOC_KIND_NOTE:
		/* TRANSLATORS: a footnote; %s is its marker ("1", "*") */
		return xasprintf(_("note %s"), p->num ? p->num : "?");
	case DOC_KIND_TABLE:
		if (p->heading == NULL && numbered_parent(p)) {
			char *up = doc_part_label(numbered_parent(p));
			/* TRANSLATORS: a table without a caption, in the part
			 * whose label is %s ("2.3") */
			char *r = xasprintf(_("table in %s"), up);
			free(up);
			return r;
		}
		break;
	default:
		break;
	}
	if (p->num && p->num[0])
		return level_label(p);
	if (p->heading)
		return xstrdup(p->heading);
	const struct doc_part *up = numbered_parent(p);
	if (up)
		return doc_part_label(up);
	return xstrdup(p->elem ? p->elem : "?");
}

char *doc_identity(const struct doc *d)
{
	const char *bits[] = {d->meta.type, d->meta.date, d->meta.lang};
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < sizeof bits / sizeof bits[0]; i++) {
		if (bits[i] == NULL || bits[i][0] == '\0')
			continue;
		if (sb.len)
			sb_adds(&sb, " · ");
		sb_adds(&sb, bits[i]);
		if (i == 0 && d->meta.subtype && d->meta.subtype[0])
			sb_addf(&sb, " %s", d->meta.subtype);
	}
	if (sb.len == 0)
		return xstrdup("");
	return sb_steal(&sb);
}

int doc_part_is_level(const struct doc_part *p)
{
	switch (p->kind) {
	case DOC_KIND_SECTION:
	case DOC_KIND_PARAGRAPH:
	case DOC_KIND_POINT:
	case DOC_KIND_DIVISION:
	case DOC_KIND_NOTE:
		return 1;
	case DOC_KIND_BLOCK:
	case DOC_KIND_TABLE:
		return p->heading != NULL;
	default:
		return 0;
	}
}

int doc_part_is_headed(const struct doc_part *p)
{
	return p->kind == DOC_KIND_SECTION || p->kind == DOC_KIND_DIVISION ||
	       (p->kind == DOC_KIND_BLOCK && p->heading);
}

const struct doc_part *doc_part_section(const struct doc_part *p)
{
	while (p && p->kind != DOC_KIND_SECTION)
		p = p->parent;
	return p;
}
