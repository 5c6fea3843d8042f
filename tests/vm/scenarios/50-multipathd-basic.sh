#!/bin/bash
# 50-multipathd-basic: the daemon adopts and creates maps, fails and reinstates paths.
#
# Two LUNs x two paths. LUN 0's map exists before the daemon starts (made by our `multipath`);
# LUN 1 has none. Then:
#   - the daemon adopts map lun0 (same dm device, not recreated) and creates lun1;
#   - a path set offline is failed in dm within polling_interval + 2 s, and reinstated within
#     polling_interval + 2 s after it is back; `show paths` says so (max_polling_interval is
#     polling_interval here: a path without IO is seen down at its next check, and a healthy
#     path's back-off is unit-tested);
#   - `dmsetup message lun1 0 fail_path` on a healthy path is undone by the daemon;
#   - `fail path` / `reinstate path` commands act on the kernel; a non-root `fail path` is
#     refused while a non-root `show paths` works;
#   - a second daemon refuses to start (exit 1, one line);
#   - SIGTERM: exit 0 within 2 s, every map left in place;
#   - the notify socket gets READY=1, watchdog pings and STOPPING=1.
. "$(dirname "$0")/../lib.sh"

MULTIPATH=${MULTIPATH:-$MPT_TOP/build/bin/multipath}
MPATHD=${MPATHD:-$MPT_TOP/build/bin/multipathd}
POLL=2

vm_load_modules
vm_start_udev

step "Two LUNs, two paths each"
sd_create 2 2
read -r A1 A2 <<<"$(sd_paths 0)"
read -r B1 B2 <<<"$(sd_paths 1)"
W0=$(dev_serial "$A1")
W1=$(dev_serial "$B1")

CONF="defaults {
	polling_interval $POLL
	max_polling_interval $POLL
	find_multipaths greedy
	user_friendly_names no
}
multipaths {
	multipath {
		wwid \"$W0\"
		alias lun0
		path_grouping_policy multibus
	}
	multipath {
		wwid \"$W1\"
		alias lun1
		path_grouping_policy multibus
	}
}
$SD_DEVICE_CONF"
mkdir -p /etc/multipath
printf '%s\n' "$CONF" >/etc/multipath.conf

step "lun0 exists before the daemon"
run "$MULTIPATH" -v0 "$A1"
dmsetup info lun0 >/dev/null || fail "multipath did not create lun0"
dmsetup info lun1 >/dev/null 2>&1 && fail "lun1 should not exist yet"
MINOR0=$(dmsetup info -c --noheadings -o minor lun0)

step "The daemon adopts lun0 and creates lun1 (and tells systemd)"
# a stand-in for systemd's notify socket, and its watchdog asking for a ping
NOTIFY_LOG=$LOGDIR/notify.log
python3 -c '
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind("/run/mpt-notify")
with open(sys.argv[1], "a") as f:
    while True:
        f.write(s.recv(4096).decode().replace("\n", " ") + "\n")
        f.flush()
' "$NOTIFY_LOG" 2>"$LOGDIR/notify.err" &
_mpt_bg $!
wait_for "[ -S /run/mpt-notify ]" 30 0.2 ||
	fail "notify socket stand-in did not start: $(cat "$LOGDIR/notify.err")"
export NOTIFY_SOCKET=/run/mpt-notify WATCHDOG_USEC=5000000
mpathd_start "$CONF"
unset NOTIFY_SOCKET WATCHDOG_USEC
wait_for "dmsetup info lun1 >/dev/null 2>&1" 20 || fail "the daemon did not create lun1"
assert_eq "$(dmsetup info -c --noheadings -o minor lun0)" "$MINOR0" "lun0 minor (adopted, not recreated)"
wait_for "\"$MPATHD\" show paths | grep -q \"$B2 .*active *ready\"" 20 ||
	fail "paths not ready: $("$MPATHD" show paths)"
"$MPATHD" show paths | tee "$LOGDIR/show-paths-1"
"$MPATHD" show maps | tee "$LOGDIR/show-maps-1"
"$MPATHD" show topology >"$LOGDIR/topology-1"
assert_contains "$("$MPATHD" show maps)" "lun1"
assert_contains "$(cat "$LOGDIR/topology-1")" "lun0 ($W0)"
wait_for "grep -q WATCHDOG=1 \"$NOTIFY_LOG\"" 5 0.2 || fail "no watchdog ping: $(cat "$NOTIFY_LOG")"
assert_contains "$(cat "$NOTIFY_LOG")" "READY=1"

step "A path offline is failed in dm, then reinstated when it is back"
T0=${EPOCHREALTIME/[.,]/}
path_offline "$A2"
wait_for "[ \"\$(dm_path_state lun0 $(dev_devt "$A2"))\" = F ]" $((POLL + 2)) 0.1 ||
	fail "$A2 not failed in dm within $((POLL + 2)) s"
log "failed in dm after $(((${EPOCHREALTIME/[.,]/} - T0) / 1000)) ms"
assert_contains "$("$MPATHD" show paths | grep " $A2 ")" "faulty"
T0=${EPOCHREALTIME/[.,]/}
path_online "$A2"
wait_for "[ \"\$(dm_path_state lun0 $(dev_devt "$A2"))\" = A ]" $((POLL + 2)) 0.1 ||
	fail "$A2 not reinstated within $((POLL + 2)) s"
log "reinstated after $(((${EPOCHREALTIME/[.,]/} - T0) / 1000)) ms"

step "A healthy path failed behind the daemon's back is reinstated"
run dmsetup message lun1 0 fail_path "$(dev_devt "$B1")"
wait_for "[ \"\$(dm_path_state lun1 $(dev_devt "$B1"))\" = A ]" $((POLL + 3)) 0.1 ||
	fail "$B1 not reinstated after dmsetup fail_path"

step "fail path / reinstate path commands; non-root"
assert_eq "$("$MPATHD" fail path "$B2")" "ok" "fail path reply"
assert_contains "$(cat "$LOGDIR/multipathd.log")" "lun1: path $(dev_devt "$B2") failed by command"
# healthy: back at its next check
wait_for "[ \"\$(dm_path_state lun1 $(dev_devt "$B2"))\" = A ]" $((POLL + 3)) 0.1 ||
	fail "$B2 not reinstated by its next check after fail path"
run "$MPATHD" fail path "$B2"
assert_eq "$("$MPATHD" reinstate path "$B2")" "ok" "reinstate path reply"
assert_eq "$(dm_path_state lun1 "$(dev_devt "$B2")")" A "$B2 after reinstate path"
OUT=$(setpriv --reuid=65534 --regid=65534 --clear-groups "$MPATHD" show paths 2>&1) ||
	fail "non-root show paths failed: $OUT"
assert_contains "$OUT" "$B2"
OUT=$(setpriv --reuid=65534 --regid=65534 --clear-groups "$MPATHD" fail path "$B2" 2>&1) &&
	fail "non-root fail path succeeded: $OUT"
assert_contains "$OUT" "permission denied"
assert_eq "$(dm_path_state lun1 "$(dev_devt "$B2")")" A "$B2 after refused fail path"

step "A second daemon refuses to start"
RC=0
OUT=$("$MPATHD" -d -s 2>&1) || RC=$?
assert_eq "$RC" 1 "second daemon exit status"
assert_contains "$OUT" "already running"
assert_eq "$(printf '%s\n' "$OUT" | wc -l)" 1 "lines printed by the second daemon"

step "SIGTERM: exit 0 within 2 s, maps left in place"
T0=${EPOCHREALTIME/[.,]/}
mpathd_stop || fail "multipathd exited with $?"
MS=$(((${EPOCHREALTIME/[.,]/} - T0) / 1000))
log "stopped in $MS ms"
[ "$MS" -lt 2000 ] || fail "stop took $MS ms"
dmsetup info lun0 >/dev/null && dmsetup info lun1 >/dev/null || fail "maps removed at stop"
wait_for "grep -q STOPPING=1 \"$NOTIFY_LOG\"" 2 0.1 || fail "no STOPPING=1: $(cat "$NOTIFY_LOG")"
log "PASS"
