#!/bin/bash
# timeout: 150
# 57-multipath-noqueue: without multipathd, `multipath` never leaves a map queueing.
#
# no_path_retry queue with no daemon running: nobody would ever end the queueing, and losing
# every path would leave IO hanging in D state. So `multipath` turns queueing off after
# create/reload unless -q is given:
#   - `multipath -q` keeps queue_if_no_path in the live table;
#   - `multipath` on the same, unchanged map turns it off (and changes nothing else);
#   - `multipath -F` + `multipath` creates the map and turns it off as well;
#   - both paths offline: fio through the map gets errors within seconds, it does not hang;
#   - with multipathd running, `multipath -r` leaves queueing on; when the daemon stops,
#     queue_without_daemon no (the default) turns it off.
. "$(dirname "$0")/../lib.sh"

MULTIPATH=${MULTIPATH:-$MPT_TOP/build/bin/multipath}
MPATHD=${MPATHD:-$MPT_TOP/build/bin/multipathd}

vm_load_modules
vm_start_udev
sd_create 1 2
read -r P1 P2 <<<"$(sd_paths 0)"
W=$(dev_serial "$P1")
[ -n "$W" ] || fail "udev gave no ID_SERIAL for $P1"

mkdir -p /etc/multipath
cat >/etc/multipath.conf <<CONF
defaults {
	find_multipaths greedy
}
multipaths {
	multipath {
		wwid "$W"
		alias nq
		no_path_retry queue
	}
}
CONF
queueing() { dmsetup table nq | grep -q queue_if_no_path && echo on || echo off; }

step "No daemon: its socket takes no connection"
"$MPATHD" show daemon >/dev/null 2>&1 && fail "a multipathd answers"

step "multipath -q keeps queueing"
run "$MULTIPATH" -q
assert_eq "$(queueing)" on "queueing after multipath -q"

step "multipath (no -q) on the unchanged map turns queueing off"
out=$("$MULTIPATH" -v3 2>&1) || fail "multipath failed: $out"
assert_not_contains "$out" "reload:" "multipath output"
assert_contains "$out" "queue_if_no_path turned off" "multipath -v3 output"
assert_eq "$(queueing)" off "queueing after multipath"

step "A fresh map made by multipath does not queue either"
run "$MULTIPATH" -F
run "$MULTIPATH"
[ -b /dev/mapper/nq ] || fail "/dev/mapper/nq missing"
assert_eq "$(queueing)" off "queueing of the new map"

step "All paths offline: IO fails within seconds"
path_offline "$P1"
path_offline "$P2"
# one direct read first: light enough to time under a loaded host (fio alone needs seconds
# to start under TCG); with queueing it would never return
T0=${EPOCHREALTIME/[.,]/}
if timeout 60 dd if=/dev/mapper/nq of=/dev/null bs=4k count=1 iflag=direct 2>"$LOGDIR/dd.err"; then
	fail "a read through nq succeeded with every path offline"
fi
ms=$(((${EPOCHREALTIME/[.,]/} - T0) / 1000))
log "dd failed after ${ms} ms: $(tail -n 1 "$LOGDIR/dd.err")"
[ "$ms" -lt 10000 ] || fail "a read took ${ms} ms to fail"
# fio: errors, and it ends (fio_wait fails the scenario if it still runs 20 s after its 3 s)
FIO_GRACE=20 fio_start /dev/mapper/nq 3
if fio_wait 2>/dev/null; then
	fail "fio saw no error with every path offline"
fi
[ "${FIO_ERR:-0}" != 0 ] || fail "fio reported no error code"
path_online "$P1"
path_online "$P2"

step "With multipathd running, multipath leaves queueing on"
run "$MULTIPATH" -F
mpathd_start "$(cat /etc/multipath.conf)"
wait_for "[ -b /dev/mapper/nq ]" 20 || fail "the daemon made no map nq"
wait_for "[ \"\$(queueing)\" = on ]" 10 || fail "the daemon's map does not queue"
run "$MULTIPATH" -r
assert_eq "$(queueing)" on "queueing after multipath -r with the daemon"

step "multipathd stops: queue_without_daemon (no, the default) turns queueing off"
mpathd_stop || fail "multipathd exited with an error"
assert_eq "$(queueing)" off "queueing after the daemon stopped"
