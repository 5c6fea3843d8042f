/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Logging with multipath-tools' verbosity levels:
 *   0 errors that stop the program, 1 errors, 2 normal messages (state
 *   changes), 3 details (property origins), 4 debug.
 * A message is emitted when its level <= the current verbosity. The sink is
 * stderr by default; log_set_sink() redirects it (syslog in the daemon, a
 * capture buffer in tests). The library itself logs only at level >= 3; the
 * caller that decides what an error means logs it once.
 * The verbosity and sink are process-wide; set them before starting threads.
 */
#ifndef MP_LOG_H
#define MP_LOG_H

#include <stdarg.h>

enum { LOG_MAX_VERBOSITY = 4 };

typedef void log_sink_fn(int level, const char *msg, void *data);

void log_set_verbosity(int level);
int log_get_verbosity(void);
/* fn NULL restores the stderr sink. */
void log_set_sink(log_sink_fn *fn, void *data);
void mp_log(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void mp_vlog(int level, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* The description of a positive errno value (thread-safe, never NULL). */
const char *errno_desc(int err);

#endif
