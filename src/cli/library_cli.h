/* library_cli.h: the command line's library (library_cli.c). */
#ifndef CIRC_LIBRARY_CLI_H
#define CIRC_LIBRARY_CLI_H

#include "circ/library.h"
#include "circ/search.h"
#include "circ/strbuf.h"
#include "opts.h"

/* Read the library of this run: the bundled content, the administrator's
 * and (unless restricted) the user's directories, and the command line's
 * files when with_args. */
void cli_library_open(struct library *lib, const struct opts *o, int restricted,
                      const char *datadir, const char *schema, int with_args);
/* The documents the command line names, as files: a symbol of the
 * library becomes its file (restricted: every argument must be a document
 * of the library); a directory adds to the library, and stands for its
 * documents only when every argument is a directory. o->files becomes
 * *paths (allocated, *npaths of them: free each and the array).
 * ERR_EXIT_OK, or the status after reporting. */
int cli_resolve(struct opts *o, const struct library *lib, int restricted, char ***paths,
                size_t *npaths);
/* --list */
int cli_list(struct strbuf *out, const struct library *lib, int by_date);
/* --info NAME (a symbol, a work IRI or a file) */
int cli_info(struct strbuf *out, const struct library *lib, const char *name);
/* --index DIR */
int cli_index(struct strbuf *out, const char *dir, const char *schema);
/* The library's index of each file (LIB_NONE: not in it); allocated. */
size_t *cli_docs(const struct library *lib, char *const *files, size_t n);
/* --search across documents docs (NULL: all; names: their files as the
 * user gave them, for the messages): "SYMBOL PART: context", or
 * "SYMBOL: N" with count; *total is the line for standard error
 * (allocated, NULL after an error). */
int cli_search(struct strbuf *out, const struct library *lib, const size_t *docs,
               char *const *names, size_t ndocs, struct search *s, size_t width, int colour,
               int count, char **total);
/* import --into-library: the file in the user's library for the document
 * the importer wrote (xml), its directory made when missing (allocated),
 * or NULL when there is no user library (HOME unset) or no symbol. */
char *cli_library_file(const char *xml);

#endif
