#!/bin/bash
# tests/vm/guest/demo-guest.sh - the body of `make demo` (runs in the VM; see ../demo.sh).
#
# The story, with one LUN seen through two scsi_debug paths and multipathd managing the map:
#   Act 1  io_err_stat off. Path 2 flaps (offline 330 ms of every 1100 ms) under fio random
#          reads; the daemon's plain tur checker puts it back after every failure. One line
#          per dm transition of path 2 (from the kernel's PATH_FAILED / PATH_REINSTATED
#          uevents), then the counts and fio's errors and latency percentiles.
#   Act 2  The same flapping after `multipathd reconfigure` turned io_err_stat on: path 2 is
#          isolated at its second failure, held (`delayed`) while it flaps, sampled, and let
#          back after a good verdict; the daemon's io_err_stat log lines and the time from the
#          end of the flapping to the reinstatement, against sample + recovery + polling + 2 s.
#   Then   a table: act 1 against act 2.
#
# MPT_DEMO_DAEMON selects the daemon:
#   ours (default)  $MPT_TOP/build/bin/multipathd (or $MPATHD), path_io_err_* settings;
#   ref             Debian's multipath-tools 0.9.4 with its marginal_path_* settings, whose
#                   sample time cannot be below 120 s (act 2 then takes about 3 minutes).
# MPT_DEMO_SECONDS: how long path 2 flaps in each act, and fio runs (default 25).
#
# Exit status: non-zero when the demo could not run or when what it shows is not what it
# claims (fio errors; with our daemon: path 2 not isolated, or not back in time).
# shellcheck disable=SC2153 # FLAP_PID comes from lib.sh; FAILED_N, REINST_DURING_N are set by name
. "$(dirname "$0")/../lib.sh"

DAEMON=${MPT_DEMO_DAEMON:-ours}
FLAP=${MPT_DEMO_SECONDS:-25}
# The duty cycle of the issues (30% offline), on a period of 1.1 s rather than 1 s: the
# daemon checks on a 1 s tick, and a 1 s period locks the two in phase - in about a third of
# the runs every TEST UNIT READY lands in the offline 300 ms, the path is never reinstated
# and neither act shows anything (seen here in 3 acts of 12).
OFF_MS=330 PERIOD_MS=1100
POLL=1
SAMPLE=10 THRESHOLD=100 RECOVERY=20
case $DAEMON in
ours) MPATHD=${MPATHD:-$MPT_TOP/build/bin/multipathd} ;;
ref) SAMPLE=120 ;; # Debian's minimum marginal_path_err_sample_time
none) fail "MPT_DEMO_DAEMON=none is gone: the demo runs a real multipathd (ours or ref)" ;;
*) fail "MPT_DEMO_DAEMON must be ours or ref (got '$DAEMON')" ;;
esac
case $FLAP in
'' | *[!0-9]*) fail "MPT_DEMO_SECONDS must be a number of seconds (got '$FLAP')" ;;
esac
[ "$FLAP" -ge 5 ] || fail "MPT_DEMO_SECONDS must be at least 5"
LIMIT=$((SAMPLE + RECOVERY + POLL + 2))
UNEXPECTED=""

say() { printf '    %s\n' "$@"; }
indent() { sed 's/^/      /'; }
unexpected() {
	UNEXPECTED="$UNEXPECTED
    - $*"
	printf '    UNEXPECTED: %s\n' "$*"
}

# ---- clocks --------------------------------------------------------------------------------
# Kernel uevents carry the monotonic clock (udevadm monitor's KERNEL[secs.usecs]); the
# flapper stamps its toggles with the wall clock. Everything is turned into monotonic ms
# (/proc/uptime: 10 ms steps, no process started). ACT_T0 is the start of the flapping.

mono_now() { # sets NOW_MS
	local up _
	read -r up _ </proc/uptime
	NOW_MS=$((${up%.*} * 1000 + 10#${up#*.} * 10))
}
secs_to_ms() { # "123.456789" -> sets MS
	local s=${1%.*} f=${1#*.}000
	MS=$((s * 1000 + 10#${f:0:3}))
}
wall_to_mono() { # EPOCHREALTIME text -> sets MS (monotonic)
	secs_to_ms "$1"
	MS=$((MS - WALL_OFFSET_MS))
}
clock_sync() {
	local wall=$EPOCHREALTIME
	mono_now
	secs_to_ms "$wall"
	WALL_OFFSET_MS=$((MS - NOW_MS))
}
rel() { # MONO_MS -> sets REL, "+12.34s" relative to ACT_T0 (no subshell: called per line)
	local d=$(($1 - ACT_T0)) sign=+
	if [ "$d" -lt 0 ]; then
		sign=- d=$((-d))
	fi
	printf -v REL '%s%d.%02ds' "$sign" $((d / 1000)) $(((d % 1000) / 10))
}
ms_text() { # MS -> "12.3 s"
	local ds=$((($1 + 50) / 100))
	printf '%d.%d s' $((ds / 10)) $((ds % 10))
}
times() { # N -> "N time(s)"
	if [ "$1" = 1 ]; then
		printf '1 time'
	else
		printf '%s times' "$1"
	fi
}

# nap SECONDS : sleep without starting a process (a read that times out on a pipe nobody
# writes to); under TCG on a busy host every fork and exec costs a lot.
exec {NAP_FD}<> <(:)
nap() { read -r -t "$1" -u "$NAP_FD" _ || true; }

# ---- the daemon, its log stamped as it arrives ----------------------------------------------
# multipathd -s logs without time; each line of its stderr is stamped on arrival with the
# monotonic clock (seconds, as in /proc/uptime) by a reader of its own, so the demo shows
# when the daemon said it, not when the demo got round to reading it.

stamp_lines() {
	local line up _
	trap - ERR EXIT
	renice -n -10 -p "$BASHPID" >/dev/null 2>&1 || true
	while IFS= read -r line; do
		read -r up _ </proc/uptime
		printf '%s %s\n' "$up" "$line"
	done
}

# daemon_start CONF_TEXT : like lib.sh's mpathd_start, with the stamped log.
daemon_start() {
	mkdir -p /etc/multipath
	printf '%s\n' "$1" >/etc/multipath.conf
	cp /etc/multipath.conf "$LOGDIR/multipath.conf"
	# shellcheck disable=SC2086 # MPATHD_ARGS is a list of options
	"$MPATHD" -d -s ${MPATHD_ARGS--v3} </dev/null >/dev/null \
		2> >(stamp_lines >>"$LOGDIR/multipathd.log") &
	MPATHD_PID=$!
	wait_for "kill -0 $MPATHD_PID && \"$MPATHD\" show daemon" 30 0.2 ||
		fail "multipathd ($MPATHD) did not start or does not answer (see multipathd.log)"
}

# ---- what the daemon and the kernel say, read as it comes --------------------------------
# The uevent log and the daemon log are regular files that keep growing; an fd opened on
# each is read up to its end at every tick (a builtin read, no process per line). A line
# without its newline yet is kept until the rest arrives.

# The two sources do not arrive in step (udevadm and the daemon run on their own), so their
# lines wait 0.8 s in a small buffer and leave it in time order.
EMIT_MS=() EMIT_TXT=()
emit() { # MONO_MS TEXT
	EMIT_MS+=("$1")
	EMIT_TXT+=("$2")
}
flush_emits() { # [all]
	local cut i best
	mono_now
	cut=$((NOW_MS - 800))
	[ "${1:-}" != all ] || cut=$((NOW_MS + 3600000))
	while :; do
		best=-1
		for i in "${!EMIT_MS[@]}"; do
			if [ "${EMIT_MS[i]}" -le "$cut" ] &&
				{ [ "$best" -lt 0 ] || [ "${EMIT_MS[i]}" -lt "${EMIT_MS[best]}" ]; }; then
				best=$i
			fi
		done
		[ "$best" -ge 0 ] || break
		printf '%s\n' "${EMIT_TXT[best]}"
		unset "EMIT_MS[best]" "EMIT_TXT[best]"
	done
}

# stream_poll FD PARTVAR HANDLER : HANDLER LINE for each new complete line of FD.
stream_poll() {
	local fd=$1 pv=$2 h=$3 line
	while :; do
		if IFS= read -r -u "$fd" line; then
			line=${!pv}$line
			printf -v "$pv" '%s' ""
			"$h" "$line"
		else
			[ -z "$line" ] || printf -v "$pv" '%s' "${!pv}$line"
			return 0
		fi
	done
}

# One uevent: a "KERNEL[t] ..." header, KEY=VALUE lines, an empty line.
on_uevent() {
	case $1 in
	KERNEL\[*)
		UEV_T=${1#KERNEL[}
		UEV_T=${UEV_T%%]*}
		UEV_ACTION="" UEV_PATH=""
		;;
	DM_ACTION=*) UEV_ACTION=${1#DM_ACTION=} ;;
	DM_PATH=*) UEV_PATH=${1#DM_PATH=} ;;
	"")
		[ "$UEV_PATH" = "$D2" ] || return 0
		case $UEV_ACTION in
		PATH_FAILED | PATH_REINSTATED) ;;
		*) return 0 ;;
		esac
		secs_to_ms "$UEV_T"
		on_transition "$UEV_ACTION" "$MS"
		UEV_PATH=""
		;;
	esac
}

# A dm transition of path 2 at monotonic time $2. dm-multipath queues its path uevents and
# sends a batch newest first: a reinstatement followed at once by a failure arrives as
# FAILED, then reinstated.
on_transition() {
	local why line
	if [ "$1" = PATH_FAILED ]; then
		N_FAILED=$((N_FAILED + 1))
		why="the kernel: an IO on it failed, retried on $P1"
		[ "$N_FAILED" -gt 1 ] && why="IO error"
		if [ "$LAST_TRANSITION" = PATH_FAILED ]; then
			why="IO error; dm sends a batch of events newest first: the reinstatement next came before"
		fi
		rel "$2"
		printf -v line '    %9s  %s %-11s failures %2d  reinstatements %2d   (%s)' "$REL" \
			"$P2" FAILED "$N_FAILED" "$N_REINST" "$why"
	else
		N_REINST=$((N_REINST + 1))
		REINST_TIMES="$REINST_TIMES $2"
		why="multipathd: its tur checker got an answer, so reinstate_path"
		[ "$N_REINST" -gt 1 ] && why="checker: up"
		if [ "$LAST_TRANSITION" = PATH_REINSTATED ]; then
			why="checker: up; dm sent it after the failure that followed it"
		fi
		rel "$2"
		printf -v line '    %9s  %s %-11s failures %2d  reinstatements %2d   (%s)' "$REL" \
			"$P2" reinstated "$N_FAILED" "$N_REINST" "$why"
	fi
	emit "$2" "$line"
	LAST_TRANSITION=$1
}

# A daemon log line: in act 2 the io_err_stat transitions are shown (not the per-failure
# "ignored" notes of verbosity 3); Debian's daemon calls its feature marginal path / io_err_stat.
# daemon_line_wanted LINE : true for the io_err_stat transitions (stamped lines only).
daemon_line_wanted() {
	case ${1%% *} in
	[0-9]*.[0-9]*) ;;
	*) return 1 ;;
	esac
	case $1 in
	*"failure ignored"* | *"sampling thread"* | *" command: "*) return 1 ;;
	*io_err_stat* | *marginal*) return 0 ;;
	esac
	return 1
}
on_daemon_line() {
	[ "$ACT" = 2 ] || return 0
	daemon_line_wanted "$1" || return 0
	secs_to_ms "${1%% *}"
	# ours says "flaky: ... isolated", Debian's "path is now marginal"
	case $1 in
	*"flaky:"* | *"now marginal"*) [ -n "$ISOLATED_MS" ] || ISOLATED_MS=$MS ;;
	esac
	rel "$MS"
	emit "$MS" "    $(printf '%9s' "$REL")  daemon: ${1#* }"
}

# watch_poll [all] : read what arrived since the last tick, print what is due.
watch_poll() {
	stream_poll "$UFD" UEV_PART on_uevent
	stream_poll "$DFD" DLOG_PART on_daemon_line
	flush_emits "$@"
}

# A `show paths` about every second in the background into $LOGDIR/actN-show-paths.log (the checker's
# view of every path, for whoever reads the logs after the demo).
paths_sampler_start() {
	(
		trap - ERR EXIT
		while :; do
			read -r up _ </proc/uptime
			echo "== $up"
			"$MPATHD" show paths 2>&1
			read -r -t 1 -u "$NAP_FD" _ || true
		done
	) >>"$LOGDIR/act$ACT-show-paths.log" 2>&1 </dev/null &
	SAMPLER_PID=$!
	_mpt_bg "$SAMPLER_PID"
}

# ---- the daemon's view of path 2 ----------------------------------------------------------

# p2_row TEXT : sets ROW to the row of TEXT (a table from multipathd) naming path 2.
p2_row() {
	local line
	ROW=""
	while IFS= read -r line; do
		case " $line " in
		*" $P2 "* | *" $D2 "*)
			ROW=$line
			return 0
			;;
		esac
	done <<<"$1"
}

# show_tables : `show paths` and, for our daemon, `show io_err_stat`, in full.
show_tables() {
	watch_poll all
	say "multipathd show paths:"
	"$MPATHD" show paths 2>&1 | indent
	if [ "$DAEMON" = ours ]; then
		say "multipathd show io_err_stat:"
		"$MPATHD" show io_err_stat 2>&1 | indent
	fi
}

# status_line : one line, path 2 as the daemon sees it (how long the daemon took to answer
# goes to $LOGDIR/act2-status.log).
status_line() {
	local paths ies="" hdr row t0=$NOW_MS
	paths=$("$MPATHD" show paths 2>&1) || true
	hdr=${paths%%$'\n'*}
	p2_row "$paths"
	row=$ROW
	if [ "$DAEMON" = ours ]; then
		ies=$("$MPATHD" show io_err_stat 2>&1) || true
		p2_row "$ies"
		# devt dev failures windows rate state...
		read -r _ _ _ _ _ ies <<<"$ROW"
		ies="   io_err_stat: ${ies:--}"
	fi
	mono_now
	rel "$t0"
	printf '%s asked, answers after %d ms\n' "$REL" $((NOW_MS - t0)) >>"$LOGDIR/act2-status.log"
	if [ -z "$STATUS_HDR_SHOWN" ]; then
		emit "$NOW_MS" "$(printf '    %9s  show paths: %s' "" "$hdr")"
		STATUS_HDR_SHOWN=1
	fi
	rel "$NOW_MS"
	emit "$NOW_MS" "$(printf '    %9s  show paths: %s%s' "$REL" "$row" "$ies")"
}

# ---- one act -------------------------------------------------------------------------------

# fio_figures N : from fio's JSON, sets FIO_P99_N, FIO_P999_N, FIO_MAX_N (ms text) and FIO_IOS_N.
fio_figures() {
	local n=$1 p99 p999 max
	read -r p99 p999 max < <(jq -r '.jobs[0].read.clat_ns |
		"\(.percentile["99.000000"] // 0) \(.percentile["99.900000"] // 0) \(.max // 0)"' \
		"$FIO_JSON" 2>/dev/null || echo "0 0 0")
	printf -v "FIO_P99_$n" '%s' "$(ns_text "$p99")"
	printf -v "FIO_P999_$n" '%s' "$(ns_text "$p999")"
	printf -v "FIO_MAX_$n" '%s' "$(ns_text "$max")"
	printf -v "FIO_IOS_$n" '%s' "${FIO_IOS:-?}"
	printf -v "FIO_ERR_$n" '%s' "${FIO_ERR:-?}"
}
ns_text() { # nanoseconds -> "1.23 ms"
	local us=$((${1%.*} / 1000))
	printf '%d.%02d ms' $((us / 1000)) $(((us % 1000) / 10))
}

# wait_p2_active TIMEOUT_S : until dm has path 2 active again (reading the streams meanwhile).
# Sets BACK_DELAY_MS, the time from the end of the flapping to its reinstatement (the
# reinstatement uevent's time; 0 when the path was not failed at the end), and returns 1 with
# BACK_DELAY_MS empty on timeout.
wait_p2_active() {
	local end st first=1 t
	mono_now
	end=$((NOW_MS + $1 * 1000))
	NEXT_STATUS=$NOW_MS
	BACK_DELAY_MS=""
	while :; do
		watch_poll
		st=$(dm_path_state "$MAP" "$D2" || echo '?')
		if [ "$st" = A ]; then
			mono_now
			BACK_DELAY_MS=$((NOW_MS - FLAP_END))
			[ "$first" = 0 ] || BACK_DELAY_MS=0
			nap 0.2
			watch_poll
			for t in $REINST_TIMES; do
				if [ "$t" -ge "$FLAP_END" ]; then
					BACK_DELAY_MS=$((t - FLAP_END))
					break
				fi
			done
			return 0
		fi
		first=0
		mono_now
		[ "$NOW_MS" -lt "$end" ] || return 1
		if [ "$ACT" = 2 ] && [ "$NOW_MS" -ge "$NEXT_STATUS" ]; then
			status_line
			NEXT_STATUS=$((NOW_MS + 5000))
		fi
		nap 0.5
	done
}

# run_act N : fio for FLAP + 2 s, path 2 flapping for FLAP s from the second second, the
# transitions live; then wait for path 2 to be back. Sets the act's figures.
run_act() {
	ACT=$1
	N_FAILED=0 N_REINST=0 REINST_TIMES="" ISOLATED_MS="" STATUS_HDR_SHOWN="" TABLES_SHOWN=0
	LAST_TRANSITION=""
	# shellcheck disable=SC2034 # read through stream_poll's name argument
	UEV_PART="" DLOG_PART=""
	# shellcheck disable=SC2016 # expanded by wait_for
	wait_for '[ "$(dm_path_state "$MAP" "$D1")$(dm_path_state "$MAP" "$D2")" = AA ]' 20 0.5 ||
		fail "act $ACT: the paths are not both active before the act: $(dmsetup status "$MAP")"
	uevent_monitor_start >/dev/null
	# its KERNEL[t] stamps are the time it read the event: keep it ahead of the load
	renice -n -10 -p "$UEVENT_PID" >/dev/null 2>&1 || true
	exec {UFD}<"$UEVENT_LOG"
	exec {DFD}<"$LOGDIR/multipathd.log"
	while IFS= read -r -u "$DFD" _; do :; done # from the daemon log's current end

	# fio takes a while to start under TCG: flap only once it reads.
	local reads0
	reads0=$(dev_reads "$DM")
	fio_start "/dev/mapper/$MAP" $((FLAP + 3)) >/dev/null
	wait_for "[ \$(dev_reads $DM) -gt $((reads0 + 100)) ]" 30 0.2 ||
		fail "act $ACT: fio does not read from /dev/mapper/$MAP"
	clock_sync
	mono_now
	ACT_T0=$NOW_MS
	path_flap "$P2" "$OFF_MS" "$PERIOD_MS" "$FLAP" >/dev/null
	paths_sampler_start
	rel "$ACT_T0"
	emit "$ACT_T0" "    $REL  fio reads through /dev/mapper/$MAP; $P2 starts flapping for ${FLAP}s"
	local flap_until=$((ACT_T0 + FLAP * 1000)) next_status=$((ACT_T0 + 4000))
	while mono_now && [ "$NOW_MS" -lt "$flap_until" ]; do
		watch_poll
		if [ "$ACT" = 2 ] && [ -n "$ISOLATED_MS" ] && [ "$TABLES_SHOWN" = 0 ] &&
			[ "$NOW_MS" -ge $((ISOLATED_MS + 1500)) ]; then
			TABLES_SHOWN=1
			show_tables
			mono_now
			next_status=$((NOW_MS + 4000))
		elif [ "$ACT" = 2 ] && [ "$NOW_MS" -ge "$next_status" ]; then
			status_line
			next_status=$((NOW_MS + 5000))
		fi
		nap 0.25
	done
	wait "$FLAP_PID" 2>/dev/null || true
	# The end of the flapping: the flapper's last "running" toggle.
	local last
	last=$(awk '$2 == "running" { t = $1 } END { print t }' "$LOGDIR/path_flap-$P2.log")
	wall_to_mono "$last"
	FLAP_END=$MS
	rel "$FLAP_END"
	emit "$FLAP_END" "    $REL  the flapping is over: $P2 stays online from now on"
	watch_poll
	if [ "$ACT" = 2 ] && [ "$TABLES_SHOWN" = 0 ]; then
		show_tables
	fi
	fio_wait >/dev/null || true
	fio_figures "$ACT"
	# The reinstatements that put the path back onto a link that was still flapping.
	local t
	REINST_DURING=0
	for t in $REINST_TIMES; do
		if [ "$t" -lt "$FLAP_END" ]; then
			REINST_DURING=$((REINST_DURING + 1))
		fi
	done
	printf -v "REINST_DURING_$ACT" '%s' "$REINST_DURING"
	printf -v "FAILED_$ACT" '%s' "$N_FAILED"
}

# end_act : close the streams of the act, keep its logs.
end_act() {
	watch_poll all
	kill "$SAMPLER_PID" 2>/dev/null || true
	exec {UFD}<&- {DFD}<&-
	uevent_monitor_stop
	cp "$UEVENT_LOG" "$LOGDIR/act$ACT-uevents.log"
	mv "$LOGDIR/path_flap-$P2.log" "$LOGDIR/act$ACT-path_flap-$P2.log"
	cp "$FIO_JSON" "$LOGDIR/act$ACT-fio.json"
}

# report_fio N
report_fio() {
	local n=$1 err=FIO_ERR_$1 ios=FIO_IOS_$1 p99=FIO_P99_$1 p999=FIO_P999_$1 max=FIO_MAX_$1
	say "fio: ${!ios} reads, ${!err} errors; completion latency p99 ${!p99}, p99.9 ${!p999}, max ${!max}"
	[ "${!err}" = 0 ] || unexpected "act $n: fio saw errors (${!err}): $P1 should have taken every IO"
}

# ---- the map -------------------------------------------------------------------------------

conf_text() { # IOERR_LINES
	printf '%s\n' "defaults {
	polling_interval $POLL
	find_multipaths greedy
$1}
overrides {
	path_checker tur
	no_path_retry queue
}
multipaths {
	multipath {
		wwid \"$WWID\"
		alias $MAP
		path_grouping_policy multibus
	}
}"
	# our built-in table has no scsi_debug entry: the one it had, for our daemon only
	[ "$DAEMON" = ours ] && printf '%s\n' "$SD_DEVICE_CONF"
	return 0
}

step "One LUN, two paths (scsi_debug), and multipathd ($DAEMON)"
vm_load_modules
vm_start_udev
say "scsi_debug is a SCSI HBA simulated in the kernel. With add_host=2 and vpd_use_hostno=0"
say "one LUN shows up behind two SCSI hosts: two disks with one WWID, two paths."
sd_create 1 2 >/dev/null
indent <"$LOGDIR/sd_devices"
read -r P1 P2 <<<"$(sd_paths 0)"
D1=$(dev_devt "$P1")
D2=$(dev_devt "$P2")
WWID=$(dev_serial "$P1")
[ -n "$WWID" ] || fail "udev gave $P1 no ID_SERIAL"
MAP=demo
DM=""
if [ "$DAEMON" = ref ]; then
	ref_install >/dev/null
	MPATHD=/sbin/multipathd
	say "MPT_DEMO_DAEMON=ref: Debian's multipath-tools 0.9.4 runs instead of ours."
fi
daemon_start "$(conf_text "")"
say "multipathd ($MPATHD) is running with this /etc/multipath.conf"
say "(polling_interval $POLL: each path is checked every second, with a SCSI TEST UNIT READY):"
indent </etc/multipath.conf
# shellcheck disable=SC2016 # expanded by wait_for
wait_for '[ "$(dm_path_state "$MAP" "$D1")$(dm_path_state "$MAP" "$D2")" = AA ]' 30 0.5 ||
	fail "multipathd did not build the map $MAP with both paths active"
udevadm settle --timeout=30 || true
DM=$(readlink -f "/dev/mapper/$MAP")
DM=${DM##*/}
say "It found both paths, grouped them by WWID and loaded the map. multipathd show topology:"
"$MPATHD" show topology 2>&1 | indent
say "One path group (multibus): IO is spread over $P1 ($D1) and $P2 ($D2)."

# ---- act 1 ---------------------------------------------------------------------------------

step "Act 1: io_err_stat off. $P2 flaps (offline $OFF_MS ms of every $PERIOD_MS ms) for ${FLAP}s under fio"
say "Each time $P2 is offline, an IO on it fails: dm-multipath fails the path, retries the IO"
say "on $P1 and reports PATH_FAILED. A second later multipathd's tur checker finds $P2"
say "answering again and reinstates it - onto a link that fails again within a second."
say "(A period of 1.1 s, not 1 s: with the checker's 1 s tick a 1 s period can keep every"
say "check inside the offline part, and then the path is never reinstated at all.)"
say "Each dm transition of $P2 (from the kernel's uevents), times from the start of the flapping:"
run_act 1
if wait_p2_active 10; then
	watch_poll all
	if [ "$BACK_DELAY_MS" = 0 ]; then
		BACK_1="at once"
		say "$P2 was active when the flapping ended."
	else
		BACK_1="$(ms_text "$BACK_DELAY_MS")"
		say "$P2 is active: $BACK_1 after the flapping ended (the checker's next look)."
	fi
else
	BACK_1="no"
	unexpected "act 1: $P2 not active 10 s after the flapping stopped"
fi
end_act
echo
say "Act 1: the kernel failed $P2 $(times "$FAILED_1"); multipathd reinstated it $(times "$REINST_DURING_1")"
say "while it was still flapping. Every reinstatement sent IO back onto a failing link."
report_fio 1

# ---- act 2 ---------------------------------------------------------------------------------

if [ "$DAEMON" = ref ]; then
	IOERR="	marginal_path_err_sample_time $SAMPLE
	marginal_path_err_rate_threshold $THRESHOLD
	marginal_path_err_recheck_gap_time $RECOVERY
	marginal_path_double_failed_time 60
"
else
	IOERR="	path_io_err_sample_time $SAMPLE
	path_io_err_rate_threshold $THRESHOLD
	path_io_err_recovery_time $RECOVERY
	path_io_err_double_failed_time 60
"
fi
step "Act 2: the same flapping with io_err_stat on"
conf_text "$IOERR" >/etc/multipath.conf
cp /etc/multipath.conf "$LOGDIR/multipath.conf.act2"
say "Four lines added to the defaults of /etc/multipath.conf:"
printf '%s' "$IOERR" | indent
if [ "$DAEMON" = ref ]; then
	say "(Debian's daemon names them marginal_path_*; its sample time cannot be below 120 s,"
	say "so this act takes about three minutes with it.)"
fi
say "- two failures within 60 s make the path flaky: it is failed and held (checker state"
say "  'delayed': the checker may not reinstate it) and sampled with direct reads;"
say "- after ${SAMPLE} s of sampling: error rate <= $THRESHOLD/1000 lets it back, above that it"
say "  stays held ${RECOVERY} s and is sampled again."
say "multipathd reconfigure: $("$MPATHD" reconfigure 2>&1)"
# shellcheck disable=SC2016 # expanded by wait_for
wait_for '! "$MPATHD" show daemon | grep -q configure' 20 0.5 ||
	fail "multipathd did not finish the reconfigure"
say "The running daemon read the file again (no restart). The"
say "io_err_stat settings are read at each path failure; a path already being sampled would"
say "keep its old values until its window ends: new values apply from the next window."
say "Transitions of $P2 and the daemon's io_err_stat log lines, live:"
run_act 2
emit "$FLAP_END" "    Waiting for $P2 to come back: at most sample + recovery + polling + 2 s = ${LIMIT} s."
if [ "$DAEMON" = ref ]; then
	wait_limit=$((2 * SAMPLE + RECOVERY + 20))
else
	wait_limit=$((LIMIT + 10))
fi
back_text="not back within ${wait_limit} s"
if wait_p2_active "$wait_limit"; then
	back_text="$(ms_text "$BACK_DELAY_MS") after the flapping ended (limit $LIMIT s)"
	if [ -z "$ISOLATED_MS" ] || [ "$ISOLATED_MS" -ge "$FLAP_END" ]; then
		back_text="$back_text; it was not held while it flapped"
	fi
	rel $((FLAP_END + BACK_DELAY_MS))
	emit $((FLAP_END + BACK_DELAY_MS)) "    $REL  $P2 is active again: $back_text"
	if [ -z "$ISOLATED_MS" ] || [ "$ISOLATED_MS" -ge "$FLAP_END" ]; then
		BACK_DELAY_MS="" # a return from no hold is no return
	fi
fi
show_tables
end_act
echo
say "The daemon's io_err_stat log of this act (times from the start of the flapping):"
while IFS= read -r line; do
	if daemon_line_wanted "$line"; then
		secs_to_ms "${line%% *}"
		if [ "$MS" -ge "$ACT_T0" ]; then
			rel "$MS"
			printf '    %9s  %s\n' "$REL" "${line#* }"
		fi
	fi
done <"$LOGDIR/multipathd.log"
say "Act 2: the kernel failed $P2 $(times "$FAILED_2"); multipathd reinstated it $(times "$REINST_DURING_2")"
say "while it was still flapping; it was back $back_text."
report_fio 2
if [ "$DAEMON" = ours ]; then
	[ "$REINST_DURING_2" -le 1 ] ||
		unexpected "act 2: $P2 reinstated $REINST_DURING_2 times while flapping (isolated at its second failure: at most 1)"
	[ -n "$ISOLATED_MS" ] || unexpected "act 2: the daemon never logged $P2 as flaky"
	if [ -z "$BACK_DELAY_MS" ]; then
		unexpected "act 2: $P2 $back_text"
	elif [ "$BACK_DELAY_MS" -gt $((LIMIT * 1000)) ]; then
		unexpected "act 2: $P2 back $(ms_text "$BACK_DELAY_MS") after the flapping, limit $LIMIT s"
	fi
fi

# ---- the summary ---------------------------------------------------------------------------

step "Summary: $P2 flapping for ${FLAP}s under fio, io_err_stat off and on ($DAEMON daemon)"
row() { printf '    %-44s %-18s %s\n' "$@"; }
row "" "act 1: off" "act 2: on"
row "failures of $P2 (PATH_FAILED uevents)" "$FAILED_1" "$FAILED_2"
row "reinstatements while it still flapped" "$REINST_DURING_1" "$REINST_DURING_2"
row "fio errors" "$FIO_ERR_1" "$FIO_ERR_2"
row "fio reads" "$FIO_IOS_1" "$FIO_IOS_2"
row "fio latency p99" "$FIO_P99_1" "$FIO_P99_2"
row "fio latency p99.9" "$FIO_P999_1" "$FIO_P999_2"
row "fio latency max" "$FIO_MAX_1" "$FIO_MAX_2"
BACK_2="not held"
[ -z "$BACK_DELAY_MS" ] || BACK_2=$(ms_text "$BACK_DELAY_MS")
row "back in service after the flapping ended" "$BACK_1" "$BACK_2 (limit $LIMIT s)"
echo
say "The counts are the point: without io_err_stat every reinstatement puts IO back on a link"
say "that fails again. The latencies tell less here: an offline scsi_debug disk fails an IO"
say "at once (a real flaky link often makes it wait for a timeout), the VM is emulated (TCG)"
say "on a shared host, and in act 2 io_err_stat's own reads (32 every 100 ms while it"
say "samples) compete with fio for the same slow virtual CPUs."
mpathd_stop >/dev/null || true
if [ -n "$UNEXPECTED" ]; then
	printf '\n    Not as expected:%s\n' "$UNEXPECTED"
	fail "the demo did not show what it should (see above)"
fi
say "Logs: $LOGDIR"
