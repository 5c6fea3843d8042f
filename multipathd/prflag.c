// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Persistent reservation keys in the daemon (see prflag.h): the prflag
 * table, the checks and registrations on the "prkey" threads, the six
 * commands.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <urcu.h>

#include "cli.h"
#include "config/propsel.h"
#include "configure.h"
#include "daemon.h"
#include "pr.h"
#include "prflag.h"
#include "prkeys.h"
#include "util/log.h"
#include "workq.h"

enum { CONF_KEY_SIZE = 32, MAX_TRIES = 8 };

/* The prflag of one WWID. */
struct prflag_entry {
	char wwid[WWID_SIZE];
	int dm_minor;		      /* of the map it was checked for */
	char conf_key[CONF_KEY_SIZE]; /* reservation_key as configured then */
	bool set;
};
VECTOR_DEFINE(prflag_vec, struct prflag_entry)

struct prflag_state {
	struct prflag_vec maps; /* guarded by vecs.lock */
	struct workq *q;
};

/* What a check or a registration needs, copied under vecs.lock. */
struct pr_target {
	char wwid[WWID_SIZE], alias[WWID_SIZE];
	char vendor[32], product[32], rev[16];
	char dev[MAX_TRIES][DEV_NAME_SIZE];
	unsigned timeout_ms[MAX_TRIES];
	size_t ndev;
};

static struct prflag_entry *entry_find(struct prflag_state *st, const char *wwid)
{
	for (size_t i = 0; i < st->maps.n; i++)
		if (!strcmp(st->maps.items[i].wwid, wwid))
			return &st->maps.items[i];
	return NULL;
}

/* The entry of wwid, made (prflag unset) when missing. NULL on ENOMEM. */
static struct prflag_entry *entry_get(struct prflag_state *st, const char *wwid)
{
	struct prflag_entry e = {.dm_minor = -1}, *found = entry_find(st, wwid);

	if (found)
		return found;
	strlcpy_trunc(e.wwid, wwid, sizeof(e.wwid));
	if (prflag_vec_push(&st->maps, e) < 0)
		return NULL;
	return &st->maps.items[st->maps.n - 1];
}

/* reservation_key as configured for t ("" none) and prkeys_file, and
 * whether all_tg_pt is on. */
static void conf_key_of(struct daemon *d, const struct pr_target *t, char *key, char *file,
			bool *all_tg_pt)
{
	const struct config *conf;
	struct prop_src src;
	const char *v;

	rcu_read_lock();
	conf = rcu_dereference(d->conf);
	prop_src_init(&src, conf, t->alias[0] ? t->alias : t->wwid, t->vendor, t->product, t->rev,
		      t->wwid);
	v = propsel_str(&src, KW_RESERVATION_KEY, NULL);
	strlcpy_trunc(key, v ? v : "", CONF_KEY_SIZE);
	if (file)
		strlcpy_trunc(file,
			      conf->defaults.prkeys_file ? conf->defaults.prkeys_file
							 : PRKEYS_DEFAULT_FILE,
			      PATH_MAX);
	if (all_tg_pt)
		*all_tg_pt = propsel_int(&src, KW_ALL_TG_PT, NULL) == YN_YES;
	rcu_read_unlock();
}

/* The key of t now (0: none): the configuration, or the prkeys file.
 * No lock held (file IO). */
static void key_of(struct daemon *d, const struct pr_target *t, struct prkey *k, bool *all_tg_pt)
{
	char conf_key[CONF_KEY_SIZE], file[PATH_MAX];

	*k = (struct prkey){0};
	conf_key_of(d, t, conf_key, file, all_tg_pt);
	if (!strcmp(conf_key, "file")) {
		if (prkeys_file_get(file, t->wwid, k) < 0)
			*k = (struct prkey){0};
	} else if (conf_key[0] && prkey_parse(conf_key, k) < 0) {
		*k = (struct prkey){0};
	}
}

static void target_add_path(struct pr_target *t, const struct path *pp)
{
	if (t->ndev >= MAX_TRIES || !pp->dev[0])
		return;
	strlcpy_trunc(t->dev[t->ndev], pp->dev, DEV_NAME_SIZE);
	t->timeout_ms[t->ndev] =
	    (unsigned)(pp->checker_timeout > 0 ? pp->checker_timeout : 30) * 1000;
	t->ndev++;
}

static void target_of_path(struct pr_target *t, const struct path *pp)
{
	memset(t, 0, sizeof(*t));
	strlcpy_trunc(t->wwid, pp->wwid, sizeof(t->wwid));
	if (pp->mpp)
		strlcpy_trunc(t->alias, pp->mpp->alias, sizeof(t->alias));
	strlcpy_trunc(t->vendor, pp->vendor, sizeof(t->vendor));
	strlcpy_trunc(t->product, pp->product, sizeof(t->product));
	strlcpy_trunc(t->rev, pp->rev, sizeof(t->rev));
}

/* t for map mpp, with its usable paths to try (all of them when none is
 * usable). Under vecs.lock. */
static void target_of_map(struct pr_target *t, const struct multipath *mpp)
{
	memset(t, 0, sizeof(*t));
	strlcpy_trunc(t->wwid, mpp->wwid, sizeof(t->wwid));
	strlcpy_trunc(t->alias, mpp->alias, sizeof(t->alias));
	strlcpy_trunc(t->vendor, mpp->vendor, sizeof(t->vendor));
	strlcpy_trunc(t->product, mpp->product, sizeof(t->product));
	if (mpp->paths.n)
		strlcpy_trunc(t->rev, mpp->paths.items[0]->rev, sizeof(t->rev));
	for (size_t i = 0; i < mpp->paths.n; i++)
		if (path_state_usable(mpp->paths.items[i]->state))
			target_add_path(t, mpp->paths.items[i]);
	for (size_t i = 0; !t->ndev && i < mpp->paths.n; i++)
		target_add_path(t, mpp->paths.items[i]);
}

/* Open /dev/dev for SG_IO. fd or -errno. */
static int dev_open(const char *dev)
{
	char node[DEV_NAME_SIZE + 8];
	int fd;

	snprintf(node, sizeof(node), "/dev/%s", dev);
	fd = open(node, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	return fd < 0 ? -errno : fd;
}

static int read_keys(const char *dev, uint64_t key, unsigned timeout_ms)
{
	int fd = dev_open(dev), rc;

	if (fd < 0)
		return fd;
	rc = pr_read_keys(fd, key, timeout_ms);
	close(fd);
	return rc;
}

/* "m:MINOR": is the map's key registered? The prflag says. */
static void map_check(struct daemon *d, int minor)
{
	struct pr_target t = {0};
	struct prflag_entry *e;
	struct prkey k;
	bool found = false;
	int rc = -ENOENT;

	pthread_mutex_lock(&d->vecs.lock);
	for (size_t i = 0; i < d->vecs.maps.n; i++)
		if (d->vecs.maps.items[i]->dm_minor == minor)
			target_of_map(&t, d->vecs.maps.items[i]);
	pthread_mutex_unlock(&d->vecs.lock);
	if (!t.wwid[0])
		return;
	key_of(d, &t, &k, NULL);
	if (!k.key)
		return;
	for (size_t i = 0; i < t.ndev && rc < 0; i++) {
		rc = read_keys(t.dev[i], k.key, t.timeout_ms[i]);
		if (rc < 0)
			mp_log(3, "%s: %s: READ KEYS failed: %s", t.alias, t.dev[i],
			       errno_desc(-rc));
	}
	if (rc < 0)
		return;
	found = rc == 1;
	pthread_mutex_lock(&d->vecs.lock);
	e = d->pr ? entry_find(d->pr, t.wwid) : NULL;
	if (e && e->dm_minor == minor)
		e->set = found;
	pthread_mutex_unlock(&d->vecs.lock);
	mp_log(3, "%s: reservation key 0x%" PRIx64 " %s: prflag %s", t.alias, k.key,
	       found ? "registered" : "not registered", found ? "set" : "unset");
}

/* devt: register the key on the path when its WWID's prflag is set and
 * the key is registered on the LUN. */
static void path_register(struct daemon *d, const char *devt)
{
	struct pr_target t = {0};
	const struct prflag_entry *e;
	const struct path *pp;
	bool all_tg_pt = false;
	struct prkey k;
	int rc, fd;

	pthread_mutex_lock(&d->vecs.lock);
	pp = pathvec_find_devt(&d->vecs.paths, devt);
	e = pp && pp->wwid[0] && d->pr ? entry_find(d->pr, pp->wwid) : NULL;
	if (e && e->set) {
		target_of_path(&t, pp);
		target_add_path(&t, pp);
	}
	pthread_mutex_unlock(&d->vecs.lock);
	if (!t.ndev)
		return;
	key_of(d, &t, &k, &all_tg_pt);
	if (!k.key)
		return;
	mp_log(3, "%s: checking persistent reservation registration", t.dev[0]);
	fd = dev_open(t.dev[0]);
	if (fd < 0) {
		mp_log(2, "%s: cannot open for reservation: %s", t.dev[0], errno_desc(-fd));
		return;
	}
	rc = pr_read_keys(fd, k.key, t.timeout_ms[0]);
	if (rc == 1)
		rc = pr_register(fd, k.key, k.aptpl, all_tg_pt, t.timeout_ms[0]);
	else if (rc == 0)
		mp_log(3, "%s: key 0x%" PRIx64 " not registered on the LUN: path not registered",
		       t.dev[0], k.key);
	close(fd);
	if (rc < 0)
		mp_log(1, "%s: reservation key registration failed: %s", t.dev[0], errno_desc(-rc));
	else if (rc == 0 && k.key)
		mp_log(2, "%s: reservation key 0x%" PRIx64 " registered", t.dev[0], k.key);
}

static void pr_work(void *ctx, const char *key, bool flag)
{
	struct daemon *d = ctx;

	(void)flag;
	rcu_register_thread();
	if (!strncmp(key, "m:", 2))
		map_check(d, atoi(key + 2));
	else
		path_register(d, key);
	rcu_unregister_thread();
}

int prflag_start(struct daemon *d)
{
	struct prflag_state *st = calloc(1, sizeof(*st));
	int rc;

	if (!st)
		return -ENOMEM;
	rc = workq_new("prkey", pr_work, d, PRFLAG_WORKERS, &st->q);
	if (rc < 0) {
		free(st);
		return rc;
	}
	d->pr = st;
	return 0;
}

bool prflag_stop(struct daemon *d, const struct timespec *deadline)
{
	struct prflag_state *st = d->pr;

	if (!st)
		return true;
	if (!workq_stop(st->q, deadline))
		return false;
	/* the hooks look at d->pr under vecs.lock: a dispatcher that did not
	 * stop in time must not find the freed state (one stuck holding the
	 * lock keeps it: nothing is freed then) */
	if (pthread_mutex_timedlock(&d->vecs.lock, deadline) != 0) {
		st->q = NULL;
		return false;
	}
	d->pr = NULL;
	pthread_mutex_unlock(&d->vecs.lock);
	prflag_vec_release(&st->maps);
	free(st);
	return true;
}

static void post(struct daemon *d, const char *key, const char *what)
{
	int rc = d->pr && d->pr->q ? workq_post(d->pr->q, key, true) : -ESHUTDOWN;

	if (rc < 0)
		mp_log(3, "%s: %s not queued: %s", key, what, errno_desc(-rc));
}

void prflag_map_published(struct daemon *d, const struct multipath *mpp)
{
	char conf_key[CONF_KEY_SIZE], key[WORKQ_KEY_SIZE];
	struct prflag_entry *e;
	struct pr_target t;

	if (!d->pr || mpp->dm_minor < 0)
		return;
	target_of_map(&t, mpp);
	conf_key_of(d, &t, conf_key, NULL, NULL);
	e = entry_find(d->pr, mpp->wwid);
	if (e && e->dm_minor == mpp->dm_minor && !strcmp(e->conf_key, conf_key))
		return;
	if (!e && !conf_key[0])
		return; /* no key, nothing known: nothing to remember */
	e = entry_get(d->pr, mpp->wwid);
	if (!e)
		return;
	e->dm_minor = mpp->dm_minor;
	e->set = false;
	strlcpy_trunc(e->conf_key, conf_key, sizeof(e->conf_key));
	if (!conf_key[0])
		return;
	snprintf(key, sizeof(key), "m:%d", mpp->dm_minor);
	post(d, key, "reservation key check");
}

void prflag_path_added(struct daemon *d, const struct path *pp)
{
	const struct prflag_entry *e = d->pr ? entry_find(d->pr, pp->wwid) : NULL;

	if (e && e->set)
		post(d, pp->dev_t, "reservation key registration");
}

void prflag_path_returned(struct daemon *d, const char *devt)
{
	post(d, devt, "reservation key registration");
}

/* ---- commands ---------------------------------------------------------- */

/* The map named by arg: its target (t), its prflag entry's value. Under
 * vecs.lock. */
static struct multipath *map_find(struct daemon *d, const char *arg)
{
	for (size_t i = 0; i < d->vecs.maps.n; i++)
		if (configure_map_matches(d->vecs.maps.items[i], arg))
			return d->vecs.maps.items[i];
	return NULL;
}

static int get_status(struct daemon *d, const char *arg, struct strbuf *reply)
{
	const struct prflag_entry *e;
	struct multipath *mpp;
	bool set = false;

	pthread_mutex_lock(&d->vecs.lock);
	mpp = map_find(d, arg);
	if (mpp && d->pr && (e = entry_find(d->pr, mpp->wwid)))
		set = e->set;
	pthread_mutex_unlock(&d->vecs.lock);
	if (!mpp)
		return -ENOENT;
	mp_log(3, "%s: prflag = %d", arg, set);
	return strbuf_addstr(reply, set ? "1" : "0") < 0 ? -ENOMEM : 0;
}

static int set_status(struct daemon *d, const char *arg, bool set, struct strbuf *reply)
{
	struct prflag_entry *e = NULL;
	struct multipath *mpp;
	int rc = 0;

	pthread_mutex_lock(&d->vecs.lock);
	mpp = map_find(d, arg);
	if (!mpp)
		rc = -ENOENT;
	else if (!d->pr || !(e = entry_get(d->pr, mpp->wwid)))
		rc = -ENOMEM;
	else {
		if (e->dm_minor < 0)
			e->dm_minor = mpp->dm_minor;
		e->set = set;
	}
	pthread_mutex_unlock(&d->vecs.lock);
	if (rc < 0)
		return rc;
	mp_log(2, "%s: prflag %s by command", arg, set ? "set" : "unset");
	return strbuf_addstr(reply, "ok\n") < 0 ? -ENOMEM : 0;
}

static int target_of_arg(struct daemon *d, const char *arg, struct pr_target *t)
{
	struct multipath *mpp;

	pthread_mutex_lock(&d->vecs.lock);
	mpp = map_find(d, arg);
	if (mpp)
		target_of_map(t, mpp);
	pthread_mutex_unlock(&d->vecs.lock);
	return mpp ? 0 : -ENOENT;
}

static int get_key(struct daemon *d, const char *arg, struct strbuf *reply)
{
	struct pr_target t;
	struct prkey k;
	char buf[32];
	int rc = target_of_arg(d, arg, &t);

	if (rc < 0)
		return rc;
	key_of(d, &t, &k, NULL);
	return strbuf_addf(reply, "%s\n", prkey_format(&k, buf, sizeof(buf))) < 0 ? -ENOMEM : 0;
}

/* setprkey (key given) / unsetprkey (key NULL). */
static int set_key(struct daemon *d, const char *arg, const char *key, struct strbuf *reply)
{
	char conf_key[CONF_KEY_SIZE], file[PATH_MAX];
	struct prkey want = {0}, now;
	struct pr_target t;
	int rc = target_of_arg(d, arg, &t);

	if (rc < 0)
		return rc;
	if (key && prkey_parse(key, &want) < 0) {
		mp_log(2, "%s: invalid prkey '%s'", arg, key);
		return -EINVAL;
	}
	conf_key_of(d, &t, conf_key, file, NULL);
	rc = prkeys_file_set(file, t.wwid, &want);
	if (rc < 0) {
		mp_log(1, "%s: cannot write %s: %s", arg, file, errno_desc(-rc));
		return rc;
	}
	key_of(d, &t, &now, NULL);
	if (now.key != want.key) {
		mp_log(2, "%s: reservation_key is not \"file\": the prkeys file does not set it",
		       arg);
		return -EPERM;
	}
	mp_log(2, "%s: persistent reservation key %s by command", arg, key ? "set" : "unset");
	return strbuf_addstr(reply, "ok\n") < 0 ? -ENOMEM : 0;
}

int prflag_command(struct daemon *d, const struct cli_cmd *c, struct strbuf *reply)
{
	int rc;

	switch (c->verb) {
	case CLI_GETPRSTATUS:
		rc = get_status(d, c->map, reply);
		break;
	case CLI_SETPRSTATUS:
	case CLI_UNSETPRSTATUS:
		rc = set_status(d, c->map, c->verb == CLI_SETPRSTATUS, reply);
		break;
	case CLI_GETPRKEY:
		rc = get_key(d, c->map, reply);
		break;
	case CLI_SETPRKEY:
		rc = set_key(d, c->map, c->key, reply);
		break;
	case CLI_UNSETPRKEY:
		rc = set_key(d, c->map, NULL, reply);
		break;
	default:
		return 1;
	}
	if (rc < 0)
		strbuf_addstr(reply, "fail\n");
	return rc;
}
