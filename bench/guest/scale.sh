# shellcheck shell=bash disable=SC2034 # globals read by main.sh
# bench/guest/scale.sh - part "scale" of the bench (issue 10, item 2), sourced by main.sh.
#
# BENCH_LUNS LUNs x 2 paths (default 256 x 2 = 512) of scsi_debug, created once. Per run,
# for each implementation (ours, then Debian's; the order alternates from run to run), first
#   daemon   multipathd started with no map present, until every map exists and every path
#            is active in dm and ready by its checker;
# and then, for each implementation again,
#   cli      `multipath` creating every map (wall time), then a second, no-op `multipath`;
#   warm     multipathd started with those maps present (as after a boot whose initramfs or
#            `multipath` made them), until every path is active in dm and ready.
# In the first BENCH_FULL_RUNS runs (default 1), the warm step also takes, with the same
# daemon (once udev has settled: after a start with no map, each side's udev needed 40-60 s
# for the new maps' events, a wait the warm start mostly spares):
#   idle     CPU seconds per minute over BENCH_IDLE_S (40: two max_polling_intervals, so
#            each path is checked the same number of times whatever the window's phase)
#            with nothing happening, then RSS (the settled daemon's memory);
#   flap     the same over BENCH_FLAP_S (60) while 16 paths flap (offline 300 ms of every
#            1000 ms, lib.sh path_flap), then the wait until they are all ready again;
#   strace   io_setup / io_destroy / io_submit calls (strace -c -f -p) during a reconfigure
#            that switches every path to the directio checker, until all paths are ready
#            again, and BENCH_STRACE_S (10) s of checks after it; then the same for a
#            reconfigure that changes nothing.
# Runs after the first are made only while the guest's time budget (BENCH_BUDGET_S, counted
# from the bench's start, so it covers the parts run before this one) holds another.
#
# Figures (raw.tsv keys; the host's table has their labels):
#   mp_create_s mp_create_cpu mp_noop_s mp_noop_cpu d_warm_s d_warm_cpu d_start_s d_start_cpu d_rss_mib d_hwm_mib d_idle_cpm d_flap_cpm
#   d_flap_recover_s reconf_s_r1 reconf_s_r2 io_setup_r1 io_destroy_r1 io_submit_r1 io_setup_r2 io_destroy_r2
#   io_submit_r2

# _scale_timed LOG CMD... : run CMD (output to LOG), print "WALL_S CPU_S" (CPU = user +
# system of CMD and its children, from bash's `time`). CMD's exit status goes to
# $BENCH_DIR/.time.rc (callers run this in a process substitution).
_scale_timed() {
	local log=$1 rc=0 tf=$BENCH_DIR/.time wall user sys
	shift
	local TIMEFORMAT='%3R %3U %3S'
	{ time "$@" >"$log" 2>&1; } 2>"$tf" || rc=$?
	echo "$rc" >"$tf.rc"
	read -r wall user sys <"$tf"
	awk -v w="$wall" -v u="$user" -v s="$sys" 'BEGIN { printf "%.3f %.3f\n", w, u + s }'
}

# scale_cli RUN FULL : `multipath` creates every map, then runs again with nothing to do;
# then the warm start (scale_daemon_warm RUN FULL). The maps are left for the next step to
# remove (each step starts from none).
scale_cli() {
	local run=$1 full=$2 rc=0 n bad
	bmaps_remove_all
	bconf_write tur
	bad=$(bsd_all_running)
	[ -z "$bad" ] || bnote "scale: disks not running before the $B_NAME multipath run, set running: $(echo $bad)"
	bstep "$B_NAME: multipath creating $BENCH_LUNS maps over $((BENCH_LUNS * 2)) paths (run $run)..."
	local took cpu
	read -r took cpu < <(_scale_timed "$BENCH_DIR/multipath-$B_TOOL-$run-create.log" "$B_MULTIPATH")
	read -r rc <"$BENCH_DIR/.time.rc"
	udevadm settle --timeout=300 || true
	n=$(bmaps_count)
	bstep "  $B_NAME: multipath took ${took}s, ${cpu} CPU s (exit $rc), $n maps"
	if [ "$n" = "$BENCH_LUNS" ]; then
		brecord mp_create_s "$B_TOOL" "$run" "$took"
		brecord mp_create_cpu "$B_TOOL" "$run" "$cpu"
	else
		bnote "$B_NAME multipath (run $run) made $n maps, not $BENCH_LUNS (exit $rc): not counted"
	fi
	bstep "$B_NAME: multipath again, nothing to do (run $run)..."
	read -r took cpu < <(_scale_timed "$BENCH_DIR/multipath-$B_TOOL-$run-noop.log" "$B_MULTIPATH")
	read -r rc <"$BENCH_DIR/.time.rc"
	bstep "  $B_NAME: no-op multipath took ${took}s, ${cpu} CPU s (exit $rc)"
	if [ "$n" = "$BENCH_LUNS" ] && [ "$(bmaps_count)" = "$BENCH_LUNS" ]; then
		brecord mp_noop_s "$B_TOOL" "$run" "$took"
		brecord mp_noop_cpu "$B_TOOL" "$run" "$cpu"
		scale_daemon_warm "$run" "$full"
	fi
}

# scale_daemon_warm RUN FULL : start the daemon with every map present; record the time
# until every path is ready, and its CPU; FULL=1 adds the idle (and RSS), flap and strace
# windows, and their seconds to SC_windows_s; stop it (the maps stay).
scale_daemon_warm() {
	local run=$1 full=$2 took cpu held t0
	# the paths the maps hold (multipath leaves out a path it finds unusable)
	held=$(dmsetup table --target multipath | grep -oE ' [0-9]+:[0-9]+ ' | wc -l)
	[ "$held" = $((BENCH_LUNS * 2)) ] || bnote "$B_NAME: the maps hold $held paths, not $((BENCH_LUNS * 2)): the start with maps present waits for those"
	bstep "$B_NAME: multipathd start with the $BENCH_LUNS maps present, until their $held paths are ready (run $run)..."
	bdaemon_start "multipathd-$B_TOOL-$run-warm.log"
	if bwait_all_ready "${BENCH_READY_TIMEOUT:-1200}" "$held"; then
		took=$(bsecs_since "$B_DT0")
		cpu=$(awk -v t="$(bproc_ticks "$B_DPID")" -v k="$B_TCK" 'BEGIN { printf "%.2f", t / k }')
		brecord d_warm_s "$B_TOOL" "$run" "$took"
		brecord d_warm_cpu "$B_TOOL" "$run" "$cpu"
		bstep "  $B_NAME: all ready ${took}s after the start (daemon CPU ${cpu} s)"
		if [ "$full" = 1 ]; then
			t0=$(bnow_us)
			scale_idle "$run" || bnote "$B_NAME: idle CPU and RSS not measured (daemon gone?)"
			scale_flap "$run" || bnote "$B_NAME: flap figures incomplete"
			scale_strace "$run" || true
			SC_windows_s=$((SC_windows_s + ($(bnow_us) - t0) / 1000000))
		fi
	else
		bnote "$B_NAME multipathd with maps present (run $run): not all paths ready after ${BENCH_READY_TIMEOUT:-1200} s; see multipathd-$B_TOOL-$run-warm.log"
	fi
	bdaemon_stop
}

# scale_daemon_start RUN : start the daemon with no map present; record the time until all
# maps are ready. Leaves the daemon running (B_DPID); 1 if it never got ready.
scale_daemon_start() {
	local run=$1 took cpu
	bmaps_remove_all
	bconf_write tur
	bstep "$B_NAME: multipathd start until $BENCH_LUNS maps and $((BENCH_LUNS * 2)) paths are ready (run $run)..."
	bdaemon_start "multipathd-$B_TOOL-$run.log"
	if ! bwait_all_ready "${BENCH_READY_TIMEOUT:-1200}"; then
		bnote "$B_NAME multipathd (run $run): not all maps ready after ${BENCH_READY_TIMEOUT:-1200} s ($(bmaps_count) maps, $(bpaths_ready_count) paths ready); see multipathd-$B_TOOL-$run.log"
		return 1
	fi
	took=$(bsecs_since "$B_DT0")
	cpu=$(awk -v t="$(bproc_ticks "$B_DPID")" -v k="$B_TCK" 'BEGIN { printf "%.2f", t / k }')
	brecord d_start_s "$B_TOOL" "$run" "$took"
	brecord d_start_cpu "$B_TOOL" "$run" "$cpu"
	bstep "  $B_NAME: all ready ${took}s after the start (daemon CPU ${cpu} s)"
}

# scale_idle RUN : CPU of the settled daemon while nothing happens (from the moment udev
# has finished its work on the new maps: their events reach the daemon too); then its
# memory.
scale_idle() {
	local run=$1 cpm rss hwm
	udevadm settle --timeout=60 || true
	bstep "$B_NAME: daemon CPU while idle, ${BENCH_IDLE_S}s (udev settled), then RSS..."
	cpm=$(bcpu_per_min "$B_DPID" "$BENCH_IDLE_S") || return 1
	brecord d_idle_cpm "$B_TOOL" "$run" "$cpm"
	rss=$(bproc_kb "$B_DPID" VmRSS) || return 1
	hwm=$(bproc_kb "$B_DPID" VmHWM) || return 1
	brecord d_rss_mib "$B_TOOL" "$run" "$(bkb_to_mib "$rss")"
	brecord d_hwm_mib "$B_TOOL" "$run" "$(bkb_to_mib "$hwm")"
	bstep "  $B_NAME: idle: $cpm CPU s/min; VmRSS $(bkb_to_mib "$rss") MiB, VmHWM $(bkb_to_mib "$hwm") MiB"
}

# scale_flap RUN : CPU while BENCH_FLAP_PATHS paths flap, then the wait until all are ready.
scale_flap() {
	local run=$1 cpm dev pids="" t0 took
	local -a devs
	mapfile -t devs < <(bsd_host_paths 1 "$BENCH_FLAP_PATHS")
	bstep "$B_NAME: daemon CPU while ${#devs[@]} paths flap (300 ms offline per 1000 ms), ${BENCH_FLAP_S}s..."
	for dev in "${devs[@]}"; do
		path_flap "$dev" 300 1000 "$BENCH_FLAP_S" >/dev/null
		pids="$pids $FLAP_PID"
	done
	cpm=$(bcpu_per_min "$B_DPID" "$BENCH_FLAP_S") || return 1
	for dev in $pids; do
		wait "$dev" 2>/dev/null || true
	done
	brecord d_flap_cpm "$B_TOOL" "$run" "$cpm"
	t0=$(bnow_us)
	if bwait_all_ready 120; then
		took=$(bsecs_since "$t0")
		brecord d_flap_recover_s "$B_TOOL" "$run" "$took"
		bstep "  $B_NAME: flapping: $cpm CPU s/min; all paths ready again ${took}s after it ended"
	else
		bnote "$B_NAME: paths not all ready 120 s after the flapping ended"
		return 1
	fi
}

# _scale_strace_window TAG RUN : strace the daemon's threads for io_* calls while it
# reconfigures, until every path is ready again, and BENCH_STRACE_S seconds more; records
# reconf_s_TAG (reconfigure command to all ready), io_setup_TAG, io_destroy_TAG,
# io_submit_TAG.
_scale_strace_window() {
	local tag=$1 run=$2 out=$BENCH_DIR/strace-$B_TOOL-$2-$1.txt spid rc=0 sc n t0 took
	strace -c -f -o "$out" -e trace=io_setup,io_destroy,io_submit -p "$B_DPID" \
		2>"$out.err" &
	spid=$!
	# strace says "Process N attached" per thread on stderr
	wait_for "grep -q attached '$out.err'" 20 0.2 || {
		kill "$spid" 2>/dev/null
		bnote "$B_NAME: strace did not attach ($(head -n 3 "$out.err"))"
		return 1
	}
	sleep 1
	t0=$(bnow_us)
	"$B_MPATHD" reconfigure >"$BENCH_DIR/reconfigure-$B_TOOL-$run-$tag.txt" 2>&1 || rc=$?
	# A reconfigure may run after the command returned, and at this scale it takes minutes
	# under TCG: wait until every path is ready again, then BENCH_STRACE_S of checks.
	sleep 3
	if bwait_all_ready "${BENCH_RECONF_TIMEOUT:-20}"; then
		took=$(bsecs_since "$t0")
		brecord "reconf_s_$tag" "$B_TOOL" "$run" "$took"
		bstep "  $B_NAME: all paths ready ${took}s after the reconfigure; ${BENCH_STRACE_S}s of checks..."
	else
		# Debian's daemon took 640 s at 192 paths under strace: the budget goes first
		bnote "$B_NAME: paths not all ready ${BENCH_RECONF_TIMEOUT:-20} s after the reconfigure ($tag): figure left out (BENCH_RECONF_TIMEOUT)"
		SC_capped=1
	fi
	# after a capped wait the window has had its checks already
	[ "$SC_capped" = 1 ] || sleep "$BENCH_STRACE_S"
	kill -INT "$spid" 2>/dev/null
	wait "$spid" 2>/dev/null || true
	kill -0 "$B_DPID" 2>/dev/null || {
		bnote "$B_NAME multipathd died during the reconfigure ($tag)"
		return 1
	}
	for sc in io_setup io_destroy io_submit; do
		# strace -c rows: % time, seconds, usecs/call, calls, [errors,] syscall
		n=$(awk -v s="$sc" '$NF == s { print $4 }' "$out")
		brecord "${sc}_$tag" "$B_TOOL" "$run" "${n:-0}"
		printf -v "SC_$sc" '%s' "${n:-0}"
	done
	# shellcheck disable=SC2154 # SC_* set by printf -v above
	bstep "  $B_NAME: reconfigure exit $rc; io_setup $SC_io_setup, io_destroy $SC_io_destroy, io_submit $SC_io_submit"
}

# scale_strace RUN : reconfigure to directio, then a reconfigure that changes nothing.
scale_strace() {
	local run=$1
	command -v strace >/dev/null || {
		bnote "strace is not installed on the host (bench/install-deps.sh): io_* counts skipped"
		return 1
	}
	bconf_write directio
	bstep "$B_NAME: reconfigure tur -> directio under strace, ${BENCH_STRACE_S}s of checks after it..."
	SC_capped=0
	_scale_strace_window r1 "$run" || return 1
	if [ "$SC_capped" = 1 ]; then
		bnote "$B_NAME: second reconfigure skipped (the first one ran past BENCH_RECONF_TIMEOUT)"
		return 0
	fi
	bstep "$B_NAME: reconfigure again (directio, nothing changed) under strace, ${BENCH_STRACE_S}s..."
	_scale_strace_window r2 "$run"
}

# scale_daemon RUN : the cold start of one run; the daemon is stopped, the maps it made are
# left for the next step to remove.
scale_daemon() {
	local ok=0
	scale_daemon_start "$1" || ok=1
	bdaemon_stop
	return "$ok"
}

# part_scale : the whole part (see the header).
part_scale() {
	local run tool t0 took est=0 order
	BENCH_LUNS=${BENCH_LUNS:-256}
	BENCH_FLAP_PATHS=${BENCH_FLAP_PATHS:-16}
	BENCH_IDLE_S=${BENCH_IDLE_S:-40}
	BENCH_FLAP_S=${BENCH_FLAP_S:-60}
	BENCH_STRACE_S=${BENCH_STRACE_S:-10}
	bsd_unload || return 1
	bstep "scale: creating $BENCH_LUNS scsi_debug LUNs x 2 hosts ($((BENCH_LUNS * 2)) paths, ${BENCH_SD_MB:-8} MiB shared store)..."
	t0=$(bnow_us)
	bsd_create "$BENCH_LUNS" || {
		bnote "scale: scsi_debug did not give $((BENCH_LUNS * 2)) disks: part skipped"
		return 1
	}
	bstep "  $((BENCH_LUNS * 2)) disks ready (udev settled) in $(bsecs_since "$t0")s; guest MemAvailable $(awk '/MemAvailable/ { printf "%d MiB", $2 / 1024 }' /proc/meminfo)"
	for ((run = 1; run <= ${BENCH_RUNS:-3}; run++)); do
		if [ "$run" -gt 1 ]; then
			local left=$((BENCH_BUDGET_S - ($(bnow_us) - BENCH_T0) / 1000000))
			if [ "$left" -lt "$est" ]; then
				bnote "scale: run $run skipped: about ${est}s needed, ${left}s left of the ${BENCH_BUDGET_S}s budget"
				break
			fi
		fi
		order=${BENCH_TOOLS:-ours ref}
		# shellcheck disable=SC2086 # one word per tool
		[ $((run % 2)) = 0 ] && order=$(printf '%s\n' $order | tac | tr '\n' ' ')
		t0=$(bnow_us)
		SC_windows_s=0
		local full=0
		[ "$run" -le "${BENCH_FULL_RUNS:-1}" ] && full=1
		for tool in $order; do
			btool_use "$tool"
			scale_daemon "$run" || true
		done
		for tool in $order; do
			btool_use "$tool"
			scale_cli "$run" "$full"
		done
		took=$((($(bnow_us) - t0) / 1000000))
		bstep "scale: run $run done in ${took}s"
		# a short run costs what this one did without the windows of a full one
		est=$((took - SC_windows_s))
		[ "$est" -lt 30 ] && est=30
		BENCH_SCALE_RUNS=$run # for main.sh's meta.env
	done
}
