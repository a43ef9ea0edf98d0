/* import_write.c: the importer's tree (import_internal.h) written out as
 * Akoma Ntoso in the conventions of the bundled bulletin: eIds by the naming
 * rule, FRBR identification with AKN4UN IRIs, the preface, preamble, body
 * and signature, citations marked up by cite.h's detector and resolved
 * against the tree (a part the text lacks stays text, with a warning). */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "circ/cite.h"
#include "circ/i18n.h"
#include "circ/import.h"
#include "circ/strmap.h"
#include "circ/utf8.h"
#include "circ/xalloc.h"
#include "import_internal.h"

/* eIds by the AKN naming rule: sec_2, sec_2__para_2-1,
 * ..__list_1__point_a, ..__point_a__list_1__point_i. A number the text
 * uses twice (warned of when read) gives its second part the eId with _2
 * (sec_1_2), so that the document still opens: used holds the eIds given. */
void imp_give_eids(struct node *nd, const char *prefix, struct strmap *used)
{
	if (nd->kind == N_HEADING)
		return; /* a crossHeading has none */
	if (nd->kind == N_SECTION) {
		nd->eid = prefix ? xasprintf("%s__sec_%s", prefix, nd->key)
		                 : xasprintf("sec_%s", nd->key);
	} else if (nd->kind == N_PARA) {
		char *k = xstrdup(nd->key);
		for (char *p = k; *p; p++)
			if (*p == '.')
				*p = '-';
		nd->eid = prefix ? xasprintf("%s__para_%s", prefix, k) : xasprintf("para_%s", k);
		free(k);
	} else {
		nd->eid = xasprintf("%s__list_1__point_%s", prefix, nd->key);
	}
	struct node *first = strmap_get(used, nd->eid);
	if (first != NULL) { /* the first with this eId counts the others */
		char *base = nd->eid;
		nd->eid = NULL;
		do {
			free(nd->eid);
			nd->eid = xasprintf("%s_%u", base, ++first->twins + 1);
		} while (strmap_get(used, nd->eid) != NULL);
		free(base);
	}
	strmap_add(used, nd->eid, nd);
	for (size_t i = 0; i < nd->nkids; i++)
		imp_give_eids(nd->kids[i], nd->eid, used);
}

/* The key of a part in im->parts: "S2" for section 2, "P5.2" for the first
 * paragraph 5.2, "K<node> b" for the first kid b of a node (allocated). */
static char *part_key(char kind, const struct node *parent, const char *key)
{
	return parent ? xasprintf("%c%p %s", kind, (const void *)parent, key)
	              : xasprintf("%c%s", kind, key);
}

/* Index nd's kids and theirs, the first of a number only. */
static void index_kids(struct strmap *m, const struct node *nd)
{
	for (size_t k = 0; k < nd->nkids; k++) {
		char *key = part_key('K', nd, nd->kids[k]->key);
		strmap_add(m, key, nd->kids[k]);
		free(key);
		index_kids(m, nd->kids[k]);
	}
}

/* The index resolve() looks parts up in (a search of the whole tree for
 * each citation made a text of many citations quadratic). */
static void index_parts(struct strmap *m, const struct imp *im)
{
	for (size_t i = 0; i < im->nsecs; i++) {
		const struct node *s = im->secs[i];
		char *key = NULL;
		if (s->kind == N_SECTION) {
			key = part_key('S', NULL, s->key);
			strmap_add(m, key, im->secs[i]);
			for (size_t k = 0; k < s->nkids; k++) {
				char *pk = part_key('P', NULL, s->kids[k]->key);
				strmap_add(m, pk, s->kids[k]);
				free(pk);
			}
		} else if (s->kind == N_PARA) {
			key = part_key('P', NULL, s->key);
			strmap_add(m, key, im->secs[i]);
		}
		free(key);
		index_kids(m, s);
	}
}

/* The part a citation's reference names ("1.2", "5.2 b)", "7.3 d) ii)",
 * "section 8"), or NULL. */
static const struct node *resolve(const struct imp *im, const char *ref)
{
	char buf[128];
	snprintf(buf, sizeof buf, "%s", ref);
	char *save = NULL, *w = strtok_r(buf, " ", &save);
	if (w == NULL)
		return NULL;
	char *key;
	const struct node *at;
	if (strcmp(w, "section") == 0) {
		w = strtok_r(NULL, " ", &save);
		if (w == NULL)
			return NULL;
		key = part_key('S', NULL, w);
		at = strmap_get(im->parts, key);
		free(key);
		return at;
	}
	key = part_key('P', NULL, w);
	at = strmap_get(im->parts, key);
	free(key);
	while (at && (w = strtok_r(NULL, " ", &save)) != NULL) {
		size_t l = strlen(w);
		if (l > 0 && w[l - 1] == ')')
			w[l - 1] = '\0';
		key = part_key('K', at, w);
		at = strmap_get(im->parts, key);
		free(key);
	}
	return at;
}

/* Add s escaped for XML text or an attribute, never a character XML 1.0
 * forbids: the control characters but tab, newline and return are left
 * out (split_lines made them spaces; two mark notes), U+FFFE and U+FFFF
 * become U+FFFD. */
void imp_add_escaped(struct strbuf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
			continue;
		if (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBF &&
		    ((unsigned char)s[i + 2] == 0xBE || (unsigned char)s[i + 2] == 0xBF)) {
			sb_adds(out, "\xEF\xBF\xBD");
			i += 2;
			continue;
		}
		switch (s[i]) {
		case '&':
			sb_adds(out, "&amp;");
			break;
		case '<':
			sb_adds(out, "&lt;");
			break;
		case '>':
			sb_adds(out, "&gt;");
			break;
		case '"':
			sb_adds(out, "&quot;");
			break;
		default:
			sb_addc(out, s[i]);
		}
	}
}

static void add_esc(struct strbuf *out, const char *s)
{
	imp_add_escaped(out, s, strlen(s));
}

static void add_text_refs(struct strbuf *out, struct imp *im, const struct para_text *t,
                          const char *owner, int *seq);

/* Text [0, n) of s escaped, its notes' marks (IMP_NOTE_MARK) written as
 * <authorialNote>s with eIds owner__authorialNote_N, N counted in *seq. */
static void add_run(struct strbuf *out, struct imp *im, const char *s, size_t n, const char *owner,
                    int *seq)
{
	size_t at = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] != IMP_NOTE_MARK)
			continue;
		imp_add_escaped(out, s + at, i - at);
		size_t idx = 0, k = i + 1;
		while (k < n && imp_is_digit(s[k]))
			idx = idx * 10 + (size_t)(s[k++] - '0');
		if (k < n && s[k] == IMP_NOTE_END)
			k++;
		at = i = k;
		i--;
		if (idx >= im->nnotes)
			continue;
		const struct imp_note *nt = &im->notes[idx];
		(*seq)++;
		sb_adds(out, "<authorialNote marker=\"");
		add_esc(out, nt->marker);
		sb_addf(out, "\" placement=\"bottom\" eId=\"%s__authorialNote_%d\"><p>", owner,
		        *seq);
		struct para_text nt_text = {nt->text, nt->no, 0};
		int inner = 0;
		add_text_refs(out, im, &nt_text, owner, &inner);
		sb_adds(out, "</p></authorialNote>");
	}
	imp_add_escaped(out, s + at, n - at);
}

/* Is a citation of several parts written as a range (« a) à c) », "(a)
 * to (c)") rather than a list? */
static int is_range(const char *s, size_t n)
{
	static const char *const words[] = {" à ", " to ", " through ", "–"};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		size_t w = strlen(words[i]);
		for (size_t k = 0; k + w <= n; k++)
			if (memcmp(s + k, words[i], w) == 0)
				return 1;
	}
	return 0;
}

/* Running text with its citations as <ref>s: a citation of one part that
 * exists, of this document (when its IRI is known) or of another
 * document (WORKIRI#eId for one of its parts, the eId by the naming rule;
 * its work IRI for several). A citation of a part the text does not have stays text and is
 * reported. */
static void add_text_refs(struct strbuf *out, struct imp *im, const struct para_text *t,
                          const char *owner, int *seq)
{
	struct cite_list cl;
	size_t n = strlen(t->text), at = 0;
	cite_detect(t->text, n, &cl);
	for (size_t i = 0; i < cl.n; i++) {
		const struct cite *c = &cl.v[i];
		char *href = NULL;
		if (c->ntargets > 0 && c->targets[0].kind == CITE_EXTERNAL) {
			/* another document, at the eId its part has by the
			 * naming rule when it names one; several parts of it:
			 * the document */
			char *iri = cite_symbol_iri(c->targets[0].ref);
			char *eid = c->ntargets == 1 && c->targets[0].part
			                ? cite_part_eid(c->targets[0].part)
			                : NULL;
			href = eid ? xasprintf("%s#%s", iri, eid) : xstrdup(iri);
			free(eid);
			free(iri);
		} else if (c->ntargets == 1 && c->targets[0].kind == CITE_SELF) {
			href = xstrdup(im->work);
		} else {
			const struct node *to = NULL;
			int all = c->ntargets > 0;
			for (size_t k = 0; k < c->ntargets; k++) {
				const struct node *x = resolve(im, c->targets[k].ref);
				if (x == NULL) {
					all = 0;
					/* TRANSLATORS: a warning of 'circ import': the
					   text cites a part it does not have; the first
					   %s is the citation as written, the second the
					   part it names ("5.2 b)") */
					imp_warn(im, t->no,
					         _("'%.*s' cites %s, which the text does not have: "
					           "left as text"),
					         (int)(c->end - c->start), t->text + c->start,
					         c->targets[k].ref);
				} else if (k == 0) {
					to = x;
				}
			}
			if (all && c->ntargets == 1)
				href = xasprintf("#%s", to->eid);
			else if (all && is_range(t->text + c->start, c->end - c->start))
				href = xasprintf("#%s\" upTo=\"#%s", to->eid,
				                 resolve(im, c->targets[c->ntargets - 1].ref)->eid);
		}
		if (href == NULL)
			continue;
		add_run(out, im, t->text + at, c->start - at, owner, seq);
		int range = strstr(href, "upTo") != NULL;
		sb_adds(out, range ? "<rref from=\"" : "<ref href=\"");
		sb_adds(out, href); /* eIds and IRIs: nothing to escape */
		sb_adds(out, "\">");
		add_run(out, im, t->text + c->start, c->end - c->start, owner, seq);
		sb_adds(out, range ? "</rref>" : "</ref>");
		at = c->end;
		free(href);
	}
	add_run(out, im, t->text + at, n - at, owner, seq);
	cite_list_free(&cl);
}

static void indent(struct strbuf *out, int depth)
{
	sb_addn(out, ' ', (size_t)depth * 2);
}

static void add_ps(struct strbuf *out, struct imp *im, const struct para_text *v, size_t n,
                   int depth, const char *owner, int *seq)
{
	for (size_t i = 0; i < n; i++) {
		indent(out, depth);
		sb_adds(out, "<p>");
		add_text_refs(out, im, &v[i], owner, seq);
		sb_adds(out, "</p>\n");
	}
	if (n == 0) {
		indent(out, depth);
		sb_adds(out, "<p/>\n");
	}
}

/* A heading between paragraphs: a crossHeading in a section, a paragraph
 * of its own class at the top (where AKN has no crossHeading). */
static void write_cross_heading(struct strbuf *out, struct imp *im, const struct node *nd,
                                const char *owner, int depth)
{
	int seq = 0;
	indent(out, depth);
	sb_adds(out, owner ? "<crossHeading>" : "<p class=\"crossHeading\">");
	add_run(out, im, nd->heading, strlen(nd->heading), owner ? owner : "body", &seq);
	sb_adds(out, owner ? "</crossHeading>\n" : "</p>\n");
}

/* A block of <p>s in a wrapper element (content, intro, wrapUp). */
static void write_ps_in(struct strbuf *out, struct imp *im, const char *wrapper,
                        const struct para_text *v, size_t n, int depth, const char *owner, int *seq)
{
	indent(out, depth);
	sb_addf(out, "<%s>\n", wrapper);
	add_ps(out, im, v, n, depth + 1, owner, seq);
	indent(out, depth);
	sb_addf(out, "</%s>\n", wrapper);
}

/* A section, paragraph or point and everything below it; owner is the
 * eId of the section holding a crossHeading (NULL at the top). */
static void write_node(struct strbuf *out, struct imp *im, const struct node *nd, const char *owner,
                       int depth)
{
	static const char *const tags[] = {"section", "paragraph", "point"};
	if (nd->kind == N_HEADING) {
		write_cross_heading(out, im, nd, owner, depth);
		return;
	}
	const char *tag = tags[nd->kind];
	int seq = 0;
	indent(out, depth);
	sb_addf(out, "<%s eId=\"", tag);
	add_esc(out, nd->eid);
	sb_adds(out, "\">\n");
	indent(out, depth + 1);
	sb_adds(out, "<num>");
	add_esc(out, nd->num);
	sb_adds(out, "</num>\n");
	if (nd->heading) {
		indent(out, depth + 1);
		sb_adds(out, "<heading>");
		add_run(out, im, nd->heading, strlen(nd->heading), nd->eid, &seq);
		sb_adds(out, "</heading>\n");
	}
	if (nd->nkids == 0) {
		write_ps_in(out, im, "content", nd->texts, nd->ntexts, depth + 1, nd->eid, &seq);
	} else {
		if (nd->ntexts > 0)
			write_ps_in(out, im, "intro", nd->texts, nd->ntexts, depth + 1, nd->eid,
			            &seq);
		int list = nd->kind != N_SECTION;
		if (list) {
			indent(out, depth + 1);
			sb_adds(out, "<list eId=\"");
			add_esc(out, nd->eid);
			sb_adds(out, "__list_1\">\n");
		}
		for (size_t i = 0; i < nd->nkids; i++)
			write_node(out, im, nd->kids[i], nd->eid, depth + 1 + list);
		if (list) {
			indent(out, depth + 1);
			sb_adds(out, "</list>\n");
		}
		if (nd->nwrap > 0)
			write_ps_in(out, im, "wrapUp", nd->wrap, nd->nwrap, depth + 1, nd->eid,
			            &seq);
	}
	indent(out, depth);
	sb_addf(out, "</%s>\n", tag);
}

/* "Ban Ki-moon" -> "banKiMoon": the signatory's eId (ASCII letters and
 * digits; "António" gives "antnio"), "signatory" when none is left. */
static char *person_id(const char *name)
{
	struct strbuf sb = STRBUF_INIT;
	int up = 0;
	for (const char *p = name; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (utf8_is_ascii_alnum(c)) {
			char ch = up && sb.len ? (char)(c >= 'a' && c <= 'z' ? c - 32 : c)
			                       : utf8_ascii_lower(c);
			if (sb.len == 0 && imp_is_digit((char)c))
				sb_addc(&sb, 'p');
			sb_addc(&sb, ch);
			up = 0;
		} else if (c < 0x80) {
			up = 1; /* a letter outside ASCII is left out */
		}
	}
	if (sb.len == 0)
		sb_adds(&sb, "signatory");
	return sb_steal(&sb);
}

/* The language codes of the FRBR expression. */
static const char *lang3(const char *lang)
{
	return strcmp(lang, "fr") == 0 ? "fra" : "eng";
}

static void write_frbr(struct strbuf *out, struct imp *im, const char *level, const char *this_v,
                       const char *uri, const char *author, int depth)
{
	indent(out, depth);
	sb_addf(out, "<FRBR%s>\n", level);
	indent(out, depth + 1);
	sb_adds(out, "<FRBRthis value=\"");
	add_esc(out, this_v);
	sb_adds(out, "\"/>\n");
	indent(out, depth + 1);
	sb_adds(out, "<FRBRuri value=\"");
	add_esc(out, uri);
	sb_adds(out, "\"/>\n");
	indent(out, depth + 1);
	sb_addf(out, "<FRBRdate date=\"%s\" name=\"%s\"/>\n", im->date,
	        im->date_is_year ? "year" : "publication");
	indent(out, depth + 1);
	sb_addf(out, "<FRBRauthor href=\"#%s\"/>\n", author);
	if (strcmp(level, "Work") == 0) {
		indent(out, depth + 1);
		sb_adds(out, "<FRBRcountry value=\"un\"/>\n");
		indent(out, depth + 1);
		sb_adds(out, "<FRBRnumber value=\"");
		for (const char *p = im->symbol; *p; p++)
			sb_addc(out, *p == '/' ? '-' : *p);
		sb_adds(out, "\" showAs=\"");
		add_esc(out, im->symbol);
		sb_adds(out, "\"/>\n");
	} else if (strcmp(level, "Expression") == 0) {
		indent(out, depth + 1);
		sb_addf(out, "<FRBRlanguage language=\"%s\"/>\n", lang3(im->lang));
	}
	indent(out, depth);
	sb_addf(out, "</FRBR%s>\n", level);
}

/* The eId of the signatory's role: "sg" for the Secretary-General, else
 * one made from its words ("Under-Secretary-General for Management" ->
 * "underSecretaryGeneralForManagement"), declared as a TLCRole. */
static char *role_id(const char *role)
{
	char *l = imp_normalise(role);
	const char *w = l;
	if (strncmp(w, "the ", 4) == 0 || strncmp(w, "le ", 3) == 0)
		w += w[1] == 'h' ? 4 : 3;
	/* not an Under- or Assistant Secretary-General, nor a « Secrétaire
	 * général adjoint » */
	int sg = strcmp(w, "secrétaire général") == 0 || strcmp(w, "secretary-general") == 0;
	free(l);
	return sg ? xstrdup("sg") : person_id(role);
}

/* The signatory's role; the XSD requires its refersTo. */
static void write_role(struct strbuf *out, const char *role, const char *rid)
{
	sb_addf(out, "<role refersTo=\"#%s\">", rid);
	add_esc(out, role);
	sb_adds(out, "</role>");
}

/* The FRBR identification of the document (this_suffix "" ) or of one of
 * its annexes ("/!annex_1"), at depth. */
static void write_identification(struct strbuf *out, struct imp *im, const char *suffix, int depth)
{
	char *wthis =
	    *suffix ? xasprintf("%s/%s", im->work, suffix) : xasprintf("%s/main", im->work);
	char *expr = xasprintf("%s/%s@", im->work, lang3(im->lang));
	char *ethis = *suffix ? xasprintf("%s/%s", expr, suffix) : xasprintf("%s/main", expr);
	char *mthis = xasprintf("%s/%s.xml", expr, *suffix ? suffix : "main");
	char *muri = xasprintf("%s.akn", expr);
	write_frbr(out, im, "Work", wthis, im->work, "sg", depth);
	write_frbr(out, im, "Expression", ethis, expr, "un", depth);
	write_frbr(out, im, "Manifestation", mthis, muri, "circ", depth);
	free(wthis);
	free(expr);
	free(ethis);
	free(mthis);
	free(muri);
}

/* The annexes, each an attachment holding a doc of name annex. */
static void write_annexes(struct strbuf *out, struct imp *im)
{
	if (im->nannexes == 0)
		return;
	sb_adds(out, "    <attachments>\n");
	for (size_t i = 0; i < im->nannexes; i++) {
		const struct annex *a = &im->annexes[i];
		char *suffix = xasprintf("!annex_%zu", i + 1);
		int seq = 0;
		sb_addf(out, "      <attachment eId=\"%s\">\n        <doc name=\"annex\">\n",
		        a->eid);
		sb_adds(out, "          <meta>\n            <identification source=\"#circ\">\n");
		write_identification(out, im, suffix, 7);
		sb_adds(out, "            </identification>\n          </meta>\n");
		sb_adds(out, "          <preface>\n            <p class=\"docNumber\"><docNumber>");
		add_run(out, im, a->num, strlen(a->num), a->eid, &seq);
		sb_adds(out, "</docNumber></p>\n");
		if (a->title) {
			sb_adds(out, "            <p class=\"docTitle\"><docTitle>");
			add_run(out, im, a->title, strlen(a->title), a->eid, &seq);
			sb_adds(out, "</docTitle></p>\n");
		}
		sb_adds(out, "          </preface>\n          <mainBody>\n");
		if (a->ntexts > 0)
			add_ps(out, im, a->texts, a->ntexts, 6, a->eid, &seq);
		for (size_t k = 0; k < a->nsecs; k++)
			write_node(out, im, a->secs[k], NULL, 6);
		sb_adds(out, "          </mainBody>\n        </doc>\n      </attachment>\n");
		free(suffix);
	}
	sb_adds(out, "    </attachments>\n");
}

void imp_write_doc(struct strbuf *out, struct imp *im)
{
	struct strmap parts = STRMAP_INIT;
	index_parts(&parts, im);
	im->parts = &parts;
	int fr = strcmp(im->lang, "fr") == 0;
	sb_adds(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	             "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">\n");
	sb_addf(out, "  <statement name=\"%s\" contains=\"originalVersion\">\n", im->type);
	sb_adds(out, "    <meta>\n      <identification source=\"#circ\">\n");
	write_identification(out, im, "", 4);
	sb_adds(out, "      </identification>\n      <references source=\"#circ\">\n");
	sb_addf(out,
	        "        <TLCOrganization eId=\"un\" href=\"/akn/ontology/organizations/un\" "
	        "showAs=\"%s\"/>\n",
	        fr ? "Organisation des Nations Unies" : "United Nations");
	sb_addf(out,
	        "        <TLCOrganization eId=\"circ\" href=\"/akn/ontology/organizations/circ\" "
	        "showAs=\"%s\"/>\n",
	        fr ? "Projet circ" : "The circ project");
	sb_addf(out,
	        "        <TLCRole eId=\"sg\" href=\"/akn/ontology/roles/un/secretaryGeneral\" "
	        "showAs=\"%s\"/>\n",
	        fr ? "Secrétaire général" : "Secretary-General");
	char *pid = im->sig_name ? person_id(im->sig_name) : NULL;
	char *rid = im->sig_name && im->sig_role ? role_id(im->sig_role) : xstrdup("sg");
	if (pid && strcmp(rid, pid) == 0) {
		char *r = xasprintf("%sRole", rid); /* eIds are unique */
		free(rid);
		rid = r;
	}
	if (strcmp(rid, "sg") != 0) {
		sb_addf(out,
		        "        <TLCRole eId=\"%s\" href=\"/akn/ontology/roles/un/%s\" showAs=\"",
		        rid, rid);
		add_esc(out, im->sig_role);
		sb_adds(out, "\"/>\n");
	}
	if (pid) {
		sb_addf(
		    out,
		    "        <TLCPerson eId=\"%s\" href=\"/akn/ontology/persons/un/%s\" showAs=\"",
		    pid, pid);
		add_esc(out, im->sig_name);
		sb_adds(out, "\"/>\n");
	}
	if (im->org)
		imp_org_write_refs(out, im->org);
	sb_adds(out, "      </references>\n");
	if (im->org)
		imp_org_write_block(out, im->org);
	sb_adds(out, "    </meta>\n");
	if (im->doctype || im->title) {
		sb_adds(out, "    <preface>\n");
		if (im->doctype) {
			sb_adds(out, "      <p class=\"docType\"><docType>");
			add_esc(out, im->doctype);
			sb_adds(out, "</docType></p>\n");
		}
		if (im->title) {
			sb_adds(out, "      <p class=\"docTitle\"><docTitle>");
			int seq = 0;
			add_run(out, im, im->title, strlen(im->title), "preface", &seq);
			sb_adds(out, "</docTitle></p>\n");
		}
		sb_adds(out, "    </preface>\n");
	}
	if (im->npreamble) {
		sb_adds(out, "    <preamble>\n");
		int seq = 0;
		add_ps(out, im, im->preamble, im->npreamble, 3, "preamble", &seq);
		sb_adds(out, "    </preamble>\n");
	}
	sb_adds(out, "    <mainBody>\n");
	for (size_t i = 0; i < im->nsecs; i++)
		write_node(out, im, im->secs[i], NULL, 3);
	sb_adds(out, "    </mainBody>\n");
	if (im->sig_name) {
		sb_adds(out, "    <conclusions>\n      <blockContainer eId=\"signature\">\n"
		             "        <p><signature>");
		if (im->sig_role && im->sig_role_first) {
			write_role(out, im->sig_role, rid);
			sb_adds(out, "<eol/>");
		}
		add_esc(out, im->sig_pre);
		sb_addc(out, ' ');
		sb_addf(out, "<person refersTo=\"#%s\" as=\"#%s\">", pid, rid);
		add_esc(out, im->sig_name);
		sb_adds(out, "</person>");
		if (im->sig_role && !im->sig_role_first) {
			sb_adds(out, "<eol/>");
			write_role(out, im->sig_role, rid);
		}
		sb_adds(out, "</signature></p>\n      </blockContainer>\n    </conclusions>\n");
	}
	free(pid);
	free(rid);
	write_annexes(out, im);
	sb_adds(out, "  </statement>\n</akomaNtoso>\n");
	strmap_free(&parts);
	im->parts = NULL;
}
