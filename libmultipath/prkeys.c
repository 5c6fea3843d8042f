// SPDX-License-Identifier: GPL-2.0-or-later
/* Reservation keys: their syntax and the prkeys file (see prkeys.h). */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "prkeys.h"
#include "structs.h"
#include "util/fileio.h"
#include "util/log.h"
#include "util/strbuf.h"

/* The header multipath-tools 0.9.4 writes (observed), kept byte for byte
 * so that a file made by either looks the same. */
static const char prkeys_header[] =
    "# Multipath persistent reservation keys, Version : 1.0\n"
    "# NOTE: this file is automatically maintained by the multipathd program.\n"
    "# You should not need to edit this file in normal circumstances.\n"
    "#\n"
    "# Format:\n"
    "# prkey wwid\n"
    "#\n";

static const char hexdigits[] = "0123456789abcdefABCDEF";

/* The digits part of a key ("0x" skipped as the syntax says), its length
 * through *len, or NULL. s is not NUL-terminated: n bytes. */
static const char *key_digits(const char *s, size_t n, size_t *len)
{
	if (n && s[0] == '0') {
		s++;
		n--;
	}
	if (n && (s[0] == 'x' || s[0] == 'X')) {
		s++;
		n--;
	}
	if (n == 0 || n > 16)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (!memchr(hexdigits, s[i], sizeof(hexdigits) - 1))
			return NULL;
	*len = n;
	return s;
}

static uint64_t hex_value(const char *s, size_t n)
{
	uint64_t v = 0;

	for (size_t i = 0; i < n; i++) {
		int c = tolower((unsigned char)s[i]);

		v = v << 4 | (uint64_t)(c <= '9' ? c - '0' : c - 'a' + 10);
	}
	return v;
}

int prkey_parse(const char *s, struct prkey *out)
{
	const char *colon, *d;
	size_t n, len;

	if (!s)
		return -EINVAL;
	colon = strchr(s, ':');
	if (colon && strcmp(colon, ":aptpl"))
		return -EINVAL;
	n = colon ? (size_t)(colon - s) : strlen(s);
	d = key_digits(s, n, &len);
	if (!d)
		return -EINVAL;
	out->key = hex_value(d, len);
	out->aptpl = colon != NULL;
	return 0;
}

const char *prkey_format(const struct prkey *k, char *buf, size_t size)
{
	if (!k->key)
		snprintf(buf, size, "none");
	else
		snprintf(buf, size, "0x%" PRIx64 "%s", k->key, k->aptpl ? ":aptpl" : "");
	return buf;
}

static int wwid_check(const char *wwid)
{
	size_t len = wwid ? strlen(wwid) : 0;

	if (len == 0 || len >= WWID_SIZE)
		return -EINVAL;
	for (size_t i = 0; i < len; i++)
		if (iscntrl((unsigned char)wwid[i]) || isspace((unsigned char)wwid[i]))
			return -EINVAL;
	return 0;
}

/*
 * Parse one line (len bytes, no '\n'): its key and where its WWID is.
 * Returns 0, or -EINVAL for a comment, a blank or a line that does not
 * parse. In the file "0X" marks APTPL.
 */
static int line_parse(const char *line, size_t len, struct prkey *k, const char **wwid,
		      size_t *wlen)
{
	const char *end = line + len, *sp, *d, *w;
	size_t klen, dlen;

	while (line < end && isblank((unsigned char)*line))
		line++;
	while (end > line && isspace((unsigned char)end[-1]))
		end--;
	if (line == end || *line == '#')
		return -EINVAL;
	for (sp = line; sp < end && !isblank((unsigned char)*sp); sp++)
		;
	klen = (size_t)(sp - line);
	for (w = sp; w < end && isblank((unsigned char)*w); w++)
		;
	if (w == end || w == sp)
		return -EINVAL;
	d = key_digits(line, klen, &dlen);
	if (!d)
		return -EINVAL;
	k->key = hex_value(d, dlen);
	k->aptpl = klen > 1 && line[0] == '0' && line[1] == 'X';
	*wwid = w;
	*wlen = (size_t)(end - w);
	return 0;
}

static bool line_is(const char *line, size_t len, const char *wwid, struct prkey *k)
{
	const char *w;
	size_t wlen;

	return line_parse(line, len, k, &w, &wlen) == 0 && wlen == strlen(wwid) &&
	       !memcmp(w, wwid, wlen);
}

static int read_whole(int fd, struct strbuf *sb)
{
	if (lseek(fd, 0, SEEK_SET) < 0)
		return -errno;
	return fd_read_all(fd, sb, 0);
}

int prkeys_file_get(const char *file, const char *wwid, struct prkey *out)
{
	STRBUF_AUTO(text);
	const char *p, *end;
	int fd, rc;

	if (!file || wwid_check(wwid) < 0)
		return -EINVAL;
	fd = file_open_locked(file, LOCK_SH, false, 0600);
	if (fd < 0)
		return fd;
	rc = read_whole(fd, &text);
	close(fd);
	if (rc < 0)
		return rc;
	p = strbuf_str(&text);
	end = p + text.len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
		struct prkey k;

		if (line_is(p, len, wwid, &k)) {
			*out = k;
			return 0;
		}
		p += len + 1;
	}
	return -ENOENT;
}

/* Append the line of wwid with key k to out. */
static int line_add(struct strbuf *out, const char *wwid, const struct prkey *k)
{
	return strbuf_addf(out, "0%c%016" PRIx64 " %s\n", k->aptpl ? 'X' : 'x', k->key, wwid) < 0
		   ? -ENOMEM
		   : 0;
}

/* A line of wwid's commented out by an unset ("#x..." / "#X..."). */
static bool line_is_unset(const char *line, size_t len, const char *wwid)
{
	struct prkey k;

	return len > 1 && line[0] == '#' && (line[1] == 'x' || line[1] == 'X') &&
	       line_is(line + 1, len - 1, wwid, &k);
}

/* The offset of the line of text that the update of wwid rewrites: its
 * entry, or for a set (key) without one, a line an unset commented out,
 * as multipath-tools 0.9.4 reuses it. -1: none. */
static long target_line(const struct strbuf *text, const char *wwid, bool key)
{
	const char *base = strbuf_str(text), *end = base + text->len;

	for (int pass = 0; pass < (key ? 2 : 1); pass++) {
		for (const char *p = base; p < end;) {
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
			struct prkey old;

			if (pass == 0 ? line_is(p, len, wwid, &old) : line_is_unset(p, len, wwid))
				return (long)(p - base);
			p += len + 1;
		}
	}
	return -1;
}

/* text with wwid's line rewritten for k (commented out for key 0), or k's
 * line appended; *changed tells whether anything differs. */
static int text_update(const struct strbuf *text, const char *wwid, const struct prkey *k,
		       struct strbuf *out, bool *changed)
{
	const char *p = strbuf_str(text), *end = p + text->len;
	long target = target_line(text, wwid, k->key != 0);
	STRBUF_AUTO(line);
	int rc = 0;

	if (text->len == 0 && strbuf_addstr(out, prkeys_header) < 0)
		return -ENOMEM;
	if (k->key)
		rc = line_add(&line, wwid, k);
	for (const char *base = p; rc == 0 && p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);

		if (p - base != target) {
			rc = strbuf_add(out, p, len) < 0 || strbuf_addch(out, '\n') < 0 ? -ENOMEM
											: 0;
		} else if (k->key) {
			rc = strbuf_addstr(out, strbuf_str(&line)) < 0 ? -ENOMEM : 0;
			*changed = line.len != len + 1 || memcmp(p, strbuf_str(&line), len);
		} else {
			rc = strbuf_addch(out, '#') < 0 || strbuf_add(out, p + 1, len - 1) < 0 ||
				     strbuf_addch(out, '\n') < 0
				 ? -ENOMEM
				 : 0;
			*changed = true;
		}
		p += len + 1;
	}
	if (rc == 0 && target < 0 && k->key) {
		rc = strbuf_addstr(out, strbuf_str(&line)) < 0 ? -ENOMEM : 0;
		*changed = true;
	}
	return rc;
}

int prkeys_file_set(const char *file, const char *wwid, const struct prkey *k)
{
	STRBUF_AUTO(text);
	STRBUF_AUTO(out);
	bool changed = false;
	struct stat st;
	int fd, rc;

	if (!file || !k || wwid_check(wwid) < 0)
		return -EINVAL;
	fd = file_open_locked(file, LOCK_EX, true, 0600);
	if (fd < 0)
		return fd;
	rc = read_whole(fd, &text);
	if (rc == 0)
		rc = text_update(&text, wwid, k, &out, &changed);
	if (rc == 0 && (changed || text.len == 0)) {
		rc = fstat(fd, &st) < 0 ? -errno : 0;
		if (rc == 0)
			rc = file_replace(file, st.st_mode & 07777, strbuf_str(&out), out.len);
	}
	close(fd);
	if (rc == 0 && changed)
		mp_log(3, "%s: prkey of %s set to 0x%" PRIx64 "%s", file, wwid, k->key,
		       k->aptpl ? ":aptpl" : "");
	return rc;
}
