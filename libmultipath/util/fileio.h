/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Small file helpers shared by the modules that keep state in files
 * (bindings, wwids, the configuration). EINTR is retried; errors are
 * returned as -errno.
 */
#ifndef MP_FILEIO_H
#define MP_FILEIO_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

/* Append everything from fd's current offset to sb. max (0: no limit)
 * bounds the total length of sb: -EFBIG beyond it. 0, -ENOMEM, -errno. */
int fd_read_all(int fd, struct strbuf *sb, size_t max);
/* Write all len bytes. 0, -errno, or -EIO when write() makes no progress. */
int fd_write_all(int fd, const void *buf, size_t len);
/* mkdir -p of the directory that holds file (mode 0755). 0 or the -errno
 * of the first mkdir that failed other than with EEXIST. */
int mkdir_parents(const char *file);
/* Replace file's contents with len bytes of text atomically: written and
 * fsynced into a temporary file next to it (mode mode), then renamed over
 * it, so a reader sees the old file or the new one. 0 or -errno (the
 * temporary file is removed then). */
int file_replace(const char *file, unsigned mode, const char *text, size_t len);

/* Open file and flock() it (lock LOCK_SH or LOCK_EX; O_RDWR for LOCK_EX,
 * else O_RDONLY), making sure the lock is held on the file the path names
 * once it is granted: a writer may have renamed a new file over it
 * meanwhile (file_replace()), then the current one is opened again. With
 * create, the file (mode mode) and its directory are made if missing.
 * Returns the fd or -errno (-ENOENT: no file and not create). */
int file_open_locked(const char *file, int lock, bool create, unsigned mode);

#endif
