// SPDX-License-Identifier: GPL-2.0-or-later
#include <ctype.h>
#include <errno.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "keywords.h"

_Static_assert(KW_COUNT <= 128, "props.set holds 128 bits");

static const struct kw_word yesno[] = {{"no", YN_NO}, {"yes", YN_YES}, {NULL, 0}};
static const struct kw_word no_off[] = {{"no", 0}, {"off", 0}, {NULL, 0}};
static const struct kw_word rate_off[] = {
	{"no", IO_ERR_THRESHOLD_OFF}, {"off", IO_ERR_THRESHOLD_OFF}, {NULL, 0}};
static const struct kw_word pgpolicies[] = {
	{"failover", PGP_FAILOVER},
	{"multibus", PGP_MULTIBUS},
	{"group_by_serial", PGP_GROUP_BY_SERIAL},
	{"group_by_prio", PGP_GROUP_BY_PRIO},
	{"group_by_node_name", PGP_GROUP_BY_NODE_NAME},
	{"group_by_tpg", PGP_GROUP_BY_TPG},
	{NULL, 0}};
static const struct kw_word failbacks[] = {{"manual", FAILBACK_MANUAL},
					    {"immediate", FAILBACK_IMMEDIATE},
					    {"followover", FAILBACK_FOLLOWOVER},
					    {NULL, 0}};
static const struct kw_word no_path_retries[] = {
	{"fail", NO_PATH_RETRY_FAIL}, {"queue", NO_PATH_RETRY_QUEUE}, {NULL, 0}};
static const struct kw_word rr_weights[] = {
	{"uniform", RR_WEIGHT_UNIFORM}, {"priorities", RR_WEIGHT_PRIORITIES}, {NULL, 0}};
static const struct kw_word find_mps[] = {
	{"off", FIND_MP_OFF},	    {"no", FIND_MP_OFF},	 {"on", FIND_MP_ON},
	{"yes", FIND_MP_ON},	    {"greedy", FIND_MP_GREEDY}, {"smart", FIND_MP_SMART},
	{"strict", FIND_MP_STRICT}, {NULL, 0}};
static const struct kw_word log_chkr[] = {
	{"always", LOG_CHKR_ERR_ALWAYS}, {"once", LOG_CHKR_ERR_ONCE}, {NULL, 0}};
static const struct kw_word fast_io[] = {{"off", FAST_IO_FAIL_OFF}, {NULL, 0}};
static const struct kw_word dev_loss[] = {{"infinity", DEV_LOSS_TMO_INFINITY}, {NULL, 0}};
/* yes/no first: they print as multipath-tools 0.9.4 prints them */
static const struct kw_word flush_last[] = {{"no", FLUSH_UNUSED},	  {"yes", FLUSH_ALWAYS},
					    {"always", FLUSH_ALWAYS}, {"unused", FLUSH_UNUSED},
					    {"never", FLUSH_NEVER},   {NULL, 0}};
static const struct kw_word max_fds[] = {{"max", MAX_FDS_MAX}, {NULL, 0}};
static const struct kw_word eh_off[] = {{"off", EH_DEADLINE_OFF}, {NULL, 0}};
static const struct kw_word marginal_pgs[] = {
	{"off", MARGINAL_PG_OFF}, {"on", MARGINAL_PG_ON},  {"fpin", MARGINAL_PG_FPIN},
	{"no", MARGINAL_PG_OFF},  {"yes", MARGINAL_PG_ON}, {NULL, 0}};
static const struct kw_word vpd_vendors[] = {{"hp3par", VPD_VENDOR_HP3PAR}, {NULL, 0}};

static const char *const deprecated_names[] = {
	"multipath_dir", "getuid_callout", "pg_timeout", "disable_changed_wwids", NULL};
static const char *const protocol_names[] = {
	"scsi:fcp",  "scsi:spi",   "scsi:ssa",	 "scsi:sbp",   "scsi:srp",	   "scsi:iscsi",
	"scsi:sas",  "scsi:adt",   "scsi:ata",	 "scsi:unspec", "ccw",	   "cciss",
	"nvme:pcie", "nvme:rdma",  "nvme:fc",	 "nvme:tcp",   "nvme:loop", "nvme:apple-nvme",
	"nvme:unspec", "undef",	   NULL};

/* Kept equal to the registries (checkers.c, prio.c) by test_checkers and test_prio. */
static const char *const checker_names[] = {"tur",   "directio",  "readsector0", "none",
					    "emc_clariion", "rdac", "hp_sw", "cciss_tur", NULL};
static const char *const prio_names[] = {
	"const", "weightedpath", "path_latency", "sysfs", "alua", "emc",    "rdac", "hds",
	"hp_sw", "ontap",	  "datacore",	  "iet",   "random", "ana",  NULL};
static const char *const selector_names[] = {"round-robin", "queue-length", "service-time",
					     "historical-service-time", "io-affinity", NULL};

static bool name_in(const char *name, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(name, *list))
			return true;
	return false;
}

bool checker_name_valid(const char *name)
{
	return name_in(name, checker_names);
}

bool prio_name_valid(const char *name)
{
	return name_in(name, prio_names);
}

bool keyword_is_deprecated(const char *name)
{
	return name_in(name, deprecated_names);
}

bool protocol_name_valid(const char *name)
{
	return name_in(name, protocol_names);
}

int reservation_key_validate(const char *v, struct strbuf *why)
{
	const char *p = v, *end;
	size_t digits;

	if (!strcmp(v, "file"))
		return 0;
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
		p += 2;
	digits = strspn(p, "0123456789abcdefABCDEF");
	end = p + digits;
	if (digits > 0 && digits <= 16 && (!*end || !strcmp(end, ":aptpl")))
		return 0;
	strbuf_addf(why, "'%s' is not \"file\" nor a key of at most 8 hex bytes [:aptpl]", v);
	return -EINVAL;
}

static int list_names(struct strbuf *why, const char *what, const char *value,
		      const char *const *list)
{
	strbuf_addf(why, "unknown %s '%s' (known:", what, value);
	for (; *list; list++)
		strbuf_addf(why, " %s", *list);
	strbuf_addch(why, ')');
	return -EINVAL;
}

static int v_nonempty(const char *v, struct strbuf *why)
{
	if (*v)
		return 0;
	strbuf_addstr(why, "empty value");
	return -EINVAL;
}

static int v_name(const char *v, struct strbuf *why)
{
	if (v_nonempty(v, why) < 0)
		return -EINVAL;
	if (!strchr(v, '/') && strcmp(v, ".") && strcmp(v, ".."))
		return 0;
	strbuf_addf(why, "'%s' cannot be used as a device name", v);
	return -EINVAL;
}

static int v_abspath(const char *v, struct strbuf *why)
{
	if (v[0] == '/')
		return 0;
	strbuf_addf(why, "'%s' is not an absolute path", v);
	return -EINVAL;
}

/* config_dir: an absolute path, or "" for none */
static int v_config_dir(const char *v, struct strbuf *why)
{
	return *v ? v_abspath(v, why) : 0;
}

int regex_validate(const char *v, struct strbuf *why)
{
	regex_t re;
	int rc;

	if (v_nonempty(v, why) < 0)
		return -EINVAL;
	rc = regcomp(&re, v[0] == '!' ? v + 1 : v, REG_EXTENDED | REG_NOSUB);
	if (rc == 0) {
		regfree(&re);
		return 0;
	}
	char msg[128];

	regerror(rc, &re, msg, sizeof(msg));
	strbuf_addf(why, "bad regular expression '%s': %s", v, msg);
	return -EINVAL;
}

/* Split off the first word of s into buf; returns the rest, or NULL. */
static const char *first_word(const char *s, char *buf, size_t size)
{
	size_t n;

	s += strspn(s, " \t");
	n = strcspn(s, " \t");
	if (n == 0 || n >= size)
		return NULL;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return s + n;
}

static int v_checker(const char *v, struct strbuf *why)
{
	return checker_name_valid(v) ? 0 : list_names(why, "checker", v, checker_names);
}

static int v_prio(const char *v, struct strbuf *why)
{
	return prio_name_valid(v) ? 0 : list_names(why, "prioritizer", v, prio_names);
}

static int v_selector(const char *v, struct strbuf *why)
{
	char name[64];

	if (!first_word(v, name, sizeof(name)))
		return v_nonempty("", why);
	return name_in(name, selector_names) ? 0
					     : list_names(why, "path selector", name, selector_names);
}

/* "N word..." with exactly N words after the count, as the kernel wants. */
static int v_counted(const char *v, struct strbuf *why)
{
	const char *p = v;
	char *end;
	long n, words = 0;

	n = strtol(p, &end, 10);
	if (!isdigit((unsigned char)*p) || n > 64 || (*end && *end != ' ' && *end != '\t')) {
		strbuf_addf(why, "'%s' does not start with an argument count", v);
		return -EINVAL;
	}
	for (p = end; *p;) {
		p += strspn(p, " \t");
		if (!*p)
			break;
		words++;
		p += strcspn(p, " \t");
	}
	if (words == n)
		return 0;
	strbuf_addf(why, "'%s' announces %ld arguments but has %ld", v, n, words);
	return -EINVAL;
}

static int v_hwhandler(const char *v, struct strbuf *why)
{
	long n;

	if (v_counted(v, why) < 0)
		return -EINVAL;
	n = strtol(v, NULL, 10);
	if (n == 0 || n == 1)
		return 0;
	strbuf_addf(why, "'%s': a hardware handler takes one name ('0' or '1 NAME')", v);
	return -EINVAL;
}

#define FIELD(f) offsetof(struct props, f)
#define NUM(lo, hi) .min = (lo), .max = (hi)
#define WORDS_ONLY .min = 1, .max = 0

/* Rows by enum kw_id, whose order is the order of `multipath -t`. */
const struct keyword keywords[KW_COUNT] = {
	[KW_VERBOSITY] = {"verbosity", NULL, KWT_INT, SEC_DEFAULTS, FIELD(verbosity), NULL,
			  NUM(0, 4), .builtin = "2"},
	[KW_POLLING_INTERVAL] = {"polling_interval", NULL, KWT_INT, SEC_DEFAULTS,
				 FIELD(polling_interval), NULL, NUM(0, 3600), .builtin = "5"},
	[KW_MAX_POLLING_INTERVAL] = {"max_polling_interval", NULL, KWT_INT, SEC_DEFAULTS,
				     FIELD(max_polling_interval), NULL, NUM(1, 14400)},
	[KW_FIND_MULTIPATHS] = {"find_multipaths", NULL, KWT_INT, SEC_DEFAULTS,
				FIELD(find_multipaths), find_mps, WORDS_ONLY, .builtin = "strict"},
	[KW_QUEUE_WITHOUT_DAEMON] = {"queue_without_daemon", NULL, KWT_INT, SEC_DEFAULTS,
				     FIELD(queue_without_daemon), yesno, WORDS_ONLY,
				     .builtin = "no"},
	[KW_LOG_CHECKER_ERR] = {"log_checker_err", NULL, KWT_INT, SEC_DEFAULTS,
				FIELD(log_checker_err), log_chkr, WORDS_ONLY, .builtin = "always"},
	[KW_UXSOCK_TIMEOUT] = {"uxsock_timeout", NULL, KWT_INT, SEC_DEFAULTS,
			       FIELD(uxsock_timeout), NULL, NUM(100, 3600000), .builtin = "4000"},
	[KW_BINDINGS_FILE] = {"bindings_file", NULL, KWT_STR, SEC_DEFAULTS, FIELD(bindings_file),
			      .validate = v_abspath, .builtin = "/etc/multipath/bindings"},
	[KW_WWIDS_FILE] = {"wwids_file", NULL, KWT_STR, SEC_DEFAULTS, FIELD(wwids_file),
			   .validate = v_abspath, .builtin = "/etc/multipath/wwids"},
	[KW_CONFIG_DIR] = {"config_dir", NULL, KWT_STR, SEC_DEFAULTS, FIELD(config_dir),
			   .validate = v_config_dir, .builtin = "/etc/multipath/conf.d"},
	/* like multipath-tools, an entry whose regex does not compile (product
	 * "*" in older vendor guides) is kept and printed; it matches nothing */
	[KW_VENDOR] = {"vendor", NULL, KWT_STR, SEC_DEVICE, FIELD(vendor), .validate = v_nonempty},
	[KW_PRODUCT] = {"product", NULL, KWT_STR, SEC_DEVICE, FIELD(product),
			.validate = v_nonempty},
	[KW_REVISION] = {"revision", NULL, KWT_STR, SEC_DEVICE, FIELD(revision),
			 .validate = v_nonempty},
	[KW_PRODUCT_BLACKLIST] = {"product_blacklist", NULL, KWT_STR, SEC_DEVICE,
				  FIELD(product_blacklist), .validate = regex_validate},
	[KW_WWID] = {"wwid", NULL, KWT_STR, SEC_MULTIPATH, FIELD(wwid), .validate = v_nonempty},
	[KW_ALIAS] = {"alias", NULL, KWT_STR, SEC_MULTIPATH, FIELD(alias), .validate = v_name},
	[KW_USER_FRIENDLY_NAMES] = {"user_friendly_names", NULL, KWT_INT, SEC_MAP,
				    FIELD(user_friendly_names), yesno, WORDS_ONLY,
				    .builtin = "no"},
	[KW_ALIAS_PREFIX] = {"alias_prefix", NULL, KWT_STR, SEC_PATH, FIELD(alias_prefix),
			     .validate = v_name, .builtin = "mpath"},
	[KW_UID_ATTRIBUTE] = {"uid_attribute", NULL, KWT_STR, SEC_PATH, FIELD(uid_attribute),
			      .validate = v_nonempty, .builtin = "ID_SERIAL"},
	[KW_PATH_GROUPING_POLICY] = {"path_grouping_policy", NULL, KWT_INT, SEC_MAP,
				     FIELD(pgpolicy), pgpolicies, WORDS_ONLY,
				     .builtin = "failover"},
	[KW_PATH_SELECTOR] = {"path_selector", NULL, KWT_STR, SEC_MAP, FIELD(selector),
			      .validate = v_selector, .builtin = "service-time 0"},
	[KW_PATH_CHECKER] = {"path_checker", "checker", KWT_STR, SEC_PATH, FIELD(checker),
			     .validate = v_checker, .builtin = "tur"},
	[KW_CHECKER_TIMEOUT] = {"checker_timeout", NULL, KWT_INT, SEC_PATH,
				FIELD(checker_timeout), NULL, NUM(1, 3600), .builtin = "30"},
	[KW_PRIO] = {"prio", NULL, KWT_STR, SEC_MAP, FIELD(prio), .validate = v_prio,
		     .builtin = "const"},
	[KW_PRIO_ARGS] = {"prio_args", NULL, KWT_STR, SEC_MAP, FIELD(prio_args), .builtin = ""},
	[KW_DETECT_PRIO] = {"detect_prio", NULL, KWT_INT, SEC_PATH, FIELD(detect_prio), yesno,
			    WORDS_ONLY, .builtin = "yes"},
	[KW_DETECT_CHECKER] = {"detect_checker", NULL, KWT_INT, SEC_PATH, FIELD(detect_checker),
			       yesno, WORDS_ONLY, .builtin = "yes"},
	[KW_FEATURES] = {"features", NULL, KWT_STR, SEC_MAP, FIELD(features),
			 .validate = v_counted, .builtin = "0"},
	[KW_HARDWARE_HANDLER] = {"hardware_handler", NULL, KWT_STR, SEC_DEVICE | SEC_OVERRIDES,
				 FIELD(hwhandler), .validate = v_hwhandler, .builtin = "0"},
	[KW_RETAIN_ATTACHED_HW_HANDLER] = {"retain_attached_hw_handler", NULL, KWT_INT, SEC_PATH,
					   FIELD(retain_hwhandler), yesno, WORDS_ONLY,
					   .builtin = "yes"},
	[KW_FAILBACK] = {"failback", NULL, KWT_INT, SEC_MAP, FIELD(failback), failbacks,
			 NUM(1, 86400), .builtin = "manual"},
	[KW_RR_WEIGHT] = {"rr_weight", NULL, KWT_INT, SEC_MAP, FIELD(rr_weight), rr_weights,
			  WORDS_ONLY, .builtin = "uniform"},
	[KW_RR_MIN_IO] = {"rr_min_io", NULL, KWT_INT, SEC_MAP, FIELD(rr_min_io), NULL,
			  NUM(1, 1000000), .builtin = "1000"},
	[KW_RR_MIN_IO_RQ] = {"rr_min_io_rq", NULL, KWT_INT, SEC_MAP, FIELD(rr_min_io_rq), NULL,
			     NUM(1, 1000000), .builtin = "1"},
	[KW_NO_PATH_RETRY] = {"no_path_retry", NULL, KWT_INT, SEC_MAP, FIELD(no_path_retry),
			      no_path_retries, NUM(0, 1000000), .builtin = "fail"},
	[KW_FLUSH_ON_LAST_DEL] = {"flush_on_last_del", NULL, KWT_INT, SEC_MAP,
				  FIELD(flush_on_last_del), flush_last, WORDS_ONLY,
				  .builtin = "no"},
	[KW_FAST_IO_FAIL_TMO] = {"fast_io_fail_tmo", NULL, KWT_INT, SEC_PATH | SEC_PROTOCOL,
				 FIELD(fast_io_fail), fast_io, NUM(0, 2147483646),
				 .builtin = "5"},
	[KW_DEV_LOSS_TMO] = {"dev_loss_tmo", NULL, KWT_INT, SEC_PATH | SEC_PROTOCOL,
			     FIELD(dev_loss), dev_loss, NUM(1, INT_MAX), .builtin = "600"},
	[KW_EH_DEADLINE] = {"eh_deadline", NULL, KWT_INT, SEC_PATH | SEC_PROTOCOL,
			    FIELD(eh_deadline), eh_off, NUM(0, INT_MAX)},
	[KW_MAX_SECTORS_KB] = {"max_sectors_kb", NULL, KWT_INT, SEC_MAP, FIELD(max_sectors_kb),
			       NULL, NUM(4, 1048576)},
	[KW_DELAY_WATCH_CHECKS] = {"delay_watch_checks", NULL, KWT_INT, SEC_MAP,
				   FIELD(delay_watch_checks), no_off, NUM(1, 1000000),
				   .builtin = "no"},
	[KW_DELAY_WAIT_CHECKS] = {"delay_wait_checks", NULL, KWT_INT, SEC_MAP,
				  FIELD(delay_wait_checks), no_off, NUM(1, 1000000),
				  .builtin = "no"},
	[KW_SAN_PATH_ERR_THRESHOLD] = {"san_path_err_threshold", NULL, KWT_INT, SEC_MAP,
				       FIELD(san_path_err_threshold), no_off, NUM(1, 1000000),
				       .builtin = "no"},
	[KW_SAN_PATH_ERR_FORGET_RATE] = {"san_path_err_forget_rate", NULL, KWT_INT, SEC_MAP,
					 FIELD(san_path_err_forget_rate), no_off,
					 NUM(1, 1000000), .builtin = "no"},
	[KW_SAN_PATH_ERR_RECOVERY_TIME] = {"san_path_err_recovery_time", NULL, KWT_INT, SEC_MAP,
					   FIELD(san_path_err_recovery_time), no_off,
					   NUM(1, 1000000), .builtin = "no"},
	[KW_PATH_IO_ERR_SAMPLE_TIME] = {"path_io_err_sample_time",
					"marginal_path_err_sample_time", KWT_INT, SEC_MAP,
					FIELD(io_err_sample_time), no_off, NUM(0, 3600),
					.builtin = "no"},
	[KW_PATH_IO_ERR_RATE_THRESHOLD] = {"path_io_err_rate_threshold",
					   "marginal_path_err_rate_threshold", KWT_INT, SEC_MAP,
					   FIELD(io_err_rate_threshold), rate_off, NUM(0, 1000),
					   .builtin = "no"},
	[KW_PATH_IO_ERR_RECOVERY_TIME] = {"path_io_err_recovery_time",
					  "marginal_path_err_recheck_gap_time", KWT_INT, SEC_MAP,
					  FIELD(io_err_recovery_time), no_off, NUM(0, 1000000),
					  .builtin = "no"},
	[KW_PATH_IO_ERR_DOUBLE_FAILED_TIME] = {"path_io_err_double_failed_time",
					       "marginal_path_double_failed_time", KWT_INT,
					       SEC_MAP, FIELD(io_err_double_failed_time), NULL,
					       NUM(1, 3600), .builtin = "60"},
	[KW_REASSIGN_MAPS] = {"reassign_maps", NULL, KWT_INT, SEC_DEFAULTS, FIELD(reassign_maps),
			      yesno, WORDS_ONLY, .builtin = "no"},
	[KW_MAX_FDS] = {"max_fds", NULL, KWT_INT, SEC_DEFAULTS, FIELD(max_fds), max_fds,
			NUM(1, INT_MAX), .builtin = "max"},
	[KW_ALLOW_USB_DEVICES] = {"allow_usb_devices", NULL, KWT_INT, SEC_DEFAULTS,
				  FIELD(allow_usb_devices), yesno, WORDS_ONLY, .builtin = "no"},
	[KW_PRKEYS_FILE] = {"prkeys_file", NULL, KWT_STR, SEC_DEFAULTS, FIELD(prkeys_file),
			    .validate = v_abspath, .builtin = "/etc/multipath/prkeys"},
	[KW_RESERVATION_KEY] = {"reservation_key", NULL, KWT_STR, SEC_DEFAULTS | SEC_MULTIPATH,
				FIELD(reservation_key), .validate = reservation_key_validate},
	[KW_ALL_TG_PT] = {"all_tg_pt", NULL, KWT_INT, SEC_PATH, FIELD(all_tg_pt), yesno,
			  WORDS_ONLY, .builtin = "no"},
	[KW_DETECT_PGPOLICY] = {"detect_pgpolicy", NULL, KWT_INT, SEC_PATH, FIELD(detect_pgpolicy),
				yesno, WORDS_ONLY, .builtin = "no"},
	[KW_DETECT_PGPOLICY_USE_TPG] = {"detect_pgpolicy_use_tpg", NULL, KWT_INT, SEC_PATH,
					FIELD(detect_pgpolicy_use_tpg), yesno, WORDS_ONLY,
					.builtin = "no"},
	[KW_FORCE_SYNC] = {"force_sync", NULL, KWT_INT, SEC_DEFAULTS, FIELD(force_sync), yesno,
			   WORDS_ONLY, .builtin = "yes"},
	[KW_STRICT_TIMING] = {"strict_timing", NULL, KWT_INT, SEC_DEFAULTS, FIELD(strict_timing),
			      yesno, WORDS_ONLY, .builtin = "no"},
	[KW_DEFERRED_REMOVE] = {"deferred_remove", NULL, KWT_INT, SEC_MAP, FIELD(deferred_remove),
				yesno, WORDS_ONLY, .builtin = "no"},
	[KW_RETRIGGER_TRIES] = {"retrigger_tries", NULL, KWT_INT, SEC_DEFAULTS,
				FIELD(retrigger_tries), NULL, NUM(0, 1000000), .builtin = "0"},
	[KW_RETRIGGER_DELAY] = {"retrigger_delay", NULL, KWT_INT, SEC_DEFAULTS,
				FIELD(retrigger_delay), NULL, NUM(0, 1000000), .builtin = "10"},
	[KW_MISSING_UEV_WAIT_TIMEOUT] = {"missing_uev_wait_timeout", NULL, KWT_INT, SEC_DEFAULTS,
					 FIELD(missing_uev_wait_timeout), NULL, NUM(0, 1000000),
					 .builtin = "30"},
	[KW_SKIP_KPARTX] = {"skip_kpartx", NULL, KWT_INT, SEC_MAP, FIELD(skip_kpartx), yesno,
			    WORDS_ONLY, .builtin = "no"},
	[KW_REMOVE_RETRIES] = {"remove_retries", NULL, KWT_INT, SEC_DEFAULTS,
			       FIELD(remove_retries), NULL, NUM(0, 1000000), .builtin = "0"},
	[KW_GHOST_DELAY] = {"ghost_delay", NULL, KWT_INT, SEC_MAP, FIELD(ghost_delay), no_off,
			    NUM(0, 1000000), .builtin = "no"},
	[KW_FIND_MULTIPATHS_TIMEOUT] = {"find_multipaths_timeout", NULL, KWT_INT, SEC_DEFAULTS,
					FIELD(find_multipaths_timeout), NULL,
					NUM(-1000000, 1000000), .builtin = "-10"},
	[KW_ENABLE_FOREIGN] = {"enable_foreign", NULL, KWT_STR, SEC_DEFAULTS,
			       FIELD(enable_foreign), .validate = regex_validate,
			       .builtin = "NONE"},
	[KW_MARGINAL_PATHGROUPS] = {"marginal_pathgroups", NULL, KWT_INT, SEC_DEFAULTS,
				    FIELD(marginal_pathgroups), marginal_pgs, WORDS_ONLY,
				    .builtin = "off"},
	[KW_RECHECK_WWID] = {"recheck_wwid", NULL, KWT_INT, SEC_DEFAULTS, FIELD(recheck_wwid),
			     yesno, WORDS_ONLY, .builtin = "no"},
	[KW_VPD_VENDOR] = {"vpd_vendor", NULL, KWT_INT, SEC_DEVICE | SEC_OVERRIDES,
			   FIELD(vpd_vendor), vpd_vendors, WORDS_ONLY},
};

const struct keyword *keyword_find(const char *name)
{
	for (size_t i = 0; i < KW_COUNT; i++) {
		const struct keyword *kw = &keywords[i];

		if (!strcmp(kw->name, name) || (kw->alias && !strcmp(kw->alias, name)))
			return kw;
	}
	return NULL;
}

static int *int_field(const struct keyword *kw, struct props *p)
{
	return (int *)((char *)p + kw->offset);
}

static char **str_field(const struct keyword *kw, struct props *p)
{
	return (char **)((char *)p + kw->offset);
}

static void mark_set(const struct keyword *kw, struct props *p)
{
	enum kw_id id = keyword_id(kw);

	p->set[id / 64] |= UINT64_C(1) << (id % 64);
}

static int explain_int(const struct keyword *kw, const char *text, struct strbuf *why)
{
	const char *sep = "";

	strbuf_addf(why, "invalid value '%s' for %s: expected ", text, kw->name);
	if (kw->min <= kw->max) {
		strbuf_addf(why, "a number from %d to %d", kw->min, kw->max);
		sep = kw->words ? " or " : "";
	}
	for (const struct kw_word *w = kw->words; w && w->name; w++) {
		strbuf_addf(why, "%s%s", sep, w->name);
		sep = ", ";
	}
	return -EINVAL;
}

static int parse_int(const struct keyword *kw, const char *text, int *out, struct strbuf *why)
{
	char *end;
	long v;

	for (const struct kw_word *w = kw->words; w && w->name; w++) {
		if (!strcasecmp(w->name, text)) {
			*out = w->value;
			return 0;
		}
	}
	/* strtol() alone would also take leading blanks and a '+' */
	if (kw->min > kw->max || !(isdigit((unsigned char)text[0]) ||
				   (text[0] == '-' && isdigit((unsigned char)text[1]))))
		return explain_int(kw, text, why);
	errno = 0;
	v = strtol(text, &end, 10);
	if (*end || errno || v < kw->min || v > kw->max)
		return explain_int(kw, text, why);
	*out = (int)v;
	return 0;
}

int keyword_set(const struct keyword *kw, struct props *p, const char *text, struct strbuf *why)
{
	char *copy;

	if (kw->type == KWT_INT) {
		int v = 0;

		if (parse_int(kw, text, &v, why) < 0)
			return -EINVAL;
		*int_field(kw, p) = v;
		mark_set(kw, p);
		return 0;
	}
	if (kw->validate && kw->validate(text, why) < 0) {
		STRBUF_AUTO(tmp);

		strbuf_addf(&tmp, "invalid value for %s: %s", kw->name, strbuf_str(why));
		strbuf_reset(why);
		strbuf_addstr(why, strbuf_str(&tmp));
		return -EINVAL;
	}
	copy = strdup(text);
	if (!copy)
		return -ENOMEM;
	free(*str_field(kw, p));
	*str_field(kw, p) = copy;
	mark_set(kw, p);
	return 0;
}

static int format_quoted(const char *s, struct strbuf *out)
{
	int rc = strbuf_addch(out, '"');

	for (; rc >= 0 && *s; s++)
		rc = *s == '"' ? strbuf_addstr(out, "\"\"") : strbuf_addch(out, *s);
	return rc < 0 ? rc : strbuf_addch(out, '"');
}

static int format_value(const struct keyword *kw, const struct props *p, struct strbuf *out,
			bool quote_words)
{
	int v;

	if (kw->type == KWT_STR) {
		const char *s = props_str(p, keyword_id(kw));

		return format_quoted(s ? s : "", out);
	}
	v = props_int(p, keyword_id(kw));
	/* named values quoted, numbers bare: multipath-tools' layout */
	for (const struct kw_word *w = kw->words; w && w->name; w++)
		if (w->value == v)
			return quote_words ? strbuf_addf(out, "\"%s\"", w->name)
					   : strbuf_addstr(out, w->name);
	return strbuf_addf(out, "%d", v);
}

int keyword_format(const struct keyword *kw, const struct props *p, struct strbuf *out)
{
	return format_value(kw, p, out, true);
}

int keyword_format_value(const struct keyword *kw, const struct props *p, struct strbuf *out)
{
	if (kw->type == KWT_STR) {
		const char *s = props_str(p, keyword_id(kw));

		return strbuf_addstr(out, s ? s : "(null)");
	}
	return format_value(kw, p, out, false);
}

int keyword_copy(const struct keyword *kw, struct props *dst, const struct props *src)
{
	if (kw->type == KWT_INT) {
		*int_field(kw, dst) = props_int(src, keyword_id(kw));
	} else {
		const char *s = props_str(src, keyword_id(kw));
		char *copy = s ? strdup(s) : NULL;

		if (s && !copy)
			return -ENOMEM;
		free(*str_field(kw, dst));
		*str_field(kw, dst) = copy;
	}
	mark_set(kw, dst);
	return 0;
}

void props_release(struct props *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < KW_COUNT; i++)
		if (keywords[i].type == KWT_STR)
			free(*str_field(&keywords[i], p));
	memset(p, 0, sizeof(*p));
}
