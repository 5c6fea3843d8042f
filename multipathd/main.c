// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * multipathd: the daemon's lifecycle (options, pidfile, logging, signals,
 * threads, stop), or the client when given command words or -k.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include <libudev.h>
#include <systemd/sd-daemon.h>
#include <urcu.h>

#include "client.h"
#include "config/config.h"
#include "daemon.h"
#include "devmapper.h"
#include "io_err_stat.h"
#include "util/log.h"
#include "uxsock.h"

#define PIDFILE "/run/multipathd.pid"
enum { STOP_JOIN_MS = 1500 };

struct options {
	bool foreground, timestamps;
	int verbosity; /* -1: from the configuration */
};

static void usage(FILE *out)
{
	fprintf(out, "Usage: multipathd [-d] [-s] [-v level]\n"
		     "       multipathd [-v level] -k[command]\n"
		     "       multipathd command words...\n"
		     "  -d          stay in the foreground, log to stderr\n"
		     "  -s          no timestamps in the log\n"
		     "  -v level    verbosity 0-4\n"
		     "  -k[command] send one command to the running daemon, or an interactive\n"
		     "              prompt without one\n"
		     "  -h          this help\n");
}

long now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}

void daemon_request_stop(struct daemon *d)
{
	uint64_t one = 1;

	if (atomic_exchange(&d->stopping, true))
		return;
	devmapper_udev_wait_cancel(); /* a dispatcher waiting for udev stops too */
	if (write(d->stop_fd, &one, sizeof(one)) < 0)
		mp_log(1, "multipathd: stop eventfd: %m");
	pthread_mutex_lock(&d->job_lock);
	pthread_cond_broadcast(&d->job_cond);
	pthread_mutex_unlock(&d->job_lock);
}

void daemon_notify(const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	sd_notify(0, buf);
}

static void stderr_sink(int level, const char *msg, void *data)
{
	const bool *timestamps = data;
	char ts[32] = "";
	time_t now;
	struct tm tm;

	(void)level;
	if (*timestamps) {
		now = time(NULL);
		localtime_r(&now, &tm);
		strftime(ts, sizeof(ts), "%b %d %H:%M:%S | ", &tm);
	}
	fprintf(stderr, "%s%s\n", ts, msg);
}

static void syslog_sink(int level, const char *msg, void *data)
{
	static const int prio[] = {LOG_ERR, LOG_ERR, LOG_NOTICE, LOG_INFO, LOG_DEBUG};

	(void)data;
	syslog(prio[level < 0 ? 0 : level > 4 ? 4 : level], "%s", msg);
}

/* Is this a client invocation (command words or -k)? */
static bool is_client(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (!strncmp(argv[i], "-k", 2))
			return true;
		if (!strcmp(argv[i], "-v")) {
			i++;
			continue;
		}
		if (argv[i][0] != '-')
			return true;
	}
	return false;
}

/* uxsock_timeout from the configuration; its diagnostics are the
 * daemon's business, not the client's. */
static unsigned client_timeout(void)
{
	const char *path = getenv("MULTIPATH_CONF");
	struct config *conf = NULL;
	struct diags dg = {0};
	unsigned ms = 4000;

	if (config_load(path && *path ? path : NULL, &dg, &conf) == 0) {
		ms = (unsigned)conf->defaults.uxsock_timeout;
		config_free(conf);
	}
	diags_release(&dg);
	return ms;
}

static int parse_args(int argc, char **argv, struct options *o)
{
	int c;
	char *end;

	while ((c = getopt(argc, argv, "dsv:Bh")) != -1) {
		switch (c) {
		case 'd':
			o->foreground = true;
			break;
		case 's':
			o->timestamps = false;
			break;
		case 'v':
			o->verbosity = (int)strtol(optarg, &end, 10);
			if (*end || o->verbosity < 0 || o->verbosity > LOG_MAX_VERBOSITY) {
				fprintf(stderr, "multipathd: bad verbosity '%s' (0-%d)\n", optarg,
					LOG_MAX_VERBOSITY);
				return -EINVAL;
			}
			break;
		case 'B': /* bindings read-only: accepted, as multipath-tools does */
			break;
		case 'h':
			usage(stdout);
			return 1;
		default:
			usage(stderr);
			return -EINVAL;
		}
	}
	return 0;
}

static int load_config(struct config **conf)
{
	const char *path = getenv("MULTIPATH_CONF");
	struct diags dg = {0};
	int rc = config_load(path && *path ? path : NULL, &dg, conf);

	for (size_t i = 0; i < dg.msgs.n; i++)
		mp_log(1, "%s", dg.msgs.items[i]);
	diags_release(&dg);
	if (rc < 0)
		mp_log(0, "multipathd: cannot load the configuration: %s", errno_desc(-rc));
	return rc;
}

/* Lock the pidfile: a second daemon finds it locked. Returns the fd. */
static int pidfile_lock(void)
{
	char buf[32] = "";
	int fd = open(PIDFILE, O_RDWR | O_CREAT | O_CLOEXEC, 0644);

	if (fd < 0) {
		mp_log(0, "multipathd: cannot open %s: %m", PIDFILE);
		return -errno;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		ssize_t n = read(fd, buf, sizeof(buf) - 1);

		buf[n > 0 ? n : 0] = '\0';
		buf[strcspn(buf, "\n")] = '\0';
		mp_log(0, "multipathd: already running (pid %s)", buf[0] ? buf : "unknown");
		close(fd);
		return -EBUSY;
	}
	return fd;
}

static void pidfile_write(int fd)
{
	char buf[32];
	int n = snprintf(buf, sizeof(buf), "%d\n", (int)getpid());

	if (ftruncate(fd, 0) < 0 || pwrite(fd, buf, (size_t)n, 0) != n)
		mp_log(1, "multipathd: cannot write %s: %m", PIDFILE);
}

static int daemonize(void)
{
	pid_t pid = fork();
	int fd;

	if (pid < 0)
		return -errno;
	if (pid > 0)
		_exit(0);
	if (setsid() < 0 || chdir("/") < 0)
		return -errno;
	fd = open("/dev/null", O_RDWR);
	if (fd >= 0) {
		dup2(fd, 0);
		dup2(fd, 1);
		dup2(fd, 2);
		if (fd > 2)
			close(fd);
	}
	return 0;
}

static int signals_setup(void)
{
	sigset_t set;

	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&set);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGUSR1);
	/* blocked in every thread (they inherit the mask), read by main */
	if (pthread_sigmask(SIG_BLOCK, &set, NULL))
		return -EINVAL;
	int fd = signalfd(-1, &set, SFD_CLOEXEC);

	return fd < 0 ? -errno : fd;
}

static int daemon_init(struct daemon *d, struct config *conf, bool foreground)
{
	pthread_mutex_init(&d->vecs.lock, NULL);
	pthread_mutex_init(&d->job_lock, NULL);
	pthread_mutex_init(&d->path_msg_lock, NULL);
	pthread_cond_init(&d->job_cond, NULL);
	d->conf = conf;
	d->foreground = foreground;
	d->start_time = now_s();
	d->job_fd = -1;
	d->stop_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (d->stop_fd < 0)
		return -errno;
	d->udev = udev_new();
	return d->udev ? 0 : -ENOMEM;
}

/* Join a thread, waiting until the deadline at most. True when joined. */
static bool join_until(pthread_t thr, bool up, const struct timespec *deadline, const char *name)
{
	if (!up || pthread_timedjoin_np(thr, NULL, deadline) == 0)
		return true;
	mp_log(1, "multipathd: the %s thread did not stop in time", name);
	return false;
}

/* Maps stay; queueing stops first when queue_without_daemon is no. */
static void stop_queueing(struct daemon *d)
{
	struct strvec names = {0};
	int qwd;

	rcu_read_lock();
	qwd = rcu_dereference(d->conf)->defaults.queue_without_daemon;
	rcu_read_unlock();
	if (qwd != YN_NO || atomic_load(&d->force_queueing))
		return;
	pthread_mutex_lock(&d->vecs.lock);
	for (size_t i = 0; i < d->vecs.maps.n; i++)
		if (d->vecs.maps.items[i]->queue_if_no_path != 0)
			strvec_push_dup(&names, d->vecs.maps.items[i]->alias);
	pthread_mutex_unlock(&d->vecs.lock);
	for (size_t i = 0; i < names.n; i++)
		if (devmapper_message(names.items[i], "fail_if_no_path") == 0)
			mp_log(2, "%s: queueing disabled (queue_without_daemon no)", names.items[i]);
	strvec_free_all(&names);
}

/* Returns true when every thread was joined (it is safe to free). */
static bool daemon_stop(struct daemon *d)
{
	struct timespec deadline;
	bool all = true;

	daemon_notify("STOPPING=1\nSTATUS=shutdown");
	mp_log(2, "multipathd: shutting down");
	clock_gettime(CLOCK_REALTIME, &deadline);
	deadline.tv_nsec += (STOP_JOIN_MS % 1000) * 1000000L;
	deadline.tv_sec += STOP_JOIN_MS / 1000 + deadline.tv_nsec / 1000000000;
	deadline.tv_nsec %= 1000000000;
	daemon_request_stop(d);
	uxsock_stop(d->ux);
	d->ux = NULL;
	all &= join_until(d->dispatch_thr, d->dispatch_up, &deadline, "dispatcher");
	if (join_until(d->checker_thr, d->checker_up, &deadline, "checker")) {
		/* no more posts; a worker held by a hung path is left */
		if (!checker_workers_stop(d, &deadline)) {
			mp_log(1, "multipathd: a prio or chkopen thread did not stop in time");
			all = false;
		}
	} else {
		all = false;
	}
	all &= join_until(d->dmevents_thr, d->dmevents_up, &deadline, "dm events");
	stop_queueing(d);
	return all;
}

static void signal_loop(struct daemon *d, int sfd)
{
	struct pollfd pfd[2] = {{.fd = sfd, .events = POLLIN},
				{.fd = d->stop_fd, .events = POLLIN}};
	struct signalfd_siginfo si;

	while (!atomic_load(&d->stopping)) {
		if (poll(pfd, 2, -1) < 0)
			continue;
		if (pfd[1].revents)
			break;
		if (read(sfd, &si, sizeof(si)) != sizeof(si))
			continue;
		switch (si.ssi_signo) {
		case SIGHUP:
			mp_log(2, "multipathd: SIGHUP, reconfigure");
			if (!atomic_exchange(&d->reconfiguring, true) &&
			    dispatch_post(d, JOB_RECONFIGURE, NULL, false, 0) < 0)
				atomic_store(&d->reconfiguring, false);
			break;
		case SIGUSR1:
			if (!d->foreground) {
				closelog();
				openlog("multipathd", LOG_PID, LOG_DAEMON);
			}
			break;
		default:
			return;
		}
	}
}

/*
 * max_fds: the open file limit the daemon asks for (each path holds a device
 * fd and its sg node); "max" is the system's ceiling (fs.nr_open). The limit
 * is only raised, never lowered. A refusal is logged and the daemon goes on
 * with what it has.
 */
static void set_max_fds(int max_fds)
{
	struct rlimit rl;
	rlim_t want = (rlim_t)max_fds;

	if (max_fds == 0 || getrlimit(RLIMIT_NOFILE, &rl) < 0)
		return;
	if (max_fds == MAX_FDS_MAX) {
		FILE *f = fopen("/proc/sys/fs/nr_open", "re");
		unsigned long nr = 0;

		if (!f)
			return;
		if (fscanf(f, "%lu", &nr) != 1)
			nr = 0;
		fclose(f);
		want = (rlim_t)nr;
	}
	if (want <= rl.rlim_cur)
		return;
	rl.rlim_cur = want;
	if (rl.rlim_max < want)
		rl.rlim_max = want;
	if (setrlimit(RLIMIT_NOFILE, &rl) < 0)
		mp_log(1, "multipathd: cannot raise the open file limit to %lu: %m",
		       (unsigned long)want);
}

/*
 * Real-time round-robin scheduling for every thread of the daemon (the
 * threads made later inherit it; the daemon runs no other program), as
 * multipath-tools' daemon does: while hundreds of maps appear, udev's workers
 * keep every CPU busy, and a daemon in the normal class got a fair share of
 * one CPU against a dozen of them, so the maps and the checks of the start
 * came late. The daemon sleeps between short bursts, so it takes little
 * from the others. A low real-time priority: the kernel's interrupt threads
 * (priority 50) stay above it.
 */
enum { DAEMON_RT_PRIORITY = 10 };

static void set_scheduling(void)
{
	struct sched_param sp = {.sched_priority = DAEMON_RT_PRIORITY};

	if (sched_setscheduler(0, SCHED_RR, &sp) < 0)
		mp_log(2, "multipathd: cannot use real-time scheduling: %m");
}

static int run_daemon(const struct options *o)
{
	static struct daemon d;
	static bool timestamps;
	struct config *conf = NULL;
	int pidfd, sfd, rc;

	timestamps = o->timestamps;
	log_set_sink(stderr_sink, &timestamps);
	if (load_config(&conf) < 0)
		return 1;
	log_set_verbosity(o->verbosity >= 0 ? o->verbosity : conf->defaults.verbosity);
	if (geteuid() != 0) {
		mp_log(0, "multipathd: must run as root");
		return 1;
	}
	set_max_fds(conf->defaults.max_fds);
	if (conf->defaults.enable_foreign && strcmp(conf->defaults.enable_foreign, "NONE"))
		mp_log(3, "multipathd: enable_foreign \"%s\": this build has no foreign libraries",
		       conf->defaults.enable_foreign);
	pidfd = pidfile_lock();
	if (pidfd < 0)
		return 1;
	if (!o->foreground) {
		if (daemonize() < 0)
			return 1;
		openlog("multipathd", LOG_PID, LOG_DAEMON);
		log_set_sink(syslog_sink, NULL);
	}
	pidfile_write(pidfd);
	set_scheduling(); /* before any thread is made: they inherit it */
	sfd = signals_setup();
	rcu_register_thread();
	rc = sfd < 0 ? sfd : daemon_init(&d, conf, o->foreground);
	if (rc == 0 && (rc = io_err_stat_new(NULL, &d.ies)) < 0)
		mp_log(0, "multipathd: io_err_stat: %s", errno_desc(-rc));
	if (rc == 0)
		rc = uxsock_start(NULL, handle_command, &d, &d.ux);
	if (rc == -EADDRINUSE)
		mp_log(0, "multipathd: already running (the command socket is in use)");
	else if (rc < 0)
		mp_log(0, "multipathd: cannot start: %s", errno_desc(-rc));
	if (rc == 0)
		rc = dispatch_start(&d);
	if (rc == 0)
		rc = checker_loop_start(&d);
	if (rc == 0)
		rc = dmevents_start(&d);
	if (rc == 0) {
		mp_log(2, "multipathd: started (pid %d)", (int)getpid());
		signal_loop(&d, sfd);
	}
	if (daemon_stop(&d)) {
		io_err_stat_free(d.ies);
		maps_free_all(&d);
		config_free(d.conf);
		if (d.udev)
			udev_unref(d.udev);
	}
	rcu_unregister_thread();
	unlink(PIDFILE);
	close(pidfd);
	mp_log(2, "multipathd: stopped");
	return rc < 0 ? 1 : 0;
}

int main(int argc, char **argv)
{
	struct options o = {.timestamps = true, .verbosity = -1};
	int rc;

	if (is_client(argc, argv))
		return client_main(argc, argv, client_timeout());
	rc = parse_args(argc, argv, &o);
	if (rc)
		return rc < 0 ? 1 : 0;
	if (optind < argc) {
		usage(stderr);
		return 1;
	}
	return run_daemon(&o);
}
