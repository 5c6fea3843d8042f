// SPDX-License-Identifier: GPL-2.0-or-later
/* dm-multipath table and status strings: assembly, disassembly, status. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysmacros.h>

#include "config/keywords.h"
#include "dmparser.h"
#include "structs.h"
#include "util/strbuf.h"

/*
 * Fixtures captured from the real kernel (Debian 6.1,
 * scsi_debug LUN seen as sda 8:0 and sdb 8:16; tests/vm scenarios 01, 02 and
 * 20). The kernel ends each string with a space.
 */
#define VM_FAILOVER_TABLE	  "0 1 alua 2 1 service-time 0 1 2 8:0 1 1 service-time 0 1 2 8:16 1 1 "
#define VM_FAILOVER_STATUS_FAILED "2 0 1 0 2 1 A 0 1 2 8:0 A 0 0 1 E 0 1 2 8:16 F 1 0 1 "
#define VM_FAILOVER_STATUS_BACK	  "2 0 1 0 2 1 A 0 1 2 8:0 A 0 0 1 E 0 1 2 8:16 A 1 0 1 "
#define VM_MULTIBUS_TABLE	  "1 queue_if_no_path 1 alua 1 1 round-robin 0 2 1 8:0 1 8:16 1 "
#define VM_MULTIBUS_STATUS	  "2 0 1 0 1 1 A 0 2 0 8:0 A 0 8:16 F 1 "
/* scenario 20: after "switch_group 2" and IO; in-flight bytes in the selector status */
#define VM_SWITCHED_TABLE                                                                          \
	"1 queue_if_no_path 1 alua 2 2 service-time 0 1 2 8:0 1 1 "                                \
	"service-time 0 1 2 8:16 1 1 "
#define VM_SWITCHED_STATUS "2 0 1 0 2 2 E 0 1 2 8:0 A 0 0 1 A 0 1 2 8:16 A 1 4096 1 "
#define VM_INFLIGHT_STATUS "2 0 1 0 2 1 A 0 1 2 8:0 A 0 4096 1 E 0 1 2 8:16 F 1 0 1 "
/* The example of the kernel's dm-service-time documentation. */
#define DOC_ST_TABLE  "0 0 1 1 service-time 0 2 2 8:0 128 1 8:16 128 4"
#define DOC_ST_STATUS "2 0 0 0 1 1 E 0 2 2 8:0 A 0 0 1 8:16 A 0 0 4"

struct fx {
	struct pathvec pv;
	struct multipath *mpp;
};

static struct path *fx_path(struct fx *f, const char *dev, unsigned maj, unsigned min)
{
	struct path *pp = path_new();

	assert_non_null(pp);
	strlcpy_trunc(pp->dev, dev, sizeof(pp->dev));
	snprintf(pp->dev_t, sizeof(pp->dev_t), "%u:%u", maj, min);
	pp->devt = makedev(maj, min);
	assert_int_equal(pathvec_push(&f->pv, pp), 0);
	return pp;
}

static char *xstrdup(const char *s)
{
	char *c = strdup(s);

	assert_non_null(c);
	return c;
}

static void fx_init(struct fx *f)
{
	memset(f, 0, sizeof(*f));
	f->mpp = map_new();
	assert_non_null(f->mpp);
	strlcpy_trunc(f->mpp->alias, "mpatha", sizeof(f->mpp->alias));
}

static void fx_release(struct fx *f)
{
	map_free(f->mpp);
	pathvec_free(&f->pv);
}

/* Put paths into a new group of f->mpp (and into mpp->paths). */
static struct pathgroup *fx_group(struct fx *f, struct path **pps, size_t n)
{
	struct pathgroup *pg = pathgroup_new();

	assert_non_null(pg);
	assert_int_equal(pgvec_push(&f->mpp->pgs, pg), 0);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(pathvec_push(&pg->paths, pps[i]), 0);
		assert_int_equal(pathvec_push(&f->mpp->paths, pps[i]), 0);
		pps[i]->mpp = f->mpp;
	}
	return pg;
}

/* Everything the parser may change in a map, as text. */
static char *describe(const struct multipath *mpp)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(
	    &sb,
	    "f=%s|h=%s|s=%s|next=%d|minio=%d|q=%d|paths:", mpp->features ? mpp->features : "(null)",
	    mpp->hwhandler ? mpp->hwhandler : "(null)", mpp->selector ? mpp->selector : "(null)",
	    mpp->nextpg, mpp->minio, mpp->queue_if_no_path);
	for (size_t i = 0; i < mpp->paths.n; i++) {
		const struct path *pp = mpp->paths.items[i];

		strbuf_addf(&sb, " %p=%s/%d/%d/%d", (const void *)pp, pp->dev_t, pp->dmstate,
			    pp->failcount, pp->mpp == mpp);
	}
	for (size_t i = 0; i < mpp->pgs.n; i++) {
		const struct pathgroup *pg = mpp->pgs.items[i];

		strbuf_addf(&sb, "|pg%zu st=%d:", i, pg->status);
		for (size_t j = 0; j < pg->paths.n; j++)
			strbuf_addf(&sb, " %p", (const void *)pg->paths.items[j]);
	}
	return strbuf_detach(&sb);
}

static char *describe_pv(const struct pathvec *pv)
{
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < pv->n; i++)
		strbuf_addf(&sb, "%p=%s/%p ", (const void *)pv->items[i], pv->items[i]->dev_t,
			    (const void *)pv->items[i]->mpp);
	return strbuf_detach(&sb);
}

static void assemble_eq(const struct multipath *mpp, const char *want)
{
	STRBUF_AUTO(sb);

	assert_int_equal(dmtable_assemble(mpp, &sb), 0);
	assert_string_equal(strbuf_str(&sb), want);
}

/* A two-group failover map: sda 8:0 in group 1, sdb 8:16 in group 2. */
static void fx_failover(struct fx *f)
{
	struct path *a, *b;

	fx_init(f);
	a = fx_path(f, "sda", 8, 0);
	b = fx_path(f, "sdb", 8, 16);
	fx_group(f, &a, 1);
	fx_group(f, &b, 1);
	f->mpp->features = xstrdup("1 queue_if_no_path");
	f->mpp->hwhandler = xstrdup("1 alua");
	f->mpp->selector = xstrdup("service-time 0");
	f->mpp->minio = 1;
	f->mpp->rr_weight = RR_WEIGHT_UNIFORM;
}

static void test_assemble_basic(void **state)
{
	struct fx f;

	(void)state;
	fx_failover(&f);
	assemble_eq(f.mpp, "1 queue_if_no_path 1 alua 2 1 service-time 0 1 1 8:0 1 "
			   "service-time 0 1 1 8:16 1");
	f.mpp->nextpg = 2;
	f.mpp->minio = 1000;
	free(f.mpp->features);
	f.mpp->features = NULL; /* NULL means "0" */
	free(f.mpp->hwhandler);
	f.mpp->hwhandler = xstrdup("  0 ");
	assemble_eq(f.mpp, "0 0 2 2 service-time 0 1 1 8:0 1000 service-time 0 1 1 8:16 1000");
	fx_release(&f);
}

static void test_assemble_appends(void **state)
{
	struct fx f;
	STRBUF_AUTO(sb);

	(void)state;
	fx_failover(&f);
	strbuf_addstr(&sb, "0 131072 multipath ");
	assert_int_equal(dmtable_assemble(f.mpp, &sb), 0);
	assert_string_equal(strbuf_str(&sb), "0 131072 multipath 1 queue_if_no_path 1 alua 2 1 "
					     "service-time 0 1 1 8:0 1 service-time 0 1 1 8:16 1");
	fx_release(&f);
}

static void test_assemble_rr_weight(void **state)
{
	struct fx f;
	struct path *pps[3];

	(void)state;
	fx_init(&f);
	pps[0] = fx_path(&f, "sda", 8, 0);
	pps[1] = fx_path(&f, "sdb", 8, 16);
	pps[2] = fx_path(&f, "sdc", 65, 1048575);
	fx_group(&f, pps, 3);
	f.mpp->selector = xstrdup("round-robin 0");
	f.mpp->minio = 10;
	pps[0]->priority = 3;
	pps[1]->priority = 50;
	/* uniform: priorities do not matter */
	f.mpp->rr_weight = RR_WEIGHT_UNIFORM;
	assemble_eq(f.mpp, "0 0 1 1 round-robin 0 3 1 8:0 10 8:16 10 65:1048575 10");
	/* priorities: minio x priority, an undefined priority counts as 1 */
	f.mpp->rr_weight = RR_WEIGHT_PRIORITIES;
	assemble_eq(f.mpp, "0 0 1 1 round-robin 0 3 1 8:0 30 8:16 500 65:1048575 10");
	/* capped at UINT_MAX; minio below 1 counts as 1 */
	f.mpp->minio = INT_MAX;
	pps[1]->priority = INT_MAX;
	pps[0]->priority = 0;
	assemble_eq(f.mpp, "0 0 1 1 round-robin 0 3 1 8:0 2147483647 8:16 4294967295 "
			   "65:1048575 2147483647");
	f.mpp->minio = 0;
	f.mpp->rr_weight = RR_WEIGHT_UNIFORM;
	assemble_eq(f.mpp, "0 0 1 1 round-robin 0 3 1 8:0 1 8:16 1 65:1048575 1");
	fx_release(&f);
}

/* Assembly of bad maps fails with -EINVAL and leaves params alone. */
static void assemble_fails(const struct multipath *mpp, const char *what)
{
	STRBUF_AUTO(sb);

	strbuf_addstr(&sb, "keep");
	if (dmtable_assemble(mpp, &sb) != -EINVAL)
		fail_msg("assembly of a map with %s did not fail with -EINVAL", what);
	assert_string_equal(strbuf_str(&sb), "keep");
}

static void set_str(char **field, const char *val)
{
	free(*field);
	*field = val ? xstrdup(val) : NULL;
}

static void test_assemble_errors(void **state)
{
	static const struct {
		size_t field; /* 0 features, 1 hwhandler, 2 selector */
		const char *val;
	} bad[] = {
	    {0, "2 queue_if_no_path"},
	    {0, "queue_if_no_path"},
	    {0, "1"},
	    {0, ""},
	    {0, "0 extra"},
	    {0, "-1"},
	    {1, "alua"},
	    {1, "1"},
	    {1, "2 emc"},
	    {1, "99999999999999999999999 x"},
	    {2, NULL},
	    {2, ""},
	    {2, "round-robin"},
	    {2, "round-robin 1"},
	    {2, "round-robin 0 x"},
	    {2, "round-robin x"},
	};
	struct fx f;
	char **fields[3];
	char devt[16];

	(void)state;
	fx_failover(&f);
	fields[0] = &f.mpp->features;
	fields[1] = &f.mpp->hwhandler;
	fields[2] = &f.mpp->selector;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char *saved = xstrdup(*fields[bad[i].field]);

		set_str(fields[bad[i].field], bad[i].val);
		assemble_fails(f.mpp, bad[i].val ? bad[i].val : "a NULL selector");
		free(*fields[bad[i].field]);
		*fields[bad[i].field] = saved;
	}
	/* nextpg beyond the groups */
	f.mpp->nextpg = 3;
	assemble_fails(f.mpp, "nextpg 3 of 2");
	f.mpp->nextpg = -1;
	assemble_fails(f.mpp, "nextpg -1");
	f.mpp->nextpg = 2;
	assemble_eq(f.mpp, "1 queue_if_no_path 1 alua 2 2 service-time 0 1 1 8:0 1 "
			   "service-time 0 1 1 8:16 1");
	/* a path without a usable dev_t */
	strcpy(devt, f.pv.items[1]->dev_t);
	f.pv.items[1]->dev_t[0] = '\0';
	assemble_fails(f.mpp, "a path without dev_t");
	strcpy(f.pv.items[1]->dev_t, "sdb");
	assemble_fails(f.mpp, "dev_t 'sdb'");
	strcpy(f.pv.items[1]->dev_t, "8:16 8:32");
	assemble_fails(f.mpp, "dev_t with a space");
	strcpy(f.pv.items[1]->dev_t, devt);
	/* an empty group */
	pathvec_release(&f.mpp->pgs.items[1]->paths);
	assemble_fails(f.mpp, "an empty group");
	/* no group at all */
	map_free_pgs(f.mpp);
	f.mpp->nextpg = 0;
	assemble_fails(f.mpp, "no path group");
	assert_int_equal(dmtable_assemble(NULL, NULL), -EINVAL);
	fx_release(&f);
}

/* Disassemble s into a fresh map; assembling the map must give want. */
static void roundtrip(const char *s, const char *want)
{
	struct fx f;
	STRBUF_AUTO(sb);

	fx_init(&f);
	if (dmtable_disassemble(s, f.mpp, &f.pv) != 0)
		fail_msg("disassembly of '%s' failed", s);
	f.mpp->rr_weight = RR_WEIGHT_UNIFORM;
	assert_int_equal(dmtable_assemble(f.mpp, &sb), 0);
	if (strcmp(strbuf_str(&sb), want))
		fail_msg("'%s'\n  assembled as '%s'\n  expected    '%s'", s, strbuf_str(&sb), want);
	fx_release(&f);
}

static void test_roundtrip_exact(void **state)
{
	static const char *const tables[] = {
	    "0 0 1 1 round-robin 0 1 1 8:0 1",
	    "1 queue_if_no_path 1 alua 2 1 service-time 0 1 1 8:0 1 service-time 0 1 1 8:16 1",
	    "3 queue_if_no_path pg_init_retries 50 0 1 1 queue-length 0 2 1 8:0 100 8:16 100",
	    "4 pg_init_retries 50 pg_init_delay_msecs 2000 1 rdac 3 2 "
	    "round-robin 0 1 1 8:32 1000 round-robin 0 2 1 8:48 1000 65:0 1000 "
	    "round-robin 0 1 1 259:1048575 1000",
	    "2 queue_mode bio 2 emc 1 1 1 historical-service-time 2 3 foo 1 1 8:0 7",
	    "1 retain_attached_hw_handler 3 hp_sw x y 2 2 service-time 0 1 1 8:0 1 "
	    "service-time 0 1 1 4095:0 1",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
		roundtrip(tables[i], tables[i]);
	/* the kernel's own output: normalised blanks, one per-path argument */
	roundtrip(VM_MULTIBUS_TABLE,
		  "1 queue_if_no_path 1 alua 1 1 round-robin 0 2 1 8:0 1 8:16 1");
	roundtrip(VM_FAILOVER_TABLE,
		  "0 1 alua 2 1 service-time 0 1 1 8:0 1 service-time 0 1 1 8:16 1");
	roundtrip(DOC_ST_TABLE, "0 0 1 1 service-time 0 2 1 8:0 128 8:16 128");
	roundtrip("\t0  0\n1 1 round-robin 0 1 0 8:0 \n", "0 0 1 1 round-robin 0 1 1 8:0 1");
	/* leading zeros in numbers are read as decimal and normalised */
	roundtrip("01 queue_if_no_path 0 1 01 round-robin 00 1 1 008:000 1",
		  "1 queue_if_no_path 0 1 1 round-robin 0 1 1 8:0 1");
}

/* Assemble a map, disassemble the result into another map: same structure. */
static void test_roundtrip_from_map(void **state)
{
	struct fx f, g;
	STRBUF_AUTO(sb);
	STRBUF_AUTO(sb2);
	struct path *pps[2];

	(void)state;
	fx_failover(&f);
	pps[0] = fx_path(&f, "sdc", 8, 32);
	pps[1] = fx_path(&f, "sdd", 8, 48);
	fx_group(&f, pps, 2);
	free(f.mpp->features);
	f.mpp->features = xstrdup("3 queue_if_no_path pg_init_retries 50");
	free(f.mpp->hwhandler);
	f.mpp->hwhandler = xstrdup("2 emc 1");
	f.mpp->nextpg = 3;
	f.mpp->minio = 20;
	assert_int_equal(dmtable_assemble(f.mpp, &sb), 0);

	fx_init(&g);
	assert_int_equal(dmtable_disassemble(strbuf_str(&sb), g.mpp, &g.pv), 0);
	assert_string_equal(g.mpp->features, f.mpp->features);
	assert_string_equal(g.mpp->hwhandler, f.mpp->hwhandler);
	assert_string_equal(g.mpp->selector, f.mpp->selector);
	assert_int_equal(g.mpp->nextpg, 3);
	assert_int_equal(g.mpp->minio, 20);
	assert_int_equal(g.mpp->queue_if_no_path, 1);
	assert_int_equal(g.mpp->pgs.n, 3);
	assert_int_equal(g.mpp->paths.n, 4);
	assert_int_equal(g.pv.n, 4);
	for (size_t i = 0; i < f.mpp->pgs.n; i++) {
		const struct pathgroup *fpg = f.mpp->pgs.items[i], *gpg = g.mpp->pgs.items[i];

		assert_int_equal(gpg->paths.n, fpg->paths.n);
		assert_int_equal(gpg->status, PGSTATE_UNDEF);
		for (size_t j = 0; j < fpg->paths.n; j++) {
			assert_string_equal(gpg->paths.items[j]->dev_t, fpg->paths.items[j]->dev_t);
			assert_true(gpg->paths.items[j]->devt == fpg->paths.items[j]->devt);
			assert_ptr_equal(gpg->paths.items[j]->mpp, g.mpp);
			/* created from the table: only the device number is known */
			assert_string_equal(gpg->paths.items[j]->dev, "");
			assert_int_equal(gpg->paths.items[j]->priority, PRIO_UNDEF);
		}
	}
	g.mpp->rr_weight = RR_WEIGHT_UNIFORM;
	assert_int_equal(dmtable_assemble(g.mpp, &sb2), 0);
	assert_string_equal(strbuf_str(&sb2), strbuf_str(&sb));
	fx_release(&g);
	fx_release(&f);
}

static void test_disassemble_paths(void **state)
{
	struct fx f;
	struct path *sda, *sdz, *created;

	(void)state;
	fx_init(&f);
	sda = fx_path(&f, "sda", 8, 0);
	sdz = fx_path(&f, "sdz", 65, 160);
	/* sdz belongs to the map before; the new table does not have it */
	assert_int_equal(pathvec_push(&f.mpp->paths, sdz), 0);
	sdz->mpp = f.mpp;
	f.mpp->minio = 77;
	/* per-path argument count 0: minio unchanged */
	assert_int_equal(dmtable_disassemble("0 0 2 2 round-robin 0 1 0 8:0 "
					     "queue-length 0 2 0 8:16 8:0",
					     f.mpp, &f.pv),
			 0);
	assert_int_equal(f.mpp->minio, 77);
	assert_int_equal(f.mpp->queue_if_no_path, 0);
	assert_string_equal(f.mpp->selector, "round-robin 0"); /* the first group's */
	assert_int_equal(f.mpp->nextpg, 2);
	/* sda was reused, 8:16 created once, sdz left the map */
	assert_int_equal(f.pv.n, 3);
	created = f.pv.items[2];
	assert_string_equal(created->dev_t, "8:16");
	assert_true(created->devt == makedev(8, 16));
	assert_string_equal(created->dev, "");
	assert_int_equal(f.mpp->paths.n, 2);
	assert_ptr_equal(f.mpp->paths.items[0], sda);
	assert_ptr_equal(f.mpp->paths.items[1], created);
	assert_ptr_equal(f.mpp->pgs.items[0]->paths.items[0], sda);
	assert_ptr_equal(f.mpp->pgs.items[1]->paths.items[0], created);
	assert_ptr_equal(f.mpp->pgs.items[1]->paths.items[1], sda);
	assert_ptr_equal(sda->mpp, f.mpp);
	assert_ptr_equal(created->mpp, f.mpp);
	assert_null(sdz->mpp);

	/* two per-path arguments (service-time as the kernel shows it): the first is minio */
	assert_int_equal(dmtable_disassemble(VM_FAILOVER_TABLE, f.mpp, &f.pv), 0);
	assert_int_equal(f.mpp->minio, 1);
	assert_int_equal(dmtable_disassemble(DOC_ST_TABLE, f.mpp, &f.pv), 0);
	assert_int_equal(f.mpp->minio, 128);
	/* minio comes from the first path only (the others may be weighted) */
	assert_int_equal(dmtable_disassemble("0 0 2 1 round-robin 0 1 2 8:0 64 1 "
					     "round-robin 0 1 2 8:16 256 4",
					     f.mpp, &f.pv),
			 0);
	assert_int_equal(f.mpp->minio, 64);
	/* a weighted first argument beyond INT_MAX (as dmtable_assemble may write it) */
	assert_int_equal(
	    dmtable_disassemble("0 0 1 1 round-robin 0 1 1 8:0 4294967295", f.mpp, &f.pv), 0);
	assert_int_equal(f.mpp->minio, INT_MAX);
	assert_int_equal(dmtable_disassemble(DOC_ST_TABLE, f.mpp, &f.pv), 0);
	assert_int_equal(f.pv.n, 3);
	assert_string_equal(f.mpp->features, "0");
	assert_string_equal(f.mpp->hwhandler, "0");
	assert_string_equal(f.mpp->selector, "service-time 0");
	assert_int_equal(f.mpp->nextpg, 1);
	assert_int_equal(dmtable_disassemble(VM_MULTIBUS_TABLE, f.mpp, &f.pv), 0);
	assert_int_equal(f.mpp->queue_if_no_path, 1);
	assert_string_equal(f.mpp->features, "1 queue_if_no_path");
	assert_string_equal(f.mpp->hwhandler, "1 alua");
	/* "queue_if_no_path" as a word of another feature does not count... it cannot
	 * occur in a kernel table, but the check is by word */
	assert_int_equal(
	    dmtable_disassemble("2 pg_init_retries 5 0 1 1 round-robin 0 1 1 8:0 1", f.mpp, &f.pv),
	    0);
	assert_int_equal(f.mpp->queue_if_no_path, 0);

	/* no group at all: accepted (a map whose paths are all gone), selector kept */
	assert_int_equal(dmtable_disassemble("1 queue_if_no_path 0 0 0", f.mpp, &f.pv), 0);
	assert_int_equal(f.mpp->pgs.n, 0);
	assert_int_equal(f.mpp->paths.n, 0);
	assert_int_equal(f.mpp->nextpg, 0);
	assert_string_equal(f.mpp->selector, "round-robin 0");
	assert_null(sda->mpp);
	assert_null(created->mpp);
	fx_release(&f);
}

static void test_disassemble_duplicate_path(void **state)
{
	struct fx f;

	(void)state;
	fx_init(&f);
	assert_int_equal(dmtable_disassemble("0 0 2 1 round-robin 0 1 1 8:0 1 round-robin 0 1 1 "
					     "8:0 1",
					     f.mpp, &f.pv),
			 0);
	assert_int_equal(f.pv.n, 1);
	assert_int_equal(f.mpp->paths.n, 1);
	assert_int_equal(f.mpp->pgs.n, 2);
	assert_ptr_equal(f.mpp->pgs.items[0]->paths.items[0], f.mpp->pgs.items[1]->paths.items[0]);
	fx_release(&f);
}

static const char *const bad_tables[] = {
    /* empty, truncated */
    "",
    "   ",
    "0",
    "0 0",
    "0 0 1",
    "0 0 1 1",
    "0 0 1 1 round-robin",
    "0 0 1 1 round-robin 0",
    "0 0 1 1 round-robin 0 1",
    "0 0 1 1 round-robin 0 1 1",
    "0 0 1 1 round-robin 0 1 1 8:0",
    "1",
    "1 queue_if_no_path",
    "1 queue_if_no_path 1",
    "1 queue_if_no_path 1 alua 1",
    "0 0 2 1 round-robin 0 1 1 8:0 1",
    "0 0 2 1 round-robin 0 1 1 8:0 1 round-robin 0 1 1 8:16",
    "0 0 1 1 round-robin 2 x",
    /* wrong counts, extra words */
    "2 queue_if_no_path 0 1 1 round-robin 0 1 1 8:0 1",
    "0 2 alua 1 1 round-robin 0 1 1 8:0 1",
    "0 0 1 1 round-robin 0 1 1 8:0 1 extra",
    "0 0 1 1 round-robin 0 1 1 8:0 1 8:16 1",
    "0 0 1 1 round-robin 0 2 1 8:0 1",
    "0 0 1 1 round-robin 0 1 2 8:0 1",
    "0 0 1 1 round-robin 1 1 1 8:0 1",
    "0 0 1 1 round-robin 0 0 1",
    "0 0 1 1 round-robin 0 0 0",
    "0 0 1 0 round-robin 0 1 1 8:0 1",
    "0 0 1 2 round-robin 0 1 1 8:0 1",
    "0 0 0 1",
    "0 0 0 0 extra",
    /* not numbers */
    "x 0 1 1 round-robin 0 1 1 8:0 1",
    "0 x 1 1 round-robin 0 1 1 8:0 1",
    "0 0 one 1 round-robin 0 1 1 8:0 1",
    "0 0 1 first round-robin 0 1 1 8:0 1",
    "0 0 1 1 round-robin zero 1 1 8:0 1",
    "0 0 1 1 round-robin 0 1x 1 8:0 1",
    "0 0 1 1 round-robin 0 1 one 8:0 1",
    "0 0 1 1 round-robin 0 1 1 8:0 abc",
    "0 0 1 1 round-robin 0 1 1 8:0 -1",
    "0 0 1 1 round-robin 0 1 1 8:0 +1",
    "0 0 1 1 round-robin 0 1 1 8:0 1e3",
    "0 0 1 1 round-robin 0 1 1 8:0 4294967296",
    "-1 0 1 1 round-robin 0 1 1 8:0 1",
    "+0 0 1 1 round-robin 0 1 1 8:0 1",
    "0 0 1 -1 round-robin 0 1 1 8:0 1",
    /* huge counts */
    "18446744073709551615 0 1 1 round-robin 0 1 1 8:0 1",
    "18446744073709551616 0 1 1 round-robin 0 1 1 8:0 1",
    "99999999999999999999999999 0 1 1 round-robin 0 1 1 8:0 1",
    "0 4294967297 1 1 round-robin 0 1 1 8:0 1",
    "0 0 4294967296 1 round-robin 0 1 1 8:0 1",
    "0 0 1 18446744073709551615 round-robin 0 1 1 8:0 1",
    "0 0 1 1 round-robin 18446744073709551615 1 1 8:0 1",
    "0 0 1 1 round-robin 0 1000000 1 8:0 1",
    "0 0 1 1 round-robin 0 1 18446744073709551615 8:0 1",
    "0 0 1 1 round-robin 0 9223372036854775808 9223372036854775807 8:0 1",
    "0 0 1 1 round-robin 0 6148914691236517206 2 8:0 1 1",
    /* device numbers */
    "0 0 1 1 round-robin 0 1 1 sda 1",
    "0 0 1 1 round-robin 0 1 1 /dev/sda 1",
    "0 0 1 1 round-robin 0 1 1 8-0 1",
    "0 0 1 1 round-robin 0 1 1 8: 1",
    "0 0 1 1 round-robin 0 1 1 :0 1",
    "0 0 1 1 round-robin 0 1 1 : 1",
    "0 0 1 1 round-robin 0 1 1 8:0:0 1",
    "0 0 1 1 round-robin 0 1 1 8:0x10 1",
    "0 0 1 1 round-robin 0 1 1 4096:0 1",
    "0 0 1 1 round-robin 0 1 1 8:1048576 1",
    "0 0 1 1 round-robin 0 1 1 -8:0 1",
    "0 0 1 1 round-robin 0 1 1 8:-0 1",
    "0 0 1 1 round-robin 0 1 1 99999999999999999999:0 1",
    "0 0 2 1 round-robin 0 1 1 8:0 1 round-robin 0 1 1 8.16 1",
};

static void test_disassemble_rejects(void **state)
{
	struct fx f;
	char *before, *after, *pv_before, *pv_after;

	(void)state;
	fx_init(&f);
	fx_path(&f, "sdc", 8, 32);
	assert_int_equal(dmtable_disassemble(VM_FAILOVER_TABLE, f.mpp, &f.pv), 0);
	assert_int_equal(dmtable_parse_status(VM_FAILOVER_STATUS_FAILED, f.mpp), 0);
	f.mpp->minio = 55;
	before = describe(f.mpp);
	pv_before = describe_pv(&f.pv);
	for (size_t i = 0; i < sizeof(bad_tables) / sizeof(bad_tables[0]); i++) {
		int rc = dmtable_disassemble(bad_tables[i], f.mpp, &f.pv);

		if (rc != -EINVAL)
			fail_msg("'%s': expected -EINVAL, got %d", bad_tables[i], rc);
		after = describe(f.mpp);
		pv_after = describe_pv(&f.pv);
		assert_string_equal(after, before);
		assert_string_equal(pv_after, pv_before);
		free(after);
		free(pv_after);
	}
	assert_int_equal(dmtable_disassemble(NULL, f.mpp, &f.pv), -EINVAL);
	assert_int_equal(dmtable_disassemble("0 0 0 0", NULL, &f.pv), -EINVAL);
	assert_int_equal(dmtable_disassemble("0 0 0 0", f.mpp, NULL), -EINVAL);
	free(before);
	free(pv_before);
	fx_release(&f);
}

static void assert_path_status(const struct path *pp, enum dm_path_state st, int fails)
{
	assert_int_equal(pp->dmstate, st);
	assert_int_equal(pp->failcount, fails);
}

static void test_status_vm(void **state)
{
	struct fx f;
	struct path *a, *b;

	(void)state;
	fx_init(&f);
	assert_int_equal(dmtable_disassemble(VM_FAILOVER_TABLE, f.mpp, &f.pv), 0);
	a = f.mpp->paths.items[0];
	b = f.mpp->paths.items[1];
	assert_int_equal(dmtable_parse_status(VM_FAILOVER_STATUS_FAILED, f.mpp), 0);
	assert_int_equal(f.mpp->pgs.items[0]->status, PGSTATE_ACTIVE);
	assert_int_equal(f.mpp->pgs.items[1]->status, PGSTATE_ENABLED);
	assert_path_status(a, PSTATE_ACTIVE, 0);
	assert_path_status(b, PSTATE_FAILED, 1);
	assert_int_equal(dmtable_parse_status(VM_FAILOVER_STATUS_BACK, f.mpp), 0);
	assert_path_status(b, PSTATE_ACTIVE, 1);
	assert_int_equal(dmtable_parse_status(VM_INFLIGHT_STATUS, f.mpp), 0);
	assert_path_status(a, PSTATE_ACTIVE, 0);
	assert_path_status(b, PSTATE_FAILED, 1);
	/* switch_group 2: the table's first group and the status follow */
	assert_int_equal(dmtable_disassemble(VM_SWITCHED_TABLE, f.mpp, &f.pv), 0);
	assert_int_equal(f.mpp->nextpg, 2);
	assert_int_equal(dmtable_parse_status(VM_SWITCHED_STATUS, f.mpp), 0);
	assert_int_equal(f.mpp->pgs.items[0]->status, PGSTATE_ENABLED);
	assert_int_equal(f.mpp->pgs.items[1]->status, PGSTATE_ACTIVE);
	assert_path_status(a, PSTATE_ACTIVE, 0);
	assert_path_status(b, PSTATE_ACTIVE, 1);
	assert_int_equal(f.mpp->queue_if_no_path, 1);
	assert_int_equal(dmtable_disassemble(VM_FAILOVER_TABLE, f.mpp, &f.pv), 0);
	assert_int_equal(f.mpp->queue_if_no_path, 0);
	/* the feature status (queue_io, pg_init_count) says nothing about queue_if_no_path */
	assert_int_equal(
	    dmtable_parse_status("2 1 0 0 2 1 A 0 1 2 8:0 A 0 0 1 E 0 1 2 8:16 A 0 0 1", f.mpp), 0);
	assert_int_equal(f.mpp->queue_if_no_path, 0);

	assert_int_equal(dmtable_disassemble(VM_MULTIBUS_TABLE, f.mpp, &f.pv), 0);
	assert_int_equal(f.mpp->queue_if_no_path, 1);
	assert_int_equal(dmtable_parse_status(VM_MULTIBUS_STATUS, f.mpp), 0);
	assert_int_equal(f.mpp->pgs.n, 1);
	assert_int_equal(f.mpp->pgs.items[0]->status, PGSTATE_ACTIVE);
	assert_path_status(a, PSTATE_ACTIVE, 0);
	assert_path_status(b, PSTATE_FAILED, 1);
	assert_int_equal(f.mpp->queue_if_no_path, 1);

	assert_int_equal(dmtable_disassemble(DOC_ST_TABLE, f.mpp, &f.pv), 0);
	assert_int_equal(dmtable_parse_status(DOC_ST_STATUS, f.mpp), 0);
	assert_int_equal(f.mpp->pgs.items[0]->status, PGSTATE_ENABLED);
	assert_path_status(a, PSTATE_ACTIVE, 0);
	assert_path_status(b, PSTATE_ACTIVE, 0);
	fx_release(&f);
}

static void test_status_other(void **state)
{
	struct fx f;
	struct path *a, *b, *c;

	(void)state;
	fx_init(&f);
	assert_int_equal(dmtable_disassemble("0 1 alua 3 2 round-robin 0 1 1 8:0 1 "
					     "round-robin 0 1 1 8:16 1 round-robin 0 1 1 8:32 1",
					     f.mpp, &f.pv),
			 0);
	a = f.mpp->paths.items[0];
	b = f.mpp->paths.items[1];
	c = f.mpp->paths.items[2];
	/* a disabled (bypassed) group, hardware handler and selector status words,
	 * failcounts beyond INT_MAX clamped */
	assert_int_equal(dmtable_parse_status("2 1 7 1 x 3 2 D 0 1 0 8:0 F 12 "
					      "A 2 p q 1 1 8:16 A 0 z "
					      "E 0 1 0 8:32 F 4294967295",
					      f.mpp),
			 0);
	assert_int_equal(f.mpp->pgs.items[0]->status, PGSTATE_DISABLED);
	assert_int_equal(f.mpp->pgs.items[1]->status, PGSTATE_ACTIVE);
	assert_int_equal(f.mpp->pgs.items[2]->status, PGSTATE_ENABLED);
	assert_path_status(a, PSTATE_FAILED, 12);
	assert_path_status(b, PSTATE_ACTIVE, 0);
	assert_path_status(c, PSTATE_FAILED, INT_MAX);
	/* a map without groups */
	assert_int_equal(dmtable_disassemble("0 0 0 0", f.mpp, &f.pv), 0);
	assert_int_equal(dmtable_parse_status("2 0 0 0 0 0 ", f.mpp), 0);
	assert_int_equal(dmtable_parse_status("2 0 0 0 0 1", f.mpp), -EINVAL);
	fx_release(&f);
}

static const char *const bad_status[] = {
    "",
    "2 0 1",
    "2 0 1 0",
    "2 0 1 0 2",
    "2 0 1 0 2 1",
    "2 0 1 0 2 1 A",
    "2 0 1 0 2 1 A 0 1 2 8:0 A 0 0 1",
    "2 0 1 0 2 1 A 0 1 2 8:0 A 0 0 1 E 0 1 2 8:16 A 0 0",
    "2 0 1 0 2 1 A 0 1 2 8:0 A 0 0 1 E 0 1 2 8:16 A 0 0 1 extra",
    /* groups and paths that do not match the map */
    "2 0 1 0 1 1 A 0 2 0 8:0 A 0 8:16 F 1",
    "2 0 1 0 3 1 A 0 1 2 8:0 A 0 0 1 E 0 1 2 8:16 A 0 0 1 E 0 1 2 8:32 A 0 0 1",
    "2 0 1 0 2 1 A 0 1 2 8:16 A 0 0 1 E 0 1 2 8:0 A 0 0 1",
    "2 0 1 0 2 1 A 0 1 2 8:0 A 0 0 1 E 0 1 2 8:32 A 0 0 1",
    "2 0 1 0 2 1 A 0 2 2 8:0 A 0 0 1 8:16 A 0 0 1 E 0 0 2",
    /* bad words */
    "2 0 1 0 2 1 X 0 1 2 8:0 A 0 0 1 E 0 1 2 8:16 A 0 0 1",
    "2 0 1 0 2 1 a 0 1 2 8:0 A 0 0 1 E 0 1 2 8:16 A 0 0 1",
    "2 0 1 0 2 1 AE 0 1 2 8:0 A 0 0 1 E 0 1 2 8:16 A 0 0 1",
    "2 0 1 0 2 1 A 0 1 2 8:0 X 0 0 1 E 0 1 2 8:16 A 0 0 1",
    "2 0 1 0 2 1 A 0 1 2 8:0 AF 0 0 1 E 0 1 2 8:16 A 0 0 1",
    "2 0 1 0 2 1 A 0 1 2 8:0 A x 0 1 E 0 1 2 8:16 A 0 0 1",
    "2 0 1 0 2 1 A 0 1 2 8:0 A -1 0 1 E 0 1 2 8:16 A 0 0 1",
    "2 0 1 0 2 1 A 0 1 2 8:0 A 4294967296 0 1 E 0 1 2 8:16 A 0 0 1",
    "2 0 1 0 2 1 A 0 1 2 sda A 0 0 1 E 0 1 2 8:16 A 0 0 1",
    "2 0 1 0 2 0 A 0 1 2 8:0 A 0 0 1 E 0 1 2 8:16 A 0 0 1",
    "2 0 1 0 2 3 A 0 1 2 8:0 A 0 0 1 E 0 1 2 8:16 A 0 0 1",
    /* counts */
    "3 0 1 0 2 1 A 0 1 2 8:0 A 0 0 1 E 0 1 2 8:16 A 0 0 1",
    "18446744073709551615 0 1 0 2 1 A 0 1 2 8:0 A 0 0 1 E 0 1 2 8:16 A 0 0 1",
    "2 0 1 0 2 1 A 0 1 18446744073709551615 8:0 A 0 0 1 E 0 1 2 8:16 A 0 0 1",
    "2 0 1 0 2 1 A 0 1 6148914691236517205 8:0 A 0 0 1 E 0 1 2 8:16 A 0 0 1",
    "2 0 1 0 2 1 A 99 1 2 8:0 A 0 0 1 E 0 1 2 8:16 A 0 0 1",
    "2 0 1 0 2 1 A 0 1 3 8:0 A 0 0 1 E 0 1 2 8:16 A 0 0 1",
    "2 0 1 0 2 1 A 0 1 1 8:0 A 0 0 1 E 0 1 2 8:16 A 0 0 1",
};

static void test_status_rejects(void **state)
{
	struct fx f;
	char *before, *after;

	(void)state;
	fx_init(&f);
	assert_int_equal(dmtable_disassemble(VM_FAILOVER_TABLE, f.mpp, &f.pv), 0);
	assert_int_equal(dmtable_parse_status(VM_FAILOVER_STATUS_FAILED, f.mpp), 0);
	before = describe(f.mpp);
	for (size_t i = 0; i < sizeof(bad_status) / sizeof(bad_status[0]); i++) {
		int rc = dmtable_parse_status(bad_status[i], f.mpp);

		if (rc != -EINVAL)
			fail_msg("'%s': expected -EINVAL, got %d", bad_status[i], rc);
		after = describe(f.mpp);
		assert_string_equal(after, before);
		free(after);
	}
	assert_int_equal(dmtable_parse_status(NULL, f.mpp), -EINVAL);
	assert_int_equal(dmtable_parse_status("2 0 0 0 0 0", NULL), -EINVAL);
	free(before);
	fx_release(&f);
}

/* ------------------------------------------------------------------------ */
/* Fuzz-style: random words, truncations, random bytes                     */
/* ------------------------------------------------------------------------ */

static unsigned long long fuzz_state = 0x9e3779b97f4a7c15ULL;

static unsigned fuzz_rand(void)
{
	fuzz_state ^= fuzz_state << 13;
	fuzz_state ^= fuzz_state >> 7;
	fuzz_state ^= fuzz_state << 17;
	return (unsigned)(fuzz_state >> 16);
}

static void fuzz_random_words(struct strbuf *sb)
{
	static const char *const tokens[] = {
	    "0",
	    "1",
	    "2",
	    "3",
	    "1",
	    "1",
	    "0",
	    "8:0",
	    "8:16",
	    "8:32",
	    "A",
	    "E",
	    "F",
	    "D",
	    "round-robin",
	    "service-time",
	    "queue_if_no_path",
	    "alua",
	    "x",
	    "4294967296",
	    "18446744073709551615",
	    "-1",
	    "",
	    " ",
	    "\t",
	    "65:1048575",
	    "4096:0",
	    ":",
	};
	unsigned n = fuzz_rand() % 24;

	for (unsigned i = 0; i < n; i++) {
		strbuf_addstr(sb, tokens[fuzz_rand() % (sizeof(tokens) / sizeof(tokens[0]))]);
		strbuf_addch(sb, ' ');
	}
}

static void fuzz_random_bytes(struct strbuf *sb)
{
	static const char alphabet[] = "0123456789: \tAEFDx\n-";
	unsigned n = fuzz_rand() % 64;

	for (unsigned i = 0; i < n; i++)
		strbuf_addch(sb, alphabet[fuzz_rand() % (sizeof(alphabet) - 1)]);
}

/* Whatever s is: no crash; on success the map assembles (when it has groups)
 * and that assembly is a fixed point. Status strings against the map: no
 * crash, 0 or -EINVAL. */
static void fuzz_one(const char *s, struct fx *ref)
{
	struct fx f;
	STRBUF_AUTO(a1);
	STRBUF_AUTO(a2);
	int rc;

	fx_init(&f);
	rc = dmtable_disassemble(s, f.mpp, &f.pv);
	if (rc != 0 && rc != -EINVAL)
		fail_msg("'%s': disassembly returned %d", s, rc);
	if (rc == 0 && f.mpp->pgs.n) {
		f.mpp->rr_weight = RR_WEIGHT_UNIFORM;
		if (dmtable_assemble(f.mpp, &a1) != 0)
			fail_msg("'%s' was accepted but does not assemble", s);
		map_free(f.mpp);
		pathvec_free(&f.pv);
		fx_init(&f);
		assert_int_equal(dmtable_disassemble(strbuf_str(&a1), f.mpp, &f.pv), 0);
		f.mpp->rr_weight = RR_WEIGHT_UNIFORM;
		assert_int_equal(dmtable_assemble(f.mpp, &a2), 0);
		assert_string_equal(strbuf_str(&a2), strbuf_str(&a1));
	}
	rc = dmtable_parse_status(s, ref->mpp);
	if (rc != 0 && rc != -EINVAL)
		fail_msg("'%s': status parsing returned %d", s, rc);
	fx_release(&f);
}

static void test_fuzz(void **state)
{
	static const char *const seeds[] = {
	    VM_FAILOVER_TABLE,
	    VM_MULTIBUS_TABLE,
	    DOC_ST_TABLE,
	    VM_FAILOVER_STATUS_FAILED,
	    VM_MULTIBUS_STATUS,
	    DOC_ST_STATUS,
	    VM_SWITCHED_TABLE,
	    VM_SWITCHED_STATUS,
	    "3 queue_if_no_path pg_init_retries 50 2 emc 1 2 2 round-robin 0 2 1 8:0 1 8:16 2 "
	    "queue-length 1 x 1 2 8:32 1 2",
	};
	const size_t nseeds = sizeof(seeds) / sizeof(seeds[0]);
	struct fx ref;
	STRBUF_AUTO(sb);

	(void)state;
	fx_init(&ref);
	assert_int_equal(dmtable_disassemble(VM_FAILOVER_TABLE, ref.mpp, &ref.pv), 0);
	/* every prefix of every seed */
	for (size_t i = 0; i < nseeds; i++) {
		size_t len = strlen(seeds[i]);

		for (size_t l = 0; l <= len; l++) {
			strbuf_reset(&sb);
			strbuf_add(&sb, seeds[i], l);
			fuzz_one(strbuf_str(&sb), &ref);
		}
	}
	for (int iter = 0; iter < 30000; iter++) {
		strbuf_reset(&sb);
		switch (iter % 3) {
		case 0:
			fuzz_random_words(&sb);
			break;
		case 1:
			fuzz_random_bytes(&sb);
			break;
		default: {
			/* a seed with one word replaced or dropped */
			const char *seed = seeds[fuzz_rand() % nseeds];
			size_t len = strlen(seed), cut = fuzz_rand() % (len + 1);
			size_t end = cut + fuzz_rand() % 6;

			strbuf_add(&sb, seed, cut);
			fuzz_random_words(&sb);
			if (end < len)
				strbuf_addstr(&sb, seed + end);
			break;
		}
		}
		fuzz_one(strbuf_str(&sb), &ref);
	}
	fx_release(&ref);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_assemble_basic),
	    cmocka_unit_test(test_assemble_appends),
	    cmocka_unit_test(test_assemble_rr_weight),
	    cmocka_unit_test(test_assemble_errors),
	    cmocka_unit_test(test_roundtrip_exact),
	    cmocka_unit_test(test_roundtrip_from_map),
	    cmocka_unit_test(test_disassemble_paths),
	    cmocka_unit_test(test_disassemble_duplicate_path),
	    cmocka_unit_test(test_disassemble_rejects),
	    cmocka_unit_test(test_status_vm),
	    cmocka_unit_test(test_status_other),
	    cmocka_unit_test(test_status_rejects),
	    cmocka_unit_test(test_fuzz),
	};

	return cmocka_run_group_tests_name("dmparser", tests, NULL, NULL);
}
