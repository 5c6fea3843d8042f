// SPDX-License-Identifier: GPL-2.0-or-later
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sysfs.h"

enum { SYSFS_PAGE = 4096 };

static char sysfs_root[PATH_MAX] = SYSFS_DEFAULT_ROOT;

int sysfs_set_root(const char *root)
{
	size_t len;

	if (!root)
		root = SYSFS_DEFAULT_ROOT;
	len = strlen(root);
	if (len == 0 || root[0] != '/')
		return -EINVAL;
	if (len >= sizeof(sysfs_root))
		return -ENAMETOOLONG;
	/* "/x/" and "/x" name the same root; keep "/" as is */
	while (len > 1 && root[len - 1] == '/')
		len--;
	memcpy(sysfs_root, root, len);
	sysfs_root[len] = '\0';
	return 0;
}

const char *sysfs_get_root(void)
{
	return sysfs_root;
}

ssize_t sysfs_path(const char *relpath, char *buf, size_t size)
{
	int n;

	if (!relpath || !*relpath || relpath[0] == '/')
		return -EINVAL;
	n = snprintf(NULL, 0, "%s/%s", sysfs_root, relpath);
	if (n < 0)
		return -EINVAL;
	if ((size_t)n >= size)
		return -ENAMETOOLONG;
	snprintf(buf, size, "%s/%s", sysfs_root, relpath);
	return n;
}

static int attr_open(const char *relpath, int flags)
{
	char path[PATH_MAX];
	ssize_t rc = sysfs_path(relpath, path, sizeof(path));
	int fd;

	if (rc < 0)
		return (int)rc;
	fd = open(path, flags | O_CLOEXEC);
	return fd < 0 ? -errno : fd;
}

/* Read until EOF or size bytes; returns the count or -errno. */
static ssize_t read_all(int fd, void *buf, size_t size)
{
	size_t got = 0;

	while (got < size) {
		ssize_t n = read(fd, (char *)buf + got, size - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		if (n == 0)
			break;
		got += (size_t)n;
	}
	return (ssize_t)got;
}

ssize_t sysfs_attr_read_bin(const char *relpath, void *buf, size_t size)
{
	int fd = attr_open(relpath, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return fd;
	n = read_all(fd, buf, size);
	close(fd);
	return n;
}

ssize_t sysfs_attr_read(const char *relpath, char *buf, size_t size)
{
	char page[SYSFS_PAGE + 1];
	ssize_t n = sysfs_attr_read_bin(relpath, page, SYSFS_PAGE);

	if (n < 0)
		return n;
	while (n > 0 && (isspace((unsigned char)page[n - 1]) || page[n - 1] == '\0'))
		n--;
	if (size == 0 || (size_t)n >= size)
		return -EOVERFLOW;
	memcpy(buf, page, (size_t)n);
	buf[n] = '\0';
	return n;
}

static int block_rel(const char *dev, const char *attr, char *rel, size_t size)
{
	int n = snprintf(rel, size, "block/%s/%s", dev, attr);

	return n < 0 || (size_t)n >= size ? -ENAMETOOLONG : 0;
}

ssize_t sysfs_block_attr_read(const char *dev, const char *attr, char *buf, size_t size)
{
	char rel[PATH_MAX];
	int rc = block_rel(dev, attr, rel, sizeof(rel));

	return rc < 0 ? rc : sysfs_attr_read(rel, buf, size);
}

ssize_t sysfs_block_attr_read_bin(const char *dev, const char *attr, void *buf, size_t size)
{
	char rel[PATH_MAX];
	int rc = block_rel(dev, attr, rel, sizeof(rel));

	return rc < 0 ? rc : sysfs_attr_read_bin(rel, buf, size);
}

int sysfs_attr_read_u64(const char *relpath, uint64_t *val)
{
	char text[32], *end;
	unsigned long long v;
	ssize_t n = sysfs_attr_read(relpath, text, sizeof(text));

	if (n < 0)
		return (int)n;
	if (n == 0 || !isdigit((unsigned char)text[0]))
		return -EINVAL;
	errno = 0;
	v = strtoull(text, &end, 10);
	if (errno || *end)
		return -EINVAL;
	*val = v;
	return 0;
}

int sysfs_attr_write(const char *relpath, const char *value)
{
	size_t len = strlen(value);
	int fd = attr_open(relpath, O_WRONLY);
	ssize_t n;
	int rc = 0;

	if (fd < 0)
		return fd;
	do
		n = write(fd, value, len);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		rc = -errno;
	else if ((size_t)n != len)
		rc = -EIO;
	if (close(fd) < 0 && rc == 0)
		rc = -errno;
	return rc;
}

ssize_t sysfs_resolve(const char *relpath, char *buf, size_t size)
{
	char path[PATH_MAX], real[PATH_MAX];
	ssize_t rc = sysfs_path(relpath, path, sizeof(path));
	size_t len;

	if (rc < 0)
		return rc;
	if (!realpath(path, real))
		return -errno;
	len = strlen(real);
	if (len >= size)
		return -ENAMETOOLONG;
	memcpy(buf, real, len + 1);
	return (ssize_t)len;
}
