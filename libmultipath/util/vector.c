// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "vector.h"

int vector_grow_raw(void **items, size_t *alloc, size_t n, size_t esize)
{
	size_t want;
	void *p;

	if (n <= *alloc)
		return 0;
	want = *alloc ? *alloc * 2 : 8;
	while (want < n)
		want *= 2;
	if (want > SIZE_MAX / esize)
		return -ENOMEM;
	p = realloc(*items, want * esize);
	if (!p)
		return -ENOMEM;
	*items = p;
	*alloc = want;
	return 0;
}

void strvec_free_all(struct strvec *v)
{
	if (!v)
		return;
	for (size_t i = 0; i < v->n; i++)
		free(v->items[i]);
	strvec_release(v);
}

int strvec_push_dup(struct strvec *v, const char *s)
{
	char *copy = strdup(s);
	int rc;

	if (!copy)
		return -ENOMEM;
	rc = strvec_push(v, copy);
	if (rc < 0)
		free(copy);
	return rc;
}
