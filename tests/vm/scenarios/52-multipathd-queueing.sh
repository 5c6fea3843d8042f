#!/bin/bash
# 52-multipathd-queueing: no_path_retry 3 with every path down.
#
# With polling_interval 1 and no_path_retry 3, losing both paths keeps IO queued (fio sees no
# error while it is) for about 3 s, then the daemon turns queueing off and the queued IO
# fails; a path coming back turns queueing on again. Then `disablequeueing` /
# `restorequeueing` do the same by command. A reconfigure that changes no_path_retry to fail
# and back turns queueing off and on by message, with no reload.
. "$(dirname "$0")/../lib.sh"

MPATHD=${MPATHD:-$MPT_TOP/build/bin/multipathd}

vm_load_modules
vm_start_udev
sd_create 1 2
read -r P1 P2 <<<"$(sd_paths 0)"
W=$(dev_serial "$P1")

mpathd_start "defaults {
	polling_interval 1
	max_polling_interval 1
	find_multipaths greedy
}
multipaths {
	multipath {
		wwid \"$W\"
		alias q0
		no_path_retry 3
	}
}
$SD_DEVICE_CONF"
wait_for "\"$MPATHD\" show paths | grep -q \"$P2 .*active *ready\"" 20 ||
	fail "q0 not ready: $("$MPATHD" show paths)"
# the table shows the live queue_if_no_path flag (the status does not)
queueing() { dmsetup table q0 | grep -q queue_if_no_path && echo on || echo off; }
wait_for "[ \"\$(queueing)\" = on ]" 5 || fail "q0 does not queue: $(dmsetup table q0)"

step "Both paths down: queueing for 3 checks, then IO fails"
path_offline "$P1"
path_offline "$P2"
T0=${EPOCHREALTIME/[.,]/}
wait_for "[ \"\$(queueing)\" = off ]" 15 0.2 || fail "queueing never stopped"
MS=$(((${EPOCHREALTIME/[.,]/} - T0) / 1000))
log "queueing stopped after $MS ms"
[ "$MS" -ge 2000 ] || fail "queueing stopped too early ($MS ms, want about 3 s)"
assert_contains "$(cat "$LOGDIR/multipathd.log")" "queueing disabled"
# with queueing off, IO fails at once instead of hanging
RC=0
timeout 10 dd if=/dev/mapper/q0 of=/dev/null bs=4k count=1 iflag=direct 2>/dev/null || RC=$?
[ "$RC" = 0 ] && fail "a read succeeded with every path down"
[ "$RC" = 124 ] && fail "a read hung with queueing off"

step "A path back: queueing restored"
path_online "$P1"
wait_for "[ \"\$(queueing)\" = on ]" 5 0.2 || fail "queueing not restored: $(dmsetup table q0)"
run dd if=/dev/mapper/q0 of=/dev/null bs=4k count=1 iflag=direct

step "disablequeueing / restorequeueing by command"
assert_eq "$("$MPATHD" disablequeueing map q0)" ok
assert_eq "$(queueing)" off "after disablequeueing"
assert_eq "$("$MPATHD" restorequeueing map q0)" ok
assert_eq "$(queueing)" on "after restorequeueing"
path_online "$P2"

step "reconfigure: no_path_retry fail, then 3 again: queueing follows, no reload"
wait_for "\"$MPATHD\" show paths | grep -q \"$P2 .*active *ready\"" 20 || fail "$P2 not back"
LOADS0=$("$MPATHD" show maps raw format "%n %2" | awk '$1 == "q0" { print $2 }')
sed -i 's/no_path_retry 3/no_path_retry fail/' /etc/multipath.conf
assert_eq "$("$MPATHD" reconfigure)" ok
wait_for "[ \"\$(queueing)\" = off ]" 10 0.2 || fail "no_path_retry fail: q0 still queues: $(dmsetup table q0)"
sed -i 's/no_path_retry fail/no_path_retry 3/' /etc/multipath.conf
assert_eq "$("$MPATHD" reconfigure)" ok
wait_for "[ \"\$(queueing)\" = on ]" 10 0.2 || fail "no_path_retry 3 again: q0 does not queue: $(dmsetup table q0)"
assert_contains "$(cat "$LOGDIR/multipathd.log")" "q0: queueing turned off (no_path_retry changed)"
assert_contains "$(cat "$LOGDIR/multipathd.log")" "q0: queueing turned on (no_path_retry changed)"
assert_eq "$("$MPATHD" show maps raw format "%n %2" | awk '$1 == "q0" { print $2 }')" "$LOADS0" "q0's map loads"
mpathd_stop
log "PASS"
