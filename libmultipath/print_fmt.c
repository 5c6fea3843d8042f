// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Wildcard formats (`multipathd show paths format F`, ...), the wildcard
 * list and the JSON document of the maps. The contract is in print.h.
 *
 * A format is parsed into literal runs and wildcards. Every cell is
 * rendered into a string first, so the padded layout knows each column's
 * width (the widest of its header and its cells) before the first line is
 * written. Pure formatting: the only call out of the structs is
 * io_err_stat_path_status(), which takes io_err_stat's own lock.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/keywords.h"
#include "io_err_stat.h"
#include "print.h"

/* One wildcard: its letter, its column header and how to render a cell. */
struct wildcard {
	char letter;
	const char *header;
	int (*fn)(const void *obj, const struct print_ctx *ctx, struct strbuf *out);
};

/* A path group together with its map and its 1-based number. */
struct pg_obj {
	const struct multipath *mpp;
	const struct pathgroup *pg;
	int number;
};

static long ctx_now(const struct print_ctx *ctx)
{
	return ctx ? ctx->now : 0;
}

static int add_or_undef(struct strbuf *out, const char *s, const char *undef)
{
	return strbuf_addstr(out, s && s[0] ? s : undef);
}

/* "XXXX...... 4/10": left seconds out of total, ten marks. */
static int add_progress(struct strbuf *out, long left, long total)
{
	long marks = total > 0 ? left * 10 / total : 0;

	if (marks < 0)
		marks = 0;
	if (marks > 10)
		marks = 10;
	if (strbuf_addchars(out, 'X', (size_t)marks) < 0 ||
	    strbuf_addchars(out, '.', (size_t)(10 - marks)) < 0)
		return -ENOMEM;
	return strbuf_addf(out, " %ld/%ld", left, total);
}

/* ------------------------------------------------------------------------ */
/* path wildcards                                                           */
/* ------------------------------------------------------------------------ */

#define PP ((const struct path *)obj)

static int pw_uuid(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return add_or_undef(out, PP->wwid, "");
}

static int pw_hcil(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	if (PP->hbtl.host < 0)
		return strbuf_addstr(out, "#:#:#:#");
	return strbuf_addf(out, "%d:%d:%d:%d", PP->hbtl.host, PP->hbtl.channel, PP->hbtl.target,
			   PP->hbtl.lun);
}

static int pw_dev(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return add_or_undef(out, PP->dev, "-");
}

static int pw_devt(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return strbuf_addstr(out, PP->dev_t);
}

const char *print_dm_path_state(enum dm_path_state st)
{
	return st == PSTATE_ACTIVE ? "active" : st == PSTATE_FAILED ? "failed" : "undef";
}

static int pw_dm_st(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return strbuf_addstr(out, PP->mpp ? print_dm_path_state(PP->dmstate) : "undef");
}

static int pw_dev_st(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return add_or_undef(out, PP->dev_state, "undef");
}

static int pw_chk_st(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return strbuf_addstr(out, PP->mpp ? path_state_name(PP->state) : "undef");
}

static int pw_vpr(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return strbuf_addf(out, "%s,%s", PP->vendor, PP->product);
}

static int pw_checker(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return add_or_undef(out, PP->checker_name, "undef");
}

static int pw_next_check(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	long left;

	if (!PP->mpp || !PP->checker || PP->check_interval <= 0)
		return strbuf_addstr(out, "orphan");
	left = PP->next_check - ctx_now(ctx);
	if (left < 0)
		left = 0;
	if (left > PP->check_interval)
		left = PP->check_interval;
	return add_progress(out, left, PP->check_interval);
}

static int pw_pri(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return strbuf_addf(out, "%d", PP->priority);
}

static int pw_size(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return print_size(PP->size, out);
}

static int pw_serial(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return strbuf_addstr(out, PP->serial);
}

/* marginal_pathgroups: "marginal" while the daemon has the path in a
 * marginal group, else "normal" */
static int pw_marginal(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return strbuf_addstr(out, PP->marginal ? "marginal" : "normal");
}

static int pw_map(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return strbuf_addstr(out, PP->mpp ? PP->mpp->alias : "[orphan]");
}

/* FC / iSCSI transport names the path does not carry: "[undef]". */
static int pw_undef(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)obj;
	(void)ctx;
	return strbuf_addstr(out, "[undef]");
}

static int pw_tgt_wwnn(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return add_or_undef(out, PP->tgt_node_name, "[undef]");
}

static int pw_foreign(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)obj;
	(void)ctx;
	return strbuf_addstr(out, "--");
}

static int pw_failures(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return strbuf_addf(out, "%d", PP->failcount);
}

/* The transport discovery found ("scsi:fcp", "nvme:tcp", ... "undef"). */
static int pw_protocol(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return strbuf_addstr(out, PP->protocol[0] ? PP->protocol : "undef");
}

/* What vpd_vendor read (the 3PAR volume name). */
static int pw_vpd_data(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return add_or_undef(out, PP->vpd_data, "[undef]");
}

static int pw_init_st(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return strbuf_addstr(out, PP->wwid[0] ? "ok" : "failed");
}

uint64_t print_lun_sam(int lun)
{
	uint64_t sam = 0;
	unsigned v = lun < 0 ? 0 : (unsigned)lun;

	/* SAM LUN: 16-bit levels, most significant first in the 8 bytes */
	for (int level = 0; level < 4; level++) {
		sam |= (uint64_t)(v & 0xffff) << (48 - 16 * level);
		v >>= 16;
	}
	return sam;
}

static int pw_lun_hex(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return strbuf_addf(out, "0x%016" PRIx64, print_lun_sam(PP->hbtl.lun));
}

static int pw_io_err(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	char buf[64];

	if (!ctx || !ctx->ies || io_err_stat_path_status(ctx->ies, PP->devt, buf, sizeof(buf)) < 0)
		return strbuf_addstr(out, "-");
	return strbuf_addstr(out, buf);
}

#undef PP

/* In the order `show wildcards` lists them (multipath-tools' order, ours
 * last). */
static const struct wildcard path_wildcards[] = {
	{'w', "uuid", pw_uuid},
	{'i', "hcil", pw_hcil},
	{'d', "dev", pw_dev},
	{'D', "dev_t", pw_devt},
	{'t', "dm_st", pw_dm_st},
	{'o', "dev_st", pw_dev_st},
	{'T', "chk_st", pw_chk_st},
	{'s', "vend/prod/rev", pw_vpr},
	{'c', "checker", pw_checker},
	{'C', "next_check", pw_next_check},
	{'p', "pri", pw_pri},
	{'S', "size", pw_size},
	{'z', "serial", pw_serial},
	{'M', "marginal_st", pw_marginal},
	{'m', "multipath", pw_map},
	{'N', "host WWNN", pw_undef},
	{'n', "target WWNN", pw_tgt_wwnn},
	{'R', "host WWPN", pw_undef},
	{'r', "target WWPN", pw_undef},
	{'a', "host adapter", pw_undef},
	{'G', "foreign", pw_foreign},
	{'g', "vpd page data", pw_vpd_data},
	{'0', "failures", pw_failures},
	{'P', "protocol", pw_protocol},
	{'I', "init_st", pw_init_st},
	{'L', "LUN hex", pw_lun_hex},
	{PRINT_IO_ERR_WILDCARD, "io_err_stat", pw_io_err},
};

/* ------------------------------------------------------------------------ */
/* map wildcards                                                            */
/* ------------------------------------------------------------------------ */

#define MP ((const struct multipath *)obj)

static const struct path *first_path(const struct multipath *mpp)
{
	return mpp->paths.n ? mpp->paths.items[0] : NULL;
}

static int mw_name(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return strbuf_addstr(out, MP->alias);
}

static int mw_uuid(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return strbuf_addstr(out, MP->wwid);
}

static int mw_sysfs(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	if (MP->dm_minor < 0)
		return strbuf_addstr(out, "undef");
	return strbuf_addf(out, "dm-%d", MP->dm_minor);
}

static int mw_failback(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	long left = MP->failback_deadline - ctx_now(ctx);

	if (MP->failback == FAILBACK_IMMEDIATE)
		return strbuf_addstr(out, "immediate");
	if (MP->failback == FAILBACK_FOLLOWOVER)
		return strbuf_addstr(out, "followover");
	if (MP->failback > 0 && MP->failback_deadline && left >= 0)
		return add_progress(out, left, MP->failback);
	return strbuf_addstr(out, "-");
}

static int mw_queueing(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	if (MP->queue_disabled || MP->no_path_retry == NO_PATH_RETRY_FAIL)
		return strbuf_addstr(out, "off");
	if (MP->no_path_retry == NO_PATH_RETRY_QUEUE)
		return strbuf_addstr(out, "on");
	if (MP->no_path_retry <= 0)
		return strbuf_addstr(out, "-");
	if (MP->retry_deadline && MP->retry_deadline > ctx_now(ctx))
		return strbuf_addf(out, "%ld sec", MP->retry_deadline - ctx_now(ctx));
	if (MP->queue_stopped)
		return strbuf_addstr(out, "off");
	return strbuf_addf(out, "%d chk", MP->no_path_retry);
}

int print_map_usable_paths(const struct multipath *mpp)
{
	int n = 0;

	for (size_t i = 0; i < mpp->paths.n; i++)
		n += path_state_usable(mpp->paths.items[i]->state);
	return n;
}

static int mw_paths(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return strbuf_addf(out, "%d", print_map_usable_paths(MP));
}

static int mw_wp(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return strbuf_addstr(out, MP->ro ? "ro" : "rw");
}

static int mw_dm_st(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return strbuf_addstr(out, MP->suspended ? "suspend" : "active");
}

static int mw_size(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return print_size(MP->size, out);
}

static int mw_features(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return add_or_undef(out, MP->features, "0");
}

static int mw_failures(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return strbuf_addf(out, "%u", MP->map_failures);
}

static int mw_hwhandler(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return add_or_undef(out, MP->hwhandler, "0");
}

static int mw_action(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return strbuf_addstr(out, MP->action);
}

static int mw_faults(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return strbuf_addf(out, "%u", MP->path_faults);
}

static int mw_switches(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return strbuf_addf(out, "%u", MP->switch_groups);
}

static int mw_loads(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return strbuf_addf(out, "%u", MP->map_loads);
}

static int mw_q_time(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return strbuf_addf(out, "%u", MP->total_q_time);
}

static int mw_q_timeouts(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return strbuf_addf(out, "%u", MP->q_timeouts);
}

static const char *map_rev(const struct multipath *mpp)
{
	const struct path *pp = first_path(mpp);

	return pp && pp->rev[0] ? pp->rev : "##";
}

static int mw_vpr(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return strbuf_addf(out, "%s,%s", MP->vendor[0] ? MP->vendor : "##",
			   MP->product[0] ? MP->product : "##");
}

static int mw_vend(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return add_or_undef(out, MP->vendor, "##");
}

static int mw_prod(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return add_or_undef(out, MP->product, "##");
}

static int mw_rev(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return strbuf_addstr(out, map_rev(MP));
}

/* The vpd_vendor data of the first path that has some. */
static int mw_vpd_data(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	for (size_t i = 0; i < MP->paths.n; i++)
		if (MP->paths.items[i]->vpd_data[0])
			return strbuf_addstr(out, MP->paths.items[i]->vpd_data);
	return strbuf_addstr(out, "[undef]");
}

#undef MP

static const struct wildcard map_wildcards[] = {
	{'n', "name", mw_name},
	{'w', "uuid", mw_uuid},
	{'d', "sysfs", mw_sysfs},
	{'F', "failback", mw_failback},
	{'Q', "queueing", mw_queueing},
	{'N', "paths", mw_paths},
	{'r', "write_prot", mw_wp},
	{'t', "dm-st", mw_dm_st},
	{'S', "size", mw_size},
	{'f', "features", mw_features},
	{'x', "failures", mw_failures},
	{'h', "hwhandler", mw_hwhandler},
	{'A', "action", mw_action},
	{'0', "path_faults", mw_faults},
	{'1', "switch_grp", mw_switches},
	{'2', "map_loads", mw_loads},
	{'3', "total_q_time", mw_q_time},
	{'4', "q_timeouts", mw_q_timeouts},
	{'s', "vend/prod/rev", mw_vpr},
	{'v', "vend", mw_vend},
	{'p', "prod", mw_prod},
	{'e', "rev", mw_rev},
	{'G', "foreign", pw_foreign},
	{'g', "vpd page data", mw_vpd_data},
};

/* ------------------------------------------------------------------------ */
/* path group wildcards                                                     */
/* ------------------------------------------------------------------------ */

#define PG ((const struct pg_obj *)obj)

const char *print_pg_state(enum pg_state st)
{
	switch (st) {
	case PGSTATE_ACTIVE:
		return "active";
	case PGSTATE_ENABLED:
		return "enabled";
	case PGSTATE_DISABLED:
		return "disabled";
	default:
		return "undef";
	}
}

static int gw_selector(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return add_or_undef(out, PG->mpp->selector, "");
}

static int gw_pri(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return strbuf_addf(out, "%d", PG->pg->priority);
}

static int gw_dm_st(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return strbuf_addstr(out, print_pg_state(PG->pg->status));
}

static int gw_marginal(const void *obj, const struct print_ctx *ctx, struct strbuf *out)
{
	(void)ctx;
	return strbuf_addstr(out, PG->pg->marginal ? "marginal" : "normal");
}

#undef PG

static const struct wildcard pg_wildcards[] = {
	{'s', "selector", gw_selector},
	{'p', "pri", gw_pri},
	{'t', "dm_st", gw_dm_st},
	{'M', "marginal_st", gw_marginal},
};

#define NWC(t) (sizeof(t) / sizeof((t)[0]))

/* ------------------------------------------------------------------------ */
/* the table engine                                                         */
/* ------------------------------------------------------------------------ */

/* One part of a parsed format: a literal run or a wildcard. */
struct fmt_part {
	const char *lit;
	size_t len;
	const struct wildcard *wc;
};
VECTOR_DEFINE(fmt_partvec, struct fmt_part)

static const struct wildcard *wildcard_find(const struct wildcard *tab, size_t ntab, char c)
{
	for (size_t i = 0; i < ntab; i++)
		if (tab[i].letter == c)
			return &tab[i];
	return NULL;
}

/*
 * "%X" is wildcard X; "%%" a percent sign; an unknown "%X" vanishes (no
 * cell, no header), as in multipath-tools; a "%" that ends the format
 * stays a percent sign.
 */
static int fmt_parse(const char *fmt, const struct wildcard *tab, size_t ntab,
		     struct fmt_partvec *parts)
{
	const char *p = fmt;

	while (*p) {
		const char *run = p;
		struct fmt_part part = {0};

		while (*p && !(p[0] == '%' && p[1]))
			p++;
		if (p > run) {
			part.lit = run;
			part.len = (size_t)(p - run);
			if (fmt_partvec_push(parts, part) < 0)
				return -ENOMEM;
			continue;
		}
		/* p[0] == '%' and p[1] != 0 */
		if (p[1] == '%') {
			part.lit = p;
			part.len = 1;
		} else {
			part.wc = wildcard_find(tab, ntab, p[1]);
		}
		p += 2;
		if ((part.wc || part.lit) && fmt_partvec_push(parts, part) < 0)
			return -ENOMEM;
	}
	return 0;
}

struct table {
	struct fmt_partvec parts;
	size_t ncells;  /* wildcards per row */
	size_t *width;  /* per wildcard */
	struct strvec cells; /* row-major */
};

static void table_release(struct table *t)
{
	fmt_partvec_release(&t->parts);
	free(t->width);
	t->width = NULL;
	strvec_free_all(&t->cells);
}

static int table_fill(struct table *t, const void *const *objs, size_t n,
		      const struct print_ctx *ctx)
{
	STRBUF_AUTO(cell);
	size_t k = 0;

	for (size_t i = 0; i < t->parts.n; i++)
		if (t->parts.items[i].wc)
			t->width[k++] = strlen(t->parts.items[i].wc->header);
	for (size_t r = 0; r < n; r++) {
		k = 0;
		for (size_t i = 0; i < t->parts.n; i++) {
			const struct wildcard *wc = t->parts.items[i].wc;
			size_t len;

			if (!wc)
				continue;
			strbuf_reset(&cell);
			if (wc->fn(objs[r], ctx, &cell) < 0 ||
			    strvec_push_dup(&t->cells, strbuf_str(&cell)) < 0)
				return -ENOMEM;
			len = cell.len;
			if (len > t->width[k])
				t->width[k] = len;
			k++;
		}
	}
	return 0;
}

/* One line: the header (cells NULL) or a row of cells. */
static int table_line(const struct table *t, char *const *cells, bool raw, struct strbuf *out)
{
	size_t k = 0;

	for (size_t i = 0; i < t->parts.n; i++) {
		const struct fmt_part *part = &t->parts.items[i];
		const char *s;
		size_t len;

		if (!part->wc) {
			if (strbuf_add(out, part->lit, part->len) < 0)
				return -ENOMEM;
			continue;
		}
		s = cells ? cells[k] : part->wc->header;
		len = strlen(s);
		if (strbuf_add(out, s, len) < 0 ||
		    (!raw && t->width[k] > len && strbuf_addchars(out, ' ', t->width[k] - len) < 0))
			return -ENOMEM;
		k++;
	}
	return strbuf_addch(out, '\n') < 0 ? -ENOMEM : 0;
}

/*
 * Format objs[0..n) with fmt. sel < n: only that row, without a header
 * (the widths still come from every row, as multipath-tools does for
 * `show map M format F`).
 */
static int format_table(const char *fmt, const struct wildcard *tab, size_t ntab,
			const void *const *objs, size_t n, size_t sel, const struct print_ctx *ctx,
			bool raw, struct strbuf *out)
{
	struct table t = {0};
	int rc;

	if (!fmt)
		return -EINVAL;
	rc = fmt_parse(fmt, tab, ntab, &t.parts);
	for (size_t i = 0; rc == 0 && i < t.parts.n; i++)
		t.ncells += t.parts.items[i].wc != NULL;
	if (rc == 0) {
		t.width = calloc(t.ncells + 1, sizeof(*t.width));
		rc = t.width ? table_fill(&t, objs, n, ctx) : -ENOMEM;
	}
	if (rc == 0 && !raw && sel >= n)
		rc = table_line(&t, NULL, raw, out);
	for (size_t r = 0; rc == 0 && r < n; r++)
		if (sel >= n || r == sel)
			rc = table_line(&t, t.cells.items + r * t.ncells, raw, out);
	table_release(&t);
	return rc;
}

/* An array of the vector's elements as const void * (NULL for none). */
static const void **objs_of(void *const *items, size_t n)
{
	const void **objs = calloc(n + 1, sizeof(*objs));

	for (size_t i = 0; objs && i < n; i++)
		objs[i] = items[i];
	return objs;
}

int print_paths_fmt(const char *fmt, const struct pathvec *paths, const struct path *only,
		    const struct print_ctx *ctx, bool raw, struct strbuf *out)
{
	const void **objs = objs_of((void *const *)paths->items, paths->n);
	size_t sel = SIZE_MAX;
	int rc;

	if (!objs)
		return -ENOMEM;
	for (size_t i = 0; only && i < paths->n; i++)
		if (paths->items[i] == only)
			sel = i;
	rc = only && sel == SIZE_MAX
		     ? -ENOENT
		     : format_table(fmt, path_wildcards, NWC(path_wildcards), objs, paths->n, sel,
				    ctx, raw, out);
	free(objs);
	return rc;
}

int print_maps_fmt(const char *fmt, const struct mapvec *maps, const struct multipath *only,
		   const struct print_ctx *ctx, bool raw, struct strbuf *out)
{
	const void **objs = objs_of((void *const *)maps->items, maps->n);
	size_t sel = SIZE_MAX;
	int rc;

	if (!objs)
		return -ENOMEM;
	for (size_t i = 0; only && i < maps->n; i++)
		if (maps->items[i] == only)
			sel = i;
	rc = only && sel == SIZE_MAX
		     ? -ENOENT
		     : format_table(fmt, map_wildcards, NWC(map_wildcards), objs, maps->n, sel, ctx,
				    raw, out);
	free(objs);
	return rc;
}

int print_pgs_fmt(const char *fmt, const struct multipath *mpp, const struct print_ctx *ctx,
		  bool raw, struct strbuf *out)
{
	struct pg_obj *pgs = calloc(mpp->pgs.n + 1, sizeof(*pgs));
	const void **objs = calloc(mpp->pgs.n + 1, sizeof(*objs));
	int rc = -ENOMEM;

	if (pgs && objs) {
		for (size_t i = 0; i < mpp->pgs.n; i++) {
			pgs[i] = (struct pg_obj){mpp, mpp->pgs.items[i], (int)i + 1};
			objs[i] = &pgs[i];
		}
		rc = format_table(fmt, pg_wildcards, NWC(pg_wildcards), objs, mpp->pgs.n, SIZE_MAX,
				  ctx, raw, out);
	}
	free(objs);
	free(pgs);
	return rc;
}

static int list_wildcards(const char *title, const struct wildcard *tab, size_t ntab,
			  struct strbuf *out)
{
	if (strbuf_addf(out, "%s format wildcards:\n", title) < 0)
		return -ENOMEM;
	for (size_t i = 0; i < ntab; i++)
		if (strbuf_addf(out, "%%%c  %s\n", tab[i].letter, tab[i].header) < 0)
			return -ENOMEM;
	return 0;
}

int print_wildcards(struct strbuf *out)
{
	if (list_wildcards("multipath", map_wildcards, NWC(map_wildcards), out) < 0 ||
	    strbuf_addch(out, '\n') < 0 ||
	    list_wildcards("path", path_wildcards, NWC(path_wildcards), out) < 0 ||
	    strbuf_addch(out, '\n') < 0 ||
	    list_wildcards("pathgroup", pg_wildcards, NWC(pg_wildcards), out) < 0)
		return -ENOMEM;
	return 0;
}

/* ------------------------------------------------------------------------ */
/* JSON                                                                     */
/* ------------------------------------------------------------------------ */

int print_json_string(const char *s, struct strbuf *out)
{
	static const char hex[] = "0123456789abcdef";

	if (strbuf_addch(out, '"') < 0)
		return -ENOMEM;
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		int rc;

		switch (*p) {
		case '"':
			rc = strbuf_addstr(out, "\\\"");
			break;
		case '\\':
			rc = strbuf_addstr(out, "\\\\");
			break;
		case '\b':
			rc = strbuf_addstr(out, "\\b");
			break;
		case '\f':
			rc = strbuf_addstr(out, "\\f");
			break;
		case '\n':
			rc = strbuf_addstr(out, "\\n");
			break;
		case '\r':
			rc = strbuf_addstr(out, "\\r");
			break;
		case '\t':
			rc = strbuf_addstr(out, "\\t");
			break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				rc = strbuf_addf(out, "\\u00%c%c", hex[*p >> 4], hex[*p & 15]);
			else
				rc = strbuf_addch(out, (char)*p);
		}
		if (rc < 0)
			return -ENOMEM;
	}
	return strbuf_addch(out, '"') < 0 ? -ENOMEM : 0;
}

/* `   "key" : "value",` at indent; last: no comma. */
static int json_str(struct strbuf *out, int indent, const char *key, const char *val, bool last)
{
	if (strbuf_addf(out, "%*s\"%s\" : ", indent, "", key) < 0 ||
	    print_json_string(val, out) < 0 || strbuf_addstr(out, last ? "\n" : ",\n") < 0)
		return -ENOMEM;
	return 0;
}

static int json_int(struct strbuf *out, int indent, const char *key, long val)
{
	return strbuf_addf(out, "%*s\"%s\" : %ld,\n", indent, "", key, val) < 0 ? -ENOMEM : 0;
}

/* A wildcard's cell as a JSON string field. */
static int json_cell(struct strbuf *out, int indent, const char *key, const struct wildcard *tab,
		     size_t ntab, char letter, const void *obj, const struct print_ctx *ctx,
		     bool last)
{
	STRBUF_AUTO(cell);
	const struct wildcard *wc = wildcard_find(tab, ntab, letter);

	if (!wc || wc->fn(obj, ctx, &cell) < 0)
		return -ENOMEM;
	return json_str(out, indent, key, strbuf_str(&cell), last);
}

#define PCELL(key, c, last) json_cell(out, 12, key, path_wildcards, NWC(path_wildcards), c, pp, ctx, last)

static int json_path(const struct path *pp, const struct print_ctx *ctx, struct strbuf *out)
{
	int rc = 0;

	rc |= strbuf_addstr(out, "{\n") < 0;
	rc |= json_str(out, 12, "dev", pp->dev, false);
	rc |= json_str(out, 12, "dev_t", pp->dev_t, false);
	rc |= PCELL("dm_st", 't', false);
	rc |= PCELL("dev_st", 'o', false);
	rc |= PCELL("chk_st", 'T', false);
	rc |= PCELL("checker", 'c', false);
	rc |= json_int(out, 12, "pri", pp->priority);
	rc |= PCELL("host_wwnn", 'N', false);
	rc |= PCELL("target_wwnn", 'n', false);
	rc |= PCELL("host_wwpn", 'R', false);
	rc |= PCELL("target_wwpn", 'r', false);
	rc |= PCELL("host_adapter", 'a', false);
	rc |= PCELL("lun_hex", 'L', false);
	rc |= PCELL("marginal_st", 'M', false);
	/* ours: io_err_stat's state of the path (%E) */
	rc |= PCELL("io_err_stat", PRINT_IO_ERR_WILDCARD, true);
	rc |= strbuf_addstr(out, "         }") < 0;
	return rc ? -ENOMEM : 0;
}

#undef PCELL

static int json_pg(const struct multipath *mpp, size_t g, const struct print_ctx *ctx,
		   struct strbuf *out)
{
	const struct pathgroup *pg = mpp->pgs.items[g];
	int rc = 0;

	rc |= strbuf_addstr(out, "{\n") < 0;
	rc |= json_str(out, 9, "selector", mpp->selector ? mpp->selector : "", false);
	rc |= json_int(out, 9, "pri", pg->priority);
	rc |= json_str(out, 9, "dm_st", print_pg_state(pg->status), false);
	rc |= json_str(out, 9, "marginal_st", pg->marginal ? "marginal" : "normal", false);
	rc |= json_int(out, 9, "group", (long)g + 1);
	rc |= strbuf_addstr(out, "         \"paths\": [") < 0;
	for (size_t i = 0; rc == 0 && i < pg->paths.n; i++) {
		rc |= (i ? strbuf_addch(out, ',') : 0) < 0;
		rc |= json_path(pg->paths.items[i], ctx, out);
	}
	rc |= strbuf_addstr(out, "]\n      }") < 0;
	return rc ? -ENOMEM : 0;
}

#define MCELL(key, c) json_cell(out, 6, key, map_wildcards, NWC(map_wildcards), c, mpp, ctx, false)

/* The fields of a map, "{\n" to the closing brace at indent 3. */
static int json_map(const struct multipath *mpp, const struct print_ctx *ctx, struct strbuf *out)
{
	int rc = 0;

	rc |= strbuf_addstr(out, "{\n") < 0;
	rc |= MCELL("name", 'n');
	rc |= MCELL("uuid", 'w');
	rc |= MCELL("sysfs", 'd');
	rc |= MCELL("failback", 'F');
	rc |= MCELL("queueing", 'Q');
	rc |= json_int(out, 6, "paths", print_map_usable_paths(mpp));
	rc |= MCELL("write_prot", 'r');
	rc |= MCELL("dm_st", 't');
	rc |= MCELL("features", 'f');
	rc |= MCELL("hwhandler", 'h');
	rc |= MCELL("action", 'A');
	rc |= json_int(out, 6, "path_faults", mpp->path_faults);
	rc |= MCELL("vend", 'v');
	rc |= MCELL("prod", 'p');
	rc |= MCELL("rev", 'e');
	rc |= json_int(out, 6, "switch_grp", mpp->switch_groups);
	rc |= json_int(out, 6, "map_loads", mpp->map_loads);
	rc |= json_int(out, 6, "total_q_time", mpp->total_q_time);
	rc |= json_int(out, 6, "q_timeouts", mpp->q_timeouts);
	rc |= strbuf_addstr(out, "      \"path_groups\": [") < 0;
	for (size_t g = 0; rc == 0 && g < mpp->pgs.n; g++) {
		rc |= (g ? strbuf_addch(out, ',') : 0) < 0;
		rc |= json_pg(mpp, g, ctx, out);
	}
	rc |= strbuf_addstr(out, "]\n   }") < 0;
	return rc ? -ENOMEM : 0;
}

#undef MCELL

static int json_head(struct strbuf *out)
{
	return strbuf_addf(out, "{\n   \"major_version\": %d,\n   \"minor_version\": %d,\n",
			   PRINT_JSON_MAJOR, PRINT_JSON_MINOR) < 0
		       ? -ENOMEM
		       : 0;
}

int print_maps_json(const struct mapvec *maps, const struct print_ctx *ctx, struct strbuf *out)
{
	int rc = json_head(out);

	if (rc == 0 && strbuf_addstr(out, "   \"maps\": [") < 0)
		rc = -ENOMEM;
	for (size_t i = 0; rc == 0 && i < maps->n; i++) {
		if (i && strbuf_addch(out, ',') < 0)
			return -ENOMEM;
		rc = json_map(maps->items[i], ctx, out);
	}
	if (rc == 0 && strbuf_addstr(out, "]\n}\n") < 0)
		rc = -ENOMEM;
	return rc;
}

int print_map_json(const struct multipath *mpp, const struct print_ctx *ctx, struct strbuf *out)
{
	int rc = json_head(out);

	if (rc == 0 && strbuf_addstr(out, "   \"map\":") < 0)
		rc = -ENOMEM;
	if (rc == 0)
		rc = json_map(mpp, ctx, out);
	if (rc == 0 && strbuf_addstr(out, "\n}\n") < 0)
		rc = -ENOMEM;
	return rc;
}
