#!/bin/bash
# bench/table.sh RUNDIR - print the markdown table of a bench run (host side; run.sh calls it).
#
# Reads RUNDIR/bench/raw.tsv ("KEY TOOL RUN VALUE" lines), meta.env and notes.txt written by
# the guest, and RUNDIR/host.env written by run.sh. For each figure: the median over its
# runs of ours and of Debian's, the ratio ours / Debian's, the number of runs each median is
# taken from, and the goal of issue 10 where there is one. Figures never measured are left
# out; a figure measured for one side only shows "-" for the other.
set -eu
RUNDIR=${1:?usage: table.sh RUNDIR}
DIR=$RUNDIR/bench
[ -r "$DIR/raw.tsv" ] || {
	echo "table.sh: no $DIR/raw.tsv (did the guest run?)" >&2
	exit 1
}
meta() { sed -n "s/^$1=//p" "$DIR/meta.env" "$RUNDIR/host.env" 2>/dev/null | tail -n 1; }

LUNS=$(meta luns)
FLAP=$(meta flap_paths)
STRACE_S=$(meta strace_s)
echo "## make bench: ours ($(meta ours_commit)) vs Debian multipath-tools $(meta ref_version)"
echo
SCALE=""
grep -q '^\(mp\|d\|reconf\|io\)_' "$DIR/raw.tsv" &&
	SCALE="; scale part: $LUNS scsi_debug LUNs x 2 paths = $((LUNS * 2)) paths"
echo "- VM: $(meta vcpus) vCPUs (qemu TCG), $(meta mem_mib) MiB, kernel $(meta kernel)$SCALE"
echo "- Host: $(meta host_cpus) CPUs, load average (1/5/15 min) $(meta load_start) at the start," \
	"$(meta load_end) at the end; bench took $(meta host_s) s"
[ -n "$SCALE" ] && echo "- Same /etc/multipath.conf for both: defaults { user_friendly_names yes;" \
	"find_multipaths greedy; polling_interval 5 }, overrides { path_grouping_policy multibus;" \
	"path_checker tur (directio for the io_* rows); no_path_retry fail }"
if [ -r "$DIR/flaky.env" ]; then
	# shellcheck disable=SC1091
	. "$DIR/flaky.env"
	echo "- Flaky path (rows \"flaky path\"): one map with the accounting on, one with it off, in one" \
		"daemon run per side; their second paths flap together (offline $FL_OFF_MS ms of every" \
		"$FL_PERIOD_MS ms) for $FL_FLAP_S s under fio, then stay healthy $FL_HEAL_S s. Ours:" \
		"path_io_err_sample_time 10, recovery_time 20; Debian's: marginal_path_err_sample_time 120" \
		"(the least it accepts), recheck_gap_time 20; both threshold 100/1000, double_failed_time" \
		"60, polling_interval 5. Picture: $RUNDIR/flaky.svg"
fi
echo "- Each figure is the median of N runs (N per side in the last column); lower is better" \
	"everywhere; ratio = ours / Debian's."
echo
awk -F'\t' -v luns="$LUNS" -v flap="$FLAP" -v sts="$STRACE_S" '
function median(list,    a, n, i, j, t) {
	n = split(list, a, " ")
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) {
			t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
		}
	if (n % 2) return a[(n + 1) / 2] + 0
	return (a[n / 2] + a[n / 2 + 1]) / 2
}
function fmt(v, unit) {
	if (unit == "calls" || unit == "count") return sprintf("%d", v)
	if (unit == "MiB") return sprintf("%.1f", v)
	if (unit == "CPU s/min" || unit == "ratio") return sprintf("%.3f", v)
	return sprintf("%.2f", v)
}
BEGIN {
	n = 0
	K[++n] = "mp_create_s";      L[n] = "`multipath` creating all " luns " maps (wall)"; U[n] = "s"; G[n] = "<= 0.25x"
	K[++n] = "mp_create_cpu";    L[n] = "`multipath` creating all maps (its CPU, user+sys)"; U[n] = "CPU s"; G[n] = ""
	K[++n] = "mp_noop_s";        L[n] = "`multipath` again, no-op (wall)"; U[n] = "s"; G[n] = "<= 0.5x"
	K[++n] = "mp_noop_cpu";      L[n] = "`multipath` again, no-op (its CPU)"; U[n] = "CPU s"; G[n] = ""
	K[++n] = "d_warm_s";         L[n] = "multipathd start (maps present) -> all paths ready"; U[n] = "s"; G[n] = "<= 0.5x"
	K[++n] = "d_warm_cpu";       L[n] = "multipathd CPU from that start to all ready"; U[n] = "CPU s"; G[n] = ""
	K[++n] = "d_start_s";        L[n] = "multipathd start (no map) -> all maps and paths ready"; U[n] = "s"; G[n] = "<= 0.5x"
	K[++n] = "d_start_cpu";      L[n] = "multipathd CPU from its start to all ready"; U[n] = "CPU s"; G[n] = ""
	K[++n] = "d_rss_mib";        L[n] = "multipathd RSS, settled (VmRSS)"; U[n] = "MiB"; G[n] = "<= 0.5x"
	K[++n] = "d_hwm_mib";        L[n] = "multipathd peak RSS (VmHWM)"; U[n] = "MiB"; G[n] = ""
	K[++n] = "d_idle_cpm";       L[n] = "multipathd CPU while idle"; U[n] = "CPU s/min"; G[n] = "<= 0.5x"
	K[++n] = "d_flap_cpm";       L[n] = "multipathd CPU while " flap " paths flap"; U[n] = "CPU s/min"; G[n] = ""
	K[++n] = "d_flap_recover_s"; L[n] = "end of flapping -> all paths ready"; U[n] = "s"; G[n] = ""
	K[++n] = "reconf_s_r1";      L[n] = "reconfigure tur->directio -> all paths ready (under strace)"; U[n] = "s"; G[n] = ""
	K[++n] = "reconf_s_r2";      L[n] = "reconfigure, nothing changed -> all paths ready (under strace)"; U[n] = "s"; G[n] = ""
	K[++n] = "io_setup_r1";      L[n] = "io_setup, reconfigure tur->directio until ready + " sts " s"; U[n] = "calls"; G[n] = ""
	K[++n] = "io_destroy_r1";    L[n] = "io_destroy, same window"; U[n] = "calls"; G[n] = ""
	K[++n] = "io_submit_r1";     L[n] = "io_submit (checks done), same window"; U[n] = "calls"; G[n] = ""
	K[++n] = "io_setup_r2";      L[n] = "io_setup, reconfigure directio->directio until ready + " sts " s"; U[n] = "calls"; G[n] = "0"
	K[++n] = "io_destroy_r2";    L[n] = "io_destroy, same window"; U[n] = "calls"; G[n] = "0"
	K[++n] = "io_submit_r2";     L[n] = "io_submit (checks done), same window"; U[n] = "calls"; G[n] = ""
	for (m = 1; m <= 2; m++) {
		mode = m == 1 ? "on" : "off"
		what = m == 1 ? "io_err accounting on" : "io_err accounting off"
		K[++n] = "fl_trans_" mode;     L[n] = "flaky path, " what ": dm fail/reinstate transitions"; U[n] = "count"; G[n] = ""
		K[++n] = "fl_fails_" mode;     L[n] = "flaky path, " what ": isolated for good at failure #"; U[n] = "count"; G[n] = m == 1 ? "2" : ""
		K[++n] = "fl_isolate_s_" mode; L[n] = "flaky path, " what ": first failure -> stable isolation"; U[n] = "s"; G[n] = ""
		K[++n] = "fl_return_s_" mode;  L[n] = "flaky path, " what ": end of flapping -> back for good"; U[n] = "s"; G[n] = m == 1 ? "<= 37 (ours)" : ""
		K[++n] = "fl_fio_err_" mode;   L[n] = "flaky path, " what ": fio IO errors"; U[n] = "count"; G[n] = m == 1 ? "0" : ""
		K[++n] = "fl_p99_ms_" mode;    L[n] = "flaky path, " what ": fio p99 completion latency"; U[n] = "ms"; G[n] = ""
		K[++n] = "fl_p999_ms_" mode;   L[n] = "flaky path, " what ": fio p99.9 completion latency"; U[n] = "ms"; G[n] = ""
	}
	K[++n] = "sp_paths";           L[n] = "sampler: paths sampled at once (ours only)"; U[n] = "count"; G[n] = ""
	K[++n] = "sp_reads_ratio";     L[n] = "sampler: reads/s achieved / nominal (320), median path"; U[n] = "ratio"; G[n] = "1"
	K[++n] = "sp_reads_ratio_min"; L[n] = "sampler: reads/s achieved / nominal, lowest path"; U[n] = "ratio"; G[n] = ""
	K[++n] = "sp_late";            L[n] = "sampler: verdicts later than sample_time + 1 s"; U[n] = "count"; G[n] = "0"
	K[++n] = "sp_late_max_s";      L[n] = "sampler: worst verdict delay beyond sample_time"; U[n] = "s"; G[n] = ""
	K[++n] = "sp_cpu_s";           L[n] = "sampler: CPU of the io_err_stat thread for the whole run"; U[n] = "CPU s"; G[n] = ""
	NK = n
}
NF >= 4 { V[$1, $2] = V[$1, $2] " " $4; C[$1, $2]++ }
END {
	print "| figure | unit | ours | Debian | ours / Debian | goal | N (ours, Debian) |"
	print "|---|---|---:|---:|---:|---|---|"
	for (i = 1; i <= NK; i++) {
		k = K[i]
		if (!C[k, "ours"] && !C[k, "ref"]) continue
		o = C[k, "ours"] ? median(V[k, "ours"]) : ""
		r = C[k, "ref"] ? median(V[k, "ref"]) : ""
		ratio = "-"
		if (o != "" && r != "") {
			if (r + 0 != 0) ratio = sprintf("%.2f", o / r)
			else if (o + 0 == 0) ratio = "both 0"
		}
		goal = G[i]
		if (goal ~ /^<= 0\.[0-9]+x$/ && ratio ~ /^[0-9.]+$/) {
			lim = substr(goal, 4) + 0
			goal = goal (ratio + 0 <= lim ? " (met)" : " (not met)")
		}
		if ((goal == "0" || goal == "2") && o != "") goal = goal (o + 0 == goal + 0 ? " (met)" : " (not met)")
		if (goal == "1" && o != "") goal = "1" (o + 0 >= 0.95 ? " (met, >= 0.95)" : " (not met)")
		if (goal == "<= 37 (ours)" && o != "") goal = goal (o + 0 <= 37 ? " (met)" : " (not met)")
		printf "| %s | %s | %s | %s | %s | %s | %d, %d |\n", L[i], U[i], \
			o == "" ? "-" : fmt(o, U[i]), r == "" ? "-" : fmt(r, U[i]), ratio, goal, \
			C[k, "ours"], C[k, "ref"]
	}
}' "$DIR/raw.tsv"
if [ -s "$DIR/notes.txt" ]; then
	echo
	echo "Notes:"
	sed 's/^/- /' "$DIR/notes.txt"
fi
echo
echo "Raw figures: $DIR/raw.tsv; logs: $DIR/"
