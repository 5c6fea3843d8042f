// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"

int fd_read_all(int fd, struct strbuf *sb, size_t max)
{
	for (;;) {
		ssize_t n;
		int rc = strbuf_grow(sb, 4096);

		if (rc < 0)
			return rc;
		n = read(fd, sb->buf + sb->len, sb->alloc - sb->len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		if (n == 0)
			return 0;
		sb->len += (size_t)n;
		sb->buf[sb->len] = '\0';
		if (max && sb->len > max)
			return -EFBIG;
	}
}

int fd_write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;

	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		if (n == 0)
			return -EIO;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int mkdir_parents(const char *file)
{
	char dir[PATH_MAX];
	size_t len = strlen(file);

	if (len >= sizeof(dir))
		return -ENAMETOOLONG;
	memcpy(dir, file, len + 1);
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0755) < 0 && errno != EEXIST)
			return -errno;
		*p = '/';
	}
	return 0;
}

int file_replace(const char *file, unsigned mode, const char *text, size_t len)
{
	char tmp[PATH_MAX];
	int tfd, rc;

	if (snprintf(tmp, sizeof(tmp), "%s.XXXXXX", file) >= (int)sizeof(tmp))
		return -ENAMETOOLONG;
	tfd = mkostemp(tmp, O_CLOEXEC);
	if (tfd < 0)
		return -errno;
	rc = fchmod(tfd, (mode_t)(mode & 07777)) < 0 ? -errno : 0;
	if (rc == 0)
		rc = fd_write_all(tfd, text, len);
	if (rc == 0 && fsync(tfd) < 0)
		rc = -errno;
	if (close(tfd) < 0 && rc == 0)
		rc = -errno;
	if (rc == 0 && rename(tmp, file) < 0)
		rc = -errno;
	if (rc < 0)
		unlink(tmp);
	return rc;
}

int file_open_locked(const char *file, int lock, bool create, unsigned mode)
{
	int flags = (lock == LOCK_EX ? O_RDWR : O_RDONLY) | O_CLOEXEC;

	if (create) {
		int rc = mkdir_parents(file);

		if (rc < 0)
			return rc;
		flags |= O_CREAT;
	}
	for (;;) {
		struct stat held, named;
		int fd = open(file, flags, mode);

		if (fd < 0)
			return -errno;
		while (flock(fd, lock) < 0) {
			if (errno != EINTR) {
				int rc = -errno;

				close(fd);
				return rc;
			}
		}
		if (fstat(fd, &held) == 0 && stat(file, &named) == 0 &&
		    held.st_dev == named.st_dev && held.st_ino == named.st_ino)
			return fd;
		/* replaced or removed while we waited: try the current file */
		close(fd);
	}
}
