// SPDX-License-Identifier: GPL-2.0-or-later
/* The bindings file of user_friendly_names (format and rules in alias.h). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
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

/* The lowest suffix index that no line of the file and no name in in_use
 * (may be NULL) uses with prefix. */
static int lowest_free(const struct bindings *b, const char *prefix, const struct strvec *in_use,
		       uint64_t *out)
{
	size_t n_in_use = in_use ? in_use->n : 0;
	struct u64vec used = {0};
	uint64_t n, free_n = 1;

	for (size_t i = 0; i < b->v.n + n_in_use; i++) {
		const char *name =
		    i < b->v.n ? b->v.items[i].alias : in_use->items[i - b->v.n];

		if (prefix_index(name, prefix, &n) != 1)
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

/* Does fd (locked) still hold the file the path names? */
static bool same_file(int fd, const char *file)
{
	struct stat held, named;

	return fstat(fd, &held) == 0 && stat(file, &named) == 0 && held.st_dev == named.st_dev &&
	       held.st_ino == named.st_ino;
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
	if (!same_file(fd, file)) {
		/* a repair renamed a new file over it while we waited */
		close(fd);
		return -EAGAIN;
	}
	*write_err = err;
	return fd;
}

/* bindings_open(), again while a repair replaced the file under us. */
static int bindings_open_current(const char *file, bool create, int *write_err)
{
	int fd;

	do
		fd = bindings_open(file, create, write_err);
	while (fd == -EAGAIN);
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
		mp_log(3, "bindings: cannot cut back a partial line: %s", errno_desc(errno));
	return rc;
}

/* Bind wwid to the lowest free alias and append it; fills alias. */
static int bindings_add(int fd, const struct bindings *b, const char *wwid, const char *prefix,
			const struct strvec *in_use, char *alias, size_t size)
{
	char name[WWID_SIZE];
	size_t plen = strlen(prefix);
	uint64_t n;
	int rc;

	rc = lowest_free(b, prefix, in_use, &n);
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

/* Is the line "alias wwid" (words as the file has them) one a repair
 * binding wwid to alias drops: another binding of either? */
static bool line_conflicts(const char *line, size_t len, const char *alias, const char *wwid)
{
	char buf[2 * WWID_SIZE + 8], *p = buf, *w1, *w2;

	if (len >= sizeof(buf))
		return false; /* too long to be a valid binding: kept as it is */
	memcpy(buf, line, len);
	buf[len] = '\0';
	buf[strcspn(buf, "#")] = '\0';
	w1 = next_word(&p);
	w2 = w1 ? next_word(&p) : NULL;
	return w2 && !next_word(&p) && (!strcmp(w1, alias) || !strcmp(w2, wwid));
}

/*
 * Rewrite the file (held by fd, locked) so that alias is bound to wwid:
 * lines binding wwid to another alias or alias to another wwid go, the rest
 * stays; into a temporary file renamed over it, so that a reader sees the
 * old file or the new one.
 */
static int bindings_repair(int fd, const char *file, const char *alias, const char *wwid)
{
	STRBUF_AUTO(old);
	STRBUF_AUTO(text);
	struct stat st;
	int rc;

	if (lseek(fd, 0, SEEK_SET) < 0 || fstat(fd, &st) < 0)
		return -errno;
	rc = fd_read_all(fd, &old, 0);
	for (size_t pos = 0; rc == 0 && pos < old.len;) {
		const char *line = old.buf + pos;
		size_t len = strcspn(line, "\n");

		if (!line_conflicts(line, len, alias, wwid) &&
		    (strbuf_add(&text, line, len) < 0 || strbuf_addch(&text, '\n') < 0))
			rc = -ENOMEM;
		pos += len + 1;
	}
	if (rc == 0 && text.len == 0)
		rc = strbuf_addstr(&text, bindings_header);
	if (rc >= 0)
		rc = strbuf_addf(&text, "%s %s\n", alias, wwid);
	if (rc < 0)
		return rc;
	rc = file_replace(file, st.st_mode, text.buf, text.len);
	if (rc == 0)
		mp_log(3, "%s: repaired: %s bound to %s", file, wwid, alias);
	return rc;
}

/* wwid's binding names a map of another WWID: bind it anew to the lowest
 * free name, replacing the stale line. */
static int rebind(int fd, const struct bindings *b, const char *wwid, const char *prefix,
		  const struct strvec *in_use, char *alias, size_t size)
{
	char name[WWID_SIZE];
	size_t plen = strlen(prefix);
	uint64_t n;
	int rc = lowest_free(b, prefix, in_use, &n);

	if (rc < 0)
		return rc;
	if (plen >= sizeof(name) || alias_suffix_format(n, name + plen, sizeof(name) - plen) < 0)
		return -ENOSPC;
	memcpy(name, prefix, plen);
	if (strlen(name) >= size)
		return -ERANGE;
	rc = bindings_repair(fd, b->file, name, wwid);
	return rc < 0 ? rc : copy_out(name, alias, size);
}

static bool in_list(const struct strvec *v, const char *s)
{
	for (size_t i = 0; v && i < v->n; i++)
		if (!strcmp(v->items[i], s))
			return true;
	return false;
}

/* The decision of alias_select() on the loaded file (see alias.h). */
static int select_locked(int fd, int write_err, const struct bindings *b, const char *wwid,
			 const char *prefix, const struct alias_hints *h, bool create,
			 char *alias, size_t size)
{
	const char *cur = h && h->current && *h->current ? h->current : NULL;
	const struct strvec *in_use = h ? h->in_use : NULL;
	const struct binding *e = find_by_wwid(b, wwid);
	uint64_t n;

	if (cur && prefix_index(cur, prefix, &n) == 1) {
		const struct binding *holder = find_by_alias(b, cur);

		/* the live name wins; a file that disagrees is repaired */
		if (create && !write_err && (holder != e || !e) &&
		    bindings_repair(fd, b->file, cur, wwid) < 0)
			mp_log(3, "%s: cannot repair the binding of %s", b->file, wwid);
		return copy_out(cur, alias, size);
	}
	if (e && (!in_list(in_use, e->alias) || (cur && !strcmp(cur, e->alias))))
		return copy_out(e->alias, alias, size);
	if (e) {
		/* a bound name another live map holds is not taken from it */
		if (cur)
			return copy_out(cur, alias, size);
		if (!create || write_err)
			return -EEXIST;
		return rebind(fd, b, wwid, prefix, in_use, alias, size);
	}
	if (!create)
		return -ENOENT;
	if (write_err)
		return write_err;
	return bindings_add(fd, b, wwid, prefix, in_use, alias, size);
}

int alias_select(const char *file, const char *wwid, const char *prefix,
		 const struct alias_hints *hints, bool create, char *alias, size_t size)
{
	struct bindings b = {.text = STRBUF_INIT};
	int fd, write_err, rc;

	file = file ? file : ALIAS_BINDINGS_FILE;
	prefix = prefix ? prefix : ALIAS_DEFAULT_PREFIX;
	if (word_check(wwid) < 0 || strlen(wwid) >= WWID_SIZE || word_check(prefix) < 0)
		return -EINVAL;
	fd = bindings_open_current(file, create, &write_err);
	if (fd < 0 && (fd != -ENOENT || create))
		return fd;
	b.file = file;
	/* no file and nothing to write: as an empty one */
	rc = fd < 0 ? 0 : bindings_load(&b, fd, prefix);
	if (rc == 0)
		rc = select_locked(fd, fd < 0 ? fd : write_err, &b, wwid, prefix, hints, create,
				   alias, size);
	bindings_release(&b);
	if (fd >= 0)
		close(fd); /* releases the lock */
	return rc;
}

int alias_get_user_friendly(const char *file, const char *wwid, const char *prefix, bool create,
			    char *alias, size_t size)
{
	return alias_select(file, wwid, prefix, NULL, create, alias, size);
}

int alias_find_wwid(const char *file, const char *alias, char *wwid, size_t size)
{
	struct bindings b = {.text = STRBUF_INIT};
	const struct binding *e;
	int fd, write_err, rc;

	file = file ? file : ALIAS_BINDINGS_FILE;
	if (!alias || !*alias)
		return -EINVAL;
	fd = bindings_open_current(file, false, &write_err);
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
