// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The command handlers. handle_command() runs on the listener thread: it
 * parses the words (cli.h), checks the caller's right to change anything
 * (root only), and answers. Reads are done under vecs.lock; dm messages are
 * sent without it; structural commands (add/del, reload, reconfigure) are
 * dispatcher jobs, waited for up to JOB_WAIT_MS.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <urcu.h>

#include "cli.h"
#include "config/config.h"
#include "configure.h"
#include "daemon.h"
#include "devmapper.h"
#include "io_err_stat.h"
#include "print.h"
#include "util/log.h"

enum { JOB_WAIT_MS = 60000, MAX_COLS = 12 };

/* A table printed with columns padded to their widest cell. */
struct table {
	size_t ncols;
	struct strvec cells; /* row-major */
};

static void table_add(struct table *t, const char *cell)
{
	strvec_push_dup(&t->cells, cell ? cell : "");
}

static int table_print(struct table *t, bool header, struct strbuf *out)
{
	size_t width[MAX_COLS] = {0};
	size_t first = header ? 0 : t->ncols;

	for (size_t i = first; i < t->cells.n; i++) {
		size_t len = strlen(t->cells.items[i]);

		if (len > width[i % t->ncols])
			width[i % t->ncols] = len;
	}
	for (size_t i = first; i < t->cells.n; i++) {
		size_t col = i % t->ncols;
		bool last = col == t->ncols - 1;

		int rc = last ? strbuf_addf(out, "%s\n", t->cells.items[i])
			      : strbuf_addf(out, "%-*s ", (int)width[col], t->cells.items[i]);

		if (rc < 0)
			return -ENOMEM;
	}
	strvec_free_all(&t->cells);
	return 0;
}

static void hcil(const struct path *pp, char *buf, size_t size)
{
	if (pp->hbtl.host < 0)
		snprintf(buf, size, "#:#:#:#");
	else
		snprintf(buf, size, "%d:%d:%d:%d", pp->hbtl.host, pp->hbtl.channel,
			 pp->hbtl.target, pp->hbtl.lun);
}

static const char *dm_state_name(enum dm_path_state st)
{
	return st == PSTATE_ACTIVE ? "active" : st == PSTATE_FAILED ? "failed" : "undef";
}

static void path_row(struct table *t, const struct path *pp, long now)
{
	char buf[64];

	hcil(pp, buf, sizeof(buf));
	table_add(t, buf);
	table_add(t, pp->dev[0] ? pp->dev : "-");
	table_add(t, pp->dev_t);
	snprintf(buf, sizeof(buf), "%d", pp->priority < 0 ? 0 : pp->priority);
	table_add(t, buf);
	table_add(t, pp->mpp ? dm_state_name(pp->dmstate) : "undef");
	table_add(t, pp->mpp ? path_state_name(pp->state) : "orphan");
	table_add(t, pp->dev_state[0] ? pp->dev_state : "undef");
	if (pp->mpp && pp->checker)
		snprintf(buf, sizeof(buf), "%ld/%d",
			 pp->next_check > now ? pp->next_check - now : 0, pp->check_interval);
	else
		snprintf(buf, sizeof(buf), "orphan");
	table_add(t, buf);
}

static int show_paths(struct daemon *d, const struct cli_cmd *c, struct strbuf *out)
{
	static const char *const hdr[] = {"hcil",  "dev",    "dev_t",  "pri",
					  "dm_st", "chk_st", "dev_st", "next_check"};
	struct table t = {.ncols = 8};
	long now = now_s();
	int found = 0;

	for (size_t i = 0; i < t.ncols; i++)
		table_add(&t, hdr[i]);
	pthread_mutex_lock(&d->vecs.lock);
	for (size_t i = 0; i < d->vecs.paths.n; i++) {
		const struct path *pp = d->vecs.paths.items[i];

		if (c->path && strcmp(pp->dev, c->path) && strcmp(pp->dev_t, c->path))
			continue;
		path_row(&t, pp, now);
		found++;
	}
	pthread_mutex_unlock(&d->vecs.lock);
	if (c->path && !found) {
		strvec_free_all(&t.cells);
		return -ENOENT;
	}
	return table_print(&t, !c->raw, out);
}

static int show_maps(struct daemon *d, const struct cli_cmd *c, struct strbuf *out)
{
	struct table t = {.ncols = 3};
	char sysfs[32];
	int found = 0;

	table_add(&t, "name");
	table_add(&t, "sysfs");
	table_add(&t, "uuid");
	pthread_mutex_lock(&d->vecs.lock);
	for (size_t i = 0; i < d->vecs.maps.n; i++) {
		const struct multipath *mpp = d->vecs.maps.items[i];

		if (c->map && !configure_map_matches(mpp, c->map))
			continue;
		snprintf(sysfs, sizeof(sysfs), "dm-%d", mpp->dm_minor);
		table_add(&t, mpp->alias);
		table_add(&t, sysfs);
		table_add(&t, mpp->wwid);
		found++;
	}
	pthread_mutex_unlock(&d->vecs.lock);
	if (c->map && !found) {
		strvec_free_all(&t.cells);
		return -ENOENT;
	}
	return table_print(&t, !c->raw, out);
}

static int show_maps_status(struct daemon *d, struct strbuf *out)
{
	struct table t = {.ncols = 8};
	static const char *const hdr[] = {"name",  "failback", "queueing", "paths",
					  "dm-st", "write_prot", "faults", "switches"};
	long now = now_s();

	for (size_t i = 0; i < t.ncols; i++)
		table_add(&t, hdr[i]);
	pthread_mutex_lock(&d->vecs.lock);
	for (size_t i = 0; i < d->vecs.maps.n; i++) {
		const struct multipath *mpp = d->vecs.maps.items[i];
		char buf[64];
		int usable = 0;

		table_add(&t, mpp->alias);
		table_add(&t, mpp->failback == FAILBACK_MANUAL	   ? "manual"
			      : mpp->failback == FAILBACK_IMMEDIATE ? "immediate"
			      : mpp->failback == FAILBACK_FOLLOWOVER ? "followover"
								     : "deferred");
		if (mpp->retry_deadline > now)
			snprintf(buf, sizeof(buf), "%ld sec", mpp->retry_deadline - now);
		else
			snprintf(buf, sizeof(buf), "%s",
				 mpp->queue_if_no_path > 0 ? "on" : "off");
		table_add(&t, buf);
		for (size_t k = 0; k < mpp->paths.n; k++)
			usable += path_state_usable(mpp->paths.items[k]->state);
		snprintf(buf, sizeof(buf), "%d", usable);
		table_add(&t, buf);
		table_add(&t, usable ? "active" : "failed");
		table_add(&t, mpp->ro ? "ro" : "rw");
		snprintf(buf, sizeof(buf), "%u", mpp->path_faults);
		table_add(&t, buf);
		snprintf(buf, sizeof(buf), "%u", mpp->switch_groups);
		table_add(&t, buf);
	}
	pthread_mutex_unlock(&d->vecs.lock);
	return table_print(&t, true, out);
}

static int show_topology(struct daemon *d, const char *map, struct strbuf *out)
{
	int rc = 0, found = 0;

	pthread_mutex_lock(&d->vecs.lock);
	for (size_t i = 0; rc == 0 && i < d->vecs.maps.n; i++) {
		const struct multipath *mpp = d->vecs.maps.items[i];

		if (map && !configure_map_matches(mpp, map))
			continue;
		rc = print_map_topology(mpp, NULL, true, out);
		found++;
	}
	pthread_mutex_unlock(&d->vecs.lock);
	return rc < 0 ? rc : map && !found ? -ENOENT : 0;
}

static int show_status(struct daemon *d, struct strbuf *out)
{
	int count[PATH_DELAYED + 1] = {0};
	size_t npaths;

	pthread_mutex_lock(&d->vecs.lock);
	npaths = d->vecs.paths.n;
	for (size_t i = 0; i < npaths; i++) {
		const struct path *pp = d->vecs.paths.items[i];

		if (pp->mpp && pp->state <= PATH_DELAYED)
			count[pp->state]++;
	}
	pthread_mutex_unlock(&d->vecs.lock);
	strbuf_addstr(out, "path checker states:\n");
	for (int s = 0; s <= PATH_DELAYED; s++)
		if (count[s])
			strbuf_addf(out, "%-20s%d\n", path_state_name(s), count[s]);
	return strbuf_addf(out, "\npaths: %zu\nbusy: %s\n", npaths,
			   atomic_load(&d->ready) ? "False" : "True") < 0
		       ? -ENOMEM
		       : 0;
}

static int show_config(struct daemon *d, struct strbuf *out)
{
	int rc;

	rcu_read_lock();
	rc = config_print(rcu_dereference(d->conf), false, out);
	rcu_read_unlock();
	return rc;
}

/* The map (alias) and devt of path P, copied under the lock. */
static int path_lookup(struct daemon *d, const char *dev, char *map, char *devt)
{
	struct path *pp;
	int rc = -ENOENT;

	pthread_mutex_lock(&d->vecs.lock);
	pp = pathvec_find_dev(&d->vecs.paths, dev);
	if (!pp)
		pp = pathvec_find_devt(&d->vecs.paths, dev);
	if (pp && pp->mpp) {
		strlcpy_trunc(map, pp->mpp->alias, WWID_SIZE);
		strlcpy_trunc(devt, pp->dev_t, 16);
		rc = 0;
	}
	pthread_mutex_unlock(&d->vecs.lock);
	return rc;
}

/*
 * Before a fail/reinstate message: mark the path (the dm event the message
 * causes must already see the mark). A path failed by command is
 * reinstated at its next scheduled check if it is healthy, not at once; a
 * reinstated one loses io_err_stat's hold (the admin fixed the link).
 * After the message (sent true) the kernel's state is recorded; after a
 * failed one the mark is undone.
 */
static void path_mark(struct daemon *d, const char *devt, bool fail, bool sent)
{
	struct path *pp;

	pthread_mutex_lock(&d->vecs.lock);
	pp = pathvec_find_devt(&d->vecs.paths, devt);
	if (pp && sent) {
		pp->dmstate = fail ? PSTATE_FAILED : PSTATE_ACTIVE;
	} else if (pp && fail) {
		pp->admin_failed = true;
		pp->next_check = now_s() + pp->check_interval;
	} else if (pp) {
		pp->admin_failed = false;
		if (d->ies && io_err_stat_release(d->ies, pp->devt, "admin") == 0)
			pp->state = pp->chk_state;
	}
	pthread_mutex_unlock(&d->vecs.lock);
}

static int fail_reinstate(struct daemon *d, const char *dev, bool fail)
{
	char map[WWID_SIZE], devt[16], msg[64];
	struct path *pp;
	int rc = path_lookup(d, dev, map, devt);

	if (rc < 0)
		return rc;
	path_mark(d, devt, fail, false);
	snprintf(msg, sizeof(msg), "%s %s", fail ? "fail_path" : "reinstate_path", devt);
	rc = devmapper_message(map, msg);
	if (rc < 0 && fail) {
		pthread_mutex_lock(&d->vecs.lock);
		pp = pathvec_find_devt(&d->vecs.paths, devt);
		if (pp)
			pp->admin_failed = false;
		pthread_mutex_unlock(&d->vecs.lock);
	}
	if (rc < 0)
		return rc;
	mp_log(2, "%s: path %s %s by command", map, devt, fail ? "failed" : "reinstated");
	path_mark(d, devt, fail, true);
	return 0;
}

static int map_name(struct daemon *d, const char *arg, char *name)
{
	int found = 0;

	pthread_mutex_lock(&d->vecs.lock);
	for (size_t i = 0; !found && i < d->vecs.maps.n; i++)
		if (configure_map_matches(d->vecs.maps.items[i], arg)) {
			strlcpy_trunc(name, d->vecs.maps.items[i]->alias, WWID_SIZE);
			found = 1;
		}
	pthread_mutex_unlock(&d->vecs.lock);
	return found ? 0 : -ENOENT;
}

static int map_message(struct daemon *d, const char *arg, const char *msg)
{
	char name[WWID_SIZE];
	int rc = map_name(d, arg, name);

	return rc < 0 ? rc : devmapper_message(name, msg);
}

/* disablequeueing / restorequeueing of one map or all. */
static int queueing(struct daemon *d, const char *arg, bool on)
{
	struct strvec names = {0};
	int rc = 0;

	pthread_mutex_lock(&d->vecs.lock);
	for (size_t i = 0; i < d->vecs.maps.n; i++) {
		struct multipath *mpp = d->vecs.maps.items[i];

		if (arg && !configure_map_matches(mpp, arg))
			continue;
		/* restore only where the configuration queues */
		if (on && mpp->no_path_retry == NO_PATH_RETRY_FAIL)
			continue;
		mpp->queue_disabled = !on;
		mpp->queue_stopped = false;
		mpp->retry_deadline = 0;
		strvec_push_dup(&names, mpp->alias);
	}
	pthread_mutex_unlock(&d->vecs.lock);
	if (arg && !names.n)
		rc = -ENOENT;
	for (size_t i = 0; i < names.n; i++) {
		int r = devmapper_message(names.items[i], on ? "queue_if_no_path" : "fail_if_no_path");
		struct multipath *mpp;

		rc = r < 0 ? r : rc;
		pthread_mutex_lock(&d->vecs.lock);
		mpp = mapvec_find_alias(&d->vecs.maps, names.items[i]);
		if (mpp && r == 0) /* later reloads keep it */
			configure_map_set_queueing(mpp, on);
		pthread_mutex_unlock(&d->vecs.lock);
	}
	strvec_free_all(&names);
	return rc;
}

static int reset_stats(struct daemon *d, const char *arg)
{
	int found = 0;

	pthread_mutex_lock(&d->vecs.lock);
	for (size_t i = 0; i < d->vecs.maps.n; i++) {
		struct multipath *mpp = d->vecs.maps.items[i];

		if (arg && !configure_map_matches(mpp, arg))
			continue;
		mpp->path_faults = mpp->switch_groups = mpp->map_loads = 0;
		found++;
	}
	pthread_mutex_unlock(&d->vecs.lock);
	return arg && !found ? -ENOENT : 0;
}

static int job(struct daemon *d, enum job_type type, const char *arg)
{
	return dispatch_post(d, type, arg, true, JOB_WAIT_MS);
}

/* Commands that answer with text; 1 when the verb is not one of them. */
static int run_show(struct daemon *d, const struct cli_cmd *c, struct strbuf *out)
{
	switch (c->verb) {
	case CLI_SHOW_PATHS:
	case CLI_SHOW_PATH:
		return show_paths(d, c, out);
	case CLI_SHOW_MAPS:
	case CLI_SHOW_MAP:
		return show_maps(d, c, out);
	case CLI_SHOW_MAPS_STATUS:
		return show_maps_status(d, out);
	case CLI_SHOW_TOPOLOGY:
		return show_topology(d, NULL, out);
	case CLI_SHOW_MAP_TOPOLOGY:
		return show_topology(d, c->map, out);
	case CLI_SHOW_STATUS:
		return show_status(d, out);
	case CLI_SHOW_CONFIG:
	case CLI_SHOW_CONFIG_LOCAL:
		return show_config(d, out);
	case CLI_SHOW_DAEMON:
		return strbuf_addf(out, "pid %d %s\n", (int)getpid(),
				   atomic_load(&d->stopping)	   ? "shutdown"
				   : !atomic_load(&d->ready)	   ? "configure"
				   : atomic_load(&d->reconfiguring) ? "configure"
								   : "running") < 0
			       ? -ENOMEM
			       : 0;
	case CLI_SHOW_IO_ERR_STAT: {
		int rc = d->ies ? io_err_stat_show(d->ies, out) : 0;

		return rc < 0 ? rc : 0;
	}
	case CLI_HELP:
		return cli_usage(out);
	default:
		return 1;
	}
}

/* Commands that answer ok or fail. */
static int run_action(struct daemon *d, const struct cli_cmd *c)
{
	char buf[64];
	int rc;

	switch (c->verb) {
	case CLI_FAIL_PATH:
	case CLI_REINSTATE_PATH:
		return fail_reinstate(d, c->path, c->verb == CLI_FAIL_PATH);
	case CLI_RECONFIGURE:
	case CLI_RECONFIGURE_ALL:
		if (atomic_exchange(&d->reconfiguring, true))
			return 0; /* one is queued already */
		rc = dispatch_post(d, JOB_RECONFIGURE, NULL, false, 0);
		if (rc < 0)
			atomic_store(&d->reconfiguring, false);
		return rc;
	case CLI_SHUTDOWN:
		daemon_request_stop(d);
		return 0;
	case CLI_ADD_PATH:
		return job(d, JOB_ADD_PATH, c->path);
	case CLI_DEL_PATH:
		return job(d, JOB_DEL_PATH, c->path);
	case CLI_ADD_MAP:
		return job(d, JOB_ADD_MAP, c->map);
	case CLI_DEL_MAP:
		return map_name(d, c->map, buf) < 0 ? -ENOENT : job(d, JOB_DEL_MAP, buf);
	case CLI_DEL_MAPS:
		return job(d, JOB_DEL_MAPS, NULL);
	case CLI_RELOAD_MAP:
	case CLI_RESIZE_MAP:
		return map_name(d, c->map, buf) < 0 ? -ENOENT : job(d, JOB_RELOAD_MAP, buf);
	case CLI_SWITCHGROUP:
		snprintf(buf, sizeof(buf), "switch_group %ld", c->group);
		return map_message(d, c->map, buf);
	case CLI_DISABLEQ_MAP:
	case CLI_RESTOREQ_MAP:
		return queueing(d, c->map, c->verb == CLI_RESTOREQ_MAP);
	case CLI_DISABLEQ_MAPS:
	case CLI_RESTOREQ_MAPS:
		return queueing(d, NULL, c->verb == CLI_RESTOREQ_MAPS);
	case CLI_RESET_MAP_STATS:
		return reset_stats(d, c->map);
	case CLI_RESET_MAPS_STATS:
		return reset_stats(d, NULL);
	default:
		return -EOPNOTSUPP;
	}
}

static int dispatch_command(struct daemon *d, const struct cli_cmd *c, uid_t uid,
			    struct strbuf *reply)
{
	int rc;

	if (cli_cmd_changes_state(c) && uid != 0) {
		strbuf_addstr(reply, "fail\npermission denied: only root may change the daemon's state\n");
		return -EPERM;
	}
	rc = run_show(d, c, reply);
	if (rc == 1) {
		rc = run_action(d, c);
		if (rc == 0)
			strbuf_addstr(reply, "ok\n");
	}
	if (rc == -EOPNOTSUPP)
		strbuf_addf(reply, "fail\n%s: not supported\n", cli_verb_name(c->verb));
	else if (rc == -ENOENT)
		strbuf_addstr(reply, "fail\nno such path or map\n");
	else if (rc < 0)
		strbuf_addf(reply, "fail\n%s\n", errno_desc(-rc));
	return rc;
}

int handle_command(void *ctx, const char *line, uid_t uid, struct strbuf *reply)
{
	struct daemon *d = ctx;
	struct cli_cmd c;
	STRBUF_AUTO(err);
	STRBUF_AUTO(clean);
	int rc;

	/* multipath-tools' client ends its words with " \n" */
	if (strbuf_addstr(&clean, line) < 0)
		return -ENOMEM;
	for (char *p = (char *)strbuf_str(&clean); *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	line = strbuf_str(&clean);
	if (cli_parse(line, &c, &err) < 0) {
		strbuf_addf(reply, "%s\n", strbuf_str(&err));
		cli_usage(reply);
		return -EINVAL;
	}
	mp_log(3, "command: %s (uid %d)", line, (int)uid);
	rcu_register_thread();
	rc = dispatch_command(d, &c, uid, reply);
	rcu_unregister_thread();
	cli_cmd_release(&c);
	return rc;
}
