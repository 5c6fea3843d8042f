// SPDX-License-Identifier: GPL-2.0-or-later
/* The bindings file of user_friendly_names (format and rules in alias.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alias.h"
#include "structs.h"
#include "util/fileio.h"
#include "util/log.h"
#include "util/strbuf.h"

enum { SUFFIX_MAX_LETTERS = 13 }; /* 26^13 < 2^63 */

static const char bindings_header[] =
    "# user_friendly_names bindings: \"ALIAS WWID\", one per line.\n"
    "# Written by multipath and multipathd; edit only while neither runs.\n"
    "#\n";

static const char blanks[] = " \t\r\v\f";

struct binding {
	const char *alias; /* first word, into the file text */
	const char *wwid;  /* second word, NULL when the line is malformed */
	unsigned line;
	bool valid;
};
VECTOR_DEFINE(bindingvec, struct binding)
VECTOR_DEFINE(u64vec, uint64_t)

struct bindings {
	struct strbuf text; /* the file, split into words in place */
	struct bindingvec v;
	const char *file;     /* for the log */
	bool ends_in_newline; /* or is empty */
};

static void bindings_release(struct bindings *b)
{
	strbuf_release(&b->text);
	bindingvec_release(&b->v);
}

int alias_suffix_format(uint64_t n, char *buf, size_t size)
{
	char tmp[SUFFIX_MAX_LETTERS + 2];
	size_t len = 0;

	if (n == 0)
		return -EINVAL;
	for (; n; n = (n - 1) / 26)
		tmp[len++] = (char)('a' + (n - 1) % 26);
	if (len >= size)
		return -ERANGE;
	for (size_t i = 0; i < len; i++)
		buf[i] = tmp[len - 1 - i];
	buf[len] = '\0';
	return (int)len;
}

int alias_suffix_parse(const char *s, uint64_t *n)
{
	uint64_t v = 0;
	size_t len = 0;

	for (; s[len]; len++)
		if (s[len] < 'a' || s[len] > 'z')
			return -EINVAL;
	if (len == 0)
		return -EINVAL;
	if (len > SUFFIX_MAX_LETTERS)
		return -ERANGE;
	for (size_t i = 0; i < len; i++)
		v = v * 26 + (uint64_t)(s[i] - 'a' + 1);
	*n = v;
	return 0;
}

/* The suffix index of alias under prefix: 1 with *n, 0 when alias does not
 * begin with prefix, -EINVAL when it does but the rest is no suffix,
 * -ERANGE for a suffix too long to count. */
static int prefix_index(const char *alias, const char *prefix, uint64_t *n)
{
	size_t plen = strlen(prefix);
	int rc;

	if (strncmp(alias, prefix, plen))
		return 0;
	rc = alias_suffix_parse(alias + plen, n);
	return rc < 0 ? rc : 1;
}

static void log_corrupt(const struct bindings *b, const struct binding *e, const char *why)
{
	mp_log(3, "%s:%u: bindings line skipped: %s", b->file, e->line, why);
}

/* Cut the next blank-separated word out of *s (NUL-terminating it in
 * place); NULL at the end of the line. */
static char *next_word(char **s)
{
	char *w = *s + strspn(*s, blanks);
	size_t n = strcspn(w, blanks);

	if (n == 0)
		return NULL;
	*s = w[n] ? w + n + 1 : w + n;
	w[n] = '\0';
	return w;
}

/* Split the text into lines and words; mark malformed lines invalid. */
static int bindings_split(struct bindings *b, const char *prefix)
{
	char *line = b->text.buf, *next, *w;
	unsigned lineno = 0;
	uint64_t n;

	for (; line; line = next) {
		struct binding e = {.line = ++lineno};
		int nwords = 0;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		line[strcspn(line, "#")] = '\0';
		while (nwords < 3 && (w = next_word(&line))) {
			if (nwords == 0)
				e.alias = w;
			else if (nwords == 1)
				e.wwid = w;
			nwords++;
		}
		if (nwords == 0)
			continue;
		if (nwords != 2)
			e.wwid = NULL;
		if (!e.wwid)
			log_corrupt(b, &e, "not \"ALIAS WWID\"");
		else if (strlen(e.alias) >= WWID_SIZE || strlen(e.wwid) >= WWID_SIZE)
			log_corrupt(b, &e, "alias or wwid too long");
		else if (prefix_index(e.alias, prefix, &n) == -EINVAL)
			log_corrupt(b, &e, "alias has the prefix but no a-z suffix");
		else
			e.valid = true;
		if (bindingvec_push(&b->v, e) < 0)
			return -ENOMEM;
	}
	return 0;
}

static const char *key_alias(const struct binding *e)
{
	return e->alias;
}

static const char *key_wwid(const struct binding *e)
{
	return e->wwid;
}

static int cmp_line(const struct binding *x, const struct binding *y)
{
	return (x->line > y->line) - (x->line < y->line);
}

static int cmp_alias(const void *a, const void *b)
{
	const struct binding *x = *(struct binding *const *)a, *y = *(struct binding *const *)b;
	int c = strcmp(x->alias, y->alias);

	return c ? c : cmp_line(x, y);
}

static int cmp_wwid(const void *a, const void *b)
{
	const struct binding *x = *(struct binding *const *)a, *y = *(struct binding *const *)b;
	int c = strcmp(x->wwid, y->wwid);

	return c ? c : cmp_line(x, y);
}

/* Among valid lines, invalidate every line whose key an earlier valid line
 * has: sort by key, then line; all but the first of a run lose. */
static int bindings_dedup(struct bindings *b, int (*cmp)(const void *, const void *),
			  const char *(*key)(const struct binding *), const char *why)
{
	struct binding **ord = malloc((b->v.n + 1) * sizeof(*ord));
	size_t n = 0;

	if (!ord)
		return -ENOMEM;
	for (size_t i = 0; i < b->v.n; i++)
		if (b->v.items[i].valid)
			ord[n++] = &b->v.items[i];
	if (n)
		qsort(ord, n, sizeof(*ord), cmp);
	for (size_t i = 1, first = 0; i < n; i++) {
		if (strcmp(key(ord[first]), key(ord[i]))) {
			first = i;
			continue;
		}
		ord[i]->valid = false;
		log_corrupt(b, ord[i], why);
	}
	free(ord);
	return 0;
}

/* Read and classify the bindings of fd under prefix. */
static int bindings_load(struct bindings *b, int fd, const char *prefix)
{
	int rc = fd_read_all(fd, &b->text, 0);

	if (rc < 0 || !b->text.buf)
		return rc;
	b->ends_in_newline = b->text.len == 0 || b->text.buf[b->text.len - 1] == '\n';
	/* a NUL byte would hide the rest of the file: treat it as a newline */
	for (size_t i = 0; i < b->text.len; i++)
		if (b->text.buf[i] == '\0')
			b->text.buf[i] = '\n';
	rc = bindings_split(b, prefix);
	if (rc == 0)
		rc = bindings_dedup(b, cmp_alias, key_alias, "alias bound earlier");
	if (rc == 0)
		rc = bindings_dedup(b, cmp_wwid, key_wwid, "wwid bound earlier");
	return rc;
}

static const struct binding *find_by_wwid(const struct bindings *b, const char *wwid)
{
	for (size_t i = 0; i < b->v.n; i++)
		if (b->v.items[i].valid && !strcmp(b->v.items[i].wwid, wwid))
			return &b->v.items[i];
	return NULL;
}

static const struct binding *find_by_alias(const struct bindings *b, const char *alias)
{
	for (size_t i = 0; i < b->v.n; i++)
		if (b->v.items[i].valid && !strcmp(b->v.items[i].alias, alias))
			return &b->v.items[i];
	return NULL;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/* The lowest suffix index no line of the file uses with prefix. */
static int lowest_free(const struct bindings *b, const char *prefix, uint64_t *out)
{
	struct u64vec used = {0};
	uint64_t n, free_n = 1;

	for (size_t i = 0; i < b->v.n; i++) {
		if (prefix_index(b->v.items[i].alias, prefix, &n) != 1)
			continue;
		if (u64vec_push(&used, n) < 0) {
			u64vec_release(&used);
			return -ENOMEM;
		}
	}
	if (used.n)
		qsort(used.items, used.n, sizeof(uint64_t), cmp_u64);
	for (size_t i = 0; i < used.n && used.items[i] <= free_n; i++)
		if (used.items[i] == free_n)
			free_n++;
	u64vec_release(&used);
	*out = free_n;
	return 0;
}

static int copy_out(const char *s, char *buf, size_t size)
{
	size_t len = strlen(s);

	if (len >= size)
		return -ERANGE;
	memcpy(buf, s, len + 1);
	return 0;
}

/* 0 when s is a non-empty word usable in the file. */
static int word_check(const char *s)
{
	if (!s || !*s || s[strcspn(s, " \t\r\v\f\n#/")])
		return -EINVAL;
	return 0;
}

static bool is_perm_error(int err)
{
	return err == -EACCES || err == -EPERM || err == -EROFS;
}

/*
 * Open file and lock it: for writing (LOCK_EX) when create and possible,
 * else for reading (LOCK_SH), so that existing bindings are still found on
 * a read-only file system. *write_err is 0 when writable, else why not.
 * Returns the fd or -errno.
 */
static int bindings_open(const char *file, bool create, int *write_err)
{
	int fd = -1, err = -EBADF, lock = LOCK_EX;

	if (create) {
		int dir_err = mkdir_parents(file);

		fd = open(file, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
		if (fd < 0)
			err = errno == ENOENT && dir_err ? dir_err : -errno;
		else
			err = 0;
		if (fd < 0 && !is_perm_error(err))
			return err;
	}
	if (fd < 0) {
		fd = open(file, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			return create ? err : -errno;
		lock = LOCK_SH;
	}
	while (flock(fd, lock) < 0) {
		if (errno != EINTR) {
			int rc = -errno;

			close(fd);
			return rc;
		}
	}
	*write_err = err;
	return fd;
}

/* Append "alias wwid" (after the header for an empty file); on failure
 * the file is cut back to its previous size. */
static int bindings_append(int fd, const struct bindings *b, const char *alias, const char *wwid)
{
	STRBUF_AUTO(add);
	int rc = 0;

	if (b->text.len == 0)
		rc = strbuf_addstr(&add, bindings_header);
	else if (!b->ends_in_newline)
		rc = strbuf_addch(&add, '\n');
	if (rc >= 0)
		rc = strbuf_addf(&add, "%s %s\n", alias, wwid);
	if (rc < 0)
		return rc;
	rc = fd_write_all(fd, add.buf, add.len);
	if (rc == 0 && fsync(fd) < 0)
		rc = -errno;
	if (rc < 0 && ftruncate(fd, (off_t)b->text.len) < 0)
		mp_log(3, "bindings: cannot cut back a partial line: %s", strerror(errno));
	return rc;
}

/* Bind wwid to the lowest free alias and append it; fills alias. */
static int bindings_add(int fd, const struct bindings *b, const char *wwid, const char *prefix,
			char *alias, size_t size)
{
	char name[WWID_SIZE];
	size_t plen = strlen(prefix);
	uint64_t n;
	int rc;

	rc = lowest_free(b, prefix, &n);
	if (rc < 0)
		return rc;
	if (plen >= sizeof(name) || alias_suffix_format(n, name + plen, sizeof(name) - plen) < 0)
		return -ENOSPC;
	memcpy(name, prefix, plen);
	if (strlen(name) >= size)
		return -ERANGE;
	rc = bindings_append(fd, b, name, wwid);
	if (rc < 0)
		return rc;
	mp_log(3, "%s: bound %s to %s", b->file, wwid, name);
	return copy_out(name, alias, size);
}

int alias_get_user_friendly(const char *file, const char *wwid, const char *prefix, bool create,
			    char *alias, size_t size)
{
	struct bindings b = {.text = STRBUF_INIT};
	const struct binding *e;
	int fd, write_err, rc;

	file = file ? file : ALIAS_BINDINGS_FILE;
	prefix = prefix ? prefix : ALIAS_DEFAULT_PREFIX;
	if (word_check(wwid) < 0 || strlen(wwid) >= WWID_SIZE || word_check(prefix) < 0)
		return -EINVAL;
	fd = bindings_open(file, create, &write_err);
	if (fd < 0)
		return fd;
	b.file = file;
	rc = bindings_load(&b, fd, prefix);
	if (rc < 0)
		goto out;
	e = find_by_wwid(&b, wwid);
	if (e)
		rc = copy_out(e->alias, alias, size);
	else if (!create)
		rc = -ENOENT;
	else if (write_err)
		rc = write_err;
	else
		rc = bindings_add(fd, &b, wwid, prefix, alias, size);
out:
	bindings_release(&b);
	close(fd); /* releases the lock */
	return rc;
}

int alias_find_wwid(const char *file, const char *alias, char *wwid, size_t size)
{
	struct bindings b = {.text = STRBUF_INIT};
	const struct binding *e;
	int fd, write_err, rc;

	file = file ? file : ALIAS_BINDINGS_FILE;
	if (!alias || !*alias)
		return -EINVAL;
	fd = bindings_open(file, false, &write_err);
	if (fd < 0)
		return fd;
	b.file = file;
	rc = bindings_load(&b, fd, ALIAS_DEFAULT_PREFIX);
	if (rc == 0) {
		e = find_by_alias(&b, alias);
		rc = e ? copy_out(e->wwid, wwid, size) : -ENOENT;
	}
	bindings_release(&b);
	close(fd);
	return rc;
}
