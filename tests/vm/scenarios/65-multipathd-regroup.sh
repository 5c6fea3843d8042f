#!/bin/bash
# 65-multipathd-regroup: a path whose priority changes moves to its group (group_by_prio).
# timeout: 240
#
# One LUN over two iSCSI paths (loopback LIO target), each target port in an ALUA port group
# of its own: path 1 active/optimized (alua priority 50), path 2 active/non-optimized (10).
# Our daemon, path_grouping_policy group_by_prio, prio alua, failback immediate, both paths
# checked every second (max_polling_interval 2), io_err_stat on:
#   - at the start the first group of the table is path 1's, and the kernel's active group
#     (after a read) is path 1's;
#   - the ALUA states swap on the target (both paths stay usable): the daemon logs both
#     priority changes within max_polling_interval + 3 s, reloads the map, the table's first
#     group is path 2's, and the kernel's active group after a read is path 2's;
#   - io_err_stat holds path 1 (failed twice by hand), path 2 goes non-optimized too: its
#     new priority is logged but the map is not reloaded while path 1 is held (a load would
#     make the held path active again); once the hold is released (path 1's own priority
#     has not changed), the regroup put off is made: one group of both paths.
. "$(dirname "$0")/../lib.sh"

MPATHD=${MPATHD:-$MPT_TOP/build/bin/multipathd}
SAMPLE=30 RECOVERY=10 MAXPOLL=2
DLOG=$LOGDIR/multipathd.log

vm_load_modules
vm_start_udev
iscsi_setup 2
I1=$ISCSI_PATH_1 I2=$ISCSI_PATH_2
D1=$(dev_devt "$I1") D2=$(dev_devt "$I2")

# first_devt : the path of the table's first group (one path per group)
first_devt() { dmsetup table alua | grep -oE '[0-9]+:[0-9]+' | head -1; }
# ngroups : the number of path groups in the table
ngroups() { dmsetup table alua | awk '{ i = 4; i += $i + 1; i += $i + 1; print $i }'; }
# active_devt : the path of the group the kernel uses ('A' in the status)
active_devt() {
	dmsetup status alua | awk '{ for (i = 1; i <= NF; i++) {
		if ($i ~ /^[0-9]+:[0-9]+$/) { if (g == "A") print $i; i++; continue }
		if ($i ~ /^[AED]$/) g = $i } }'
}
# read_map : one direct read, so the kernel picks a group
read_map() { dd if=/dev/mapper/alua of=/dev/null bs=4k count=1 iflag=direct status=none; }
# prio_of sdX : the daemon's priority of a path
prio_of() { "$MPATHD" show paths format "%d %p" | awk -v d="$1" '$1 == d { print $2 }'; }
# log_from LINE : the daemon's log after line LINE
log_from() { tail -n +$(($1 + 1)) "$DLOG"; }
log_lines() { wc -l <"$DLOG"; }

step "Path 1 active/optimized, path 2 active/non-optimized"
iscsi_alua_state 1 0
iscsi_alua_state 2 1
for d in $I1 $I2; do
	echo 1 >"/sys/block/$d/device/rescan"
done
wait_for "[ \"\$(_attr /sys/block/$I1/device/access_state)\" = active/optimized ] &&
	[ \"\$(_attr /sys/block/$I2/device/access_state)\" = active/non-optimized ]" 15 0.5 ||
	fail "kernel's ALUA states: $I1 $(_attr "/sys/block/$I1/device/access_state"), $I2 $(_attr "/sys/block/$I2/device/access_state")"

mpathd_start "defaults {
	polling_interval 1
	max_polling_interval $MAXPOLL
	find_multipaths greedy
	user_friendly_names no
	path_io_err_sample_time $SAMPLE
	path_io_err_rate_threshold 100
	path_io_err_recovery_time $RECOVERY
	path_io_err_double_failed_time 60
}
overrides {
	path_grouping_policy group_by_prio
	prio alua
	failback immediate
}
multipaths {
	multipath {
		wwid \"$ISCSI_WWID\"
		alias alua
	}
}"
for p in $I1 $I2; do
	wait_for "\"$MPATHD\" show paths | grep -q \" $p .*active *ready\"" 30 0.5 ||
		fail "path $p not active/ready: $("$MPATHD" show paths)"
done
"$MPATHD" show topology | tee "$LOGDIR/topology-1"
assert_eq "$(prio_of "$I1") $(prio_of "$I2")" "50 10" "priorities of $I1 $I2"
assert_eq "$(first_devt)" "$D1" "path of the first group"
read_map
assert_eq "$(active_devt)" "$D1" "path of the kernel's active group"

step "The ALUA states swap: path 2 optimized, path 1 not"
L0=$(log_lines)
iscsi_alua_state 1 1
iscsi_alua_state 2 0
wait_for "log_from $L0 | grep -q '^$I1: priority 50 -> 10' && log_from $L0 | grep -q '^$I2: priority 10 -> 50'" \
	$((MAXPOLL + 3)) 0.2 || fail "priority changes not logged: $(log_from "$L0" | grep priority)"
wait_for "log_from $L0 | grep -q '^alua: reload'" 5 0.2 || fail "alua not reloaded after the priority change"
wait_for "[ \"\$(first_devt)\" = $D2 ]" 5 0.2 || fail "first group not $I2's: $(dmsetup table alua)"
log "table: $(dmsetup table alua)"
"$MPATHD" show topology | tee "$LOGDIR/topology-2"
assert_eq "$(prio_of "$I1") $(prio_of "$I2")" "10 50" "priorities of $I1 $I2"
read_map
assert_eq "$(active_devt)" "$D2" "path of the kernel's active group"

step "io_err_stat holds path 1: a priority change does not reload the map"
for n in 1 2; do
	wait_for "[ \"\$(dm_path_state alua $D1)\" = A ]" 10 0.2 || fail "$I1 not reinstated"
	run dmsetup message alua 0 fail_path "$D1"
done
wait_for "\"\$MPATHD\" show paths | grep -q \" $I1 .*delayed\"" 5 0.2 ||
	fail "$I1 not held: $("$MPATHD" show paths)"
# path 2 non-optimized too: both paths in one group of priority 10, once the map is regrouped
L1=$(log_lines)
iscsi_alua_state 2 1
wait_for "log_from $L1 | grep -q '^$I2: priority 50 -> 10'" $((MAXPOLL + 3)) 0.2 ||
	fail "$I2's priority change not logged"
sleep 2
RELOADS=$(log_from "$L1" | grep '^alua: reload' || true)
GROUPS_NOW="$(ngroups) $(first_devt)"
DM1=$(dm_path_state alua "$D1")
# all of that seen while the hold lasted
"$MPATHD" show paths | grep -q " $I1 .*delayed" || fail "$I1 released too early for this test"
assert_not_contains "$RELOADS" "reload" "reloads while $I1 is held"
assert_eq "$GROUPS_NOW" "2 $D2" "groups, path of the first group while $I1 is held"
assert_eq "$DM1" F "$I1 in dm while held"

step "Path 1 released: the regroup put off is made"
wait_for "log_from $L1 | grep -q 'io_err_stat: released'" $((SAMPLE + 10)) 0.5 ||
	fail "$I1 not released: $("$MPATHD" show io_err_stat)"
wait_for "[ \"\$(ngroups)\" = 1 ]" $((MAXPOLL + 5)) 0.2 ||
	fail "not regrouped after $I1's release: $(dmsetup table alua)"
log "table: $(dmsetup table alua)"
# (the table is in the kernel before the daemon logs the reload: it waits for udev first)
wait_for "log_from $L1 | grep -q '^alua: reload'" 15 0.2 || fail "no reload logged after $I1's release"
assert_eq "$(prio_of "$I1") $(prio_of "$I2")" "10 10" "priorities of $I1 $I2"
wait_for "[ \"\$(dm_path_state alua $D1)\" = A ]" 5 0.2 || fail "$I1 not reinstated after the regroup"
"$MPATHD" show topology | tee "$LOGDIR/topology-3"

step "Stop"
mpathd_stop || fail "multipathd exited with $?"
iscsi_teardown || fail "iscsi_teardown left something behind"
log "PASS"
