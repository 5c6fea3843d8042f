// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/fileio.h"
#include "../util/strbuf.h"
#include "parser.h"

enum { MAX_DEPTH = 8, MAX_FILE_SIZE = 16 << 20 };

struct token {
	char *text;
	bool quoted;
};
VECTOR_DEFINE(tokvec, struct token)

struct pstate {
	struct diags *d;
	const char *file;
	struct cnode *stack[MAX_DEPTH + 1];
	int depth;            /* stack[0] is the root */
	int skipped;          /* sections opened beyond MAX_DEPTH, dropped */
	struct cnode *pending; /* keyword without value, maybe opening a section */
};

void diags_add(struct diags *d, enum diag_level lvl, const char *file, int line, const char *fmt,
	       ...)
{
	STRBUF_AUTO(sb);
	va_list ap;

	if (lvl == DIAG_ERROR)
		d->errors++;
	else
		d->warnings++;
	if (strbuf_addf(&sb, "%s:%d: %s: ", file, line, lvl == DIAG_ERROR ? "error" : "warning") <
	    0)
		return;
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	strvec_push_dup(&d->msgs, strbuf_str(&sb));
}

void diags_release(struct diags *d)
{
	if (!d)
		return;
	strvec_free_all(&d->msgs);
	strvec_free_all(&d->files);
	d->errors = d->warnings = 0;
}

void cnode_free(struct cnode *node)
{
	if (!node)
		return;
	for (size_t i = 0; i < node->children.n; i++)
		cnode_free(node->children.items[i]);
	cnode_vec_release(&node->children);
	free(node->key);
	free(node->value);
	free(node);
}

static struct cnode *cnode_new(const char *key, const struct pstate *st, int line)
{
	struct cnode *n = calloc(1, sizeof(*n));

	if (!n)
		return NULL;
	n->key = strdup(key);
	if (!n->key) {
		free(n);
		return NULL;
	}
	n->file = st->file;
	n->line = line;
	return n;
}

static void tokvec_free(struct tokvec *v)
{
	for (size_t i = 0; i < v->n; i++)
		free(v->items[i].text);
	tokvec_release(v);
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' || c == '\0';
}

/* Scan a quoted string starting after the opening quote; "" is a quote. */
static const char *scan_quoted(const char *p, const char *end, struct strbuf *sb, bool *closed)
{
	*closed = false;
	while (p < end) {
		if (*p == '"') {
			if (p + 1 < end && p[1] == '"') {
				if (strbuf_addch(sb, '"') < 0)
					return NULL;
				p += 2;
				continue;
			}
			*closed = true;
			return p + 1;
		}
		if (strbuf_addch(sb, *p) < 0)
			return NULL;
		p++;
	}
	return p;
}

/* Split one line into tokens. Returns 0 or -ENOMEM. */
static int tokenize(const struct pstate *st, int line, const char *p, const char *end,
		    struct tokvec *out)
{
	while (p < end) {
		struct strbuf sb = STRBUF_INIT;
		struct token tok = {NULL, false};

		if (is_space(*p)) {
			p++;
			continue;
		}
		if (*p == '#' || *p == '!')
			break;
		if (*p == '{' || *p == '}') {
			if (strbuf_addch(&sb, *p++) < 0)
				return -ENOMEM;
		} else if (*p == '"') {
			bool closed;

			tok.quoted = true;
			p = scan_quoted(p + 1, end, &sb, &closed);
			if (!p) {
				strbuf_release(&sb);
				return -ENOMEM;
			}
			if (!closed)
				diags_add(st->d, DIAG_ERROR, st->file, line,
					  "unterminated quoted string");
		} else {
			const char *s = p;

			while (p < end && !is_space(*p) && *p != '{' && *p != '}' && *p != '"')
				p++;
			if (strbuf_add(&sb, s, (size_t)(p - s)) < 0)
				return -ENOMEM;
		}
		tok.text = strbuf_detach(&sb);
		if (!tok.text || tokvec_push(out, tok) < 0) {
			free(tok.text);
			return -ENOMEM;
		}
	}
	return 0;
}

static bool is_brace(const struct token *t, char c)
{
	return !t->quoted && t->text[0] == c && t->text[1] == '\0';
}

static int attach(struct pstate *st, struct cnode *n)
{
	struct cnode *parent = st->stack[st->depth];

	if (st->skipped) {
		cnode_free(n);
		return 0;
	}
	if (cnode_vec_push(&parent->children, n) < 0) {
		cnode_free(n);
		return -ENOMEM;
	}
	return 0;
}

/* Attach a section node and make it current. */
static int open_section(struct pstate *st, struct cnode *n)
{
	n->section = true;
	if (st->skipped || st->depth == MAX_DEPTH) {
		if (!st->skipped)
			diags_add(st->d, DIAG_ERROR, st->file, n->line,
				  "sections nested too deep at '%s', section ignored", n->key);
		st->skipped++;
		cnode_free(n);
		return 0;
	}
	if (attach(st, n) < 0)
		return -ENOMEM;
	st->stack[++st->depth] = n;
	return 0;
}

static void close_section(struct pstate *st, int line)
{
	if (st->skipped)
		st->skipped--;
	else if (st->depth > 0)
		st->depth--;
	else
		diags_add(st->d, DIAG_ERROR, st->file, line, "'}' without an open section");
}

static void drop_pending(struct pstate *st)
{
	if (!st->pending)
		return;
	diags_add(st->d, DIAG_ERROR, st->file, st->pending->line, "keyword '%s' has no value",
		  st->pending->key);
	cnode_free(st->pending);
	st->pending = NULL;
}

/* Handle "key value [extra...]" or "key {" starting at tokens[i]. */
static int statement(struct pstate *st, struct tokvec *t, size_t *i, int line)
{
	struct token *key = &t->items[*i];
	struct cnode *n = cnode_new(key->text, st, line);

	if (!n)
		return -ENOMEM;
	(*i)++;
	if (*i == t->n) {
		st->pending = n;
		return 0;
	}
	if (is_brace(&t->items[*i], '{')) {
		(*i)++;
		return open_section(st, n);
	}
	if (is_brace(&t->items[*i], '}')) {
		diags_add(st->d, DIAG_ERROR, st->file, line, "keyword '%s' has no value", n->key);
		cnode_free(n);
		return 0;
	}
	n->value = t->items[*i].text;
	t->items[(*i)++].text = NULL;
	if (*i < t->n && !is_brace(&t->items[*i], '}') && !is_brace(&t->items[*i], '{'))
		diags_add(st->d, DIAG_WARNING, st->file, line,
			  "ignoring extra words after the value of '%s', starting at '%s' (quote "
			  "values that contain spaces)",
			  n->key, t->items[*i].text);
	while (*i < t->n && !is_brace(&t->items[*i], '}') && !is_brace(&t->items[*i], '{'))
		(*i)++;
	return attach(st, n);
}

static int process_line(struct pstate *st, struct tokvec *t, int line)
{
	size_t i = 0;

	if (t->n == 0)
		return 0;
	if (st->pending) {
		struct cnode *n = st->pending;

		if (!is_brace(&t->items[0], '{')) {
			drop_pending(st);
		} else {
			st->pending = NULL;
			i = 1;
			if (open_section(st, n) < 0)
				return -ENOMEM;
		}
	}
	while (i < t->n) {
		struct token *tok = &t->items[i];

		if (is_brace(tok, '}')) {
			close_section(st, line);
			i++;
		} else if (is_brace(tok, '{')) {
			diags_add(st->d, DIAG_ERROR, st->file, line, "'{' without a section name");
			i++;
			if (open_section(st, cnode_new("", st, line)) < 0)
				return -ENOMEM;
		} else if (statement(st, t, &i, line) < 0) {
			return -ENOMEM;
		}
	}
	return 0;
}

int conf_parse_text(const char *text, size_t len, const char *fname, struct diags *diags,
		    struct cnode **root)
{
	struct pstate st = {.d = diags};
	const char *p = text, *end = text + len;
	int line = 0, rc = -ENOMEM;

	if (strvec_push_dup(&diags->files, fname) < 0)
		return -ENOMEM;
	st.file = diags->files.items[diags->files.n - 1];
	st.stack[0] = cnode_new("", &st, 0);
	if (!st.stack[0])
		return -ENOMEM;
	st.stack[0]->section = true;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		struct tokvec toks = {0};

		if (!eol)
			eol = end;
		line++;
		rc = tokenize(&st, line, p, eol, &toks);
		if (rc == 0)
			rc = process_line(&st, &toks, line);
		tokvec_free(&toks);
		if (rc < 0)
			goto fail;
		p = eol + 1;
	}
	drop_pending(&st);
	for (; st.depth > 0; st.depth--)
		diags_add(diags, DIAG_ERROR, st.file, st.stack[st.depth]->line,
			  "section '%s' is not closed", st.stack[st.depth]->key);
	*root = st.stack[0];
	return 0;
fail:
	cnode_free(st.pending);
	cnode_free(st.stack[0]);
	return -ENOMEM;
}

int conf_parse_file(const char *path, struct diags *diags, struct cnode **root)
{
	STRBUF_AUTO(sb);
	struct stat stbuf;
	int fd, rc;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (fstat(fd, &stbuf) == 0 && !S_ISREG(stbuf.st_mode))
		rc = -EINVAL;
	else
		rc = fd_read_all(fd, &sb, MAX_FILE_SIZE);
	close(fd);
	if (rc < 0)
		return rc;
	return conf_parse_text(strbuf_str(&sb), sb.len, path, diags, root);
}
