/* doc_read.c: reading an Akoma Ntoso file safely and turning it into a
 * libxml2 tree. Order: size and type checks, UTF-8 check, parse (no network,
 * no DTD: a DOCTYPE stops the parser before any entity is declared, so no
 * external entity is read and no entity is expanded), root element check.
 * The organisation block, when there is one, is validated against its
 * RELAX NG schema (doc_org_validate); the compiled schema is kept between
 * loads. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlversion.h>

#include "circ/err.h"
#include "circ/i18n.h"
#include "circ/utf8.h"
#include "circ/xalloc.h"
#include "doc_internal.h"

/* The libxml2 API used here is the same from 2.9 to 2.14 (README, "libxml2
 * versions") but for one type: 2.12 made the error that a structured error
 * handler (xmlStructuredErrorFunc) receives const. */
#if LIBXML_VERSION >= 21200
typedef const xmlError *xml_error_arg;
#else
typedef xmlError *xml_error_arg;
#endif

/* libxml2's limit of nested elements without XML_PARSE_HUGE (never set
 * here), the same from 2.9 to 2.14 */
enum { XML_DEPTH_LIMIT = 256 };

/* Where libxml2's errors go while one file is being read. */
struct errsink {
	const char *path;
	struct diag_list *diags;
	xmlParserCtxtPtr ctxt;
	int stopped;      /* a DOCTYPE was refused: later errors are consequences */
	int parse_failed; /* the first well-formedness error is reported, not its echoes */
	char *last;       /* the previous message, to drop libxml2's repetitions */
	long lastline;
	const char *buf; /* the text being parsed, while it is */
	size_t len;
};

#define FAILED_ATTRS " failed to validate attributes"

/* A libxml2 message in the user's terms: its first line, without the name
 * of the libxml2 function or option that produced it. NULL to drop it. */
static char *user_message(const xmlError *e)
{
	const char *m = e->message;
	size_t n = strcspn(m, "\n");
	while (n > 0 && m[n - 1] == ' ')
		n--;
	if (e->domain == XML_FROM_PARSER && e->code == XML_ERR_NAME_REQUIRED &&
	    strncmp(m, "xmlParseEntityRef", 17) == 0)
		/* TRANSLATORS: '&' and '&amp;' are XML syntax: keep them as they are. */
		return xstrdup(_("'&' must be written '&amp;' in text"));
	/* libxml2 2.13 and later put "Invalid character: " before "Char 0x0
	 * out of allowed range"; the message is the same with every version */
	if (strncmp(m, "Invalid character: Char 0x", 26) == 0) {
		m += 19;
		n -= 19;
	}
	/* the number in libxml2's message is the limit (2.9 to 2.12) or the
	 * depth reached (257 with 2.13, 256 with 2.14): say the limit */
	if (strncmp(m, "Excessive depth in document: ", 29) == 0)
		/* TRANSLATORS: %d is the parser's limit of nesting levels. */
		return xasprintf(_("elements nested too deeply (more than %d levels)"),
		                 XML_DEPTH_LIMIT);
	/* "xmlParseCharRef: invalid xmlChar value 1" -> "invalid xmlChar value 1" */
	if (strncmp(m, "xml", 3) == 0) {
		size_t k = strspn(m, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
		if (k < n && m[k] == ':' && m[k + 1] == ' ') {
			m += k + 2;
			n -= k + 2;
		}
	}
	if (n == 23 && strncmp(m, "could not parse schemas", n) == 0)
		return NULL; /* the caller says the schema cannot be compiled */
	/* the validator's chatter before its specific message */
	if (e->domain == XML_FROM_RELAXNGV &&
	    (strncmp(m, "failed to compare type", 22) == 0 ||
	     (strncmp(m, "Element ", 8) == 0 && n > sizeof FAILED_ATTRS &&
	      strncmp(m + n - (sizeof FAILED_ATTRS - 1), FAILED_ATTRS, sizeof FAILED_ATTRS - 1) ==
	          0)))
		return NULL;
	return xstrndup(m, n);
}

/* The nesting limit is reported on the '<' of the element that goes too
 * deep (libxml2 2.9 to 2.13 do so; 2.14 gives the column before it): the
 * column of the first '<' of the text from libxml2's line and column on,
 * else libxml2's column. */
static long depth_error_col(const char *buf, size_t len, long line, long col)
{
	if (buf == NULL || line < 1 || col < 1)
		return col;
	const char *p = buf, *end = buf + len;
	for (long l = 1; l < line && p < end; p++)
		if (*p == '\n')
			l++;
	long c = 1;
	uint32_t cp;
	while (p < end && *p != '\n' && (c < col || *p != '<')) {
		p += utf8_decode(p, (size_t)(end - p), &cp);
		c++;
	}
	return p < end && *p == '<' ? c : col;
}

/* Add one libxml2 error as a one-line problem. */
static void on_xml_error(void *data, xml_error_arg e)
{
	struct errsink *s = data;
	if (s->stopped || e == NULL || e->message == NULL || e->level == XML_ERR_WARNING)
		return;
	int parser = e->domain == XML_FROM_PARSER || e->domain == XML_FROM_IO ||
	             e->domain == XML_FROM_NAMESPACE;
	if (parser && s->parse_failed)
		return;
	char *msg = user_message(e);
	if (msg == NULL)
		return;
	long line = e->line > 0 ? e->line : 0;
	long col = e->int2 > 0 && parser ? e->int2 : 0;
	if (col && strncmp(e->message, "Excessive depth in document: ", 29) == 0)
		col = depth_error_col(s->buf, s->len, line, col);
	if (s->last && strcmp(s->last, msg) == 0 && s->lastline == line) {
		free(msg);
		return;
	}
	if (parser)
		s->parse_failed = 1;
	diag_add(s->diags, s->path, line, col, "%s", msg);
	free(s->last);
	s->last = msg;
	s->lastline = line;
}

static void on_generic_error(void *data, const char *fmt, ...)
{
	(void)data;
	(void)fmt;
}

/* libxml2 may never load anything from outside: no DTD, entity or include. */
static xmlParserInputPtr refuse_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

/* Line and column (1-based, in characters) of byte offset off in buf. */
static void position(const char *buf, size_t off, long *line, long *col)
{
	long l = 1, c = 1;
	for (size_t i = 0; i < off;) {
		if (buf[i] == '\n') {
			l++, c = 1, i++;
			continue;
		}
		uint32_t cp;
		i += utf8_decode(buf + i, off - i, &cp);
		c++;
	}
	*line = l;
	*col = c;
}

/* Read the whole of path (at most DOC_MAX_BYTES) into a NUL-terminated buffer. */
static char *read_file(const char *path, size_t *len, struct diag_list *diags)
{
	int std = strcmp(path, "-") == 0;
	int fd = std ? dup(STDIN_FILENO) : open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		/* TRANSLATORS: %s is the system's reason, e.g. "No such file or directory". */
		diag_add(diags, path, 0, 0, _("cannot open: %s"), strerror(errno));
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) != 0) {
		diag_add(diags, path, 0, 0, _("cannot read: %s"), strerror(errno));
		close(fd);
		return NULL;
	}
	if (std && S_ISREG(st.st_mode))
		/* standard input from its start, however often it is read
		 * (--check reads it again for the schema) */
		(void)lseek(fd, 0, SEEK_SET);
	if (S_ISDIR(st.st_mode)) {
		diag_add(diags, path, 0, 0, _("is a directory with no document (*.xml) in it"));
		close(fd);
		return NULL;
	}
	if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > DOC_MAX_BYTES) {
		diag_add(diags, path, 0, 0, _("file too large (%lld bytes; the limit is %u MiB)"),
		         (long long)st.st_size, DOC_MAX_BYTES / (1024u * 1024u));
		close(fd);
		return NULL;
	}
	size_t cap = S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 65536, n = 0;
	char *buf = xmalloc(cap + 1);
	for (;;) {
		if (n == cap) {
			if (cap > DOC_MAX_BYTES) {
				diag_add(diags, path, 0, 0, _("file too large (more than %u MiB)"),
				         DOC_MAX_BYTES / (1024u * 1024u));
				free(buf);
				close(fd);
				return NULL;
			}
			cap *= 2;
			buf = xrealloc(buf, cap + 1);
		}
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			diag_add(diags, path, 0, 0, _("cannot read: %s"), strerror(errno));
			free(buf);
			close(fd);
			return NULL;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	if (n > DOC_MAX_BYTES) {
		diag_add(diags, path, 0, 0, _("file too large (more than %u MiB)"),
		         DOC_MAX_BYTES / (1024u * 1024u));
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* SAX hook: a DOCTYPE is refused before its internal subset is read. */
static void on_doctype(void *ctx, const xmlChar *name, const xmlChar *ext, const xmlChar *sys)
{
	(void)name;
	(void)ext;
	(void)sys;
	xmlParserCtxtPtr ctxt = ctx;
	struct errsink *s = ctxt->_private;
	if (!s->stopped) {
		/* the declaration starts before where the parser is now */
		const char *buf = (const char *)ctxt->input->base;
		const char *p = (const char *)ctxt->input->cur;
		while (p > buf && strncmp(p, "<!DOCTYPE", 9) != 0)
			p--;
		long line = ctxt->input->line, col = ctxt->input->col;
		if (strncmp(p, "<!DOCTYPE", 9) == 0)
			position(buf, (size_t)(p - buf), &line, &col);
		diag_add(s->diags, s->path, line, col,
		         _("document type declarations are not allowed (no DTD or entity is ever "
		           "loaded)"));
		s->stopped = 1;
	}
	xmlStopParser(ctxt);
}

static xmlDocPtr parse(const char *path, const char *buf, size_t len, struct errsink *sink)
{
	xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(buf, (int)len);
	if (ctxt == NULL)
		err_fatal(_("out of memory (XML parser for %s)"), path);
	ctxt->_private = sink;
	sink->ctxt = ctxt;
	sink->buf = buf;
	sink->len = len;
	ctxt->sax->internalSubset = on_doctype;
	ctxt->sax->externalSubset = on_doctype;
	/* COMPACT: short text nodes (white space between elements, mostly)
	 * kept in the node, not allocated apart; the tree is only read */
	xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT);
	xmlParseDocument(ctxt);
	xmlDocPtr x = ctxt->myDoc;
	/* a namespace error (a colon in a processing instruction's name, an
	 * undeclared prefix) leaves wellFormed set: it is refused all the same,
	 * as is any error the parser reported */
	int ok = ctxt->wellFormed && ctxt->nsWellFormed && !sink->stopped && !sink->parse_failed;
	xmlFreeParserCtxt(ctxt);
	sink->ctxt = NULL;
	sink->buf = NULL;
	if (!ok) {
		if (sink->diags->n == 0)
			diag_add(sink->diags, path, 0, 0, _("not well-formed XML"));
		xmlFreeDoc(x);
		return NULL;
	}
	return x;
}

/* The compiled schema, kept for the next load of the same schema file. */
static struct {
	char *path;
	xmlRelaxNGPtr rng;
} cache;

void doc_read_release(void)
{
	if (cache.rng)
		xmlRelaxNGFree(cache.rng);
	free(cache.path);
	cache.rng = NULL;
	cache.path = NULL;
}

static xmlRelaxNGPtr schema(const char *path, struct errsink *sink)
{
	if (cache.rng && strcmp(cache.path, path) == 0)
		return cache.rng;
	doc_read_release();
	size_t len;
	struct diag_list mine = DIAG_LIST_INIT;
	char *buf = read_file(path, &len, &mine);
	if (buf == NULL) {
		/* TRANSLATORS: %s is why the schema file cannot be read, e.g. "cannot
		 * open: No such file or directory". */
		diag_add(sink->diags, path, 0, 0, _("cannot load the schema: %s"),
		         mine.n ? mine.v[0].msg : _("unknown error"));
		diag_clear(&mine);
		return NULL;
	}
	struct errsink ss = {.path = path, .diags = sink->diags};
	xmlSetStructuredErrorFunc(&ss, on_xml_error);
	xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewMemParserCtxt(buf, (int)len);
	xmlRelaxNGPtr rng = pc ? xmlRelaxNGParse(pc) : NULL;
	if (pc)
		xmlRelaxNGFreeParserCtxt(pc);
	xmlSetStructuredErrorFunc(sink, on_xml_error);
	free(ss.last);
	free(buf);
	if (rng == NULL) {
		diag_add(sink->diags, path, 0, 0, _("the schema cannot be compiled"));
		return NULL;
	}
	cache.path = xstrdup(path);
	cache.rng = rng;
	return rng;
}

int doc_schema_load(const char *schema_path, struct diag_list *diags)
{
	struct errsink sink = {.path = schema_path, .diags = diags};
	xmlSetGenericErrorFunc(NULL, on_generic_error);
	xmlSetExternalEntityLoader(refuse_loader);
	xmlRelaxNGPtr rng = schema(schema_path, &sink);
	xmlSetStructuredErrorFunc(NULL, NULL);
	free(sink.last);
	return rng ? 0 : -1;
}

/* The root must be <akomaNtoso> in the Akoma Ntoso 3.0 namespace. */
static int check_root(xmlDocPtr x, const char *path, struct diag_list *diags)
{
	xmlNodePtr root = xmlDocGetRootElement(x);
	if (root == NULL) {
		diag_add(diags, path, 0, 0, _("no root element"));
		return -1;
	}
	const char *ns = root->ns && root->ns->href ? (const char *)root->ns->href : "";
	if (strcmp((const char *)root->name, "akomaNtoso") != 0) {
		diag_add(
		    diags, path, xmlGetLineNo(root), 0,
		    _("not an Akoma Ntoso document: the root element is <%s>, not <akomaNtoso>"),
		    (const char *)root->name);
		return -1;
	}
	if (*ns == '\0') {
		diag_add(diags, path, xmlGetLineNo(root), 0,
		         _("<akomaNtoso> is not in the Akoma Ntoso 3.0 namespace (no namespace)"));
		return -1;
	}
	if (strcmp(ns, DOC_AKN_NS) != 0) {
		diag_add(diags, path, xmlGetLineNo(root), 0,
		         /* TRANSLATORS: %s is the namespace URI the document uses instead. */
		         _("<akomaNtoso> is not in the Akoma Ntoso 3.0 namespace (%s)"), ns);
		return -1;
	}
	return 0;
}

xmlDocPtr doc_read_xml(const char *path, struct diag_list *diags)
{
	size_t len;
	char *buf = read_file(path, &len, diags);
	if (buf == NULL)
		return NULL;
	if (len == 0 || strspn(buf, " \t\r\n") == len) {
		diag_add(diags, path, 0, 0, _("empty file"));
		free(buf);
		return NULL;
	}
	if (len > (size_t)INT32_MAX) {
		diag_add(diags, path, 0, 0, _("file too large"));
		free(buf);
		return NULL;
	}
	if (len >= 2 && (((unsigned char)buf[0] == 0xFF && (unsigned char)buf[1] == 0xFE) ||
	                 ((unsigned char)buf[0] == 0xFE && (unsigned char)buf[1] == 0xFF))) {
		diag_add(
		    diags, path, 1, 1,
		    _("UTF-16 text (it starts with a byte order mark); bulletins must be UTF-8"));
		free(buf);
		return NULL;
	}
	size_t bad = utf8_check(buf, len);
	if (bad < len) {
		long line, col;
		position(buf, bad, &line, &col);
		diag_add(diags, path, line, col,
		         _("not valid UTF-8 (byte 0x%02X); bulletins must be UTF-8"),
		         (unsigned char)buf[bad]);
		free(buf);
		return NULL;
	}

	struct errsink sink = {.path = path, .diags = diags};
	xmlSetGenericErrorFunc(NULL, on_generic_error);
	xmlSetStructuredErrorFunc(&sink, on_xml_error);
	xmlSetExternalEntityLoader(refuse_loader);

	xmlDocPtr x = parse(path, buf, len, &sink);
	free(buf);
	if (x != NULL && x->encoding != NULL &&
	    strcasecmp((const char *)x->encoding, "UTF-8") != 0 &&
	    strcasecmp((const char *)x->encoding, "UTF8") != 0) {
		diag_add(diags, path, 1, 0,
		         _("the XML declaration says encoding=\"%s\"; bulletins must be UTF-8"),
		         (const char *)x->encoding);
		xmlFreeDoc(x);
		x = NULL;
	}
	if (x != NULL && check_root(x, path, diags) != 0) {
		xmlFreeDoc(x);
		x = NULL;
	}
	xmlSetStructuredErrorFunc(NULL, NULL);
	free(sink.last);
	return x;
}

/* The organisation block of the document element's meta, or NULL. */
xmlNodePtr doc_org_block(xmlDocPtr x)
{
	xmlNodePtr root = xmlDocGetRootElement(x);
	xmlNodePtr docel = NULL;
	for (xmlNodePtr c = root ? root->children : NULL; c && !docel; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			docel = c;
	xmlNodePtr meta = doc_child(docel, "meta");
	for (xmlNodePtr c = meta ? meta->children : NULL; c; c = c->next) {
		if (!doc_is(c, "proprietary"))
			continue;
		for (xmlNodePtr k = c->children; k; k = k->next)
			if (k->type == XML_ELEMENT_NODE && k->ns && k->ns->href &&
			    strcmp((const char *)k->ns->href, DOC_ORG_NS) == 0 &&
			    strcmp((const char *)k->name, "organisation") == 0)
				return k;
	}
	return NULL;
}

int doc_org_validate(xmlDocPtr x, const char *path, const char *schema_path,
                     struct diag_list *diags)
{
	xmlNodePtr org = doc_org_block(x);
	if (org == NULL)
		return 1;
	struct errsink sink = {.path = path, .diags = diags};
	xmlSetGenericErrorFunc(NULL, on_generic_error);
	xmlSetStructuredErrorFunc(&sink, on_xml_error);
	xmlRelaxNGPtr rng = schema(schema_path, &sink);
	int ok = 0;
	if (rng != NULL) {
		/* the block alone, in a document of its own: the copy keeps the
		 * line numbers of the file */
		xmlDocPtr one = xmlNewDoc((const xmlChar *)"1.0");
		xmlNodePtr copy = one ? xmlDocCopyNode(org, one, 1) : NULL;
		xmlRelaxNGValidCtxtPtr vc = copy ? xmlRelaxNGNewValidCtxt(rng) : NULL;
		if (vc == NULL)
			err_fatal(_("out of memory (schema validation)"));
		xmlDocSetRootElement(one, copy);
		xmlRelaxNGSetValidStructuredErrors(vc, on_xml_error, &sink);
		size_t before = diags->n;
		ok = xmlRelaxNGValidateDoc(vc, one) == 0;
		xmlRelaxNGFreeValidCtxt(vc);
		xmlFreeDoc(one);
		if (!ok && diags->n == before)
			diag_add(diags, path, xmlGetLineNo(org), 0,
			         _("the organisation block does not follow its schema"));
	}
	xmlSetStructuredErrorFunc(NULL, NULL);
	free(sink.last);
	return ok ? 0 : -1;
}
