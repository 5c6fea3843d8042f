/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Typed growable arrays.
 *
 * VECTOR_DEFINE(name, type) declares `struct name { type *items; size_t n,
 * alloc; }` and small inline helpers name_push(), name_remove(),
 * name_release(). The vector owns its array, not what the elements point
 * to: release the elements first when they own memory. A zeroed struct is
 * an empty vector. name_push() returns 0 or -ENOMEM (the vector unchanged).
 */
#ifndef MP_VECTOR_H
#define MP_VECTOR_H

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int vector_grow_raw(void **items, size_t *alloc, size_t n, size_t esize);

#define VECTOR_DEFINE(name, type)                                                                  \
	struct name {                                                                              \
		type *items;                                                                       \
		size_t n;                                                                          \
		size_t alloc;                                                                      \
	};                                                                                         \
	static inline __attribute__((unused)) int name##_push(struct name *v, type item)           \
	{                                                                                          \
		int rc_ = vector_grow_raw((void **)&v->items, &v->alloc, v->n + 1,                 \
					  sizeof(*v->items));                                      \
		if (rc_ < 0)                                                                       \
			return rc_;                                                                \
		v->items[v->n++] = item;                                                           \
		return 0;                                                                          \
	}                                                                                          \
	static inline __attribute__((unused)) void name##_remove(struct name *v, size_t i)         \
	{                                                                                          \
		if (i >= v->n)                                                                     \
			return;                                                                    \
		memmove(&v->items[i], &v->items[i + 1], (v->n - i - 1) * sizeof(*v->items));       \
		v->n--;                                                                            \
	}                                                                                          \
	static inline __attribute__((unused)) void name##_release(struct name *v)                  \
	{                                                                                          \
		free(v->items);                                                                    \
		v->items = NULL;                                                                   \
		v->n = 0;                                                                          \
		v->alloc = 0;                                                                      \
	}

VECTOR_DEFINE(strvec, char *)

/* Free every string, then the vector. Accepts NULL. */
void strvec_free_all(struct strvec *v);
/* Append a copy of s. Returns 0 or -ENOMEM. */
int strvec_push_dup(struct strvec *v, const char *s);

#endif
