/* xsd.c: validation against the official Akoma Ntoso 3.0 schema (see
 * xsd.h). Owns the compiled XSD (compiled on first use, kept until
 * xsd_release), the entity loader that lets the compiler read only the
 * schema's own xml.xsd, and the rewriting of libxml2's schema messages into
 * the user's terms. The file to validate is read and parsed by the
 * loader's own safe reading (doc_read_xml: no network, no DTD, no entity). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlversion.h>

#include "circ/doc.h"
#include "circ/err.h"
#include "circ/i18n.h"
#include "circ/strbuf.h"
#include "circ/xalloc.h"
#include "circ/xsd.h"
#include "doc_internal.h"

/* libxml2 2.12 made the error a structured handler receives const. */
#if LIBXML_VERSION >= 21200
typedef const xmlError *xsd_error_arg;
#else
typedef xmlError *xsd_error_arg;
#endif

#define AKN_NS "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
#define XML_NS "http://www.w3.org/XML/1998/namespace"
/* the names an "expected" list keeps before "and N more" */
enum { EXPECTED_MAX = 6 };

/* The compiled schema and the file it was compiled from. */
static struct {
	char *path;
	xmlSchemaPtr schema;
} cache;

/* While the schema compiles: the only files the loader may open (real
 * paths), and what it refused. */
static struct {
	char *xsd;
	char *xmlxsd;
	char *refused;
} allow;

/* Where libxml2's errors go while one file is read or validated. */
struct sink {
	const char *path;
	struct diag_list *diags;
	int count;
	int parse_failed; /* only the first well-formedness error is reported */
	int stopped;      /* a DOCTYPE was refused */
};

void xsd_release(void)
{
	if (cache.schema)
		xmlSchemaFree(cache.schema);
	free(cache.path);
	cache.schema = NULL;
	cache.path = NULL;
}

/* s with every "{AKN namespace}" removed and the XML namespace written
 * "xml:" (allocated). */
static char *short_names(const char *s, size_t n)
{
	struct strbuf b = STRBUF_INIT;
	const char *end = s + n;
	while (s < end) {
		if (*s == '{' && (size_t)(end - s) > sizeof AKN_NS &&
		    strncmp(s + 1, AKN_NS "}", sizeof AKN_NS) == 0) {
			s += sizeof AKN_NS + 1;
		} else if (*s == '{' && (size_t)(end - s) > sizeof XML_NS &&
		           strncmp(s + 1, XML_NS "}", sizeof XML_NS) == 0) {
			sb_adds(&b, "xml:");
			s += sizeof XML_NS + 1;
		} else {
			sb_addc(&b, *s++);
		}
	}
	return sb_steal(&b);
}

/* The text of a quoted name at *p ('name'), allocated, *p moved past it;
 * NULL when *p holds no quote. */
static char *quoted(const char **p)
{
	if (**p != '\'')
		return NULL;
	const char *q = strchr(*p + 1, '\'');
	if (q == NULL)
		return NULL;
	char *r = xstrndup(*p + 1, (size_t)(q - *p - 1));
	*p = q + 1;
	return r;
}

/* The names of "( a, b, c )." at the end of an "Expected is" sentence,
 * cut to EXPECTED_MAX names and "..." (allocated); NULL when there is none. */
static char *expected_list(const char *m)
{
	const char *e = strstr(m, "Expected is one of ( ");
	size_t skip = 21;
	if (e == NULL) {
		e = strstr(m, "Expected is ( ");
		skip = 14;
	}
	if (e == NULL)
		return NULL;
	const char *p = e + skip, *close = strstr(p, " )");
	if (close == NULL)
		return NULL;
	struct strbuf b = STRBUF_INIT;
	size_t shown = 0, total = 0;
	while (p < close) {
		size_t k = strcspn(p, ",");
		if (p + k > close)
			k = (size_t)(close - p);
		if (shown < EXPECTED_MAX) {
			if (shown)
				sb_adds(&b, ", ");
			sb_add(&b, p, k);
			shown++;
		}
		total++;
		p += k;
		while (p < close && (*p == ',' || *p == ' '))
			p++;
	}
	/* libxml2 names at most 10: never say how many more there are */
	if (total > shown)
		sb_adds(&b, ", ...");
	return sb_steal(&b);
}

/* One libxml2 schema message (already shortened) in the user's terms
 * (allocated); NULL to drop it. */
static char *user_message(const char *m)
{
	if (strstr(m, "No precomputed value available"))
		return NULL; /* chatter after a value already reported */
	if (strncmp(m, "Element '", 9) != 0)
		return xstrdup(m);
	const char *p = m + 8;
	char *el = quoted(&p), *attr = NULL, *r = NULL;
	if (el == NULL)
		return xstrdup(m);
	if (strncmp(p, ", attribute ", 12) == 0) {
		p += 12;
		attr = quoted(&p);
	}
	if (strncmp(p, ": ", 2) != 0) {
		free(el);
		free(attr);
		return xstrdup(m);
	}
	p += 2;
	char *exp = expected_list(p);
	if (strncmp(p, "This element is not expected.", 29) == 0) {
		r = exp ? xasprintf(_("element <%s> is not expected here (expected: %s)"), el, exp)
		        : xasprintf(_("element <%s> is not expected here"), el);
	} else if (strncmp(p, "Missing child element(s).", 25) == 0) {
		r = exp ? xasprintf(_("element <%s> lacks a child element (expected: %s)"), el, exp)
		        : xasprintf(_("element <%s> lacks a child element"), el);
	} else if (strncmp(p, "The attribute '", 15) == 0) {
		const char *a = p + 14;
		char *name = quoted(&a);
		if (name && strcmp(a, " is not allowed.") == 0)
			r = xasprintf(_("attribute %s is not allowed on <%s>"), name, el);
		else if (name && strcmp(a, " is required but missing.") == 0)
			r = xasprintf(_("element <%s> lacks its required attribute %s"), el, name);
		free(name);
	} else if (strncmp(p, "Duplicate key-sequence ['", 25) == 0 &&
	           strstr(p, "identity-constraint 'eId")) {
		const char *v = p + 25, *q = strstr(v, "'] ");
		if (q)
			r = xasprintf(_("duplicate eId '%.*s' (element <%s>)"), (int)(q - v), v,
			              el);
	} else if (strcmp(p, "No matching global declaration available for the validation root.") ==
	           0) {
		r = xasprintf(_("the root element <%s> is not an element of the schema"), el);
	}
	if (r == NULL) {
		size_t n = strlen(p);
		if (n > 0 && p[n - 1] == '.')
			n--;
		/* TRANSLATORS: an element's name, then libxml2's message (in
		   English) about it */
		r = attr ? xasprintf(_("attribute %s of <%s>: %.*s"), attr, el, (int)n, p)
		         : xasprintf(_("element <%s>: %.*s"), el, (int)n, p);
	}
	free(exp);
	free(el);
	free(attr);
	return r;
}

/* Add one libxml2 error (schema, parser or compiler) as a problem. */
static void on_error(void *data, xsd_error_arg e)
{
	struct sink *s = data;
	if (s->stopped || e == NULL || e->message == NULL || e->level == XML_ERR_WARNING)
		return;
	int parser = e->domain == XML_FROM_PARSER || e->domain == XML_FROM_IO ||
	             e->domain == XML_FROM_NAMESPACE;
	if (parser && s->parse_failed)
		return;
	size_t n = strcspn(e->message, "\n");
	while (n > 0 && e->message[n - 1] == ' ')
		n--;
	char *shortm = short_names(e->message, n);
	char *msg = user_message(shortm);
	free(shortm);
	if (msg == NULL)
		return;
	if (parser)
		s->parse_failed = 1;
	diag_add(s->diags, s->path, e->line > 0 ? e->line : 0, parser && e->int2 > 0 ? e->int2 : 0,
	         "%s", msg);
	s->count++;
	free(msg);
}

static void on_generic_error(void *data, const char *fmt, ...)
{
	(void)data;
	(void)fmt;
}

/* The schema compiler's loader: the XSD's own import of xml.xsd (the file
 * beside it), nothing else, never the network. */
static xmlParserInputPtr schema_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)id;
	if (url == NULL)
		return NULL;
	char *file =
	    strncmp(url, "file://", 7) == 0 ? xmlURIUnescapeString(url + 7, 0, NULL) : xstrdup(url);
	char *real = file && strstr(file, "://") == NULL ? realpath(file, NULL) : NULL;
	xmlParserInputPtr in = NULL;
	if (real && ((allow.xsd && strcmp(real, allow.xsd) == 0) ||
	             (allow.xmlxsd && strcmp(real, allow.xmlxsd) == 0)))
		in = xmlNewInputFromFile(ctxt, real);
	else if (allow.refused == NULL)
		allow.refused = xstrdup(url);
	free(real);
	free(file);
	return in;
}

/* Add "cannot load the schema" for xsd_path with reason why. */
static void schema_broken(struct diag_list *diags, const char *xsd_path, const char *why)
{
	/* TRANSLATORS: %s says why the official schema (akomantoso30.xsd)
	   cannot be used */
	diag_add(diags, xsd_path, 0, 0, _("cannot load the official schema: %s"), why);
}

int xsd_load(const char *xsd_path, struct diag_list *diags)
{
	if (cache.schema && strcmp(cache.path, xsd_path) == 0)
		return 0;
	xsd_release();
	allow.xsd = realpath(xsd_path, NULL);
	if (allow.xsd == NULL) {
		schema_broken(diags, xsd_path, strerror(errno));
		return -1;
	}
	char *dir = xstrdup(allow.xsd);
	*strrchr(dir, '/') = '\0';
	char *xmlxsd = xasprintf("%s/xml.xsd", dir);
	allow.xmlxsd = realpath(xmlxsd, NULL);
	free(xmlxsd);
	free(dir);

	struct sink s = {.path = xsd_path, .diags = diags};
	xmlExternalEntityLoader before = xmlGetExternalEntityLoader();
	xmlSetExternalEntityLoader(schema_loader);
	xmlSetGenericErrorFunc(NULL, on_generic_error);
	xmlSetStructuredErrorFunc(&s, on_error);
	xmlDocPtr x = xmlReadFile(allow.xsd, NULL, XML_PARSE_NONET);
	xmlSchemaPtr schema = NULL;
	if (x) {
		xmlSchemaParserCtxtPtr pc = xmlSchemaNewDocParserCtxt(x);
		if (pc == NULL)
			err_fatal(_("out of memory (schema validation)"));
		xmlSchemaSetParserStructuredErrors(pc, on_error, &s);
		schema = xmlSchemaParse(pc);
		xmlSchemaFreeParserCtxt(pc);
		xmlFreeDoc(x);
	}
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlSetExternalEntityLoader(before);
	if (schema == NULL) {
		if (allow.refused) {
			/* TRANSLATORS: %s is a file name or URL the schema refers to */
			char *why =
			    xasprintf(_("it refers to %s, which is never loaded"), allow.refused);
			schema_broken(diags, xsd_path, why);
			free(why);
		} else {
			schema_broken(diags, xsd_path, _("it cannot be compiled"));
		}
	}
	free(allow.xsd);
	free(allow.xmlxsd);
	free(allow.refused);
	allow.xsd = allow.xmlxsd = allow.refused = NULL;
	if (schema == NULL)
		return -1;
	cache.path = xstrdup(xsd_path);
	cache.schema = schema;
	return 0;
}

int xsd_validate(const char *path, const char *xsd_path, struct diag_list *diags)
{
	if (xsd_load(xsd_path, diags) != 0)
		return -1;
	struct sink s = {.path = path, .diags = diags};
	/* read and parsed as the loader reads a document (doc_read.c): what
	 * is wrong there the loader has said already */
	struct diag_list again = DIAG_LIST_INIT;
	xmlDocPtr x = doc_read_xml(path, &again);
	if (x == NULL) {
		if (strcmp(path, "-") == 0)
			diag_add(diags, path, 0, 0,
			         _("standard input cannot be read a second time for the schema "
			           "check; give the file's name"));
		else
			for (size_t i = 0; i < again.n; i++)
				diag_add(diags, again.v[i].file, again.v[i].line, again.v[i].col,
				         "%s", again.v[i].msg);
		diag_clear(&again);
		return 1;
	}
	diag_clear(&again);
	xmlSetGenericErrorFunc(NULL, on_generic_error);
	xmlSetStructuredErrorFunc(&s, on_error);
	xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(cache.schema);
	if (vc == NULL)
		err_fatal(_("out of memory (schema validation)"));
	xmlSchemaSetValidStructuredErrors(vc, on_error, &s);
	int rc = xmlSchemaValidateDoc(vc, x);
	xmlSchemaFreeValidCtxt(vc);
	xmlFreeDoc(x);
	if (rc != 0 && s.count == 0) {
		diag_add(diags, path, 0, 0, _("does not follow the Akoma Ntoso 3.0 schema"));
		s.count++;
	}
	xmlSetStructuredErrorFunc(NULL, NULL);
	return s.count;
}
