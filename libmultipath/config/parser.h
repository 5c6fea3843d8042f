/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * multipath.conf syntax: text -> tree of nodes. Knows nothing about which
 * keywords exist; config.c gives the tree its meaning.
 *
 * Syntax: one statement per line. `name {` opens a section (the brace may
 * also stand alone on the next line), `}` closes it, `name value` sets a
 * keyword. Values are bare words or double-quoted strings in which `""`
 * stands for one `"`. A `#` or `!` at the start of a token starts a comment
 * that runs to the end of the line. A keyword with no value, a stray `}`,
 * an unclosed section or quote are errors; extra words after a value are
 * warned about and ignored. Parsing goes on after every error.
 *
 * Ownership: the tree owns all its strings and children; cnode_free() frees
 * a whole subtree. Diagnostics are appended to a struct diags that the
 * caller owns and releases with diags_release().
 */
#ifndef MP_CONFIG_PARSER_H
#define MP_CONFIG_PARSER_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/vector.h"

struct cnode;
VECTOR_DEFINE(cnode_vec, struct cnode *)

struct cnode {
	char *key;                 /* keyword or section name */
	char *value;               /* keyword value; NULL for a section */
	const char *file;          /* file name for messages (owned by the diags) */
	int line;
	bool section;
	struct cnode_vec children; /* section contents, in file order */
};

enum diag_level { DIAG_ERROR, DIAG_WARNING };

struct diags {
	struct strvec msgs;   /* "file:line: error: text" */
	struct strvec files;  /* file names that nodes point to */
	int errors;
	int warnings;
};

/* Record a message "file:line: error|warning: text". */
void diags_add(struct diags *d, enum diag_level lvl, const char *file, int line, const char *fmt,
	       ...) __attribute__((format(printf, 5, 6)));
void diags_release(struct diags *d);

/*
 * Parse len bytes of text (need not be NUL-terminated). fname names the
 * source in messages. On success *root is a section node named "" holding
 * the top-level statements. Returns 0, or -ENOMEM (*root untouched).
 * Syntax errors do not fail the call: they go to diags.
 */
int conf_parse_text(const char *text, size_t len, const char *fname, struct diags *diags,
		    struct cnode **root);

/* Read and parse a file. Returns 0, -ENOENT when it does not exist, or
 * another -errno. */
int conf_parse_file(const char *path, struct diags *diags, struct cnode **root);

void cnode_free(struct cnode *node);

#endif
