// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * cli: multipathd's command words (see cli.h). Two tables say everything:
 * the keywords (spellings and whether they take an argument) and the command
 * forms (the keywords of each command in canonical order, and which of them
 * may be left out). A line is tokenized into words; each word is a keyword or
 * the argument of the keyword before it; the set of keywords seen picks the
 * form. Nothing is written to the caller's struct before the whole line has
 * been accepted.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "util/strbuf.h"

enum kw {
	KW_NONE,
	KW_SHOW,
	KW_PATHS,
	KW_PATH,
	KW_MAPS,
	KW_MAP,
	KW_STATUS,
	KW_STATS,
	KW_TOPOLOGY,
	KW_JSON,
	KW_CONFIG,
	KW_LOCAL,
	KW_DAEMON,
	KW_WILDCARDS,
	KW_BLACKLIST,
	KW_DEVICES,
	KW_IO_ERR_STAT,
	KW_RAW,
	KW_FORMAT,
	KW_RECONFIGURE,
	KW_ALL,
	KW_ADD,
	KW_DEL,
	KW_FAIL,
	KW_REINSTATE,
	KW_SWITCHGROUP,
	KW_GROUP,
	KW_RESIZE,
	KW_RELOAD,
	KW_SUSPEND,
	KW_RESUME,
	KW_RESET,
	KW_DISABLEQ,
	KW_RESTOREQ,
	KW_FORCEQ,
	KW_GETPRSTATUS,
	KW_SETPRSTATUS,
	KW_UNSETPRSTATUS,
	KW_GETPRKEY,
	KW_SETPRKEY,
	KW_UNSETPRKEY,
	KW_KEY,
	KW_SETMARGINAL,
	KW_UNSETMARGINAL,
	KW_SHUTDOWN,
	KW_HELP,
	KW_COUNT
};

_Static_assert(KW_COUNT <= 64, "keyword sets are 64-bit masks");
#define W(k) (UINT64_C(1) << (k))

/* What the word after a keyword is. */
enum arg { ARG_NONE, ARG_PATH, ARG_MAP, ARG_FORMAT, ARG_GROUP, ARG_KEY };

/* clang-format off */
static const char *const arg_names[] = {
	[ARG_PATH] = "$path", [ARG_MAP] = "$map", [ARG_FORMAT] = "$format",
	[ARG_GROUP] = "$group", [ARG_KEY] = "$key",
};
/* clang-format on */

/* clang-format off */
static const struct keyword {
	const char *name;
	const char *alias; /* the other spelling, or NULL */
	enum arg arg;
} keywords[KW_COUNT] = {
	[KW_SHOW] = {"show", "list", ARG_NONE},
	[KW_PATHS] = {"paths", NULL, ARG_NONE},
	[KW_PATH] = {"path", NULL, ARG_PATH},
	[KW_MAPS] = {"maps", "multipaths", ARG_NONE},
	[KW_MAP] = {"map", "multipath", ARG_MAP},
	[KW_STATUS] = {"status", NULL, ARG_NONE},
	[KW_STATS] = {"stats", NULL, ARG_NONE},
	[KW_TOPOLOGY] = {"topology", NULL, ARG_NONE},
	[KW_JSON] = {"json", NULL, ARG_NONE},
	[KW_CONFIG] = {"config", NULL, ARG_NONE},
	[KW_LOCAL] = {"local", NULL, ARG_NONE},
	[KW_DAEMON] = {"daemon", NULL, ARG_NONE},
	[KW_WILDCARDS] = {"wildcards", NULL, ARG_NONE},
	[KW_BLACKLIST] = {"blacklist", NULL, ARG_NONE},
	[KW_DEVICES] = {"devices", NULL, ARG_NONE},
	[KW_IO_ERR_STAT] = {"io_err_stat", NULL, ARG_NONE},
	[KW_RAW] = {"raw", NULL, ARG_NONE},
	[KW_FORMAT] = {"format", NULL, ARG_FORMAT},
	[KW_RECONFIGURE] = {"reconfigure", NULL, ARG_NONE},
	[KW_ALL] = {"all", NULL, ARG_NONE},
	[KW_ADD] = {"add", NULL, ARG_NONE},
	[KW_DEL] = {"del", "remove", ARG_NONE},
	[KW_FAIL] = {"fail", NULL, ARG_NONE},
	[KW_REINSTATE] = {"reinstate", NULL, ARG_NONE},
	[KW_SWITCHGROUP] = {"switchgroup", "switch", ARG_NONE},
	[KW_GROUP] = {"group", NULL, ARG_GROUP},
	[KW_RESIZE] = {"resize", NULL, ARG_NONE},
	[KW_RELOAD] = {"reload", NULL, ARG_NONE},
	[KW_SUSPEND] = {"suspend", NULL, ARG_NONE},
	[KW_RESUME] = {"resume", NULL, ARG_NONE},
	[KW_RESET] = {"reset", NULL, ARG_NONE},
	[KW_DISABLEQ] = {"disablequeueing", NULL, ARG_NONE},
	[KW_RESTOREQ] = {"restorequeueing", NULL, ARG_NONE},
	[KW_FORCEQ] = {"forcequeueing", NULL, ARG_NONE},
	[KW_GETPRSTATUS] = {"getprstatus", NULL, ARG_NONE},
	[KW_SETPRSTATUS] = {"setprstatus", NULL, ARG_NONE},
	[KW_UNSETPRSTATUS] = {"unsetprstatus", NULL, ARG_NONE},
	[KW_GETPRKEY] = {"getprkey", NULL, ARG_NONE},
	[KW_SETPRKEY] = {"setprkey", NULL, ARG_NONE},
	[KW_UNSETPRKEY] = {"unsetprkey", NULL, ARG_NONE},
	[KW_KEY] = {"key", NULL, ARG_KEY},
	[KW_SETMARGINAL] = {"setmarginal", NULL, ARG_NONE},
	[KW_UNSETMARGINAL] = {"unsetmarginal", NULL, ARG_NONE},
	[KW_SHUTDOWN] = {"shutdown", NULL, ARG_NONE},
	[KW_HELP] = {"help", NULL, ARG_NONE},
};
/* clang-format on */

#define FORM_WORDS 6

/*
 * One way to say a command. The first form of a verb gives its canonical
 * words (cli_cmd_format) and its name; cli_usage prints every form in this
 * order. No two forms may accept the same set of keywords.
 */
/* clang-format off */
static const struct form {
	enum cli_verb verb;
	const char *name;
	unsigned char words[FORM_WORDS]; /* enum kw, canonical order, 0-ended */
	uint64_t optional;		 /* words that may be left out */
} forms[] = {
	{CLI_SHOW_PATHS, "show paths", {KW_SHOW, KW_PATHS, KW_RAW, KW_FORMAT},
	 W(KW_RAW) | W(KW_FORMAT)},
	{CLI_SHOW_PATH, "show path", {KW_SHOW, KW_PATH, KW_RAW, KW_FORMAT},
	 W(KW_RAW) | W(KW_FORMAT)},
	{CLI_SHOW_MAPS, "show maps", {KW_SHOW, KW_MAPS, KW_RAW, KW_FORMAT},
	 W(KW_RAW) | W(KW_FORMAT)},
	{CLI_SHOW_MAP, "show map", {KW_SHOW, KW_MAP, KW_RAW, KW_FORMAT},
	 W(KW_RAW) | W(KW_FORMAT)},
	{CLI_SHOW_MAPS_STATUS, "show maps status", {KW_SHOW, KW_MAPS, KW_STATUS}, 0},
	{CLI_SHOW_MAPS_STATS, "show maps stats", {KW_SHOW, KW_MAPS, KW_STATS}, 0},
	{CLI_SHOW_TOPOLOGY, "show topology", {KW_SHOW, KW_TOPOLOGY}, 0},
	{CLI_SHOW_TOPOLOGY, "show topology", {KW_SHOW, KW_MAPS, KW_TOPOLOGY}, 0},
	{CLI_SHOW_MAP_TOPOLOGY, "show map topology", {KW_SHOW, KW_MAP, KW_TOPOLOGY}, 0},
	{CLI_SHOW_MAPS_JSON, "show maps json", {KW_SHOW, KW_MAPS, KW_JSON}, 0},
	{CLI_SHOW_MAP_JSON, "show map json", {KW_SHOW, KW_MAP, KW_JSON}, 0},
	{CLI_SHOW_CONFIG, "show config", {KW_SHOW, KW_CONFIG}, 0},
	{CLI_SHOW_CONFIG_LOCAL, "show config local", {KW_SHOW, KW_CONFIG, KW_LOCAL}, 0},
	{CLI_SHOW_STATUS, "show status", {KW_SHOW, KW_STATUS}, 0},
	{CLI_SHOW_DAEMON, "show daemon", {KW_SHOW, KW_DAEMON}, 0},
	{CLI_SHOW_WILDCARDS, "show wildcards", {KW_SHOW, KW_WILDCARDS}, 0},
	{CLI_SHOW_BLACKLIST, "show blacklist", {KW_SHOW, KW_BLACKLIST}, 0},
	{CLI_SHOW_DEVICES, "show devices", {KW_SHOW, KW_DEVICES}, 0},
	{CLI_SHOW_IO_ERR_STAT, "show io_err_stat", {KW_SHOW, KW_IO_ERR_STAT}, 0},
	{CLI_RECONFIGURE, "reconfigure", {KW_RECONFIGURE}, 0},
	{CLI_RECONFIGURE_ALL, "reconfigure all", {KW_RECONFIGURE, KW_ALL}, 0},
	{CLI_ADD_PATH, "add path", {KW_ADD, KW_PATH}, 0},
	{CLI_DEL_PATH, "del path", {KW_DEL, KW_PATH}, 0},
	{CLI_ADD_MAP, "add map", {KW_ADD, KW_MAP}, 0},
	{CLI_DEL_MAP, "del map", {KW_DEL, KW_MAP}, 0},
	{CLI_DEL_MAPS, "del maps", {KW_DEL, KW_MAPS}, 0},
	{CLI_FAIL_PATH, "fail path", {KW_FAIL, KW_PATH}, 0},
	{CLI_REINSTATE_PATH, "reinstate path", {KW_REINSTATE, KW_PATH}, 0},
	{CLI_SWITCHGROUP, "switchgroup map group", {KW_SWITCHGROUP, KW_MAP, KW_GROUP}, 0},
	{CLI_RESIZE_MAP, "resize map", {KW_RESIZE, KW_MAP}, 0},
	{CLI_RELOAD_MAP, "reload map", {KW_RELOAD, KW_MAP}, 0},
	{CLI_SUSPEND_MAP, "suspend map", {KW_SUSPEND, KW_MAP}, 0},
	{CLI_RESUME_MAP, "resume map", {KW_RESUME, KW_MAP}, 0},
	{CLI_RESET_MAP, "reset map", {KW_RESET, KW_MAP}, 0},
	{CLI_RESET_MAP_STATS, "reset map stats", {KW_RESET, KW_MAP, KW_STATS}, 0},
	{CLI_RESET_MAPS_STATS, "reset maps stats", {KW_RESET, KW_MAPS, KW_STATS}, 0},
	{CLI_DISABLEQ_MAP, "disablequeueing map", {KW_DISABLEQ, KW_MAP}, 0},
	{CLI_DISABLEQ_MAPS, "disablequeueing maps", {KW_DISABLEQ, KW_MAPS}, 0},
	{CLI_RESTOREQ_MAP, "restorequeueing map", {KW_RESTOREQ, KW_MAP}, 0},
	{CLI_RESTOREQ_MAPS, "restorequeueing maps", {KW_RESTOREQ, KW_MAPS}, 0},
	{CLI_FORCEQ_DAEMON, "forcequeueing daemon", {KW_FORCEQ, KW_DAEMON}, 0},
	{CLI_RESTOREQ_DAEMON, "restorequeueing daemon", {KW_RESTOREQ, KW_DAEMON}, 0},
	{CLI_GETPRSTATUS, "getprstatus map", {KW_GETPRSTATUS, KW_MAP}, 0},
	{CLI_SETPRSTATUS, "setprstatus map", {KW_SETPRSTATUS, KW_MAP}, 0},
	{CLI_UNSETPRSTATUS, "unsetprstatus map", {KW_UNSETPRSTATUS, KW_MAP}, 0},
	{CLI_GETPRKEY, "getprkey map", {KW_GETPRKEY, KW_MAP}, 0},
	{CLI_SETPRKEY, "setprkey map key", {KW_SETPRKEY, KW_MAP, KW_KEY}, 0},
	{CLI_UNSETPRKEY, "unsetprkey map", {KW_UNSETPRKEY, KW_MAP}, 0},
	{CLI_SETMARGINAL_PATH, "setmarginal path", {KW_SETMARGINAL, KW_PATH}, 0},
	{CLI_UNSETMARGINAL_PATH, "unsetmarginal path", {KW_UNSETMARGINAL, KW_PATH}, 0},
	{CLI_UNSETMARGINAL_MAP, "unsetmarginal map", {KW_UNSETMARGINAL, KW_MAP}, 0},
	{CLI_SHUTDOWN, "shutdown", {KW_SHUTDOWN}, 0},
	{CLI_HELP, "help", {KW_HELP}, 0},
};
/* clang-format on */

#define N_FORMS (sizeof(forms) / sizeof(forms[0]))

static uint64_t form_words(const struct form *f)
{
	uint64_t set = 0;

	for (int i = 0; i < FORM_WORDS && f->words[i]; i++)
		set |= W(f->words[i]);
	return set;
}

/* The form whose required words are all in set and which allows the rest. */
static const struct form *form_match(uint64_t set)
{
	for (size_t i = 0; i < N_FORMS; i++) {
		uint64_t all = form_words(&forms[i]);
		uint64_t required = all & ~forms[i].optional;

		if ((set & required) == required && !(set & ~all))
			return &forms[i];
	}
	return NULL;
}

/* The first form that set could still grow into, or NULL. */
static const struct form *form_prefix(uint64_t set)
{
	for (size_t i = 0; i < N_FORMS; i++)
		if (!(set & ~form_words(&forms[i])))
			return &forms[i];
	return NULL;
}

static const struct form *form_of_verb(enum cli_verb v)
{
	for (size_t i = 0; i < N_FORMS; i++)
		if (forms[i].verb == v)
			return &forms[i];
	return NULL;
}

static enum kw keyword_find(const char *word)
{
	for (int k = KW_NONE + 1; k < KW_COUNT; k++)
		if (!strcmp(word, keywords[k].name) ||
		    (keywords[k].alias && !strcmp(word, keywords[k].alias)))
			return k;
	return KW_NONE;
}

/* Append "show|list paths [raw] [format $format]" for f. */
static int form_usage(const struct form *f, struct strbuf *out)
{
	for (int i = 0; i < FORM_WORDS && f->words[i]; i++) {
		const struct keyword *kw = &keywords[f->words[i]];
		bool opt = f->optional & W(f->words[i]);

		if (strbuf_addf(out, "%s%s%s%s%s%s%s", i ? " " : "", opt ? "[" : "", kw->name,
				kw->alias ? "|" : "", kw->alias ? kw->alias : "",
				kw->arg ? " " : "", kw->arg ? arg_names[kw->arg] : "") < 0 ||
		    (opt && strbuf_addch(out, ']') < 0))
			return -ENOMEM;
	}
	return 0;
}

/* Append a one-line reason to err (if any); returns -EINVAL. An allocation
 * failure only loses the text. */
static int __attribute__((format(printf, 2, 3))) refuse(struct strbuf *err, const char *fmt, ...)
{
	va_list ap;

	if (err) {
		va_start(ap, fmt);
		(void)strbuf_vaddf(err, fmt, ap);
		va_end(ap);
	}
	return -EINVAL;
}

static int line_check(const char *line, struct strbuf *err)
{
	size_t len;

	if (!line)
		return refuse(err, "empty command");
	len = strnlen(line, CLI_LINE_MAX + 1);
	if (len > CLI_LINE_MAX)
		return refuse(err, "command longer than %d bytes", CLI_LINE_MAX);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = line[i];

		if ((c < 0x20 && c != '\t') || c == 0x7f)
			return refuse(err, "control character 0x%02x in command", c);
	}
	return 0;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * Read the next word at *pos into word. Returns 1 with a word (possibly
 * empty: ""), 0 at the end of the line, -EINVAL for an unterminated quote,
 * -ENOMEM.
 */
static int word_next(const char **pos, struct strbuf *word)
{
	const char *p = *pos;
	bool quoted = false;

	strbuf_reset(word);
	while (is_blank(*p))
		p++;
	if (!*p)
		return 0;
	for (; *p && (quoted || !is_blank(*p)); p++) {
		if (*p == '"') {
			quoted = !quoted;
			continue;
		}
		if (quoted && *p == '\\' && p[1])
			p++;
		if (strbuf_addch(word, *p) < 0)
			return -ENOMEM;
	}
	if (quoted)
		return -EINVAL;
	*pos = p;
	return 1;
}

static int group_parse(const char *s, long *out)
{
	long v = 0;

	if (!*s)
		return -EINVAL;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -EINVAL;
		v = v * 10 + (*s - '0');
		if (v > INT_MAX)
			return -EINVAL;
	}
	if (v < 1)
		return -EINVAL;
	*out = v;
	return 0;
}

struct parse {
	struct cli_cmd cmd;
	uint64_t seen;	   /* keywords so far */
	enum kw pending;   /* keyword waiting for its argument */
	bool was_complete; /* the keywords so far made a command at some point */
};

/* Store word as the argument of ps->pending. */
static int parse_arg(struct parse *ps, const char *word, struct strbuf *err)
{
	const struct keyword *kw = &keywords[ps->pending];
	char **slot = NULL;

	if (!*word)
		return refuse(err, "empty argument for '%s'", kw->name);
	switch (kw->arg) {
	case ARG_GROUP:
		if (group_parse(word, &ps->cmd.group) < 0)
			return refuse(err, "bad group number '%.40s'", word);
		break;
	case ARG_PATH:
		slot = &ps->cmd.path;
		break;
	case ARG_MAP:
		slot = &ps->cmd.map;
		break;
	case ARG_FORMAT:
		slot = &ps->cmd.format;
		break;
	case ARG_KEY:
		slot = &ps->cmd.key;
		break;
	case ARG_NONE:
		return -EINVAL;
	}
	if (slot) {
		*slot = strdup(word);
		if (!*slot)
			return -ENOMEM;
	}
	ps->pending = KW_NONE;
	return 0;
}

static int parse_word(struct parse *ps, const char *word, struct strbuf *err)
{
	enum kw k;

	if (ps->pending)
		return parse_arg(ps, word, err);
	k = keyword_find(word);
	if (k == KW_NONE)
		return ps->was_complete ? refuse(err, "too many words")
					: refuse(err, "unknown command: '%.40s'", word);
	if (ps->seen & W(k))
		return ps->was_complete ? refuse(err, "too many words")
					: refuse(err, "repeated word '%s'", keywords[k].name);
	ps->seen |= W(k);
	if (keywords[k].arg)
		ps->pending = k;
	return 0;
}

static int parse_finish(struct parse *ps, struct strbuf *err)
{
	const struct form *f;

	if (ps->pending)
		return refuse(err, "missing argument for '%s'", keywords[ps->pending].name);
	if (!ps->seen)
		return refuse(err, "empty command");
	f = form_match(ps->seen);
	if (f) {
		ps->cmd.verb = f->verb;
		ps->cmd.raw = ps->seen & W(KW_RAW);
		return 0;
	}
	if (ps->was_complete)
		return refuse(err, "too many words");
	f = form_prefix(ps->seen);
	if (!f)
		return refuse(err, "unknown command");
	if (err && (strbuf_addstr(err, "incomplete command, for example '") < 0 ||
		    form_usage(f, err) < 0 || strbuf_addch(err, '\'') < 0))
		return -ENOMEM;
	return -EINVAL;
}

int cli_parse(const char *line, struct cli_cmd *out, struct strbuf *err)
{
	struct parse ps = {.pending = KW_NONE};
	STRBUF_AUTO(word);
	const char *pos = line;
	int rc;

	rc = line_check(line, err);
	if (rc < 0)
		return rc;
	while ((rc = word_next(&pos, &word)) > 0) {
		rc = parse_word(&ps, strbuf_str(&word), err);
		if (rc < 0)
			goto fail;
		if (!ps.pending && form_match(ps.seen))
			ps.was_complete = true;
	}
	if (rc == -EINVAL)
		refuse(err, "unterminated quote");
	if (rc < 0)
		goto fail;
	rc = parse_finish(&ps, err);
	if (rc < 0)
		goto fail;
	*out = ps.cmd;
	return 0;
fail:
	cli_cmd_release(&ps.cmd);
	return rc;
}

void cli_cmd_release(struct cli_cmd *c)
{
	if (!c)
		return;
	free(c->format);
	free(c->path);
	free(c->map);
	free(c->key);
	memset(c, 0, sizeof(*c));
}

bool cli_cmd_changes_state(const struct cli_cmd *c)
{
	const struct form *f = form_of_verb(c->verb);

	return !f || (f->words[0] != KW_SHOW && f->words[0] != KW_HELP);
}

static bool str_equal(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

bool cli_cmd_equal(const struct cli_cmd *a, const struct cli_cmd *b)
{
	return a->verb == b->verb && a->raw == b->raw && a->group == b->group &&
	       str_equal(a->format, b->format) && str_equal(a->path, b->path) &&
	       str_equal(a->map, b->map) && str_equal(a->key, b->key);
}

/* Append s as one word: bare when it can be, else in double quotes with "
 * and \ escaped. */
static int word_add(struct strbuf *out, const char *s)
{
	if (*s && !s[strcspn(s, " \t\"")])
		return strbuf_addstr(out, s) < 0 ? -ENOMEM : 0;
	if (strbuf_addch(out, '"') < 0)
		return -ENOMEM;
	for (; *s; s++)
		if (((*s == '"' || *s == '\\') && strbuf_addch(out, '\\') < 0) ||
		    strbuf_addch(out, *s) < 0)
			return -ENOMEM;
	return strbuf_addch(out, '"') < 0 ? -ENOMEM : 0;
}

/* The string argument of c that keyword k takes, or NULL. */
static char *const *arg_slot(const struct cli_cmd *c, enum arg a)
{
	switch (a) {
	case ARG_PATH:
		return &c->path;
	case ARG_MAP:
		return &c->map;
	case ARG_FORMAT:
		return &c->format;
	case ARG_KEY:
		return &c->key;
	default:
		return NULL;
	}
}

/* Whether c holds something for keyword k (its argument, or raw). */
static bool cmd_has(const struct cli_cmd *c, enum kw k)
{
	char *const *slot = arg_slot(c, keywords[k].arg);

	if (k == KW_RAW)
		return c->raw;
	if (k == KW_GROUP)
		return c->group != 0;
	return slot && *slot;
}

static int word_add_arg(const struct cli_cmd *c, enum kw k, struct strbuf *out)
{
	char *const *slot = arg_slot(c, keywords[k].arg);

	if (strbuf_addch(out, ' ') < 0)
		return -ENOMEM;
	if (k == KW_GROUP) {
		if (c->group < 1 || c->group > INT_MAX)
			return -EINVAL;
		return strbuf_addf(out, "%ld", c->group) < 0 ? -ENOMEM : 0;
	}
	if (!**slot)
		return -EINVAL;
	return word_add(out, *slot);
}

int cli_cmd_format(const struct cli_cmd *c, struct strbuf *out)
{
	static const enum kw args[] = {KW_RAW, KW_GROUP, KW_PATH, KW_MAP, KW_FORMAT, KW_KEY};
	const struct form *f = form_of_verb(c->verb);
	uint64_t all;
	int rc;

	if (!f)
		return -EINVAL;
	/* Refuse arguments the command has no place for, and missing ones. */
	all = form_words(f);
	for (size_t i = 0; i < sizeof(args) / sizeof(args[0]); i++)
		if (cmd_has(c, args[i]) ? !(all & W(args[i]))
					: (all & ~f->optional & W(args[i])) != 0)
			return -EINVAL;
	for (int i = 0; i < FORM_WORDS && f->words[i]; i++) {
		enum kw k = f->words[i];

		if ((f->optional & W(k)) && !cmd_has(c, k))
			continue;
		if ((i && strbuf_addch(out, ' ') < 0) || strbuf_addstr(out, keywords[k].name) < 0)
			return -ENOMEM;
		if (keywords[k].arg) {
			rc = word_add_arg(c, k, out);
			if (rc < 0)
				return rc;
		}
	}
	return 0;
}

int cli_usage(struct strbuf *out)
{
	if (strbuf_addstr(out, "multipathd [interactive|<command>]\n") < 0)
		return -ENOMEM;
	for (size_t i = 0; i < N_FORMS; i++)
		if (strbuf_addstr(out, "  ") < 0 || form_usage(&forms[i], out) < 0 ||
		    strbuf_addch(out, '\n') < 0)
			return -ENOMEM;
	return 0;
}

const char *cli_verb_name(enum cli_verb v)
{
	const struct form *f = form_of_verb(v);

	return f ? f->name : "unknown";
}
