// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "print.h"

int print_size(uint64_t sectors, struct strbuf *out)
{
	static const char units[] = "KMGTPE";
	double v = (double)sectors / 2; /* KiB */
	size_t u = 0;

	while (v >= 1024 && u + 1 < sizeof(units) - 1) {
		v /= 1024;
		u++;
	}
	/* one decimal below 10, as admins' scripts know it: 1.0G, 2.5T, 64M */
	if (v < 10)
		return strbuf_addf(out, "%.1f%c", v, units[u]);
	return strbuf_addf(out, "%.0f%c", v, units[u]);
}

static void format_hbtl(const struct path *pp, char *buf, size_t size)
{
	if (pp->hbtl.host < 0)
		snprintf(buf, size, "#:#:#:#");
	else
		snprintf(buf, size, "%d:%d:%d:%d", pp->hbtl.host, pp->hbtl.channel,
			 pp->hbtl.target, pp->hbtl.lun);
}

/* Column widths shared by all path lines of the map. */
struct widths {
	int hbtl, dev, devt;
};

static void measure(const struct multipath *mpp, struct widths *w)
{
	char hbtl[64];

	*w = (struct widths){0, 0, 0};
	for (size_t i = 0; i < mpp->paths.n; i++) {
		const struct path *pp = mpp->paths.items[i];
		int n;

		format_hbtl(pp, hbtl, sizeof(hbtl));
		n = (int)strlen(hbtl);
		w->hbtl = n > w->hbtl ? n : w->hbtl;
		n = (int)strlen(pp->dev[0] ? pp->dev : "#");
		w->dev = n > w->dev ? n : w->dev;
		n = (int)strlen(pp->dev_t);
		w->devt = n > w->devt ? n : w->devt;
	}
}

static int print_path(const struct path *pp, const struct widths *w, bool with_checker,
		      struct strbuf *out)
{
	char hbtl[64];

	format_hbtl(pp, hbtl, sizeof(hbtl));
	return strbuf_addf(out, "%-*s %-*s %-*s %s %s %s\n", w->hbtl, hbtl, w->dev,
			   pp->dev[0] ? pp->dev : "#", w->devt, pp->dev_t, print_dm_path_state(pp->dmstate),
			   with_checker ? path_state_name(pp->state) : "undef",
			   pp->dev_state[0] ? pp->dev_state : "unknown");
}

static int print_header(const struct multipath *mpp, const char *action, struct strbuf *out)
{
	int rc = 0;

	if (action)
		rc |= strbuf_addf(out, "%s: ", action) < 0;
	if (strcmp(mpp->alias, mpp->wwid))
		rc |= strbuf_addf(out, "%s (%s) ", mpp->alias, mpp->wwid) < 0;
	else
		rc |= strbuf_addf(out, "%s ", mpp->wwid) < 0;
	if (mpp->dm_minor >= 0)
		rc |= strbuf_addf(out, "dm-%d ", mpp->dm_minor) < 0;
	else
		rc |= strbuf_addstr(out, "undef ") < 0;
	rc |= strbuf_addf(out, "%s,%s\nsize=", mpp->vendor, mpp->product) < 0;
	rc |= print_size(mpp->size, out) < 0;
	rc |= strbuf_addf(out, " features='%s' hwhandler='%s' wp=%s\n",
			  mpp->features ? mpp->features : "0", mpp->hwhandler ? mpp->hwhandler : "0",
			  mpp->ro ? "ro" : "rw") < 0;
	return rc ? -ENOMEM : 0;
}

int print_map_topology(const struct multipath *mpp, const char *action, bool with_checker,
		       struct strbuf *out)
{
	struct widths w;

	if (print_header(mpp, action, out) < 0)
		return -ENOMEM;
	measure(mpp, &w);
	for (size_t g = 0; g < mpp->pgs.n; g++) {
		const struct pathgroup *pg = mpp->pgs.items[g];
		bool last_pg = g + 1 == mpp->pgs.n;

		if (strbuf_addf(out, "%s policy='%s' prio=%d status=%s\n", last_pg ? "`-+-" : "|-+-",
				mpp->selector ? mpp->selector : "", with_checker ? pg->priority : 0,
				print_pg_state(pg->status)) < 0)
			return -ENOMEM;
		for (size_t i = 0; i < pg->paths.n; i++) {
			bool last = i + 1 == pg->paths.n;

			if (strbuf_addf(out, "%s %s ", last_pg ? " " : "|", last ? "`-" : "|-") < 0 ||
			    print_path(pg->paths.items[i], &w, with_checker, out) < 0)
				return -ENOMEM;
		}
	}
	return 0;
}
