#!/bin/bash
# 62-io-err-stat-hang: io_err_stat judges a hung path bad (its sample reads time out), and
# a hung path being sampled does not hold up the sampling of another path.
# timeout: 420
#
# io_err_stat on in both maps' multipaths entries (sample 10 s, threshold 100 permille,
# recovery 20 s, double_failed_time 60 s), tur checker with checker_timeout 5 s (so sample
# reads time out after 5 s), every path checked every second. Map "mapa": one LUN over two
# iSCSI paths (loopback, replacement_timeout 60 s: a hung path stays hung for the whole
# window); map "mapb": a scsi_debug LUN over two paths, fio on it.
#   - path 2 of mapa fails once (dmsetup fail_path, reinstated by the daemon), then hangs
#     (its target portal group is disabled): its checker times out, the daemon fails it,
#     and that second PATH_FAILED within 60 s makes it flaky: isolated and sampled while it
#     hangs; its window's verdict is bad, all its reads counted as timeouts;
#   - 10 s after the hang (3 s into the hung path's window), path 2 of mapb starts flapping
#     (offline 330 ms of every 1100 ms: a 1 s period can lock in phase with the checker's
#     1 s tick, every TUR landing in the offline part or all in the online part) under fio: it is isolated too, and sampled in a window that overlaps
#     one of the hung path's (its first window, or its second when the flapping disk was
#     offline at the first one's start: see below); its verdict (bad) is logged within
#     sample_time + 2 s of its window's start (as is the hung path's);
#   - `show io_err_stat` (sampled every second) shows each path sampling during its window
#     and held after its verdict; fio on mapb sees no error;
#   - once the hung path is back, the daemon stops (its stop time is logged: a daemon with
#     sample reads still hung in the kernel cannot exit before they end).
# Window starts and verdicts are timed from the daemon's log, each line stamped on arrival
# (log_stamp_start; the daemon logs with -s, without time stamps); the delays are judged
# less the time the whole guest was stalled meanwhile (cmd_trace_late: a loaded host stops
# the VM).
. "$(dirname "$0")/../lib.sh"

MPATHD=${MPATHD:-$MPT_TOP/build/bin/multipathd}
SAMPLE=10 RECOVERY=20 CHK_TO=5 RTO=60
LIMIT_MS=$(((SAMPLE + 2) * 1000))
IES="		path_io_err_sample_time $SAMPLE
		path_io_err_rate_threshold 100
		path_io_err_recovery_time $RECOVERY
		path_io_err_double_failed_time 60"

vm_load_modules
vm_start_udev

step "mapb: a scsi_debug LUN, two paths; mapa: an iSCSI LUN, two paths"
sd_create 1 2
read -r B1 B2 <<<"$(sd_paths 0)"
SW=$(dev_serial "$B1")
ISCSI_REPLACEMENT_TIMEOUT=$RTO iscsi_setup 2
A1=$ISCSI_PATH_1 A2=$ISCSI_PATH_2
A2DEVT=$(dev_devt "$A2") B2DEVT=$(dev_devt "$B2")

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
		alias mapa
		path_grouping_policy multibus
$IES
	}
	multipath {
		wwid \"$SW\"
		alias mapb
		path_grouping_policy multibus
$IES
	}
}
$SD_DEVICE_CONF"
DLOG=$LOGDIR/multipathd.log
STAMPED=$DLOG.stamped
log_stamp_start "$DLOG"
for p in $A1 $A2 $B1 $B2; do
	wait_for "\"$MPATHD\" show paths | grep -q \" $p .*active *ready\"" 30 0.5 ||
		fail "path $p not active/ready: $("$MPATHD" show paths)"
done
"$MPATHD" show topology | tee "$LOGDIR/topology-1"
udevadm settle --timeout=30 || true
uevent_monitor_start
# (the time the guest as a whole is stalled, to discount from the verdicts' delays)
cmd_trace_start "$A1"

# in_log ERE : a daemon log line matches
in_log() { grep -Eq "$1" "$DLOG"; }
# ms T0 T1 : milliseconds from T0 to T1 (EPOCHREALTIME values)
ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%d\n", (b - a) * 1000 + 0.5 }'; }
# plus T S : T + S seconds
plus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.6f\n", a + b }'; }

step "mapa: $A2 fails once (dmsetup fail_path): suspect, reinstated"
run dmsetup message mapa 0 fail_path "$A2DEVT"
wait_for "in_log '^$A2: io_err_stat: suspect'" 10 0.5 ||
	fail "$A2 not suspect after its first failure: $("$MPATHD" show io_err_stat)"
wait_for "[ \"\$(dm_path_state mapa $A2DEVT)\" = A ]" 10 0.5 ||
	fail "$A2 not reinstated after its first failure"
log "$A2 suspect and reinstated"

step "fio on mapb; $A2 hangs; $B2 flaps from 10 s later"
sample_cmd_start io_err_stat 1 "$MPATHD" show io_err_stat
IES_SAMPLER=$SAMPLE_PID
fio_start /dev/mapper/mapb 50
T_HANG=$EPOCHREALTIME
iscsi_path_hang 2
# A2's window starts when its checker has timed out, 6-8 s after the hang (checker_timeout
# 5 s, checks every second); B2 becomes flaky a second or two after it starts flapping.
# Its first window may end at once: it starts within 0.1 s of the failure that made the
# path flaky, so often while the disk is still offline, and a device that cannot be opened
# is judged at once (held; next window RECOVERY - SAMPLE s later). Flaky 2-7 s into A2's
# window, B2's first window that samples overlaps A2's first window (hung) or its second
# (hung too) by a few seconds. The flapping starts on the clock, not on what the log says:
# reading the log takes seconds in a loaded guest.
LEFT_MS=$(((${T_HANG/[.,]/} + 10000000 - ${EPOCHREALTIME/[.,]/}) / 1000))
if [ "$LEFT_MS" -gt 0 ]; then
	sleep "$((LEFT_MS / 1000)).$(printf '%03d' $((LEFT_MS % 1000)))"
fi
path_flap "$B2" 330 1100 30 >/dev/null
T_FLAP=$EPOCHREALTIME
log "$B2 flaps: offline 330 ms of every 1100 ms for 30 s"
wait_for "stamp_of '$STAMPED' '^$A2: io_err_stat: window 1 starts'" $((CHK_TO + 15)) 0.5 ||
	fail "no sampling window for $A2 $((CHK_TO + 15)) s after its hang: $("$MPATHD" show io_err_stat)"
A_F=$(stamp_of "$STAMPED" "^$A2: io_err_stat: flaky")
A_S=$(stamp_of "$STAMPED" "^$A2: io_err_stat: window 1 starts")
log "$A2 flaky $(ms "$T_HANG" "$A_F") ms after its hang, its window 1 started $(ms "$T_HANG" "$A_S")" \
	"ms after it; $B2 started flapping $(ms "$A_S" "$T_FLAP") ms into that window"
wait_for "stamp_of '$STAMPED' '^$B2: io_err_stat: flaky'" 15 0.5 ||
	fail "$B2 not flaky 15 s after it started flapping: $("$MPATHD" show io_err_stat)"
B_F=$(stamp_of "$STAMPED" "^$B2: io_err_stat: flaky")
log "$B2 flaky $(ms "$A_S" "$B_F") ms into $A2's window"
wait_for "stamp_of '$STAMPED' '^$B2: io_err_stat: window [0-9]+ starts' $B_F" $((RECOVERY + 10)) 0.5 ||
	fail "no sampling window for $B2 $((RECOVERY + 10)) s after it became flaky: $("$MPATHD" show io_err_stat)"
B_S=$(stamp_of "$STAMPED" "^$B2: io_err_stat: window [0-9]+ starts" "$B_F")
K=$(awk -v t="$B_S" -v dev="$B2" '$1 == t && $2 == dev ":" { print $5; exit }' "$STAMPED")
log "$B2 sampled from its window $K"
if [ "$K" != 1 ]; then
	log "before it: $(grep -m1 "^$B2: io_err_stat: window 1" "$DLOG")"
fi

step "Both verdicts, on time"
for x in "$A2 1" "$B2 $K"; do
	read -r p k <<<"$x"
	wait_for "stamp_of '$STAMPED' '^$p: io_err_stat: window $k verdict'" $((SAMPLE + 15)) 0.5 ||
		fail "no verdict for $p's window $k $((SAMPLE + 15)) s after it started: $("$MPATHD" show io_err_stat)"
done
A_V=$(stamp_of "$STAMPED" "^$A2: io_err_stat: window 1 verdict")
B_V=$(stamp_of "$STAMPED" "^$B2: io_err_stat: window $K verdict")
A_MS=$(ms "$A_S" "$A_V") B_MS=$(ms "$B_S" "$B_V")
A_LATE=$(cmd_trace_late "$A_S" "$A_V") B_LATE=$(cmd_trace_late "$B_S" "$B_V")
# the longest overlap of B2's window with one of A2's (all of them sample a hung path; one
# without a verdict yet ends SAMPLE s after its start)
OVERLAP_MS=$(awk -v dev="$A2" -v bs="$B_S" -v bv="$B_V" -v samp="$SAMPLE" '
	{ l = $0; sub(/^[^ ]+ /, "", l) }
	index(l, dev ": io_err_stat: window ") != 1 { next }
	l ~ / starts: / { s = $1; open = 1 }
	l ~ / verdict: / && open { n++; st[n] = s; en[n] = $1; open = 0 }
	END {
		if (open) { n++; st[n] = s; en[n] = s + samp }
		for (i = 1; i <= n; i++) {
			a = st[i] > bs ? st[i] : bs; b = en[i] < bv ? en[i] : bv
			if (b - a > m) m = b - a
		}
		printf "%d\n", m * 1000
	}' "$STAMPED")
A_VERDICT=$(grep -m1 "^$A2: io_err_stat: window 1 verdict" "$DLOG")
B_VERDICT=$(grep -m1 "^$B2: io_err_stat: window $K verdict" "$DLOG")
log "$A2 (hung):  window 1 verdict $A_MS ms after its start (guest stalled $A_LATE ms): $A_VERDICT"
log "$B2 (flaps): window $K verdict $B_MS ms after its start (guest stalled $B_LATE ms): $B_VERDICT"
log "$B2's window $K overlaps a window of $A2 by $OVERLAP_MS ms"
[ "$OVERLAP_MS" -gt 0 ] || fail "$B2's window did not overlap one of $A2: not sampled together"
[ $((B_MS - B_LATE)) -le "$LIMIT_MS" ] ||
	fail "$B2's verdict $B_MS ms (less $B_LATE ms of guest stall) after its window started, limit $LIMIT_MS ms"
[ $((A_MS - A_LATE)) -le "$LIMIT_MS" ] ||
	fail "$A2's verdict $A_MS ms (less $A_LATE ms of guest stall) after its window started, limit $LIMIT_MS ms"
assert_contains "$A_VERDICT" ": bad, held for ${RECOVERY}s" "$A2 verdict"
IOS=$(sed -n 's/.*errors [0-9]*\/\([0-9]*\) IOs.*/\1/p' <<<"$A_VERDICT")
TIMEOUTS=$(sed -n 's/.*IOs (\([0-9]*\) timeouts.*/\1/p' <<<"$A_VERDICT")
if [ "${TIMEOUTS:-0}" -eq 0 ] || [ "$TIMEOUTS" != "$IOS" ]; then
	fail "$A2's reads should all have timed out: $A_VERDICT"
fi
log "ok: all $IOS sample reads of $A2 hung and counted as timeouts"
assert_contains "$B_VERDICT" ": bad, held for ${RECOVERY}s" "$B2 verdict"
# Held: failed in dm from the isolation until the next window (RECOVERY - SAMPLE s after
# the verdict) at least. The daemon logs every reinstatement it makes; this guest may be
# too slow to look at dm itself in time, so the log says whether a held path came back.
HOLD_S=$((RECOVERY - SAMPLE))
A_H=$(plus "$A_V" $HOLD_S) B_H=$(plus "$B_V" $HOLD_S)
wait_for "[ \$EPOCHSECONDS -gt ${B_H%.*} ] && [ \$EPOCHSECONDS -gt ${A_H%.*} ]" $((HOLD_S + 5)) 1 || true
for x in "mapa $A2DEVT $A2 $A_F $A_H" "mapb $B2DEVT $B2 $B_F $B_H"; do
	read -r map devt dev f h <<<"$x"
	N=$(awk -v re="^$map: path $devt reinstated" -v a="$f" -v b="$h" \
		'$1 >= a && $1 <= b { l = $0; sub(/^[^ ]+ /, "", l); if (l ~ re) n++ } END { print n + 0 }' \
		"$STAMPED")
	[ "$N" = 0 ] || fail "$dev reinstated $N time(s) while held (from flaky until its next window)"
	log "ok: $dev not reinstated from the moment it was flaky until its next window"
done
assert_eq "$(dm_path_state mapa "$(dev_devt "$A1")")" A "$A1 in dm"
assert_eq "$(dm_path_state mapb "$(dev_devt "$B1")")" A "$B1 in dm"
PF=$(uevent_count DM_ACTION=PATH_FAILED DM_PATH="$A2DEVT")
log "PATH_FAILED uevents for $A2: $PF"
[ "$PF" -ge 2 ] || fail "$A2 flaky with $PF PATH_FAILED uevents"

step "What show io_err_stat said"
# ies_seen DEVT STATE FROM TO : how many samples that overlap [FROM, TO] show DEVT in STATE
# (the daemon answered at some time between a sample's start and end)
ies_seen() {
	awk -v devt="$1" -v st="$2" -v from="$3" -v to="$4" \
		'$3 == devt && $8 == st && $2 >= from && $1 <= to { n++ } END { print n + 0 }' \
		"$LOGDIR/io_err_stat.log"
}
kill "$IES_SAMPLER" 2>/dev/null || true
BOTH=$(awk -v a="$A2DEVT" -v b="$B2DEVT" '$3 == a && $8 == "sampling" { sa[$1] = 1 }
	$3 == b && $8 == "sampling" { sb[$1] = 1 } END { for (t in sa) if (t in sb) n++; print n + 0 }' \
	"$LOGDIR/io_err_stat.log")
for x in "$A2DEVT $A2 $A_S $A_V $A_H" "$B2DEVT $B2 $B_S $B_V $B_H"; do
	read -r devt dev s v h <<<"$x"
	NS=$(ies_seen "$devt" sampling "$s" "$v")
	NH=$(ies_seen "$devt" held "$v" "$h")
	log "$dev: shown sampling in $NS sample(s) during its window, held in $NH after its verdict"
	[ "$NS" -gt 0 ] || fail "show io_err_stat never showed $dev sampling during its window"
	[ "$NH" -gt 0 ] || fail "show io_err_stat never showed $dev held after its verdict"
done
log "samples showing both sampling at once: $BOTH"

step "fio on mapb: no error"
fio_wait || fail "fio on mapb saw errors: $FIO_ERR"
assert_eq "$FIO_ERR" 0 "fio errors"

step "$A2 back, the daemon stops"
wait "$FLAP_PID" || true
iscsi_path_resume 2
wait_for "[ \"\$(iscsi_session_state 2)\" = LOGGED_IN ] && [ \"\$(path_state $A2)\" = running ]" 40 0.5 ||
	fail "$A2 not back 40 s after its portal group was enabled"
T0=$EPOCHREALTIME
mpathd_stop || fail "multipathd exited with $?"
log "multipathd stopped in $(ms "$T0" "$EPOCHREALTIME") ms"
cmd_trace_stop
iscsi_teardown || fail "iscsi_teardown left something behind"
log "PASS"
