#!/bin/bash
# 55-multipathd-failback: priorities, group switching and failback.
#
# One LUN, two paths with different ALUA priorities (scsi_debug: active/optimized 50,
# active/non-optimized 10), failover grouping: two groups, the better one in use. Its path
# goes offline: IO moves to the other group. It comes back: with failback immediate the
# daemon switches back to the better group at once; with failback manual it does not, until
# `switchgroup` says so.
. "$(dirname "$0")/../lib.sh"

MPATHD=${MPATHD:-$MPT_TOP/build/bin/multipathd}

vm_load_modules
vm_start_udev
sd_create 1 3
W=$(dev_serial "$(sd_paths 0 | cut -d' ' -f1)")
# two paths in the active/optimized and active/non-optimized states (scsi_debug gives a host
# its ALUA state by host number; a standby path would make the group switch fail)
GOOD="" OTHER=""
for dev in $(sd_paths 0); do
	read -r st <"/sys/class/block/$dev/device/access_state"
	case $st in
	active/optimized) [ -n "$GOOD" ] || GOOD=$dev ;;
	active/non-optimized) [ -n "$OTHER" ] || OTHER=$dev ;;
	esac
done
[ -n "$GOOD" ] && [ -n "$OTHER" ] || fail "no optimized + non-optimized pair among $(sd_paths 0)"
log "optimized $GOOD, non-optimized $OTHER"

conf() {
	printf 'defaults {\n\tpolling_interval 1\n\tmax_polling_interval 1\n\tfind_multipaths greedy\n}\n'
	printf 'blacklist {\n\tdevnode "^(%s)$"\n}\n' \
		"$(sd_paths 0 | tr ' ' '\n' | grep -v -x -e "$GOOD" -e "$OTHER" | paste -sd'|')"
	printf 'multipaths {\n\tmultipath {\n\t\twwid "%s"\n\t\talias fb\n' "$W"
	printf '\t\tpath_grouping_policy failover\n\t\tfailback %s\n\t}\n}\n' "$1"
	printf '%s\n' "$SD_DEVICE_CONF"
}
# active_group: the number (1-based) of the group dm uses, as the daemon read it from the
# kernel's status (every second here), after some IO (dm picks its group at the next IO)
active_group() {
	dd if=/dev/mapper/fb of=/dev/null bs=4k count=1 iflag=direct 2>/dev/null || true
	"$MPATHD" show topology | awk '/policy=/ { g++ } /status=active/ { print g; exit }'
}
group_of() { "$MPATHD" show topology | awk -v d=" $1 " '/policy=/ { g++ } index($0, d) { print g; exit }'; }

mpathd_start "$(conf immediate)"
wait_for "\"$MPATHD\" show paths | grep -q \"$OTHER .*active *ready\"" 20 || fail "not ready"
"$MPATHD" show topology | tee "$LOGDIR/topology-1"
GG=$(group_of "$GOOD")
OG=$(group_of "$OTHER")
assert_eq "$GG" 1 "group of the optimized path (highest priority first)"
wait_for "[ \"\$(active_group)\" = $GG ]" 10 || fail "group $GG not active: $("$MPATHD" show topology)"

step "The optimized path fails: IO moves to group $OG"
path_offline "$GOOD"
wait_for "[ \"\$(active_group)\" = $OG ]" 10 || fail "group $OG not active: $("$MPATHD" show topology)"

step "It comes back: failback immediate switches to group $GG"
path_online "$GOOD"
wait_for "[ \"\$(active_group)\" = $GG ]" 10 || fail "no failback: $("$MPATHD" show topology)"
assert_contains "$(cat "$LOGDIR/multipathd.log")" "fb: switched to path group $GG"

step "failback manual: no switch until switchgroup"
conf manual >/etc/multipath.conf
assert_eq "$("$MPATHD" reconfigure)" ok
wait_for "grep -q 'reconfigure: done' \"$LOGDIR/multipathd.log\"" 20 || fail "no reconfigure"
path_offline "$GOOD"
wait_for "[ \"\$(active_group)\" = $OG ]" 10 || fail "group $OG not active"
path_online "$GOOD"
wait_for "\"$MPATHD\" show paths | grep -q \"$GOOD .*active *ready\"" 10 || fail "$GOOD not back"
sleep 3
assert_eq "$(active_group)" "$OG" "active group with failback manual"
assert_eq "$("$MPATHD" switchgroup map fb group "$GG")" ok
wait_for "[ \"\$(active_group)\" = $GG ]" 10 || fail "switchgroup did not switch"
mpathd_stop
log "PASS"
