// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdio.h>
#include <string.h>

#include "log.h"
#include "strbuf.h"

static int verbosity = 2;
static log_sink_fn *sink;
static void *sink_data;

void log_set_verbosity(int level)
{
	verbosity = level;
}

int log_get_verbosity(void)
{
	return verbosity;
}

void log_set_sink(log_sink_fn *fn, void *data)
{
	sink = fn;
	sink_data = data;
}

void mp_vlog(int level, const char *fmt, va_list ap)
{
	STRBUF_AUTO(msg);

	if (level > verbosity)
		return;
	if (strbuf_vaddf(&msg, fmt, ap) < 0)
		return;
	if (sink)
		sink(level, strbuf_str(&msg), sink_data);
	else
		fprintf(stderr, "%s\n", strbuf_str(&msg));
}

void mp_log(int level, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	mp_vlog(level, fmt, ap);
	va_end(ap);
}

const char *errno_desc(int err)
{
	const char *s = strerrordesc_np(err);

	return s ? s : "unknown error";
}
