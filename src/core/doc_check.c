/* doc_check.c: the semantic checks that the schema cannot express.
 * Problems: an eId used twice; a link (href="#eId") that does not resolve.
 * Warnings (the document is still what it says): a reference to metadata
 * (refersTo, as, source) that is not "#" and an eId or does not resolve;
 * eIds of sections,
 * paragraphs, lists and points not spelled from their nums by the Akoma
 * Ntoso naming convention (sec_2__para_2-1__list_1__point_a); a <ref> that
 * is neither "#eId" nor an Akoma Ntoso IRI (a web address); a paragraph
 * whose number does not start with its section's. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "circ/i18n.h"
#include "circ/strbuf.h"
#include "circ/utf8.h"
#include "circ/xalloc.h"
#include "doc_internal.h"

struct eid {
	char *id;
	long line;
	size_t scope; /* the document it is in: eIds are unique in each */
};

struct checker {
	const char *path;
	struct diag_list *diags;
	struct diag_list *warns;
	size_t problems;
	struct eid *ids;
	size_t nids;
};

char *doc_eid_component(const char *num)
{
	const char *s = num;
	/* "Section 5" -> "5": drop a leading word when something follows it */
	const char *p = s;
	while (*p && utf8_is_ascii_alpha((unsigned char)*p))
		p++;
	if (p > s && (*p == ' ' || (unsigned char)*p == 0xC2)) {
		const char *q = p;
		while (*q == ' ' || ((unsigned char)q[0] == 0xC2 && (unsigned char)q[1] == 0xA0))
			q += *q == ' ' ? 1 : 2;
		if (*q)
			s = q;
	}
	struct strbuf sb = STRBUF_INIT;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (utf8_is_ascii_alnum(c) || c >= 0x80)
			sb_addc(&sb, (char)c);
		else if (c == '.' || c == '-')
			sb_addc(&sb, '-');
	}
	while (sb.len > 0 && sb.s[sb.len - 1] == '-')
		sb_truncate(&sb, sb.len - 1);
	return sb_steal(&sb);
}

static void problem(struct checker *ck, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void problem(struct checker *ck, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(ck->diags, ck->path, line, 0, fmt, ap);
	va_end(ap);
	ck->problems++;
}

static void warning(struct checker *ck, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* A warning: said by --check, not counted as a problem. */
static void warning(struct checker *ck, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	/* TRANSLATORS: %s is what --check warns about */
	diag_add(ck->warns, ck->path, line, 0, _("warning: %s"), msg);
	free(msg);
}

/* Is n a document (an act, a doc... of a collection or an attachment), or
 * the components that follow a collection? Its eIds are its own. */
static int is_scope(const xmlNode *n)
{
	static const char *const names[] = {"act",
	                                    "amendment",
	                                    "amendmentList",
	                                    "bill",
	                                    "components",
	                                    "debate",
	                                    "debateReport",
	                                    "doc",
	                                    "documentCollection",
	                                    "judgment",
	                                    "officialGazette",
	                                    "portion",
	                                    "statement"};
	if (doc_is(n, "components"))
		return doc_is(n->parent, "akomaNtoso");
	return doc_name_in(n, names, sizeof names / sizeof names[0]);
}

static void collect_ids(struct checker *ck, const xmlNode *n, size_t scope, size_t *scopes)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		size_t in = is_scope(c) ? ++*scopes : scope;
		char *id = doc_attr(c, "eId");
		if (id) {
			ck->ids = xreallocarray(ck->ids, ck->nids + 1, sizeof *ck->ids);
			ck->ids[ck->nids].id = id;
			ck->ids[ck->nids].line = xmlGetLineNo(c);
			ck->ids[ck->nids].scope = in;
			ck->nids++;
		}
		collect_ids(ck, c, in, scopes);
	}
}

static int cmp_id(const void *a, const void *b)
{
	const struct eid *x = a, *y = b;
	int r = strcmp(x->id, y->id);
	return r ? r : (x->line > y->line) - (x->line < y->line);
}

static int has_id(const struct checker *ck, const char *id)
{
	size_t lo = 0, hi = ck->nids;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int r = strcmp(id, ck->ids[mid].id);
		if (r == 0)
			return 1;
		if (r < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

static void check_unique(struct checker *ck)
{
	if (ck->nids > 1)
		qsort(ck->ids, ck->nids, sizeof *ck->ids, cmp_id);
	for (size_t i = 1; i < ck->nids; i++) {
		size_t k = i;
		while (k > 0 && strcmp(ck->ids[i].id, ck->ids[k - 1].id) == 0 &&
		       ck->ids[k - 1].scope != ck->ids[i].scope)
			k--;
		if (k > 0 && strcmp(ck->ids[i].id, ck->ids[k - 1].id) == 0) {
			problem(ck, ck->ids[i].line,
			        /* TRANSLATORS: %s is an eId, %ld a line number of the file. */
			        _("duplicate eId '%s' (first used on line %ld)"), ck->ids[i].id,
			        ck->ids[k - 1].line);
		}
	}
}

static const char *abbrev(const xmlNode *n)
{
	static const char *const map[][2] = {
	    {"section", "sec"},
	    {"paragraph", "para"},
	    {"point", "point"},
	    {"list", "list"},
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (doc_is(n, map[i][0]))
			return map[i][1];
	return NULL;
}

/* Check the eIds below n, whose own eId (or NULL at the top) is prefix. */
static void check_names(struct checker *ck, const xmlNode *n, const char *prefix,
                        const char *secnum)
{
	size_t nlist = 0;
	for (const xmlNode *c = n->children; c; c = c->next) {
		const char *ab = abbrev(c);
		if (ab == NULL)
			continue;
		char *comp = NULL, *num = NULL;
		if (doc_is(c, "list")) {
			comp = xasprintf("%zu", ++nlist);
		} else {
			const xmlNode *nn = doc_child(c, "num");
			num = nn ? doc_flat_text(nn) : NULL;
			comp = num ? doc_eid_component(num) : NULL;
		}
		char *id = doc_attr(c, "eId");
		char *want = comp ? xasprintf("%s%s%s_%s", prefix ? prefix : "", prefix ? "__" : "",
		                              ab, comp)
		                  : NULL;
		if (id && want && strcmp(id, want) != 0)
			warning(
			    ck, xmlGetLineNo(c),
			    /* TRANSLATORS: the eId found, then the eId the naming rule gives. */
			    _("eId '%s' should be '%s' (Akoma Ntoso naming rule)"), id, want);
		const char *sec = secnum;
		char *mysec = NULL;
		if (doc_is(c, "section") && comp)
			sec = mysec = xstrdup(comp);
		if (doc_is(c, "paragraph") && num && sec) {
			size_t k = strlen(sec);
			char *pc = doc_eid_component(num);
			if (!(strncmp(pc, sec, k) == 0 && (pc[k] == '-' || pc[k] == '\0')) &&
			    isdigit((unsigned char)sec[0]))
				warning(ck, xmlGetLineNo(c),
				        /* TRANSLATORS: the paragraph's number as written (e.g.
				         * "3.2"), then the section's number (e.g. "2"). */
				        _("paragraph %s is numbered outside its section %s"), num,
				        sec);
			free(pc);
		}
		/* children are checked against the eId their parent should have, so
		 * that one wrong eId is reported once, not once per descendant */
		check_names(ck, c, want ? want : id, doc_is(c, "paragraph") ? NULL : sec);
		free(mysec);
		free(id);
		free(want);
		free(comp);
		free(num);
	}
}

/* Every token of attribute name on n that is local ("#id", or any token
 * when only local references are allowed) should name an element's eId: a
 * problem for a link (href), a warning for a reference to metadata
 * (refersTo, as, source: real documents often leave their TLCs out). */
static void check_local(struct checker *ck, const xmlNode *n, const char *name, int only_local,
                        int resolve)
{
	char *v = doc_attr(n, name);
	if (v == NULL)
		return;
	int link =
	    strcmp(name, "href") == 0 || strcmp(name, "from") == 0 || strcmp(name, "upTo") == 0;
	for (const xmlNode *up = n; up && link; up = up->parent)
		if (doc_is(up, "meta"))
			link = 0; /* metadata's href (FRBRauthor...) names a TLC */
	void (*say)(struct checker *, long, const char *, ...) = link ? problem : warning;
	for (char *tok = strtok(v, " \t\r\n"); tok; tok = strtok(NULL, " \t\r\n")) {
		if (tok[0] != '#' && only_local)
			/* TRANSLATORS: the first %s is an XML attribute name (refersTo,
			 * source, ...), the second its value; "eId" stays as it is. */
			warning(ck, xmlGetLineNo(n), _("%s '%s' must be '#' and an eId"), name,
			        tok);
		else if (tok[0] == '#' && resolve && !has_id(ck, tok + 1))
			say(ck, xmlGetLineNo(n),
			    _("reference '%s' does not resolve (no element has that eId)"), tok);
	}
	free(v);
}

/* <ref href> must be "#eId" (resolving) or an Akoma Ntoso IRI; every other
 * local reference (refersTo, as, source, href) must resolve. */
static void check_refs(struct checker *ck, const xmlNode *n)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		char *href = doc_is(c, "ref") ? doc_attr(c, "href") : NULL;
		if (href && href[0] != '#' && strncmp(href, "/akn/", 5) != 0)
			warning(
			    ck, xmlGetLineNo(c),
			    /* TRANSLATORS: '#eId' and '/akn/...' are the two accepted forms of
			     * an href: keep them as they are. */
			    _("reference '%s' is neither '#eId' nor an Akoma Ntoso IRI '/akn/...'"),
			    href);
		free(href);
		/* href may be an IRI; the others are always local ("#id"); the
		 * organisation block's references are resolved by doc_check_org */
		static const char *const attrs[] = {"href", "refersTo", "as",   "source",
		                                    "org",  "parent",   "role", "unit",
		                                    "with", "from",     "upTo"};
		int akn =
		    c->ns && c->ns->href && strcmp((const char *)c->ns->href, DOC_AKN_NS) == 0;
		for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++)
			check_local(ck, c, attrs[i], i > 0, akn);
		check_refs(ck, c);
	}
}

size_t doc_check(xmlDocPtr x, const char *path, int org, struct diag_list *diags,
                 struct diag_list *warns)
{
	struct checker ck = {path, diags, warns, 0, NULL, 0};
	xmlNodePtr root = xmlDocGetRootElement(x);
	size_t scopes = 0;
	collect_ids(&ck, root, 0, &scopes);
	check_unique(&ck);
	for (const xmlNode *c = root->children; c; c = c->next) {
		const xmlNode *body = doc_child(c, "mainBody");
		if (body)
			check_names(&ck, body, NULL, NULL);
	}
	check_refs(&ck, root);
	if (org)
		ck.problems += doc_check_org(x, path, diags, warns);
	for (size_t i = 0; i < ck.nids; i++)
		free(ck.ids[i].id);
	free(ck.ids);
	return ck.problems;
}
