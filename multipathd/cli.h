/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cli: the words of multipathd's commands, from a text line to a struct cli_cmd
 * and back. Pure logic: no IO, no logging, no global state; every function is
 * safe to call from any thread at the same time.
 *
 * Words. The command set is multipath-tools' (see cli_usage() for the list).
 * Words are lowercase and case-sensitive. Some keywords have a second
 * spelling: list = show, multipath = map, multipaths = maps, remove = del,
 * switch = switchgroup. As in multipath-tools, a command is the set of its
 * keywords, in any order: "show map M topology", "show topology map M" and
 * "map M show topology" are the same command, and so are "getprstatus map M"
 * and "map M getprstatus". This is a superset of Debian's multipathd 0.9.4,
 * which (observed in the VM) takes only the order shown by cli_usage(), verb
 * first, and refuses "raw" without "format" and "show map M" alone: every
 * line it accepts means the same here. The keywords path, map, group, key and format
 * always take the next word as their argument; names of maps and paths are
 * taken as given (sda, 8:16, mpatha, a WWID), even when they spell a keyword.
 *
 * Tokens. Words are separated by blanks (space, tab). A double quote starts a
 * quoted part that may hold blanks and ends at the next unescaped double
 * quote; inside it a backslash takes the next character literally (\" and \\).
 * Outside quotes a backslash is an ordinary character. Quoted and unquoted
 * parts next to each other form one word (a"b c"d is the word `ab cd`), as in
 * a shell. So `show paths format "%d %t"` has the format `%d %t`.
 *
 * Refused lines (cli_parse returns -EINVAL, err holds one line, no newline):
 * NULL or no words ("empty command"), more than CLI_LINE_MAX bytes, a byte
 * below 0x20 other than tab or the byte 0x7f (callers strip the newline that
 * ends a line), an unterminated quote, an unknown word ("unknown command:
 * 'x'"), a keyword given twice, a keyword whose argument is missing ("missing
 * argument for 'path'") or empty, words left over after a complete command
 * ("too many words"), a command missing words ("incomplete command ..."), a
 * group that is not a decimal number in 1..INT_MAX ("bad group number 'x'").
 *
 * Ownership: a struct cli_cmd owns its strings (NULL when the command has no
 * such argument); cli_cmd_release() frees them. Zero-initialised is a valid
 * empty command to release.
 */
#ifndef MPD_CLI_H
#define MPD_CLI_H

#include <stdbool.h>

struct strbuf;

/* The longest line cli_parse() accepts, in bytes, without the NUL. */
#define CLI_LINE_MAX 4096

/* One value per distinct command. Optional words ([raw], [format F], ...)
 * are fields of struct cli_cmd, not separate verbs. */
/* clang-format off */
enum cli_verb {
	CLI_SHOW_PATHS,		/* show paths [raw] [format F] */
	CLI_SHOW_PATH,		/* show path P [raw] [format F] */
	CLI_SHOW_MAPS,		/* show maps [raw] [format F] */
	CLI_SHOW_MAP,		/* show map M [raw] [format F] */
	CLI_SHOW_MAPS_STATUS,	/* show maps status */
	CLI_SHOW_MAPS_STATS,	/* show maps stats */
	CLI_SHOW_TOPOLOGY,	/* show topology; show maps topology */
	CLI_SHOW_MAP_TOPOLOGY,	/* show map M topology */
	CLI_SHOW_MAPS_JSON,	/* show maps json */
	CLI_SHOW_MAP_JSON,	/* show map M json */
	CLI_SHOW_CONFIG,	/* show config */
	CLI_SHOW_CONFIG_LOCAL,	/* show config local */
	CLI_SHOW_STATUS,	/* show status */
	CLI_SHOW_DAEMON,	/* show daemon */
	CLI_SHOW_WILDCARDS,	/* show wildcards */
	CLI_SHOW_BLACKLIST,	/* show blacklist */
	CLI_SHOW_DEVICES,	/* show devices */
	CLI_SHOW_IO_ERR_STAT,	/* show io_err_stat (ours, not upstream's) */
	CLI_RECONFIGURE,	/* reconfigure */
	CLI_RECONFIGURE_ALL,	/* reconfigure all */
	CLI_ADD_PATH,		/* add path P */
	CLI_DEL_PATH,		/* del path P */
	CLI_ADD_MAP,		/* add map M */
	CLI_DEL_MAP,		/* del map M */
	CLI_DEL_MAPS,		/* del maps */
	CLI_FAIL_PATH,		/* fail path P */
	CLI_REINSTATE_PATH,	/* reinstate path P */
	CLI_SWITCHGROUP,	/* switchgroup map M group N */
	CLI_RESIZE_MAP,		/* resize map M */
	CLI_RELOAD_MAP,		/* reload map M */
	CLI_SUSPEND_MAP,	/* suspend map M */
	CLI_RESUME_MAP,		/* resume map M */
	CLI_RESET_MAP,		/* reset map M (reassign the map's holders) */
	CLI_RESET_MAP_STATS,	/* reset map M stats */
	CLI_RESET_MAPS_STATS,	/* reset maps stats */
	CLI_DISABLEQ_MAP,	/* disablequeueing map M */
	CLI_DISABLEQ_MAPS,	/* disablequeueing maps */
	CLI_RESTOREQ_MAP,	/* restorequeueing map M */
	CLI_RESTOREQ_MAPS,	/* restorequeueing maps */
	CLI_FORCEQ_DAEMON,	/* forcequeueing daemon */
	CLI_RESTOREQ_DAEMON,	/* restorequeueing daemon */
	CLI_GETPRSTATUS,	/* getprstatus map M */
	CLI_SETPRSTATUS,	/* setprstatus map M */
	CLI_UNSETPRSTATUS,	/* unsetprstatus map M */
	CLI_GETPRKEY,		/* getprkey map M */
	CLI_SETPRKEY,		/* setprkey map M key K */
	CLI_UNSETPRKEY,		/* unsetprkey map M */
	CLI_SETMARGINAL_PATH,	/* setmarginal path P */
	CLI_UNSETMARGINAL_PATH, /* unsetmarginal path P */
	CLI_UNSETMARGINAL_MAP,	/* unsetmarginal map M */
	CLI_SHUTDOWN,		/* shutdown */
	CLI_HELP,		/* help */
	CLI_VERB_COUNT		/* not a command */
};
/* clang-format on */

struct cli_cmd {
	enum cli_verb verb;
	bool raw;     /* "raw" given: no header line */
	char *format; /* "format F": F, or NULL */
	char *path;   /* "path P": P, or NULL */
	char *map;    /* "map M": M, or NULL */
	long group;   /* "group N": N (1..INT_MAX), or 0 */
	char *key;    /* "key K": K as given (not checked), or NULL */
};

/*
 * Parse one command line (NUL-terminated, without its newline).
 * Returns 0 and fills *out (which the caller then releases), -EINVAL with a
 * one-line reason appended to err (when err is not NULL), or -ENOMEM. *out is
 * written only on success.
 */
int cli_parse(const char *line, struct cli_cmd *out, struct strbuf *err);

/* Free the strings of c and zero it. Accepts NULL. */
void cli_cmd_release(struct cli_cmd *c);

/* True unless c only reads (show ... and help): the daemon allows commands
 * that change state to root only. */
bool cli_cmd_changes_state(const struct cli_cmd *c);

/* True when a and b are the same command with the same arguments. */
bool cli_cmd_equal(const struct cli_cmd *a, const struct cli_cmd *b);

/*
 * Append c in canonical words: the first spelling of each keyword, in the
 * order of cli_usage(), with arguments quoted only when they must be (blanks
 * or a double quote). cli_parse() of the result gives a command equal to c
 * when the result fits in CLI_LINE_MAX: escapes can make it longer than the
 * line c was parsed from, but never more than twice as long.
 * No trailing newline. Returns 0, -EINVAL for a verb out of range or a
 * missing argument, or -ENOMEM (out may then hold a partial line).
 */
int cli_cmd_format(const struct cli_cmd *c, struct strbuf *out);

/*
 * Append the usage text the daemon sends back with an error: the line
 * "multipathd [interactive|<command>]", then one line per command form,
 * indented by two blanks, e.g. "  show|list paths [raw] [format $format]".
 * Every line ends with a newline. Returns 0 or -ENOMEM.
 */
int cli_usage(struct strbuf *out);

/* The command's keywords without arguments, e.g. "switchgroup map group";
 * "unknown" for a value out of range. A static string. */
const char *cli_verb_name(enum cli_verb v);

#endif
