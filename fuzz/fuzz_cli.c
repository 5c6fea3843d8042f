// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target for multipathd's command words (`make fuzz`).
 *
 * The input, up to its first NUL, is one command line. These must hold, or
 * the target aborts:
 *   - a refused line gives -EINVAL, a one-line reason, and leaves the output
 *     struct untouched;
 *   - an accepted line formats to canonical words at most twice its length;
 *     when those fit in CLI_LINE_MAX they parse to an equal command and
 *     format identically (the canonical words are a fixed point);
 *   - only show and help commands are read-only, and every verb has a name.
 * Everything is freed, so LeakSanitizer checks the error paths too.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../multipathd/cli.h"
#include "util/strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void die(const char *what, const char *a, const char *b)
{
	fprintf(stderr, "fuzz_cli: %s\n--- first:\n%s\n--- second:\n%s\n---\n", what, a,
		b ? b : "");
	abort();
}

static void check_refused(const char *line, int rc, const struct cli_cmd *c,
			  const struct strbuf *err)
{
	struct cli_cmd poison;

	memset(&poison, 0x5a, sizeof(poison));
	if (rc != -EINVAL)
		die("refused with another error than -EINVAL", line, strbuf_str(err));
	if (memcmp(c, &poison, sizeof(poison)))
		die("output written on failure", line, NULL);
	if (!err->len || err->len > 200 || strchr(strbuf_str(err), '\n'))
		die("reason is not one short line", line, strbuf_str(err));
}

/* The canonical words of c; they must exist. */
static char *canon_of(const struct cli_cmd *c, const char *line)
{
	struct strbuf out = STRBUF_INIT;

	if (cli_cmd_format(c, &out) < 0)
		die("cli_cmd_format failed on a parsed command", line, strbuf_str(&out));
	return strbuf_detach(&out);
}

static void check_accepted(const char *line, size_t len, const struct cli_cmd *c)
{
	char *canon = canon_of(c, line), *again_canon;
	size_t clen = strlen(canon);
	struct cli_cmd again;
	bool readonly = !strncmp(canon, "show ", 5) || !strcmp(canon, "help");
	STRBUF_AUTO(err);

	if (!strcmp(cli_verb_name(c->verb), "unknown"))
		die("verb without a name", line, canon);
	if (cli_cmd_changes_state(c) == readonly)
		die("changes_state disagrees with the words", line, canon);
	if (clen > 2 * len)
		die("canonical words more than twice as long", line, canon);
	if (clen <= CLI_LINE_MAX) {
		if (cli_parse(canon, &again, &err) != 0)
			die("canonical words refused", canon, strbuf_str(&err));
		if (!cli_cmd_equal(c, &again))
			die("canonical words parse to another command", line, canon);
		again_canon = canon_of(&again, canon);
		if (strcmp(canon, again_canon))
			die("canonical words are not a fixed point", canon, again_canon);
		free(again_canon);
		cli_cmd_release(&again);
	}
	free(canon);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *line = malloc(size + 1);
	struct cli_cmd c;
	STRBUF_AUTO(err);
	int rc;

	if (!line)
		return 0;
	memcpy(line, data, size);
	line[size] = '\0';
	memset(&c, 0x5a, sizeof(c));
	rc = cli_parse(line, &c, &err);
	if (rc < 0) {
		check_refused(line, rc, &c, &err);
	} else {
		if (err.len)
			die("accepted with a reason", line, strbuf_str(&err));
		check_accepted(line, strlen(line), &c);
		cli_cmd_release(&c);
	}
	free(line);
	return 0;
}
