// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target for the configuration parser and printer (`make fuzz`).
 *
 * Any input is loaded with config_load_text(); then these must hold, or the
 * target aborts:
 *   - the full print (`multipath -t`) loads again without any diagnostic
 *     and prints identically (the output is a fixed point);
 *   - the changes-only print (`multipath -T`), loaded again, has the same
 *     full print (it is a complete description of the configuration).
 * Everything is freed, so LeakSanitizer checks the error paths too. Under
 * the sanitizers malloc never returns NULL, so an -ENOMEM is a bug too.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/config.h"
#include "util/strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void die(const char *what, const char *a, const char *b)
{
	fprintf(stderr, "fuzz_config: %s\n--- first:\n%s\n--- second:\n%s\n---\n", what, a,
		b ? b : "");
	abort();
}

static char *print_of(const struct config *conf, bool only_changes)
{
	struct strbuf out = STRBUF_INIT;

	if (config_print(conf, only_changes, &out) < 0)
		die("config_print failed", strbuf_str(&out), NULL);
	return strbuf_detach(&out);
}

/*
 * Load text and return its full print. With strict, the text (our own
 * output) must load without any diagnostic. With keep, the config is
 * handed to the caller instead of freed.
 */
static char *load_and_print(const char *text, size_t len, bool strict, struct config **keep)
{
	struct diags d = {0};
	struct config *conf = NULL;
	char *res;

	if (config_load_text(text, len, "fuzz", &d, &conf) < 0)
		die("config_load_text failed", strict ? text : "(input)", NULL);
	if (strict && (d.errors || d.warnings))
		die("our own output has diagnostics", text, d.msgs.n ? d.msgs.items[0] : NULL);
	res = print_of(conf, false);
	if (keep) {
		*keep = conf;
		conf = NULL;
	}
	config_free(conf);
	diags_release(&d);
	return res;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config *conf = NULL;
	char *full, *again, *changes, *from_changes;

	full = load_and_print((const char *)data, size, false, &conf);
	again = load_and_print(full, strlen(full), true, NULL);
	if (strcmp(full, again))
		die("full print does not survive a reload", full, again);

	changes = print_of(conf, true);
	from_changes = load_and_print(changes, strlen(changes), true, NULL);
	if (strcmp(full, from_changes))
		die("-T output is not a complete description", full, from_changes);

	free(from_changes);
	free(changes);
	free(again);
	free(full);
	config_free(conf);
	return 0;
}
