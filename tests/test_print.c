// SPDX-License-Identifier: GPL-2.0-or-later
/* The `multipath -ll` topology shape, the wildcard formats and the JSON. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include <sys/sysmacros.h>

#include "config/keywords.h"
#include "io_err_stat.h"
#include "print.h"

static struct path *mkpath(struct pathvec *pv, const char *dev, const char *devt, int host,
			   int prio)
{
	struct path *pp = path_new();

	assert_non_null(pp);
	strlcpy_trunc(pp->dev, dev, sizeof(pp->dev));
	strlcpy_trunc(pp->dev_t, devt, sizeof(pp->dev_t));
	pp->hbtl = (struct scsi_hbtl){host, 0, 0, 0};
	pp->priority = prio;
	pp->state = PATH_UP;
	pp->dmstate = PSTATE_ACTIVE;
	strlcpy_trunc(pp->dev_state, "running", sizeof(pp->dev_state));
	strlcpy_trunc(pp->protocol, "scsi:unspec", sizeof(pp->protocol));
	assert_int_equal(pathvec_push(pv, pp), 0);
	return pp;
}

static struct multipath *mkmap(struct pathvec *pv)
{
	struct multipath *mpp = map_new();

	assert_non_null(mpp);
	strlcpy_trunc(mpp->alias, "mpatha", sizeof(mpp->alias));
	strlcpy_trunc(mpp->wwid, "333333330000007d0", sizeof(mpp->wwid));
	strlcpy_trunc(mpp->vendor, "Linux", sizeof(mpp->vendor));
	strlcpy_trunc(mpp->product, "scsi_debug", sizeof(mpp->product));
	mpp->dm_minor = 0;
	mpp->size = 131072;
	mpp->features = strdup("0");
	mpp->hwhandler = strdup("1 alua");
	mpp->selector = strdup("service-time 0");
	for (size_t i = 0; i < pv->n; i++) {
		struct pathgroup *pg = pathgroup_new();

		assert_non_null(pg);
		assert_int_equal(pathvec_push(&mpp->paths, pv->items[i]), 0);
		assert_int_equal(pathvec_push(&pg->paths, pv->items[i]), 0);
		pathgroup_update_priority(pg);
		pg->status = i == 0 ? PGSTATE_ACTIVE : PGSTATE_ENABLED;
		assert_int_equal(pgvec_push(&mpp->pgs, pg), 0);
	}
	return mpp;
}

static void test_failover_shape(void **state)
{
	struct pathvec pv = {0};
	struct multipath *mpp;
	STRBUF_AUTO(out);

	(void)state;
	mkpath(&pv, "sda", "8:0", 0, 50);
	mkpath(&pv, "sdb", "8:16", 1, 10);
	mpp = mkmap(&pv);
	assert_int_equal(print_map_topology(mpp, NULL, true, &out), 0);
	assert_string_equal(strbuf_str(&out),
			    "mpatha (333333330000007d0) dm-0 Linux,scsi_debug\n"
			    "size=64M features='0' hwhandler='1 alua' wp=rw\n"
			    "|-+- policy='service-time 0' prio=50 status=active\n"
			    "| `- 0:0:0:0 sda 8:0  active ready running\n"
			    "`-+- policy='service-time 0' prio=10 status=enabled\n"
			    "  `- 1:0:0:0 sdb 8:16 active ready running\n");
	map_free(mpp);
	pathvec_free(&pv);
}

static void test_multibus_undef(void **state)
{
	struct pathvec pv = {0};
	struct multipath *mpp;
	struct pathgroup *pg;
	STRBUF_AUTO(out);

	(void)state;
	mkpath(&pv, "sdc", "8:32", 0, 50)->dmstate = PSTATE_FAILED;
	mkpath(&pv, "sdd", "8:48", 1, 10)->hbtl.host = -1;
	pv.items[1]->dev[0] = '\0';
	pv.items[1]->dev_state[0] = '\0';
	mpp = map_new();
	assert_non_null(mpp);
	strlcpy_trunc(mpp->alias, "3600a", sizeof(mpp->alias));
	strlcpy_trunc(mpp->wwid, "3600a", sizeof(mpp->wwid));
	mpp->size = 2 * 1024 * 1024 * 3 / 2; /* 1.5G */
	mpp->ro = true;
	pg = pathgroup_new();
	assert_non_null(pg);
	for (size_t i = 0; i < pv.n; i++) {
		assert_int_equal(pathvec_push(&mpp->paths, pv.items[i]), 0);
		assert_int_equal(pathvec_push(&pg->paths, pv.items[i]), 0);
	}
	assert_int_equal(pgvec_push(&mpp->pgs, pg), 0);
	/* -l style: no checker states; action prefix; undefined dm device */
	assert_int_equal(print_map_topology(mpp, "create", false, &out), 0);
	assert_string_equal(strbuf_str(&out), "create: 3600a undef ,\n"
					      "size=1.5G features='0' hwhandler='0' wp=ro\n"
					      "`-+- policy='' prio=0 status=undef\n"
					      "  |- 0:0:0:0 sdc 8:32 failed undef running\n"
					      "  `- #:#:#:# #   8:48 active undef unknown\n");
	map_free(mpp);
	pathvec_free(&pv);
}

static void test_size(void **state)
{
	static const struct {
		uint64_t sectors;
		const char *text;
	} cases[] = {
		{2, "1.0K"},	 {2048, "1.0M"},     {131072, "64M"},
		{3145728, "1.5G"}, {20971520, "10G"}, {2147483648ULL * 2, "2.0T"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		STRBUF_AUTO(out);

		assert_true(print_size(cases[i].sectors, &out) > 0);
		assert_string_equal(strbuf_str(&out), cases[i].text);
	}
}


/* ---- wildcard formats ---------------------------------------------------- */

/* Two maps over four paths: m0 (sda 8:0 prio 50, sdb 8:16 prio 10, two
 * groups) and m1 (sdc, one group), plus an orphan path sdz. */
struct model {
	struct pathvec pv;
	struct mapvec mv;
};

static void model_build(struct model *m)
{
	struct multipath *mpp;
	struct path *pp;

	memset(m, 0, sizeof(*m));
	mkpath(&m->pv, "sda", "8:0", 0, 50);
	mkpath(&m->pv, "sdb", "8:16", 1, 10);
	mpp = mkmap(&m->pv);
	strlcpy_trunc(mpp->alias, "m0", sizeof(mpp->alias));
	mpp->dm_minor = 3;
	mpp->failback = FAILBACK_IMMEDIATE;
	mpp->no_path_retry = NO_PATH_RETRY_FAIL;
	mpp->path_faults = 1;
	mpp->switch_groups = 2;
	mpp->map_loads = 3;
	mpp->total_q_time = 4;
	mpp->q_timeouts = 5;
	mpp->map_failures = 6;
	strlcpy_trunc(mpp->action, "create", sizeof(mpp->action));
	for (size_t i = 0; i < m->pv.n; i++) {
		pp = m->pv.items[i];
		pp->mpp = mpp;
		strlcpy_trunc(pp->wwid, mpp->wwid, sizeof(pp->wwid));
		strlcpy_trunc(pp->vendor, "Linux", sizeof(pp->vendor));
		strlcpy_trunc(pp->product, "scsi_debug", sizeof(pp->product));
		strlcpy_trunc(pp->rev, "0191", sizeof(pp->rev));
		strlcpy_trunc(pp->serial, "2000", sizeof(pp->serial));
		strlcpy_trunc(pp->checker_name, "tur", sizeof(pp->checker_name));
		pp->size = 131072;
		pp->devt = makedev(8, (unsigned)i * 16);
	}
	pp = m->pv.items[1];
	pp->hbtl.lun = 1;
	pp->failcount = 7;
	pp->state = PATH_DELAYED;
	pp->dmstate = PSTATE_FAILED;
	pp->checker = (struct checker *)pp; /* only tested for NULL */
	pp->check_interval = 20;
	pp->next_check = 1013;
	assert_int_equal(mapvec_push(&m->mv, mpp), 0);

	pp = mkpath(&m->pv, "sdc", "8:32", 2, 1);
	mpp = map_new();
	assert_non_null(mpp);
	strlcpy_trunc(mpp->alias, "m1", sizeof(mpp->alias));
	strlcpy_trunc(mpp->wwid, "36001405aa", sizeof(mpp->wwid));
	mpp->dm_minor = 4;
	mpp->size = 2097152;
	mpp->no_path_retry = 12;
	mpp->retry_deadline = 1009;
	mpp->ro = true;
	mpp->suspended = true;
	assert_int_equal(pathvec_push(&mpp->paths, pp), 0);
	pp->mpp = mpp;
	assert_int_equal(mapvec_push(&m->mv, mpp), 0);

	pp = mkpath(&m->pv, "sdz", "65:144", -1, PRIO_UNDEF);
	pp->hbtl = (struct scsi_hbtl){-1, -1, -1, -1};
	strlcpy_trunc(pp->tgt_node_name, "iqn.2003-01.org.x:t", sizeof(pp->tgt_node_name));
	pp->protocol[0] = '\0'; /* not discovered */
}

static void model_free(struct model *m)
{
	for (size_t i = 0; i < m->pv.n; i++)
		m->pv.items[i]->checker = NULL;
	mapvec_free(&m->mv);
	pathvec_free(&m->pv);
}

static const struct print_ctx CTX = {.now = 1000};

/* The raw text of one path's wildcard (with its newline removed). */
static const char *path_cell(const struct model *m, size_t i, const char *fmt, struct strbuf *out)
{
	strbuf_reset(out);
	assert_int_equal(print_paths_fmt(fmt, &m->pv, m->pv.items[i], &CTX, true, out), 0);
	assert_true(out->len > 0 && out->buf[out->len - 1] == '\n');
	strbuf_truncate(out, out->len - 1);
	return strbuf_str(out);
}

static void test_path_wildcards(void **state)
{
	static const struct {
		size_t path;
		const char *fmt, *text;
	} cases[] = {
		{0, "%w", "333333330000007d0"},	    {0, "%i", "0:0:0:0"},
		{3, "%i", "#:#:#:#"},		    {0, "%d", "sda"},
		{1, "%D", "8:16"},		    {0, "%t", "active"},
		{1, "%t", "failed"},		    {3, "%t", "undef"},
		{0, "%o", "running"},		    {0, "%T", "ready"},
		{1, "%T", "delayed"},		    {3, "%T", "undef"},
		{0, "%s", "Linux,scsi_debug"},	    {0, "%c", "tur"},
		{0, "%C", "orphan"},		    {1, "%C", "XXXXXX.... 13/20"},
		{0, "%p", "50"},		    {3, "%p", "-1"},
		{0, "%S", "64M"},		    {0, "%z", "2000"},
		{0, "%M", "normal"},		    {0, "%m", "m0"},
		{3, "%m", "[orphan]"},		    {0, "%N", "[undef]"},
		{0, "%n", "[undef]"},		    {3, "%n", "iqn.2003-01.org.x:t"},
		{0, "%R", "[undef]"},		    {0, "%r", "[undef]"},
		{0, "%a", "[undef]"},		    {0, "%G", "--"},
		{0, "%g", "[undef]"},		    {1, "%0", "7"},
		{0, "%P", "scsi:unspec"},	    {3, "%P", "undef"},
		{0, "%I", "ok"},		    {3, "%I", "failed"},
		{0, "%L", "0x0000000000000000"},    {1, "%L", "0x0001000000000000"},
		{0, "%E", "-"},			    {0, "<%d|%%|%b%q>", "<sda|%|>"},
		{0, "100%", "100%"},
	};
	struct model m;
	STRBUF_AUTO(out);

	(void)state;
	model_build(&m);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_string_equal(path_cell(&m, cases[i].path, cases[i].fmt, &out), cases[i].text);
	/* marginal_pathgroups: a marked path */
	m.pv.items[1]->marginal = true;
	assert_string_equal(path_cell(&m, 1, "%M", &out), "marginal");
	model_free(&m);
}

static const char *map_cell(const struct model *m, size_t i, const char *fmt, struct strbuf *out)
{
	strbuf_reset(out);
	assert_int_equal(print_maps_fmt(fmt, &m->mv, m->mv.items[i], &CTX, true, out), 0);
	strbuf_truncate(out, out->len - 1);
	return strbuf_str(out);
}

static void test_map_wildcards(void **state)
{
	static const struct {
		size_t map;
		const char *fmt, *text;
	} cases[] = {
		{0, "%n", "m0"},
		{0, "%w", "333333330000007d0"},
		{0, "%d", "dm-3"},
		{0, "%F", "immediate"},
		{1, "%F", "-"},
		{0, "%Q", "off"},
		{1, "%Q", "9 sec"},
		{0, "%N", "1"}, /* sdb is delayed: not usable */
		{0, "%r", "rw"},
		{1, "%r", "ro"},
		{0, "%t", "active"},
		{1, "%t", "suspend"},
		{0, "%S", "64M"},
		{1, "%S", "1.0G"},
		{0, "%f", "0"},
		{0, "%x", "6"},
		{0, "%h", "1 alua"},
		{1, "%h", "0"},
		{0, "%A", "create"},
		{1, "%A", ""},
		{0, "%0 %1 %2 %3 %4", "1 2 3 4 5"},
		{0, "%s", "Linux,scsi_debug"},
		{0, "%v", "Linux"},
		{0, "%p", "scsi_debug"},
		{0, "%e", "0191"},
		{1, "%e", "##"},
		{0, "%G", "--"},
		{0, "%g", "[undef]"},
	};
	struct model m;
	STRBUF_AUTO(out);

	(void)state;
	model_build(&m);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_string_equal(map_cell(&m, cases[i].map, cases[i].fmt, &out), cases[i].text);
	/* vpd_vendor data (the 3PAR volume name): a path's own, a map's from
	 * its first path that has some */
	strlcpy_trunc(m.pv.items[1]->vpd_data, "oradata_01", sizeof(m.pv.items[1]->vpd_data));
	assert_string_equal(path_cell(&m, 1, "%g", &out), "oradata_01");
	assert_string_equal(path_cell(&m, 0, "%g", &out), "[undef]");
	assert_string_equal(map_cell(&m, 0, "%g", &out), "oradata_01");
	assert_string_equal(map_cell(&m, 1, "%g", &out), "[undef]");
	/* queueing: the other no_path_retry values */
	m.mv.items[1]->retry_deadline = 0;
	assert_string_equal(map_cell(&m, 1, "%Q", &out), "12 chk");
	m.mv.items[1]->queue_stopped = true;
	assert_string_equal(map_cell(&m, 1, "%Q", &out), "off");
	m.mv.items[1]->no_path_retry = NO_PATH_RETRY_QUEUE;
	assert_string_equal(map_cell(&m, 1, "%Q", &out), "on");
	m.mv.items[1]->no_path_retry = 0;
	assert_string_equal(map_cell(&m, 1, "%Q", &out), "-");
	m.mv.items[1]->queue_disabled = true;
	assert_string_equal(map_cell(&m, 1, "%Q", &out), "off");
	/* deferred failback counting down */
	m.mv.items[1]->failback = 10;
	m.mv.items[1]->failback_deadline = 1004;
	assert_string_equal(map_cell(&m, 1, "%F", &out), "XXXX...... 4/10");
	model_free(&m);
}

static void test_pg_wildcards(void **state)
{
	struct model m;
	STRBUF_AUTO(out);

	(void)state;
	model_build(&m);
	assert_int_equal(print_pgs_fmt("%s|%p|%t|%M", m.mv.items[0], &CTX, false, &out), 0);
	assert_string_equal(strbuf_str(&out), "selector      |pri|dm_st  |marginal_st\n"
					      "service-time 0|50 |active |normal     \n"
					      "service-time 0|10 |enabled|normal     \n");
	/* a group of marginal paths */
	strbuf_reset(&out);
	m.mv.items[0]->pgs.items[1]->marginal = true;
	assert_int_equal(print_pgs_fmt("%p|%M", m.mv.items[0], &CTX, false, &out), 0);
	assert_string_equal(strbuf_str(&out), "pri|marginal_st\n"
					      "50 |normal     \n"
					      "10 |marginal   \n");
	model_free(&m);
}

static void test_padded_and_raw(void **state)
{
	struct model m;
	STRBUF_AUTO(out);

	(void)state;
	model_build(&m);
	assert_int_equal(print_paths_fmt(PRINT_PATHS_DEFAULT, &m.pv, NULL, &CTX, false, &out), 0);
	assert_string_equal(strbuf_str(&out),
			    "hcil    dev dev_t  pri dm_st  chk_st  dev_st  next_check      \n"
			    "0:0:0:0 sda 8:0    50  active ready   running orphan          \n"
			    "1:0:0:1 sdb 8:16   10  failed delayed running XXXXXX.... 13/20\n"
			    "2:0:0:0 sdc 8:32   1   active ready   running orphan          \n"
			    "#:#:#:# sdz 65:144 -1  undef  undef   running orphan          \n");
	strbuf_reset(&out);
	assert_int_equal(print_paths_fmt("%d %t %T %p", &m.pv, NULL, &CTX, true, &out), 0);
	assert_string_equal(strbuf_str(&out), "sda active ready 50\n"
					      "sdb failed delayed 10\n"
					      "sdc active ready 1\n"
					      "sdz undef undef -1\n");
	/* show maps status / stats layouts */
	strbuf_reset(&out);
	assert_int_equal(print_maps_fmt(PRINT_MAPS_STATUS, &m.mv, NULL, &CTX, false, &out), 0);
	assert_string_equal(strbuf_str(&out), "name failback  queueing paths dm-st   write_prot\n"
					      "m0   immediate off      1     active  rw        \n"
					      "m1   -         9 sec    1     suspend ro        \n");
	strbuf_reset(&out);
	assert_int_equal(print_maps_fmt(PRINT_MAPS_STATS, &m.mv, NULL, &CTX, false, &out), 0);
	assert_string_equal(strbuf_str(&out),
			    "name path_faults switch_grp map_loads total_q_time q_timeouts\n"
			    "m0   1           2          3         4            5         \n"
			    "m1   0           0          0         0            0         \n");
	/* show map M format F: its line alone, padded to every map's widths */
	strbuf_reset(&out);
	assert_int_equal(print_maps_fmt("%n %d %w", &m.mv, m.mv.items[1], &CTX, false, &out), 0);
	assert_string_equal(strbuf_str(&out), "m1   dm-4  36001405aa       \n");
	/* an object that is not in the vector */
	strbuf_reset(&out);
	assert_int_equal(print_maps_fmt("%n", &m.mv, (struct multipath *)&m, &CTX, false, &out),
			 -ENOENT);
	assert_int_equal(print_maps_fmt(NULL, &m.mv, NULL, &CTX, false, &out), -EINVAL);
	/* no maps: the header alone */
	strbuf_reset(&out);
	assert_int_equal(print_maps_fmt(PRINT_MAPS_DEFAULT, &(struct mapvec){0}, NULL, &CTX, false,
					&out),
			 0);
	assert_string_equal(strbuf_str(&out), "name sysfs uuid\n");
	model_free(&m);
}

static void test_wildcard_list(void **state)
{
	STRBUF_AUTO(out);
	const char *p;
	int lines = 0;

	(void)state;
	assert_int_equal(print_wildcards(&out), 0);
	p = strbuf_str(&out);
	assert_true(!strncmp(p, "multipath format wildcards:\n%n  name\n", 37));
	assert_non_null(strstr(p, "\n\npath format wildcards:\n%w  uuid\n"));
	assert_non_null(strstr(p, "%E  io_err_stat\n"));
	assert_non_null(strstr(p, "\n\npathgroup format wildcards:\n%s  selector\n"));
	for (; (p = strchr(p, '\n')); p++)
		lines += p[1] == '%';
	assert_int_equal(lines + (strbuf_str(&out)[0] == '%'), 24 + 27 + 4);
}

/* ---- a small JSON checker ------------------------------------------------ */

struct jp {
	const char *p;
	char names[8][128]; /* decoded values of every "name" string */
	int nnames;
	int depth;
};

static void jp_ws(struct jp *j)
{
	while (*j->p == ' ' || *j->p == '\n' || *j->p == '\t' || *j->p == '\r')
		j->p++;
}

/* A string; decoded into buf (size 128) when buf is not NULL. */
static bool jp_string(struct jp *j, char *buf)
{
	size_t n = 0;

	if (*j->p++ != '"')
		return false;
	while (*j->p != '"') {
		unsigned char c = (unsigned char)*j->p++;

		if (c < 0x20)
			return false;
		if (c == '\\') {
			const char *esc = "\"\"\\\\//b\bf\fn\nr\rt\t";
			const char *e;

			c = (unsigned char)*j->p++;
			if (c == 'u') {
				unsigned v;

				if (sscanf(j->p, "%4x", &v) != 1 || strspn(j->p, "0123456789abcdefABCDEF") < 4)
					return false;
				j->p += 4;
				c = (unsigned char)v;
			} else {
				for (e = esc; *e && *e != (char)c; e += 2)
					;
				if (!*e)
					return false;
				c = (unsigned char)e[1];
			}
		}
		if (buf && n + 1 < 128)
			buf[n++] = (char)c;
	}
	j->p++;
	if (buf)
		buf[n] = '\0';
	return true;
}

static bool jp_value(struct jp *j);

static bool jp_object(struct jp *j)
{
	j->p++;
	jp_ws(j);
	if (*j->p == '}')
		return j->p++, true;
	for (;;) {
		char key[128];

		jp_ws(j);
		if (!jp_string(j, key))
			return false;
		jp_ws(j);
		if (*j->p++ != ':')
			return false;
		jp_ws(j);
		if (!strcmp(key, "name") && *j->p == '"' && j->nnames < 8) {
			if (!jp_string(j, j->names[j->nnames++]))
				return false;
		} else if (!jp_value(j)) {
			return false;
		}
		jp_ws(j);
		if (*j->p == '}')
			return j->p++, true;
		if (*j->p++ != ',')
			return false;
	}
}

static bool jp_array(struct jp *j)
{
	j->p++;
	jp_ws(j);
	if (*j->p == ']')
		return j->p++, true;
	for (;;) {
		jp_ws(j);
		if (!jp_value(j))
			return false;
		jp_ws(j);
		if (*j->p == ']')
			return j->p++, true;
		if (*j->p++ != ',')
			return false;
	}
}

static bool jp_value(struct jp *j)
{
	bool ok;

	if (++j->depth > 32)
		return false;
	if (*j->p == '{')
		ok = jp_object(j);
	else if (*j->p == '[')
		ok = jp_array(j);
	else if (*j->p == '"')
		ok = jp_string(j, NULL);
	else if (*j->p == '-' || (*j->p >= '0' && *j->p <= '9')) {
		ok = true;
		j->p += *j->p == '-';
		if (!(*j->p >= '0' && *j->p <= '9'))
			ok = false;
		while (*j->p >= '0' && *j->p <= '9')
			j->p++;
	} else
		ok = !strncmp(j->p, "true", 4) || !strncmp(j->p, "false", 5) ||
		     !strncmp(j->p, "null", 4);
	j->depth--;
	return ok;
}

/* A whole document: one value and nothing but blanks after it. */
static bool json_valid(const char *text, struct jp *j)
{
	memset(j, 0, sizeof(*j));
	j->p = text;
	jp_ws(j);
	if (!jp_value(j))
		return false;
	jp_ws(j);
	return *j->p == '\0';
}

static void test_json_checker_refuses(void **state)
{
	struct jp j;

	(void)state;
	assert_true(json_valid("{\"a\" : [1, -2, \"x\\u0041\"], \"b\": {}}", &j));
	assert_false(json_valid("{\"a\" : \"we\\\"}", &j)); /* Debian's unescaped backslash */
	assert_false(json_valid("{\"a\" : 1,}", &j));
	assert_false(json_valid("{\"a\" : \"x\ny\"}", &j));
	assert_false(json_valid("[1] 2", &j));
}

static void test_json_layout(void **state)
{
	struct model m;
	struct jp j;
	STRBUF_AUTO(out);
	const char *p;

	(void)state;
	model_build(&m);
	assert_int_equal(print_map_json(m.mv.items[1], &CTX, &out), 0);
	assert_string_equal(strbuf_str(&out),
			    "{\n"
			    "   \"major_version\": 0,\n"
			    "   \"minor_version\": 1,\n"
			    "   \"map\":{\n"
			    "      \"name\" : \"m1\",\n"
			    "      \"uuid\" : \"36001405aa\",\n"
			    "      \"sysfs\" : \"dm-4\",\n"
			    "      \"failback\" : \"-\",\n"
			    "      \"queueing\" : \"9 sec\",\n"
			    "      \"paths\" : 1,\n"
			    "      \"write_prot\" : \"ro\",\n"
			    "      \"dm_st\" : \"suspend\",\n"
			    "      \"features\" : \"0\",\n"
			    "      \"hwhandler\" : \"0\",\n"
			    "      \"action\" : \"\",\n"
			    "      \"path_faults\" : 0,\n"
			    "      \"vend\" : \"##\",\n"
			    "      \"prod\" : \"##\",\n"
			    "      \"rev\" : \"##\",\n"
			    "      \"switch_grp\" : 0,\n"
			    "      \"map_loads\" : 0,\n"
			    "      \"total_q_time\" : 0,\n"
			    "      \"q_timeouts\" : 0,\n"
			    "      \"path_groups\": []\n"
			    "   }\n"
			    "}\n");
	assert_true(json_valid(strbuf_str(&out), &j));
	strbuf_reset(&out);
	assert_int_equal(print_maps_json(&m.mv, &CTX, &out), 0);
	assert_true(json_valid(strbuf_str(&out), &j));
	assert_int_equal(j.nnames, 2);
	assert_string_equal(j.names[0], "m0");
	/* the path of m0's second group, as multipath-tools lays it out */
	p = strstr(strbuf_str(&out), "      },{\n         \"selector\" : \"service-time 0\",\n"
				     "         \"pri\" : 10,\n"
				     "         \"dm_st\" : \"enabled\",\n"
				     "         \"marginal_st\" : \"normal\",\n"
				     "         \"group\" : 2,\n"
				     "         \"paths\": [{\n"
				     "            \"dev\" : \"sdb\",\n"
				     "            \"dev_t\" : \"8:16\",\n"
				     "            \"dm_st\" : \"failed\",\n"
				     "            \"dev_st\" : \"running\",\n"
				     "            \"chk_st\" : \"delayed\",\n"
				     "            \"checker\" : \"tur\",\n"
				     "            \"pri\" : 10,\n"
				     "            \"host_wwnn\" : \"[undef]\",\n"
				     "            \"target_wwnn\" : \"[undef]\",\n"
				     "            \"host_wwpn\" : \"[undef]\",\n"
				     "            \"target_wwpn\" : \"[undef]\",\n"
				     "            \"host_adapter\" : \"[undef]\",\n"
				     "            \"lun_hex\" : \"0x0001000000000000\",\n"
				     "            \"marginal_st\" : \"normal\",\n"
				     "            \"io_err_stat\" : \"-\"\n"
				     "         }]\n"
				     "      }]\n"
				     "   },{\n");
	assert_non_null(p);
	assert_non_null(strstr(strbuf_str(&out), "   \"maps\": [{\n      \"name\" : \"m0\",\n"));
	assert_non_null(strstr(strbuf_str(&out), "\"path_groups\": []\n   }]\n}\n"));
	/* no maps */
	strbuf_reset(&out);
	assert_int_equal(print_maps_json(&(struct mapvec){0}, &CTX, &out), 0);
	assert_string_equal(strbuf_str(&out), "{\n   \"major_version\": 0,\n"
					      "   \"minor_version\": 1,\n   \"maps\": []\n}\n");
	assert_true(json_valid(strbuf_str(&out), &j));
	model_free(&m);
}

static void test_json_escaping(void **state)
{
	static const char nasty[] = "we\"ird\\al\x01i\nas\t\x7f/";
	struct model m;
	struct jp j;
	STRBUF_AUTO(out);

	(void)state;
	assert_int_equal(print_json_string(nasty, &out), 0);
	assert_string_equal(strbuf_str(&out), "\"we\\\"ird\\\\al\\u0001i\\nas\\t\\u007f/\"");
	strbuf_reset(&out);
	assert_int_equal(print_json_string(NULL, &out), 0);
	assert_string_equal(strbuf_str(&out), "\"\"");

	model_build(&m);
	strlcpy_trunc(m.mv.items[0]->alias, nasty, sizeof(m.mv.items[0]->alias));
	strlcpy_trunc(m.mv.items[1]->alias, "back\\slash \"quoted\"", sizeof(m.mv.items[1]->alias));
	strbuf_reset(&out);
	assert_int_equal(print_maps_json(&m.mv, &CTX, &out), 0);
	assert_true(json_valid(strbuf_str(&out), &j));
	assert_int_equal(j.nnames, 2);
	assert_string_equal(j.names[0], nasty); /* decodes back to the same bytes */
	assert_string_equal(j.names[1], "back\\slash \"quoted\"");
	model_free(&m);
}

static void test_lun_sam(void **state)
{
	(void)state;
	assert_true(print_lun_sam(0) == 0);
	assert_true(print_lun_sam(1) == 0x0001000000000000ULL);
	assert_true(print_lun_sam(255) == 0x00ff000000000000ULL);
	assert_true(print_lun_sam(256) == 0x0100000000000000ULL);
	assert_true(print_lun_sam(65536) == 0x0000000100000000ULL);
	assert_true(print_lun_sam(-1) == 0);
}

/* %E and the JSON field show io_err_stat's own status text. */
static void test_io_err_wildcard(void **state)
{
	struct ies_params p = {.sample_time = 30,
			       .rate_threshold = 10,
			       .recovery_time = 60,
			       .double_failed_time = 60};
	struct io_err_stat *ies;
	struct print_ctx ctx = {.now = 1000};
	char want[64];
	struct model m;
	struct jp j;
	STRBUF_AUTO(out);

	(void)state;
	model_build(&m);
	assert_int_equal(io_err_stat_new_manual(NULL, &ies), 0);
	ctx.ies = ies;
	assert_int_equal(io_err_stat_path_failed(ies, m.pv.items[0]->devt, "/dev/sda", &p, false),
			 IES_COUNTED);
	assert_true(io_err_stat_path_status(ies, m.pv.items[0]->devt, want, sizeof(want)) > 0);
	assert_string_equal(want, "suspect 1");
	assert_int_equal(print_paths_fmt("%d %E", &m.pv, NULL, &ctx, true, &out), 0);
	assert_string_equal(strbuf_str(&out), "sda suspect 1\nsdb -\nsdc -\nsdz -\n");
	strbuf_reset(&out);
	assert_int_equal(print_maps_json(&m.mv, &ctx, &out), 0);
	assert_true(json_valid(strbuf_str(&out), &j));
	assert_non_null(strstr(strbuf_str(&out), "\"dev\" : \"sda\",\n"));
	assert_non_null(strstr(strbuf_str(&out), "\"io_err_stat\" : \"suspect 1\"\n"));
	io_err_stat_free(ies);
	model_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_failover_shape),
		cmocka_unit_test(test_multibus_undef),
		cmocka_unit_test(test_size),
		cmocka_unit_test(test_path_wildcards),
		cmocka_unit_test(test_map_wildcards),
		cmocka_unit_test(test_pg_wildcards),
		cmocka_unit_test(test_padded_and_raw),
		cmocka_unit_test(test_wildcard_list),
		cmocka_unit_test(test_json_checker_refuses),
		cmocka_unit_test(test_json_layout),
		cmocka_unit_test(test_json_escaping),
		cmocka_unit_test(test_lun_sam),
		cmocka_unit_test(test_io_err_wildcard),
	};

	return cmocka_run_group_tests_name("print", tests, NULL, NULL);
}
