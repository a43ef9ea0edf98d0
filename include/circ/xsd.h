/* xsd.h: validating a file against the official Akoma Ntoso 3.0 schema
 * (OASIS akomantoso30.xsd, W3C XML Schema), for circ --check. The schema is
 * compiled once, on first use, and kept until xsd_release(); nothing is ever
 * fetched from the network: the only files read are the XSD itself and the
 * xml.xsd beside it, which it imports. */
#ifndef CIRC_XSD_H
#define CIRC_XSD_H

#include "circ/diag.h"

/* Compile the schema at xsd_path (or keep the one already compiled from
 * it). 0 on success; -1 when it cannot be read or compiled, with the
 * reasons in diags: a broken installation. */
int xsd_load(const char *xsd_path, struct diag_list *diags);
/* Validate the file at path ("-": standard input, read again from its
 * start) against the schema at xsd_path. Adds one problem to diags per
 * schema error ("element <foo> is not expected here (expected: ...)"),
 * with its line, and returns how many it added; -1 when the schema itself
 * cannot be compiled (diags say why). A file that cannot be read or is not
 * well-formed XML is one problem. */
int xsd_validate(const char *path, const char *xsd_path, struct diag_list *diags);
/* Free the compiled schema. */
void xsd_release(void);

#endif
