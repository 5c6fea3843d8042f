#!/bin/bash
# 69-deferred-remove: deferred_remove yes, a map held open loses its last path.
# timeout: 300
#
#   - the map is not removed while open (flush_on_last_del never: queueing stays as
#     no_path_retry says), the kernel has a deferred remove pending (dmsetup info); the
#     daemon says so; when the holder closes the map, the kernel removes it and the daemon
#     forgets it (show maps);
#   - a path that comes back before the last close cancels the deferred remove: the map keeps
#     the path, stays after the holder closes it, and the daemon still shows it;
#   - with deferred_remove no (the default) an open map that lost its last path is kept, with
#     no deferred remove.
. "$(dirname "$0")/../lib.sh"

MPATHD=${MPATHD:-$MPT_TOP/build/bin/multipathd}

vm_load_modules
vm_start_udev

# deferred_pending MAP : 1 when the kernel has a deferred remove of MAP pending
deferred_pending() { dmsetup info "$1" 2>/dev/null | grep -qi "deferred remove" && echo 1 || echo 0; }
daemon_has_map() { "$MPATHD" show maps raw format "%n" 2>/dev/null | grep -qx "$1" && echo 1 || echo 0; }

# start DEFERRED : the daemon on one LUN x 2 paths (fresh), mpatha made
start() {
	sd_create 1 2
	read -r P1 P2 <<<"$(sd_paths 0)"
	mpathd_start "defaults {
	user_friendly_names yes
	find_multipaths greedy
	polling_interval 1
	deferred_remove $1
	flush_on_last_del never
	no_path_retry fail
}
$SD_DEVICE_CONF"
	wait_for "[ \"\$(dmsetup deps mpatha 2>/dev/null | grep -o ',' | wc -l)\" = 2 ]" 30 0.5 ||
		fail "mpatha not made of $P1 $P2: $(dmsetup ls)"
	udevadm settle --timeout=30 || true
}

# hold_open MAP : a process holding /dev/mapper/MAP open (HOLD_PID)
hold_open() {
	sleep 600 </dev/mapper/"$1" &
	HOLD_PID=$!
	_mpt_bg "$HOLD_PID"
	wait_for "[ \"\$(dmsetup info -c --noheadings -o open $1)\" -ge 1 ]" 10 0.2 ||
		fail "$1 not held open"
}

step "deferred_remove yes: the last path of an open map goes"
start yes
hold_open mpatha
path_delete "$P1"
path_delete "$P2"
wait_for "[ \"\$(deferred_pending mpatha)\" = 1 ]" 20 0.5 ||
	fail "no deferred remove pending on mpatha: $(dmsetup info mpatha)"
log "mpatha: $(dmsetup info mpatha | grep -i -e open -e deferred | tr '\n' ' ')"
grep -q "mpatha: last path removed, map open: removed at its last close" "$LOGDIR/multipathd.log" ||
	fail "the daemon did not log the deferred remove"
assert_eq "$(daemon_has_map mpatha)" 1 "mpatha in show maps while open"
kill "$HOLD_PID"
wait "$HOLD_PID" 2>/dev/null || true
wait_for "! dmsetup info mpatha >/dev/null 2>&1" 20 0.5 || fail "mpatha still there after its last close"
wait_for "[ \"\$(daemon_has_map mpatha)\" = 0 ]" 20 0.5 || fail "the daemon still shows mpatha"
log "mpatha removed at its last close, and forgotten by the daemon"

step "A path back before the last close cancels the deferred remove"
path_rescan
read -r P1 P2 <<<"$(sd_paths 0)"
wait_for "dmsetup info mpatha >/dev/null 2>&1" 30 0.5 || fail "mpatha not made again"
wait_for "[ \"\$(dmsetup deps mpatha 2>/dev/null | grep -o ',' | wc -l)\" = 2 ]" 30 0.5 ||
	fail "mpatha not made of both paths again: $(dmsetup deps mpatha)"
udevadm settle --timeout=30 || true
hold_open mpatha
H1=$(dev_host "$P1") H2=$(dev_host "$P2")
path_delete "$P1"
path_delete "$P2"
wait_for "[ \"\$(deferred_pending mpatha)\" = 1 ]" 20 0.5 || fail "no deferred remove pending on mpatha"
path_rescan "$H1"
read -r P1 _ <<<"$(sd_paths 0)"
wait_for "[ \"\$(deferred_pending mpatha)\" = 0 ]" 30 0.5 ||
	fail "the deferred remove of mpatha was not cancelled: $(dmsetup info mpatha)"
grep -q "mpatha: a path is back: deferred remove cancelled" "$LOGDIR/multipathd.log" ||
	fail "the daemon did not log the cancel"
wait_for "dmsetup deps mpatha | grep -q '($(dev_devt "$P1" | tr ':' ',' | sed 's/,/, /'))'" 20 0.5 ||
	fail "mpatha does not hold $P1 again: $(dmsetup deps mpatha)"
kill "$HOLD_PID"
wait "$HOLD_PID" 2>/dev/null || true
sleep 2
dmsetup info mpatha >/dev/null 2>&1 || fail "mpatha removed at its last close after the cancel"
assert_eq "$(daemon_has_map mpatha)" 1 "mpatha in show maps after the cancel"
path_rescan "$H2"
mpathd_stop || fail "multipathd exited with $?"

step "deferred_remove no: an open map that lost its last path is kept, nothing pending"
start no
hold_open mpatha
path_delete "$P1"
path_delete "$P2"
wait_for "grep -q 'mpatha: last path removed, map kept' '$LOGDIR/multipathd.log'" 20 0.5 ||
	fail "the daemon did not handle the last path"
assert_eq "$(deferred_pending mpatha)" 0 "deferred remove pending with deferred_remove no"
kill "$HOLD_PID"
wait "$HOLD_PID" 2>/dev/null || true
sleep 2
dmsetup info mpatha >/dev/null 2>&1 || fail "mpatha removed at its last close with deferred_remove no"
mpathd_stop || fail "multipathd exited with $?"
log "PASS"
