# shellcheck shell=bash
# bench/guest/sampler.sh - part "sampler" of the bench (issue 10, item 3), sourced by main.sh.
#
# Ours only: Debian's marginal path sampler shares 1024 IO slots among all paths (32 paths of
# 32 reads), so it cannot sample 64 paths at once.
#
# BENCH_SAMPLER_LUNS (64) LUNs x 2 paths, one daemon with the accounting on for every map
# (sample 10 s, threshold 100, recovery 20 s, double_failed_time 60). Every host-1 path is
# failed in dm twice (`dmsetup message MAP 0 fail_path DEVT`, as the kernel does on an IO
# error; the daemon reinstates them in between; one process sends all the messages:
# tests/vm/tools/dm_message), so all 64 become flaky within a second of each other and
# io_err_stat samples them side by side. The paths themselves are healthy:
# every read completes, the hardest case for the sampler's throughput.
# Figures (raw.tsv keys, tool ours):
#   sp_paths         paths that got a verdict
#   sp_reads_ratio   reads per second achieved / nominal (32 reads every 100 ms = 320 per s),
#                    median over the paths; sp_reads_ratio_min the lowest
#   sp_late          verdicts later than sample_time + 1 s after their window started
#                    (stamps of the daemon's log lines, to about 0.1 s); sp_late_max_s the
#                    worst delay beyond sample_time
#   sp_cpu_s         CPU seconds of the io_err_stat thread from before the first window to
#                    after the last verdict

SP_SAMPLE=10

# _sp_thread_ticks PID NAME : utime + stime of PID's thread named NAME, in clock ticks.
_sp_thread_ticks() {
	local t comm
	for t in /proc/"$1"/task/*; do
		read -r comm <"$t/comm" 2>/dev/null || continue
		if [ "$comm" = "$2" ]; then
			bproc_ticks "$1/task/${t##*/}"
			return
		fi
	done
	echo 0
}

# _sp_fail_all MAPDEVT... : fail each "MAP DEVT" pair in dm, all from one process
# (tests/vm/tools/dm_message), so every path fails within a moment of the others.
_sp_fail_all() {
	local pair args=()
	for pair in "$@"; do
		args+=("${pair% *}" "fail_path ${pair#* }")
	done
	"$MPT_TOP/build/vmtools/dm_message" "${args[@]}" ||
		bnote "sampler: some fail_path messages failed"
}

part_sampler() {
	local dev pairs=() stamped ticks0 ticks1 n0 i cpu
	local SP_LUNS=${BENCH_SAMPLER_LUNS:-64} # bench.env is read after the parts are sourced
	bsd_unload || return 1
	btool_use ours
	bstep "sampler: $SP_LUNS LUNs x 2 paths..."
	BENCH_LUNS=$SP_LUNS bsd_create "$SP_LUNS" || return 1
	bmaps_remove_all
	bconf_write tur "path_io_err_sample_time $SP_SAMPLE
	path_io_err_rate_threshold 100
	path_io_err_recovery_time 20
	path_io_err_double_failed_time 60"
	cp /etc/multipath.conf "$BENCH_DIR/multipath.conf.sampler"
	bdaemon_start "multipathd-sampler.log"
	BENCH_LUNS=$SP_LUNS bwait_all_ready 600 || {
		bnote "sampler: maps not ready in 600 s"
		bdaemon_stop
		return 1
	}
	LOGDIR=$BENCH_DIR log_stamp_start "$BENCH_DIR/multipathd-sampler.log" >/dev/null
	stamped=$BENCH_DIR/multipathd-sampler.log.stamped
	# "MAP DEVT" of every host-1 path, from the maps' tables
	local -A flaky=()
	local name rest tok
	for dev in $(bsd_host_paths 1 "$SP_LUNS"); do
		flaky[$(dev_devt "$dev")]=1
	done
	while read -r name rest; do
		for tok in $rest; do
			[ -n "${flaky[$tok]:-}" ] && pairs+=("${name%:} $tok")
		done
	done < <(dmsetup table --target multipath)
	ticks0=$(_sp_thread_ticks "$B_DPID" io_err_stat)
	bstep "sampler: failing ${#pairs[@]} paths in dm, twice..."
	_sp_fail_all "${pairs[@]}"
	# the daemon reinstates them at its next checks (polling_interval 5)
	wait_for "[ \"\$(dmsetup status --target multipath | grep -o ' F ' | wc -l)\" = 0 ]" 30 0.5 ||
		bnote "sampler: not every path was reinstated after the first failure"
	_sp_fail_all "${pairs[@]}"
	n0=${#pairs[@]}
	wait_for "[ \"\$(grep -c 'io_err_stat: window 1 verdict' '$stamped')\" -ge $n0 ]" $((SP_SAMPLE * 6 + 30)) 1 ||
		bnote "sampler: only $(grep -c 'io_err_stat: window 1 verdict' "$stamped") of $n0 paths got a verdict"
	ticks1=$(_sp_thread_ticks "$B_DPID" io_err_stat)
	bdaemon_stop
	# per path: seconds from its window 1 start to the verdict, IOs counted (the name is the
	# field after the stamp, date, time and "|")
	awk '
		/io_err_stat: window 1 starts/ { p = $6; sub(/:$/, "", p); st[p] = $1 }
		/io_err_stat: window 1 verdict: errors/ {
			p = $6; sub(/:$/, "", p)
			if (!(p in st)) next
			match($0, /errors [0-9]+\/[0-9]+ IOs/); io = substr($0, RSTART, RLENGTH)
			sub(/^errors [0-9]+\//, "", io); sub(/ IOs$/, "", io)
			printf "%s %.2f %d\n", p, $1 - st[p], io
		}' "$stamped" >"$BENCH_DIR/sampler-paths.txt"
	i=$(wc -l <"$BENCH_DIR/sampler-paths.txt")
	[ "$i" -gt 0 ] || {
		bnote "sampler: no verdict found in the daemon log"
		return 1
	}
	brecord sp_paths ours 1 "$i"
	local med min late maxlate
	read -r med min < <(awk -v s="$SP_SAMPLE" '{ printf "%.4f\n", $3 / s / 320 }' \
		"$BENCH_DIR/sampler-paths.txt" | sort -n | awk '{ r[NR] = $1 }
		END { printf "%.3f %.3f\n", NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2, r[1] }')
	read -r late maxlate < <(awk -v s="$SP_SAMPLE" '{ d = $2 - s; if (d > 1) late++; if (d > maxd) maxd = d }
		END { printf "%d %.2f\n", late, maxd }' "$BENCH_DIR/sampler-paths.txt")
	brecord sp_reads_ratio ours 1 "$med"
	brecord sp_reads_ratio_min ours 1 "$min"
	brecord sp_late ours 1 "$late"
	brecord sp_late_max_s ours 1 "$maxlate"
	cpu=$(awk -v d=$((ticks1 - ticks0)) -v t="$B_TCK" 'BEGIN { printf "%.2f", d / t }')
	brecord sp_cpu_s ours 1 "$cpu"
	bstep "  sampler: $i paths judged; reads/s achieved / nominal: median $med, lowest $min; $late late verdicts (worst +$maxlate s); io_err_stat thread $cpu CPU s"
	bmaps_remove_all
}
