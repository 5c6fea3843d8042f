/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * strbuf: a growable, always NUL-terminated string.
 *
 * Invariant: buf is either NULL (len == 0, nothing allocated) or points to
 * alloc bytes of which the first len are the string and buf[len] == '\0'.
 * The strbuf owns buf; strbuf_release() frees it, strbuf_detach() hands it
 * to the caller. STRBUF_INIT is a valid empty buffer.
 * Every function that may allocate returns 0 (or the length added) on
 * success, -ENOMEM on failure, leaving the previous contents intact.
 */
#ifndef MP_STRBUF_H
#define MP_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char *buf;
	size_t len;
	size_t alloc;
};

#define STRBUF_INIT {NULL, 0, 0}

/* The string, "" for an empty buffer; valid until the next modification. */
const char *strbuf_str(const struct strbuf *sb);
/* Make room for at least extra more bytes (plus the NUL). */
int strbuf_grow(struct strbuf *sb, size_t extra);
/* Append len bytes from s. Returns len or -ENOMEM. */
int strbuf_add(struct strbuf *sb, const char *s, size_t len);
/* Append a NUL-terminated string. Returns its length or -ENOMEM. */
int strbuf_addstr(struct strbuf *sb, const char *s);
int strbuf_addch(struct strbuf *sb, char c);
/* Append formatted text. Returns the length added, -ENOMEM or -EINVAL. */
int strbuf_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* Append n copies of c. */
int strbuf_addchars(struct strbuf *sb, char c, size_t n);
/* Empty the string, keep the allocation. */
void strbuf_reset(struct strbuf *sb);
/* Shorten to len bytes (len <= current length). */
void strbuf_truncate(struct strbuf *sb, size_t len);
/* Free the buffer; sb becomes STRBUF_INIT. Accepts NULL. */
void strbuf_release(struct strbuf *sb);
/* Hand the buffer to the caller (never NULL unless out of memory: an empty
 * buffer yields a freshly allocated ""). sb becomes STRBUF_INIT. */
char *strbuf_detach(struct strbuf *sb);

static inline void strbuf_cleanup(struct strbuf *sb)
{
	strbuf_release(sb);
}
#define STRBUF_AUTO(name) struct strbuf name __attribute__((cleanup(strbuf_cleanup))) = STRBUF_INIT

#endif
