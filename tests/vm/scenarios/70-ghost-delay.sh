#!/bin/bash
# 70-ghost-delay: multipathd puts off creating a map whose paths are all standby (ghost_delay).
# timeout: 300
#
# One LUN over two iSCSI paths (loopback LIO target): path 1's port active/optimized, path
# 2's standby (ALUA). Path 1's disk is deleted before each start of our daemon, so that it
# finds only the standby path:
#   - ghost_delay $DELAY: no map while the delay runs (`show maps` does not list it, `show
#     paths` shows the path in no map), then the map with the standby path; path 1 coming
#     back joins it;
#   - ghost_delay 60: path 1 appears during the wait: the map at once, with both paths;
#   - ghost_delay 60, then a reconfigure with ghost_delay no: the map at once;
#   - ghost_delay 60, then the daemon stops during the wait: it exits at once, no map.
. "$(dirname "$0")/../lib.sh"

MPATHD=${MPATHD:-$MPT_TOP/build/bin/multipathd}
DELAY=8
DLOG=$LOGDIR/multipathd.log

vm_load_modules
vm_start_udev
iscsi_setup 2
I1=$ISCSI_PATH_1 I2=$ISCSI_PATH_2
H1=$(dev_host "$I1")

conf() {
	printf '%s\n' "defaults {
	polling_interval 1
	find_multipaths greedy
	user_friendly_names no
	ghost_delay $1
}
overrides {
	path_grouping_policy group_by_prio
	prio alua
	failback immediate
}
multipaths {
	multipath {
		wwid \"$ISCSI_WWID\"
		alias ghost
	}
}"
}
has_map() { dmsetup info ghost >/dev/null 2>&1; }
# npaths : the number of paths in the map's table
npaths() { dmsetup table ghost | grep -oE '[0-9]+:[0-9]+' | wc -l; }
log_from() { tail -n +$(($1 + 1)) "$DLOG" 2>/dev/null; }
log_lines() { if [ -e "$DLOG" ]; then wc -l <"$DLOG"; else echo 0; fi; }
now_ms() { echo $((${EPOCHREALTIME/[.,]/} / 1000)); }
# path1_delete / path1_back : path 1's disk goes / comes back (its iSCSI session stays)
path1_delete() { path_delete "$I1"; }
path1_back() {
	echo '- - -' >"/sys/class/scsi_host/host$H1/scan" || fail "scan of host$H1 failed"
	wait_for "_iscsi_disk_of 1 >/dev/null" 15 0.2 || fail "path 1's disk did not come back"
	udevadm settle --timeout=30 || true
	I1=$(_iscsi_disk_of 1)
	log "path 1 is back: $I1"
}
# start_waiting GHOST_DELAY : start the daemon with only the standby path; wait for the
# log line of the put-off map
start_waiting() {
	local l0
	l0=$(log_lines)
	mpathd_start "$(conf "$1")"
	wait_for "log_from $l0 | grep -q '^ghost: all 1 path(s) standby: map creation put off for $1s'" 20 0.2 ||
		fail "map creation not put off: $(log_from "$l0" | grep -i ghost)"
	has_map && fail "map created although put off: $(dmsetup table ghost)"
	return 0
}
# restart : stop the daemon, remove the map, delete path 1
restart() {
	mpathd_stop || fail "multipathd exited with $?"
	dm_remove_all
	path1_delete
}

step "Path 1 active/optimized, path 2 standby"
iscsi_alua_state 1 0
iscsi_alua_state 2 2
for d in $I1 $I2; do
	echo 1 >"/sys/block/$d/device/rescan"
done
wait_for "[ \"\$(_attr /sys/block/$I1/device/access_state)\" = active/optimized ] &&
	[ \"\$(_attr /sys/block/$I2/device/access_state)\" = standby ]" 15 0.5 ||
	fail "kernel's ALUA states: $I1 $(_attr "/sys/block/$I1/device/access_state"), $I2 $(_attr "/sys/block/$I2/device/access_state")"

step "ghost_delay $DELAY, only the standby path: no map for ${DELAY}s, then the map"
path1_delete
# the wait begins after T_START and is seen at T0; it lasts DELAY s (whole seconds: at
# least DELAY - 1)
T_START=$(now_ms)
L0=$(log_lines)
start_waiting "$DELAY"
T0=$(now_ms)
SHOW_MAPS=$("$MPATHD" show maps)
SHOW_PATHS=$("$MPATHD" show paths format "%d %m")
log "during the wait: show maps: $SHOW_MAPS"
log "during the wait: show paths: $SHOW_PATHS"
if has_map; then # a slow guest: the commands may have come after the wait
	log "the wait was over before the commands were answered: their output not checked"
else
	assert_not_contains "$SHOW_MAPS" "ghost" "show maps during the wait"
	assert_contains "$SHOW_PATHS" "$I2 [orphan]" "show paths during the wait"
fi
wait_for has_map $((DELAY + 10)) 0.1 || fail "no map $((DELAY + 10))s after the wait was seen"
T1=$(now_ms)
log "map made $((T1 - T_START)) ms after the start, $((T1 - T0)) ms after the wait was seen"
[ $((T1 - T_START)) -ge $(((DELAY - 1) * 1000)) ] ||
	fail "map made $((T1 - T_START)) ms after the start: before ghost_delay $DELAY ran out"
assert_eq "$(npaths)" 1 "paths in the map"
wait_for "log_from $L0 | grep -q '^ghost: ghost_delay ran out'" 5 0.2 || fail "no 'ran out' log line"
dmsetup table ghost

step "Path 1 comes back: it joins the map"
path1_back
wait_for "[ \"\$(npaths)\" = 2 ]" 15 0.2 || fail "path 1 not in the map: $(dmsetup table ghost)"
dmsetup table ghost

step "ghost_delay 60, path 1 appears during the wait: the map at once"
restart
start_waiting 60
L0=$(log_lines)
sleep 2
has_map && fail "map made during the wait before path 1 came back"
T0=$(now_ms)
path1_back
wait_for "has_map && [ \"\$(npaths)\" = 2 ]" 20 0.1 || fail "no map with both paths 20s after path 1 came back"
log "map made $(($(now_ms) - T0)) ms after path 1 was back"
log_from "$L0" | grep -q '^ghost: an active path is here: creating the map' ||
	fail "no 'active path' log line: $(log_from "$L0" | grep ghost)"
log_from "$L0" | grep -q 'ghost_delay ran out' && fail "the delay ran out although path 1 came"
dmsetup table ghost

step "ghost_delay 60, reconfigured to no during the wait: the map at once"
restart
start_waiting 60
L0=$(log_lines)
conf no >/etc/multipath.conf
run "$MPATHD" reconfigure
wait_for has_map 10 0.1 || fail "no map 10s after the reconfigure"
assert_eq "$(npaths)" 1 "paths in the map"
log_from "$L0" | grep -q 'ghost_delay ran out' && fail "the delay ran out"
path1_back

step "ghost_delay 60, the daemon stops during the wait"
restart
start_waiting 60
T0=$(now_ms)
mpathd_stop || fail "multipathd exited with $? when stopped during the wait"
log "stopped in $(($(now_ms) - T0)) ms"
[ $(($(now_ms) - T0)) -lt 10000 ] || fail "the stop took $(($(now_ms) - T0)) ms"
has_map && fail "a map exists after the stop"
path1_back

step "Stop"
iscsi_teardown || fail "iscsi_teardown left something behind"
log "PASS"
