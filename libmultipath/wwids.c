// SPDX-License-Identifier: GPL-2.0-or-later
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "blacklist.h"
#include "util/fileio.h"
#include "util/log.h"
#include "util/strbuf.h"
#include "wwids.h"

static const char wwids_header[] =
    "# dm-multipath WWIDs: LUNs that multipath has made maps for.\n"
    "# Written by multipath and multipathd (find_multipaths uses it);\n"
    "# one \"/WWID/\" per line.\n"
    "#\n";

static int wwid_validate(const char *wwid)
{
	size_t len;

	if (!wwid)
		return -EINVAL;
	len = strlen(wwid);
	if (len == 0 || len >= WWID_SIZE)
		return -EINVAL;
	for (size_t i = 0; i < len; i++)
		if (iscntrl((unsigned char)wwid[i]))
			return -EINVAL;
	return 0;
}

/*
 * The WWID of one line (not NUL-terminated: *len bytes), or NULL for a
 * comment, a blank or a corrupt line. line ends before '\n'.
 */
static const char *line_wwid(const char *line, size_t linelen, size_t *len)
{
	while (linelen && isspace((unsigned char)line[linelen - 1]))
		linelen--;
	while (linelen && isspace((unsigned char)*line)) {
		line++;
		linelen--;
	}
	if (linelen < 3 || line[0] != '/' || line[linelen - 1] != '/')
		return NULL;
	*len = linelen - 2;
	return line + 1;
}

static bool line_is_entry(const char *line, size_t linelen, const char *wwid)
{
	size_t len;
	const char *w = line_wwid(line, linelen, &len);

	return w && len == strlen(wwid) && !memcmp(w, wwid, len);
}

/* Call fn for each line of text (without its '\n'); stops when fn returns
 * non-zero and returns that. */
static int for_each_line(const char *text, size_t size,
			 int (*fn)(const char *line, size_t len, void *arg), void *arg)
{
	size_t pos = 0;

	while (pos < size) {
		const char *nl = memchr(text + pos, '\n', size - pos);
		size_t len = nl ? (size_t)(nl - (text + pos)) : size - pos;
		int rc = fn(text + pos, len, arg);

		if (rc)
			return rc;
		pos += len + 1;
	}
	return 0;
}

/* The whole file, whatever fd's offset. */
static int read_whole(int fd, struct strbuf *sb)
{
	if (lseek(fd, 0, SEEK_SET) < 0)
		return -errno;
	return fd_read_all(fd, sb, 0);
}

static int contains_cb(const char *line, size_t len, void *arg)
{
	return line_is_entry(line, len, arg);
}

/* The whole file under a shared lock into text ("" when it does not exist). */
static int read_shared(const char *file, struct strbuf *text)
{
	int fd = file_open_locked(file, LOCK_SH, false, 0644), rc;

	if (fd == -ENOENT)
		return 0;
	if (fd < 0)
		return fd;
	rc = read_whole(fd, text);
	close(fd);
	return rc;
}

int wwids_check(const char *file, const char *wwid)
{
	STRBUF_AUTO(text);
	int rc;

	if (!file || wwid_validate(wwid) < 0)
		return -EINVAL;
	rc = read_shared(file, &text);
	if (rc < 0)
		return rc;
	return for_each_line(strbuf_str(&text), text.len, contains_cb, (void *)wwid);
}

int wwids_add(const char *file, const char *wwid)
{
	STRBUF_AUTO(text);
	STRBUF_AUTO(add);
	off_t size;
	int fd, rc;

	if (!file || wwid_validate(wwid) < 0)
		return -EINVAL;
	fd = file_open_locked(file, LOCK_EX, true, 0644);
	if (fd < 0)
		return fd;
	rc = read_whole(fd, &text);
	if (rc < 0 || for_each_line(strbuf_str(&text), text.len, contains_cb, (void *)wwid))
		goto out;
	size = (off_t)text.len;
	if (size == 0)
		rc = strbuf_addstr(&add, wwids_header);
	else if (text.buf[text.len - 1] != '\n')
		rc = strbuf_addch(&add, '\n'); /* finish a cut last line */
	if (rc >= 0)
		rc = strbuf_addf(&add, "/%s/\n", wwid);
	if (rc < 0)
		goto out;
	if (lseek(fd, size, SEEK_SET) < 0) {
		rc = -errno;
		goto out;
	}
	rc = fd_write_all(fd, add.buf, add.len);
	if (rc == 0 && fdatasync(fd) < 0)
		rc = -errno;
	if (rc < 0 && ftruncate(fd, size) < 0)
		mp_log(3, "%s: cannot undo a failed append: %m", file);
	if (rc == 0)
		mp_log(3, "wwid %s added to %s", wwid, file);
out:
	close(fd);
	return rc < 0 ? rc : 0;
}

/* Replace file (held by fd, locked) with text, keeping its mode. */
static int replace_file(const char *file, int fd, const struct strbuf *text)
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		return -errno;
	return file_replace(file, st.st_mode, strbuf_str(text), text->len);
}

struct filter {
	const char *wwid;
	struct strbuf *out;
	int removed;
};

static int filter_cb(const char *line, size_t len, void *arg)
{
	struct filter *f = arg;

	if (line_is_entry(line, len, f->wwid)) {
		f->removed++;
		return 0;
	}
	if (strbuf_add(f->out, line, len) < 0 || strbuf_addch(f->out, '\n') < 0)
		return -ENOMEM;
	return 0;
}

int wwids_remove(const char *file, const char *wwid)
{
	STRBUF_AUTO(text);
	STRBUF_AUTO(kept);
	struct filter f = {wwid, &kept, 0};
	int fd, rc;

	if (!file || wwid_validate(wwid) < 0)
		return -EINVAL;
	fd = file_open_locked(file, LOCK_EX, false, 0644);
	if (fd == -ENOENT)
		return 0;
	if (fd < 0)
		return fd;
	rc = read_whole(fd, &text);
	if (rc == 0)
		rc = for_each_line(strbuf_str(&text), text.len, filter_cb, &f);
	if (rc == 0 && f.removed)
		rc = replace_file(file, fd, &kept);
	close(fd);
	if (rc == 0 && f.removed)
		mp_log(3, "wwid %s removed from %s", wwid, file);
	return rc < 0 ? rc : f.removed;
}

int wwids_reset(const char *file, const char *const *wwids, size_t n)
{
	STRBUF_AUTO(text);
	int fd, rc = 0;

	if (!file)
		return -EINVAL;
	for (size_t i = 0; i < n; i++)
		if (wwid_validate(wwids[i]) < 0)
			return -EINVAL;
	if (strbuf_addstr(&text, wwids_header) < 0)
		return -ENOMEM;
	for (size_t i = 0; i < n && rc >= 0; i++) {
		bool dup = false;

		for (size_t j = 0; j < i && !dup; j++)
			dup = !strcmp(wwids[i], wwids[j]);
		if (!dup)
			rc = strbuf_addf(&text, "/%s/\n", wwids[i]);
	}
	if (rc < 0)
		return rc;
	fd = file_open_locked(file, LOCK_EX, true, 0644);
	if (fd < 0)
		return fd;
	rc = replace_file(file, fd, &text);
	close(fd);
	return rc;
}

/* Another usable path of pv with pp's WWID? */
static bool has_sibling(const struct config *conf, const struct pathvec *pv, const struct path *pp)
{
	if (!pv)
		return false;
	for (size_t i = 0; i < pv->n; i++) {
		const struct path *o = pv->items[i];

		if (o == pp || strcmp(o->wwid, pp->wwid) || (o->dev[0] && !strcmp(o->dev, pp->dev)))
			continue;
		if (blacklist_path(conf, o, NULL, NULL) != MATCH_BLACKLIST)
			return true;
	}
	return false;
}

static int load_cb(const char *line, size_t len, void *arg)
{
	struct strvec *out = arg;
	size_t wlen;
	const char *w = line_wwid(line, len, &wlen);
	char *copy;

	if (!w)
		return 0;
	copy = strndup(w, wlen);
	if (!copy || strvec_push(out, copy) < 0) {
		free(copy);
		return -ENOMEM;
	}
	return 0;
}

int wwids_load(const char *file, struct strvec *out)
{
	STRBUF_AUTO(text);
	size_t first = out->n;
	int rc;

	if (!file)
		return -EINVAL;
	rc = read_shared(file, &text);
	if (rc == 0)
		rc = for_each_line(strbuf_str(&text), text.len, load_cb, out);
	if (rc < 0) {
		while (out->n > first)
			free(out->items[--out->n]);
		return rc;
	}
	return (int)(out->n - first);
}

static bool known_wwid(const struct strvec *known, const char *wwid)
{
	for (size_t i = 0; known && i < known->n; i++)
		if (!strcmp(known->items[i], wwid))
			return true;
	return false;
}

bool wwids_path_wanted(const struct config *conf, const struct pathvec *pv,
		       const struct path *pp, const struct strvec *known)
{
	int mode = conf->defaults.find_multipaths;

	if (!pp->wwid[0] || blacklist_path(conf, pp, NULL, NULL) == MATCH_BLACKLIST)
		return false;
	if (mode == FIND_MP_OFF || mode == FIND_MP_GREEDY || !known)
		return true;
	if (config_find_mpentry(conf, pp->wwid) || known_wwid(known, pp->wwid))
		return true;
	if (mode == FIND_MP_ON || mode == FIND_MP_SMART)
		return has_sibling(conf, pv, pp);
	return false;
}

const char *wwids_file_of(const struct config *conf)
{
	return conf->defaults.wwids_file ? conf->defaults.wwids_file : WWIDS_DEFAULT_FILE;
}

bool wwids_should_multipath(const struct config *conf, const struct pathvec *pv,
			    const struct path *pp)
{
	const char *file = wwids_file_of(conf);
	struct strvec known = {0};
	bool wanted;
	int rc = 0;

	/* the file is read only when it may decide */
	if (pp->wwid[0] && conf->defaults.find_multipaths != FIND_MP_OFF &&
	    conf->defaults.find_multipaths != FIND_MP_GREEDY)
		rc = wwids_check(file, pp->wwid);
	if (rc < 0)
		mp_log(3, "%s: cannot read %s: %s", pp->dev, file, errno_desc(-rc));
	if (rc == 1 && strvec_push_dup(&known, pp->wwid) < 0)
		return false;
	wanted = wwids_path_wanted(conf, pv, pp, &known);
	strvec_free_all(&known);
	return wanted;
}

int wwids_smart_timeout(const struct config *conf, const struct path *pp)
{
	const struct hwentry *hwe;
	int t = conf->defaults.find_multipaths_timeout;

	if (t == 0)
		t = -10;
	if (t > 0)
		return t;
	if (config_find_hwentries(conf, pp->vendor, pp->product, pp->rev, &hwe, 1) > 0)
		return -t;
	return 1;
}

int wwids_smart_wait(const char *dir, const char *devt, int timeout_s, double *left)
{
	char file[PATH_MAX];
	struct timespec now, times[2];
	struct stat st;
	double l;
	int fd;

	if (!devt[0] || strchr(devt, '/') ||
	    snprintf(file, sizeof(file), "%s/%s", dir, devt) >= (int)sizeof(file))
		return -EINVAL;
	clock_gettime(CLOCK_REALTIME, &now);
	fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0 && errno == ENOENT && mkdir_parents(file) == 0)
		fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd >= 0) {
		/* the first look: the wait ends timeout_s from now */
		times[0] = now;
		times[1] = now;
		times[1].tv_sec += timeout_s;
		if (futimens(fd, times) < 0) {
			int err = errno;

			close(fd);
			unlink(file);
			return -err;
		}
		close(fd);
	} else if (errno != EEXIST) {
		return -errno;
	}
	if (stat(file, &st) < 0)
		return -errno;
	l = (double)(st.st_mtim.tv_sec - now.tv_sec) +
	    (double)(st.st_mtim.tv_nsec - now.tv_nsec) / 1e9;
	/* less than a second left counts as over: the timer of the udev
	 * rules may end the wait up to half a second early, and a path still
	 * waiting then would stay claimed with no timer left to end it */
	*left = l >= 1.0 ? l : 0;
	return 0;
}
