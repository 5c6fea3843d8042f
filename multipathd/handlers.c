// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The command handlers. handle_command() runs on the listener thread: it
 * parses the words (cli.h), checks the caller's right to change anything
 * (root only), and answers. Reads are done under vecs.lock; dm messages are
 * sent without it; structural commands (add/del, reload, reconfigure) are
 * dispatcher jobs, waited for up to JOB_WAIT_MS.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <urcu.h>

#include "blacklist.h"
#include "cli.h"
#include "config/config.h"
#include "configure.h"
#include "daemon.h"
#include "devmapper.h"
#include "io_err_stat.h"
#include "prflag.h"
#include "print.h"
#include "sysfs.h"
#include "util/log.h"

enum { JOB_WAIT_MS = 60000 };

static struct print_ctx print_ctx_of(struct daemon *d)
{
	return (struct print_ctx){.now = now_s(), .ies = d->ies};
}

/* show paths [raw] [format F]; show path P [raw] [format F] */
static int show_paths(struct daemon *d, const struct cli_cmd *c, struct strbuf *out)
{
	struct print_ctx ctx = print_ctx_of(d);
	const char *fmt = c->format ? c->format : PRINT_PATHS_DEFAULT;
	struct pathvec one = {0};
	int rc = 0;

	pthread_mutex_lock(&d->vecs.lock);
	if (c->path) {
		struct path *pp = pathvec_find_dev(&d->vecs.paths, c->path);

		if (!pp)
			pp = pathvec_find_devt(&d->vecs.paths, c->path);
		rc = !pp ? -ENOENT : pathvec_push(&one, pp);
	}
	if (rc == 0)
		rc = print_paths_fmt(fmt, c->path ? &one : &d->vecs.paths, NULL, &ctx, c->raw, out);
	pthread_mutex_unlock(&d->vecs.lock);
	pathvec_release(&one);
	return rc;
}

/* The map named (alias, WWID or dm-N) by arg, or NULL. Under vecs.lock. */
static struct multipath *map_find(struct daemon *d, const char *arg)
{
	for (size_t i = 0; i < d->vecs.maps.n; i++)
		if (configure_map_matches(d->vecs.maps.items[i], arg))
			return d->vecs.maps.items[i];
	return NULL;
}

/* show maps [raw] [format F], show map M [raw] [format F], show maps
 * status / stats: the map wildcard formats. */
static int show_maps(struct daemon *d, const struct cli_cmd *c, const char *fmt,
		     struct strbuf *out)
{
	struct print_ctx ctx = print_ctx_of(d);
	struct multipath *only = NULL;
	int rc = 0;

	pthread_mutex_lock(&d->vecs.lock);
	if (c->map && !(only = map_find(d, c->map)))
		rc = -ENOENT;
	if (rc == 0)
		rc = print_maps_fmt(fmt, &d->vecs.maps, only, &ctx, c->raw, out);
	pthread_mutex_unlock(&d->vecs.lock);
	return rc;
}

static int show_json(struct daemon *d, const char *map, struct strbuf *out)
{
	struct print_ctx ctx = print_ctx_of(d);
	struct multipath *mpp;
	int rc;

	pthread_mutex_lock(&d->vecs.lock);
	if (!map)
		rc = print_maps_json(&d->vecs.maps, &ctx, out);
	else if ((mpp = map_find(d, map)))
		rc = print_map_json(mpp, &ctx, out);
	else
		rc = -ENOENT;
	pthread_mutex_unlock(&d->vecs.lock);
	return rc;
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

/* The checker's own words for a state, as `show status` counts them
 * (multipath-tools: "up", "down", ..., not the "ready"/"faulty" of
 * show paths). */
static const char *status_state_name(enum path_state st)
{
	static const char *const names[] = {
		[PATH_UNCHECKED] = "unchecked", [PATH_WILD] = "wild",	    [PATH_DOWN] = "down",
		[PATH_UP] = "up",		[PATH_SHAKY] = "shaky",	    [PATH_GHOST] = "ghost",
		[PATH_PENDING] = "pending",	[PATH_TIMEOUT] = "timeout", [PATH_REMOVED] = "removed",
		[PATH_DELAYED] = "delayed",
	};

	return (size_t)st < sizeof(names) / sizeof(names[0]) ? names[st] : "undef";
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
			strbuf_addf(out, "%-20s%d\n", status_state_name(s), count[s]);
	return strbuf_addf(out, "\npaths: %zu\nbusy: %s\n", npaths,
			   atomic_load(&d->ready) ? "False" : "True") < 0
		       ? -ENOMEM
		       : 0;
}

/* `show config`; local: the devices section only for the known paths'
 * hardware (the distinct vendor, product, revision triples are copied under
 * vecs.lock; the matching and printing run without it). */
static int show_config(struct daemon *d, bool local, struct strbuf *out)
{
	struct strvec dev = {0};
	int rc = 0;

	if (local) {
		pthread_mutex_lock(&d->vecs.lock);
		for (size_t i = 0; rc == 0 && i < d->vecs.paths.n; i++) {
			const struct path *pp = d->vecs.paths.items[i];
			bool seen = false;

			for (size_t k = 0; k < dev.n && !seen; k += 3)
				seen = !strcmp(dev.items[k], pp->vendor) &&
				       !strcmp(dev.items[k + 1], pp->product) &&
				       !strcmp(dev.items[k + 2], pp->rev);
			if (!seen && (strvec_push_dup(&dev, pp->vendor) < 0 ||
				      strvec_push_dup(&dev, pp->product) < 0 ||
				      strvec_push_dup(&dev, pp->rev) < 0))
				rc = -ENOMEM;
		}
		pthread_mutex_unlock(&d->vecs.lock);
	}
	rcu_read_lock();
	if (rc == 0)
		rc = local ? config_print_local(rcu_dereference(d->conf),
						(const char *const *)dev.items, dev.n / 3, out)
			   : config_print(rcu_dereference(d->conf), false, out);
	rcu_read_unlock();
	strvec_free_all(&dev);
	return rc;
}

/* `show blacklist`: one category, its blacklist and its exceptions.
 * Returns 0 or -ENOMEM. */
static int blacklist_rules(const char *title, const struct bl_regex_vec *bl,
			   const struct bl_regex_vec *ex, struct strbuf *out)
{
	const struct bl_regex_vec *v[2] = {bl, ex};
	int rc = strbuf_addf(out, "%s rules:\n", title) < 0;

	for (int k = 0; k < 2; k++) {
		rc |= strbuf_addstr(out, k ? "- exceptions:\n" : "- blacklist:\n") < 0;
		if (!v[k] || !v[k]->n)
			rc |= strbuf_addstr(out, "        <empty>\n") < 0;
		for (size_t i = 0; v[k] && i < v[k]->n; i++)
			rc |= strbuf_addf(out, "        %-19s%s\n",
					  v[k]->items[i]->builtin ? "(default rule)"
								  : "(config file rule)",
					  v[k]->items[i]->re) < 0;
	}
	return rc ? -ENOMEM : 0;
}

static int blacklist_devices(const struct bl_device_vec *bl, const struct bl_device_vec *ex,
			     struct strbuf *out)
{
	const struct bl_device_vec *v[2] = {bl, ex};
	int rc = strbuf_addstr(out, "device rules:\n") < 0;

	for (int k = 0; k < 2; k++) {
		rc |= strbuf_addstr(out, k ? "- exceptions:\n" : "- blacklist:\n") < 0;
		if (!v[k]->n)
			rc |= strbuf_addstr(out, "        <empty>\n") < 0;
		for (size_t i = 0; i < v[k]->n; i++) {
			const struct bl_device *e = v[k]->items[i];

			rc |= strbuf_addf(out, "        %-19s%s:%s\n",
					  e->builtin ? "(default rule)" : "(config file rule)",
					  e->vendor ? e->vendor : "",
					  e->product ? e->product : "") < 0;
		}
	}
	return rc ? -ENOMEM : 0;
}

static int show_blacklist(struct daemon *d, struct strbuf *out)
{
	const struct config *conf;
	int rc = 0;

	rcu_read_lock();
	conf = rcu_dereference(d->conf);
	rc |= blacklist_rules("device node", &conf->blist.devnode, &conf->elist.devnode, out);
	rc |= blacklist_rules("udev property", &conf->blist.property, &conf->elist.property, out);
	/* no protocol section in our configuration: always empty */
	rc |= blacklist_rules("protocol", NULL, NULL, out);
	rc |= blacklist_rules("wwid", &conf->blist.wwid, &conf->elist.wwid, out);
	rc |= blacklist_devices(&conf->blist.device, &conf->elist.device, out);
	rcu_read_unlock();
	return rc ? -ENOMEM : 0;
}

/* `show devices`: every block device, its devnode verdict, and whether the
 * daemon knows it as a path. */
static int show_devices(struct daemon *d, struct strbuf *out)
{
	struct strvec names = {0};
	char dir[PATH_MAX];
	struct dirent *de;
	size_t width = 0;
	DIR *dp;

	snprintf(dir, sizeof(dir), "%s/block", sysfs_get_root());
	dp = opendir(dir);
	if (!dp)
		return -errno;
	while ((de = readdir(dp)))
		if (de->d_name[0] != '.' && strvec_push_dup(&names, de->d_name) == 0 &&
		    strlen(de->d_name) > width)
			width = strlen(de->d_name);
	closedir(dp);
	strbuf_addstr(out, "available block devices:\n");
	rcu_read_lock();
	pthread_mutex_lock(&d->vecs.lock);
	for (size_t i = 0; i < names.n; i++) {
		bool bl = blacklist_devnode(rcu_dereference(d->conf), names.items[i]) ==
			  MATCH_BLACKLIST;
		bool known = pathvec_find_dev(&d->vecs.paths, names.items[i]) != NULL;

		strbuf_addf(out, "    %-*s devnode %s, %s\n", (int)width, names.items[i],
			    bl ? "blacklisted" : "whitelisted", known ? "monitored" : "unmonitored");
	}
	pthread_mutex_unlock(&d->vecs.lock);
	rcu_read_unlock();
	strvec_free_all(&names);
	return 0;
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
 * After the message (sent true) the kernel's state is recorded (and the
 * fault counted when count); after a failed one the mark is undone.
 * Returns whether the kernel held the path active before.
 */
static bool path_mark(struct daemon *d, const char *devt, bool fail, bool sent, bool count)
{
	bool active = false;
	struct path *pp;

	pthread_mutex_lock(&d->vecs.lock);
	pp = pathvec_find_devt(&d->vecs.paths, devt);
	if (pp)
		active = pp->dmstate != PSTATE_FAILED;
	if (pp && sent) {
		if (count && pp->mpp)
			pp->mpp->path_faults++;
		pp->dmstate = fail ? PSTATE_FAILED : PSTATE_ACTIVE;
	} else if (pp && fail) {
		pp->admin_failed = true;
		pp->next_check = now_s() + pp->check_interval;
		/* the PATH_FAILED event of our message must not count it again */
		pp->dmstate = PSTATE_FAILED;
	} else if (pp) {
		pp->admin_failed = false;
		if (d->ies && io_err_stat_release(d->ies, pp->devt, "admin") == 0)
			pp->state = pp->chk_state;
	}
	pthread_mutex_unlock(&d->vecs.lock);
	return active;
}

/* The mark, the message and the record, ordered with the kernel's path
 * events and the checker's messages by path_msg_lock. */
static int fail_reinstate_locked(struct daemon *d, const char *map, const char *devt, bool fail)
{
	char msg[64];
	struct path *pp;
	bool active;
	int rc;

	/* a fail of a path active before the message is a path fault (a
	 * status read may mark it failed before we can) */
	active = path_mark(d, devt, fail, false, false);
	snprintf(msg, sizeof(msg), "%s %s", fail ? "fail_path" : "reinstate_path", devt);
	rc = devmapper_message(map, msg);
	if (rc < 0 && fail) {
		pthread_mutex_lock(&d->vecs.lock);
		pp = pathvec_find_devt(&d->vecs.paths, devt);
		if (pp) {
			pp->admin_failed = false;
			if (active)
				pp->dmstate = PSTATE_ACTIVE;
		}
		pthread_mutex_unlock(&d->vecs.lock);
	}
	if (rc < 0)
		return rc;
	mp_log(2, "%s: path %s %s by command", map, devt, fail ? "failed" : "reinstated");
	path_mark(d, devt, fail, true, fail && active);
	return 0;
}

static int fail_reinstate(struct daemon *d, const char *dev, bool fail)
{
	char map[WWID_SIZE], devt[16];
	int rc = path_lookup(d, dev, map, devt);

	if (rc < 0)
		return rc;
	pthread_mutex_lock(&d->path_msg_lock);
	rc = fail_reinstate_locked(d, map, devt, fail);
	pthread_mutex_unlock(&d->path_msg_lock);
	return rc;
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

/* switchgroup map M group N: counted in the map's switch_grp. */
static int switch_group(struct daemon *d, const char *arg, long group)
{
	char name[WWID_SIZE], msg[48];
	struct multipath *mpp;
	int rc = map_name(d, arg, name);

	if (rc < 0)
		return rc;
	snprintf(msg, sizeof(msg), "switch_group %ld", group);
	rc = devmapper_message(name, msg);
	if (rc < 0)
		return rc;
	pthread_mutex_lock(&d->vecs.lock);
	mpp = mapvec_find_alias(&d->vecs.maps, name);
	if (mpp) {
		mpp->switch_groups++;
		mpp->next_status = 0; /* read the new group states soon */
	}
	pthread_mutex_unlock(&d->vecs.lock);
	return 0;
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
		int r = maps_set_queueing(d, names.items[i], on);

		rc = r < 0 ? r : rc;
	}
	strvec_free_all(&names);
	return rc;
}

/* suspend map M / resume map M: without flushing queued IO. */
static int suspend_resume(struct daemon *d, const char *arg, bool suspend)
{
	char name[WWID_SIZE];
	struct multipath *mpp;
	int rc = map_name(d, arg, name);

	if (rc < 0)
		return rc;
	rc = suspend ? devmapper_suspend_map(name) : devmapper_resume_map(name);
	if (rc < 0)
		return rc;
	mp_log(2, "%s: %s by command", name, suspend ? "suspended" : "resumed");
	pthread_mutex_lock(&d->vecs.lock);
	mpp = mapvec_find_alias(&d->vecs.maps, name);
	if (mpp)
		mpp->suspended = suspend;
	pthread_mutex_unlock(&d->vecs.lock);
	return 0;
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
		mpp->total_q_time = mpp->q_timeouts = mpp->map_failures = 0;
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
		return show_maps(d, c, c->format ? c->format : PRINT_MAPS_DEFAULT, out);
	case CLI_SHOW_MAPS_STATUS:
		return show_maps(d, c, PRINT_MAPS_STATUS, out);
	case CLI_SHOW_MAPS_STATS:
		return show_maps(d, c, PRINT_MAPS_STATS, out);
	case CLI_SHOW_MAPS_JSON:
		return show_json(d, NULL, out);
	case CLI_SHOW_MAP_JSON:
		return show_json(d, c->map, out);
	case CLI_SHOW_WILDCARDS:
		return print_wildcards(out);
	case CLI_SHOW_BLACKLIST:
		return show_blacklist(d, out);
	case CLI_SHOW_DEVICES:
		return show_devices(d, out);
	case CLI_SHOW_TOPOLOGY:
		return show_topology(d, NULL, out);
	case CLI_SHOW_MAP_TOPOLOGY:
		return show_topology(d, c->map, out);
	case CLI_SHOW_STATUS:
		return show_status(d, out);
	case CLI_SHOW_CONFIG:
	case CLI_SHOW_CONFIG_LOCAL:
		return show_config(d, c->verb == CLI_SHOW_CONFIG_LOCAL, out);
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
		return switch_group(d, c->map, c->group);
	case CLI_DISABLEQ_MAP:
	case CLI_RESTOREQ_MAP:
		return queueing(d, c->map, c->verb == CLI_RESTOREQ_MAP);
	case CLI_DISABLEQ_MAPS:
	case CLI_RESTOREQ_MAPS:
		return queueing(d, NULL, c->verb == CLI_RESTOREQ_MAPS);
	case CLI_RESET_MAP_STATS:
		return reset_stats(d, c->map);
	case CLI_SUSPEND_MAP:
	case CLI_RESUME_MAP:
		return suspend_resume(d, c->map, c->verb == CLI_SUSPEND_MAP);
	case CLI_FORCEQ_DAEMON:
	case CLI_RESTOREQ_DAEMON:
		atomic_store(&d->force_queueing, c->verb == CLI_FORCEQ_DAEMON);
		mp_log(2, "queueing at daemon stop: %s",
		       c->verb == CLI_FORCEQ_DAEMON ? "forced" : "as configured");
		return 0;
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
	rc = prflag_command(d, c, reply);
	if (rc != 1)
		return rc; /* answered as multipath-tools does: "fail\n" alone */
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
