# shellcheck shell=bash
# bench/guest/flaky.sh - part "flaky" of the bench (issue 10, item 1), sourced by main.sh.
#
# Two LUNs, two paths each (scsi_debug host 0: the healthy path, host 1: the flaky one). One
# daemon at a time (ours, then Debian's; BENCH_TOOLS order) manages both maps: on the first
# the intermittent IO error accounting is on, on the second it is off (a multipaths entry
# each), so one daemon run gives the two modes under the same load:
#   ours    path_io_err_sample_time 10, rate_threshold 100, recovery_time 20
#   Debian  marginal_path_err_sample_time 120 (the least it accepts), err_rate_threshold 100,
#           err_recheck_gap_time 20
#   both    double_failed_time 60, polling_interval 5, multibus, tur, no_path_retry fail
# While fio reads at random through both maps (4k, direct, libaio, iodepth 16, errors
# counted, not fatal), the two flaky paths flap together (offline FL_OFF_MS of every
# FL_PERIOD_MS, lib.sh path_flap) for FL_FLAP_S seconds, then stay healthy for FL_HEAL_S.
# Every 100 ms a sampler (tests/vm/tools/dm_watch) reads the status of the two maps (the
# kernel's view of each path: A or F) and records each change.
#
# Figures (raw.tsv keys, MODE on|off; lower is better):
#   fl_trans_MODE     dm transitions (fail or reinstate) of the flaky path from the first
#                     flap to the end of the run
#   fl_fails_MODE     its failures up to and including the one that isolated it for good
#                     (goal: 2, the second failure); not recorded when it was never isolated
#   fl_isolate_s_MODE seconds from its first failure to the start of that isolation
#   fl_return_s_MODE  seconds from the end of the flapping to its last reinstatement (after
#                     which it stays active); 0 when it was active all along at that point
#   fl_fio_err_MODE   IO errors fio saw
#   fl_p99_ms_MODE, fl_p999_ms_MODE  fio completion latency percentiles, ms
# "Isolated for good" = failed in dm from some time before the end of the flapping until at
# least that end, without a reinstatement in between, for at least FL_ISOLATED_MIN_S.
# For the picture (bench/plot.sh on the host): flaky-TOOL-MODE-state.tsv ("SECONDS 1|0",
# 1 = active, time since the flapping began) and flaky-TOOL-MODE-lat.tsv ("SECONDS MS", the
# highest fio completion latency of each 250 ms), plus flaky.env (FL_FLAP_S, FL_HEAL_S).

FL_ISOLATED_MIN_S=15


# _fl_conf TOOL WWID_ON WWID_OFF : /etc/multipath.conf for one daemon and both maps.
_fl_conf() {
	local on off
	if [ "$1" = ours ]; then
		on="path_io_err_sample_time 10
		path_io_err_rate_threshold 100
		path_io_err_recovery_time 20
		path_io_err_double_failed_time 60"
		off="path_io_err_sample_time no"
	else
		on="marginal_path_err_sample_time 120
		marginal_path_err_rate_threshold 100
		marginal_path_err_recheck_gap_time 20
		marginal_path_double_failed_time 60"
		off="marginal_path_err_sample_time no"
	fi
	mkdir -p /etc/multipath
	cat >/etc/multipath.conf <<-CONF
	defaults {
		user_friendly_names yes
		find_multipaths greedy
		polling_interval 5
	}
	blacklist {
		wwid ".*"
	}
	blacklist_exceptions {
		wwid "^($2|$3)\$"
	}
	overrides {
		path_grouping_policy multibus
		path_checker tur
		detect_checker no
		prio const
		no_path_retry fail
	}
	multipaths {
		multipath {
			wwid "$2"
			alias flaky-on
			$on
		}
		multipath {
			wwid "$3"
			alias flaky-off
			$off
		}
	}
	CONF
	cp /etc/multipath.conf "$BENCH_DIR/multipath.conf.flaky-$1"
}

# _fl_dm_sampler OUT : every 100 ms, "EPOCHREALTIME MAP: STATUS" for both maps when it
# changed (tests/vm/tools/dm_watch: one process, no dmsetup per reading), until killed.
# Sets FL_SAMPLER_PID.
_fl_dm_sampler() {
	"$MPT_TOP/build/vmtools/dm_watch" 100 flaky-on flaky-off >"$1" 2>/dev/null </dev/null &
	FL_SAMPLER_PID=$!
	_mpt_bg "$FL_SAMPLER_PID"
}

# _fl_states LOG MAP DEVT T0 T_END : "SECONDS 1|0 FAILS" for every recorded status of DEVT
# in MAP (time since T0, EPOCHREALTIME; 1 = active; FAILS = the kernel's fail count of the
# path, the field after its state), and the state it had at T_END (seconds since T0) as
# the last line; nothing at all when no recorded status had DEVT.
_fl_states() {
	awk -v map="$2:" -v devt="$3" -v t0="$4" -v tend="$5" '$2 == map {
		for (i = 3; i < NF - 1; i++)
			if ($i == devt) {
				s = $(i + 1) == "A"; fc = $(i + 2); seen = 1
				printf "%.2f %d %d\n", $1 - t0, s, fc
				break
			}
	}
	END { if (seen) printf "%.2f %d %d\n", tend, s, fc }' "$1"
}

# _fl_figures STATES_TSV FLAP_S : "TRANS FAILS ISOLATE_S RETURN_S" from _fl_states' lines
# (FAILS and ISOLATE_S are "-" when it was never isolated for good, RETURN_S when it was
# still failed at the end). Before the flapping the path was active (the run waits for it).
# The readings are 100 ms apart, and a reinstatement followed by a failure within that
# time shows only in the kernel's fail count: every failure and reinstatement is counted
# from it (between two readings with k more failures: 2k transitions, one less when the
# path went from active to failed, one more when from failed to active), and a failed
# stretch starts at the failure number the count gives.
_fl_figures() {
	awk -v fe="$2" -v minlen="$FL_ISOLATED_MIN_S" '
	BEGIN { prev = 1; nf = 0; lastup = -1; base = -1 }
	base < 0 { base = $3 + 0; pfc = base }
	$1 < 0 { pfc = $3 + 0; base = pfc; next }
	{
		t = $1 + 0; s = $2 + 0; fc = $3 + 0; d = fc - pfc
		trans += 2 * d + (prev && !s ? -1 : 0) + (!prev && s ? 1 : 0)
		if (!s && (prev || d > 0)) {
			if (!prev) fend[nf] = t
			fstart[++nf] = t; fno[nf] = fc - base
		} else if (s && !prev) {
			fend[nf] = t; lastup = t
		} else if (s && d > 0) {
			lastup = t
		}
		prev = s; pfc = fc; last_t = t
	}
	END {
		if (!prev) fend[nf] = last_t
		iso = "-"; isot = "-"
		for (i = 1; i <= nf; i++)
			if (fstart[i] <= fe && fend[i] >= fe && fend[i] - fstart[i] >= minlen) {
				iso = fno[i]; isot = sprintf("%.1f", fstart[i] - fstart[1])
			}
		back = "-"
		if (prev) back = sprintf("%.1f", lastup > fe ? lastup - fe : 0)
		printf "%d %s %s %s\n", trans, iso, isot, back
	}' "$1"
}

# _fl_fio TOOL MODE DEV SECONDS : random reads in the background; errors counted, not fatal;
# a latency log (max of each 250 ms). Appends the PID to FL_FIO_PIDS.
_fl_fio() {
	local base=$BENCH_DIR/fio-flaky-$1-$2
	fio --name="$1-$2" --filename="$3" --rw=randread --bs=4k --direct=1 --ioengine=libaio \
		--iodepth=16 --time_based --runtime="$4" --continue_on_error=all \
		--write_lat_log="$base" --log_avg_msec=250 --log_max_value=1 \
		--output-format=json --output="$base.json" >"$base.err" 2>&1 </dev/null &
	_mpt_bg "$!"
	FL_FIO_PIDS="$FL_FIO_PIDS $!"
}

# _fl_fio_running : 0 while one of FL_FIO_PIDS runs.
_fl_fio_running() {
	local pid
	for pid in $FL_FIO_PIDS; do
		kill -0 "$pid" 2>/dev/null && return 0
	done
	return 1
}

# _fl_run TOOL P_ON P_OFF : one daemon, both maps (their flaky paths given), one flapping
# episode.
_fl_run() {
	local tool=$1 p_on=$2 p_off=$3 w_on w_off
	local d_on d_off t_fio t_flap total m rest
	btool_use "$tool"
	w_on=$(dev_serial "$p_on")
	w_off=$(dev_serial "$p_off")
	d_on=$(dev_devt "$p_on")
	d_off=$(dev_devt "$p_off")
	bmaps_remove_all
	_fl_conf "$tool" "$w_on" "$w_off"
	bstep "$B_NAME: flaky path, io_err accounting on (flaky-on, $p_on) and off (flaky-off, $p_off)..."
	bdaemon_start "multipathd-$tool-flaky.log"
	wait_for "[ \"\$(\"$B_MPATHD\" show paths 2>/dev/null | awk '\$5 == \"active\" && \$6 == \"ready\"' | wc -l)\" -ge 4 ]" 120 0.5 || {
		bnote "$B_NAME flaky: the two maps were not ready in 120 s (see multipathd-$tool-flaky.log)"
		bdaemon_stop
		return 1
	}
	_fl_dm_sampler "$BENCH_DIR/flaky-$tool-dmstatus.log"
	wait_for "[ -s '$BENCH_DIR/flaky-$tool-dmstatus.log' ]" 10 0.2 || {
		bnote "$B_NAME flaky: the dm state sampler (build/vmtools/dm_watch) recorded nothing"
		kill "$FL_SAMPLER_PID" 2>/dev/null || true
		bdaemon_stop
		return 1
	}
	total=$((FL_FLAP_S + FL_HEAL_S + 2))
	t_fio=$EPOCHREALTIME
	FL_FIO_PIDS=""
	_fl_fio "$tool" on /dev/mapper/flaky-on "$total"
	_fl_fio "$tool" off /dev/mapper/flaky-off "$total"
	sleep 2
	t_flap=$EPOCHREALTIME
	path_flap "$p_on" "$FL_OFF_MS" "$FL_PERIOD_MS" "$FL_FLAP_S" >/dev/null
	local fp1=$FLAP_PID
	path_flap "$p_off" "$FL_OFF_MS" "$FL_PERIOD_MS" "$FL_FLAP_S" >/dev/null
	bstep "  $B_NAME: $p_on and $p_off flap (${FL_OFF_MS}/${FL_PERIOD_MS} ms) for ${FL_FLAP_S} s, then ${FL_HEAL_S} s healthy"
	wait "$fp1" "$FLAP_PID" 2>/dev/null || true
	bstep "  $B_NAME: flapping over; healthy for ${FL_HEAL_S} s"
	wait_for "! _fl_fio_running" $((FL_HEAL_S + 60)) 1 || {
		bnote "$B_NAME flaky: fio still running $((FL_HEAL_S + 60)) s after the flapping (IO hangs): killed"
		# shellcheck disable=SC2086 # the PID list
		kill -KILL $FL_FIO_PIDS 2>/dev/null || true
	}
	kill "$FL_SAMPLER_PID" 2>/dev/null || true
	"$B_MPATHD" show paths >"$BENCH_DIR/flaky-$tool-show-paths.txt" 2>&1 || true
	bdaemon_stop
	for m in on off; do
		local dev devt json trans fails iso back err p99 p999
		[ "$m" = on ] && dev=$p_on devt=$d_on || dev=$p_off devt=$d_off
		_fl_states "$BENCH_DIR/flaky-$tool-dmstatus.log" "flaky-$m" "$devt" "$t_flap" \
			"$((FL_FLAP_S + FL_HEAL_S))" >"$BENCH_DIR/flaky-$tool-$m-state.tsv"
		awk -v off="$(awk -v a="$t_fio" -v b="$t_flap" 'BEGIN { print a - b }')" -F', *' \
			'{ printf "%.2f %.3f\n", $1 / 1000 + off, $2 / 1e6 }' \
			"$BENCH_DIR/fio-flaky-$tool-${m}_clat.1.log" >"$BENCH_DIR/flaky-$tool-$m-lat.tsv" 2>/dev/null || true
		if [ ! -s "$BENCH_DIR/flaky-$tool-$m-state.tsv" ]; then
			bnote "$B_NAME flaky ($m): no recorded dm status has path $devt: no dm figures"
			continue
		fi
		read -r trans fails iso back < <(_fl_figures "$BENCH_DIR/flaky-$tool-$m-state.tsv" "$FL_FLAP_S")
		json=$BENCH_DIR/fio-flaky-$tool-$m.json
		err=$(jq -r '.jobs[0].total_err // .jobs[0].error' "$json" 2>/dev/null) || err=""
		p99=$(jq -r '.jobs[0].read.clat_ns.percentile["99.000000"] / 1e6' "$json" 2>/dev/null) || p99=""
		p999=$(jq -r '.jobs[0].read.clat_ns.percentile["99.900000"] / 1e6' "$json" 2>/dev/null) || p999=""
		brecord "fl_trans_$m" "$tool" 1 "$trans"
		if [ "$fails" != - ]; then
			brecord "fl_fails_$m" "$tool" 1 "$fails"
			brecord "fl_isolate_s_$m" "$tool" 1 "$iso"
		fi
		[ "$back" != - ] && brecord "fl_return_s_$m" "$tool" 1 "$back"
		[ -n "$err" ] && [ "$err" != null ] && brecord "fl_fio_err_$m" "$tool" 1 "$err"
		[ -n "$p99" ] && [ "$p99" != null ] && brecord "fl_p99_ms_$m" "$tool" 1 "$p99"
		[ -n "$p999" ] && [ "$p999" != null ] && brecord "fl_p999_ms_$m" "$tool" 1 "$p999"
		rest="isolated at failure $fails, $iso s after the first"
		[ "$fails" = - ] && rest="never isolated for good"
		[ "$back" = - ] && rest="$rest; still failed at the end" ||
			rest="$rest; back $back s after the flapping"
		bstep "  $B_NAME io_err $m ($dev): $trans dm transitions, $rest; fio errors ${err:-?}, p99 ${p99:-?} ms, p99.9 ${p999:-?} ms"
	done
	bmaps_remove_all
}

part_flaky() {
	local p_on p_off tool
	# read here, not when sourced: main.sh reads bench.env after sourcing the parts
	FL_OFF_MS=${BENCH_FLAKY_OFF_MS:-300}
	FL_PERIOD_MS=${BENCH_FLAKY_PERIOD_MS:-1000}
	FL_FLAP_S=${BENCH_FLAKY_FLAP_S:-120}
	FL_HEAL_S=${BENCH_FLAKY_HEAL_S:-180}
	bsd_unload || return 1
	bstep "flaky: 2 LUNs x 2 paths..."
	BENCH_SD_MB=64 bsd_create 2 || return 1
	read -r p_on p_off < <(bsd_host_paths 1 2 | tr '\n' ' ')
	[ -n "$p_off" ] || {
		bnote "flaky: scsi_debug made no second path per LUN"
		return 1
	}
	printf 'FL_FLAP_S=%s\nFL_HEAL_S=%s\nFL_OFF_MS=%s\nFL_PERIOD_MS=%s\n' "$FL_FLAP_S" \
		"$FL_HEAL_S" "$FL_OFF_MS" "$FL_PERIOD_MS" >"$BENCH_DIR/flaky.env"
	for tool in ${BENCH_TOOLS:-ours ref}; do
		_fl_run "$tool" "$p_on" "$p_off" || return 1
	done
	bmaps_remove_all
}
