/* datadir.h: where the bundled bulletin and the schema are found.
 * Order: $CIRC_DATADIR; the content/ directory beside the build tree's
 * program; the installed $(pkgdatadir). */
#ifndef CIRC_DATADIR_H
#define CIRC_DATADIR_H

#define DATADIR_BULLETIN "ST-SGB-2010-2.fr.xml"
#define DATADIR_SCHEMA   "circ-organisation.rng"
/* the official OASIS schema, for --check (its import xml.xsd beside it) */
#define DATADIR_XSD      "akn/akomantoso30.xsd"

/* The directory holding the content files (allocated), or NULL when none of
 * the candidates holds the schema; then *why says what was tried
 * (allocated). argv0 is the program's argv[0]. */
char *datadir_find(const char *argv0, char **why);
/* ../name from the directory of the running program (allocated), or NULL
 * when that directory cannot be found. */
char *datadir_beside_program(const char *argv0, const char *name);
/* dir/name, allocated. */
char *datadir_file(const char *dir, const char *name);

#endif
