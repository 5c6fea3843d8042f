#!/bin/bash
# 54-multipathd-iscsi-hang: a path whose transport hangs is failed by its checker's timeout,
# without delaying the checks of the other paths, and is back once its transport is.
# timeout: 300
#
# Maps made by our daemon (tur checker, checker_timeout 5 s, every path checked every
# second): "iscsi", one LUN over two iSCSI paths (loopback, portals 127.0.0.1 and .2,
# replacement_timeout 10 s), and "sdbg", a scsi_debug LUN over two paths. Path 2 of "iscsi"
# hangs (its target portal group is disabled: its TURs get no answer for 10 s, then fail).
#   - the hung path is failed in dm (checker: i/o timeout or faulty) within
#     checker_timeout + 3 s of the hang;
#   - the three other paths are checked every second all along (hang, replacement timeout,
#     resume, reinstatement): the longest time any of them goes without a SCSI command
#     (device/iorequest_cnt sampled every 50 ms; nothing but the checker sends them any),
#     less the time the whole guest was stalled meanwhile (a loaded host stops the VM; the
#     sampler measures it), is at most 2.5 s: the 1 s tick on a whole-second schedule
#     leaves gaps of up to about 2 s between two checks of a healthy path (the baseline
#     before the hang shows them: 1948-2031 ms in one run), while a check held up by the
#     hung path would leave a gap of about checker_timeout (5 s). `multipathd show paths` keeps
#     answering (sampled every 0.5 s; its latency is logged, not judged);
#   - when the portal group is enabled again, the path is reinstated within 4 s of its
#     session being back (iscsid: "operational after recovery").
# The failure and reinstatement delays are judged less the time the guest was stalled
# meanwhile too.
# Times of the daemon's and iscsid's actions are the arrival times of their log lines
# (log_stamp_start), so the scenario polls little and loads the guest little. The daemon
# runs with -v4, which logs every check's verdict: the longest time between two verdicts of
# each other path is shown next to the kernel-side measure.
. "$(dirname "$0")/../lib.sh"

MPATHD=${MPATHD:-$MPT_TOP/build/bin/multipathd}
CHK_TO=5 RTO=10 BASE_S=8
MAX_GAP_MS=2500 FAIL_LIMIT=$((CHK_TO + 3)) REIN_LIMIT_MS=4000

# ms T0 T1 : milliseconds from T0 to T1 (EPOCHREALTIME values)
ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%d\n", (b - a) * 1000 + 0.5 }'; }

vm_load_modules
vm_start_udev

step "A scsi_debug LUN and an iSCSI LUN, two paths each"
sd_create 1 2
read -r S1 S2 <<<"$(sd_paths 0)"
SW=$(dev_serial "$S1")
ISCSI_REPLACEMENT_TIMEOUT=$RTO iscsi_setup 2
I1=$ISCSI_PATH_1 I2=$ISCSI_PATH_2
I2DEVT=$(dev_devt "$I2")

# -v4: the daemon logs every check's verdict (a second, daemon-side view of the cadence)
MPATHD_ARGS=${MPATHD_ARGS:--v4}
mpathd_start "defaults {
	polling_interval 1
	# the session's recovery timeout stays the replacement timeout set above (the daemon
	# writes fast_io_fail_tmo there, 5 s when unset, as multipath-tools does)
	fast_io_fail_tmo $RTO
	max_polling_interval 1
	path_checker tur
	checker_timeout $CHK_TO
	find_multipaths greedy
	user_friendly_names no
}
multipaths {
	multipath {
		wwid \"$ISCSI_WWID\"
		alias iscsi
		path_grouping_policy multibus
	}
	multipath {
		wwid \"$SW\"
		alias sdbg
		path_grouping_policy multibus
	}
}
$SD_DEVICE_CONF"
DLOG=$LOGDIR/multipathd.log
log_stamp_start "$DLOG"
log_stamp_start "$LOGDIR/iscsid.log"
for p in $S1 $S2 $I1 $I2; do
	wait_for "\"$MPATHD\" show paths | grep -q \" $p .*active *ready\"" 30 0.5 ||
		fail "path $p not active/ready: $("$MPATHD" show paths)"
done
"$MPATHD" show topology | tee "$LOGDIR/topology-1"
udevadm settle --timeout=30 || true

# What the daemon shows during the hang, and how fast (its next_check column counts whole
# seconds, too coarse to time a check: cmd_trace does that).
sample_cmd_start show_paths 0.5 "$MPATHD" show paths
SAMPLER=$SAMPLE_PID

step "Baseline: the checks of every path, ${BASE_S}s"
cmd_trace_start "$S1" "$S2" "$I1" "$I2"
T_BASE=$EPOCHREALTIME
sleep "$BASE_S"

step "iSCSI path 2 ($I2) hangs"
T_HANG=$EPOCHREALTIME
iscsi_path_hang 2
wait_for "stamp_of '$DLOG.stamped' '^iscsi: path $I2DEVT failed in the kernel' $T_HANG" \
	$((FAIL_LIMIT + 10)) 0.5 ||
	fail "$I2 not failed in dm $((FAIL_LIMIT + 10)) s after the hang: $("$MPATHD" show paths)"
FAIL_MS=$(ms "$T_HANG" "$(stamp_of "$DLOG.stamped" "^iscsi: path $I2DEVT failed in the kernel" "$T_HANG")")
assert_eq "$(dm_path_state iscsi "$I2DEVT")" F "$I2 in dm"
FAIL_LATE=$(cmd_trace_late "$T_HANG" "$(stamp_of "$DLOG.stamped" "^iscsi: path $I2DEVT failed in the kernel" "$T_HANG")")
ROW=$("$MPATHD" show paths | grep " $I2 ")
log "$I2 failed in dm $FAIL_MS ms after the hang (guest stalled $FAIL_LATE ms meanwhile): $ROW"
[ $((FAIL_MS - FAIL_LATE)) -le $((FAIL_LIMIT * 1000)) ] ||
	fail "$I2 failed in dm after $FAIL_MS ms (less $FAIL_LATE ms of guest stall), limit checker_timeout + 3 s = ${FAIL_LIMIT}s"
case $ROW in
*"i/o timeout"* | *faulty*) log "ok: $I2 checker state is i/o timeout or faulty" ;;
*) fail "$I2 failed in dm but its checker state is not i/o timeout/faulty: $ROW" ;;
esac
assert_eq "$(dm_path_state iscsi "$(dev_devt "$I1")")" A "$I1 (the other iSCSI path) in dm"

step "The hang lasts past the replacement timeout (${RTO}s)"
wait_for "[ \"\$(path_state $I2)\" = transport-offline ]" $((RTO + 10)) 0.5 ||
	fail "$I2 still $(path_state "$I2") $((RTO + 10)) s after the hang"
log "$I2 transport-offline (seen $(ms "$T_HANG" "$EPOCHREALTIME") ms after the hang)"
sleep 3
log "$I2: session $(iscsi_session_state 2), disk $(path_state "$I2"), daemon: $("$MPATHD" show paths | grep " $I2 ")"
assert_eq "$(dm_path_state iscsi "$I2DEVT")" F "$I2 in dm during the hang"

step "iSCSI path 2 resumes"
T_RES=$EPOCHREALTIME
iscsi_path_resume 2
wait_for "[ \"\$(path_state $I2)\" = running ]" 40 0.5 ||
	fail "$I2 not back 40 s after its portal group was enabled: disk $(path_state "$I2")"
wait_for "stamp_of '$LOGDIR/iscsid.log.stamped' 'operational after recovery' $T_RES" 5 0.5 ||
	fail "iscsid did not log the recovery of path 2"
T_BACK=$(stamp_of "$LOGDIR/iscsid.log.stamped" 'operational after recovery' "$T_RES")
log "$I2 back (iscsid: session operational) $(ms "$T_RES" "$T_BACK") ms after the resume"
wait_for "stamp_of '$DLOG.stamped' '^iscsi: path $I2DEVT reinstated' $T_RES" \
	$((REIN_LIMIT_MS / 1000 + 10)) 0.5 ||
	fail "$I2 not reinstated $((REIN_LIMIT_MS / 1000 + 10)) s after it was back: $("$MPATHD" show paths)"
T_END=$(stamp_of "$DLOG.stamped" "^iscsi: path $I2DEVT reinstated" "$T_RES")
assert_eq "$(dm_path_state iscsi "$I2DEVT")" A "$I2 in dm"
REIN_MS=$(ms "$T_BACK" "$T_END")
REIN_LATE=$(cmd_trace_late "$T_BACK" "$T_END")
log "$I2 reinstated $REIN_MS ms after it was back (guest stalled $REIN_LATE ms meanwhile;" \
	"$(ms "$T_RES" "$T_END") ms after the resume)"
[ $((REIN_MS - REIN_LATE)) -le "$REIN_LIMIT_MS" ] ||
	fail "$I2 reinstated $REIN_MS ms (less $REIN_LATE ms of guest stall) after it was back, limit $REIN_LIMIT_MS ms"
sleep 2
cmd_trace_stop
kill "$SAMPLER" 2>/dev/null || true

step "Checks of the other paths: longest time without one"
BAD=""
for p in $S1 $S2 $I1; do
	read -r BGAP BN BLATE <<<"$(cmd_trace_max_gap "$p" "$T_BASE" "$T_HANG")"
	read -r HGAP HN HLATE <<<"$(cmd_trace_max_gap "$p" "$T_HANG" "$T_END")"
	log "$p: baseline: longest gap $BGAP ms (guest stalled $BLATE ms of it), $BN commands in" \
		"${BASE_S}s; hang to reinstatement: longest gap $HGAP ms (guest stalled $HLATE ms" \
		"of it), $HN commands"
	[ $((HGAP - HLATE)) -le "$MAX_GAP_MS" ] || BAD="$BAD $p:${HGAP}ms-${HLATE}ms"
	[ "$HN" -gt 0 ] || BAD="$BAD $p:no-commands"
done
[ -z "$BAD" ] || fail "checks of other paths delayed during the hang (longest gap less guest stall, limit $MAX_GAP_MS ms):$BAD"
# the daemon's own view: the longest time between two logged verdicts of a path (stamped on
# arrival, so within ~0.1 s plus the guest's stalls; shown, not judged)
for p in $S1 $S2 $I1; do
	log "$p: longest time between two checker verdicts in the daemon's log (-v4), from the" \
		"hang to the reinstatement: $(awk -v dev="$p" -v a="$T_HANG" -v b="$T_END" '
			$3 != dev ":" || $5 != "checker" || $6 != "says" { next }
			$1 <= a { prev = $1; next }
			{ if (prev != "" && $1 - prev > m) m = $1 - prev; prev = $1; if ($1 > b) exit }
			END { printf "%d ms", m * 1000 + 0.5 }' "$DLOG.stamped")"
done
read -r GAP2 N2 _ <<<"$(cmd_trace_max_gap "$I2" "$T_HANG" "$T_END")"
log "$I2 (hung): $N2 commands from the hang to the reinstatement, longest gap $GAP2 ms"
log "guest stalled $(cmd_trace_late "$T_BASE" "$T_HANG") ms in the ${BASE_S}s baseline," \
	"$(cmd_trace_late "$T_HANG" "$T_END") ms from the hang to the reinstatement"

# cli_stats FROM TO : "ANSWERS SLOWEST_MS" of the show paths sampler in [FROM, TO]
cli_stats() {
	awk -v from="$1" -v to="$2" '$1 >= from && $1 <= to && !($1 in s) {
			s[$1] = 1; n++; if ($2 - $1 > m) m = $2 - $1 }
		END { printf "%d %d\n", n, m * 1000 }' "$LOGDIR/show_paths.log"
}
read -r CLI_BN CLI_BMAX <<<"$(cli_stats "$T_BASE" "$T_HANG")"
read -r CLI_N CLI_MAX <<<"$(cli_stats "$T_HANG" "$T_END")"
log "show paths: $CLI_N answers from the hang to the reinstatement, the slowest in $CLI_MAX ms" \
	"(baseline: $CLI_BN, the slowest in $CLI_BMAX ms; a process start alone takes seconds" \
	"when the host is loaded, so this is not judged)"
[ "$CLI_N" -gt 0 ] || fail "no show paths answer from the hang to the reinstatement"
log "what the daemon showed for $I2 during the hang (first sample of each state):"
awk -v dev="$I2" -v from="$T_HANG" '$1 >= from && $4 == dev {
		st = $0; for (i = 0; i < 7; i++) sub(/^[^ ]+ +/, "", st); sub(/ +[^ ]+ *$/, "", st)
		if (st != last) { printf "  +%.1fs %s\n", $1 - from, st; last = st } }' \
	"$LOGDIR/show_paths.log"

step "Stop"
mpathd_stop || fail "multipathd exited with $?"
iscsi_teardown || fail "iscsi_teardown left something behind"
log "PASS"
