#!/bin/bash
# 51-multipathd-events: the daemon follows uevents and reconfigures without a restart.
#
#   - a path deleted through sysfs leaves its map (by uevent), and rejoins it after a rescan;
#   - a new LUN added to scsi_debug gets a map;
#   - a changed multipath.conf plus SIGHUP reloads only the map it affects;
#   - `multipathd reconfigure` with an unchanged file reloads nothing;
#   - path states survive the reconfigure;
#   - idle, the daemon does not read the maps' status at every tick.
. "$(dirname "$0")/../lib.sh"

MPATHD=${MPATHD:-$MPT_TOP/build/bin/multipathd}
SDDRV=/sys/bus/pseudo/drivers/scsi_debug

vm_load_modules
vm_start_udev

step "Two LUNs, two paths each; the daemon makes their maps"
sd_create 2 2
read -r A1 A2 <<<"$(sd_paths 0)"
read -r B1 B2 <<<"$(sd_paths 1)"
conf() {
	printf 'defaults {\n\tpolling_interval 2\n\tfind_multipaths greedy\n\tuser_friendly_names no\n}\n'
	printf 'multipaths {\n'
	printf '\tmultipath {\n\t\twwid "%s"\n\t\talias lun0\n\t\tpath_grouping_policy %s\n\t}\n' \
		"$(dev_serial "$A1")" "$1"
	printf '\tmultipath {\n\t\twwid "%s"\n\t\talias lun1\n\t\tpath_grouping_policy multibus\n\t}\n' \
		"$(dev_serial "$B1")"
	printf '}\n'
	printf '%s\n' "$SD_DEVICE_CONF"
}
mpathd_start "$(conf multibus)"
wait_for "dmsetup info lun0 >/dev/null 2>&1 && dmsetup info lun1 >/dev/null 2>&1" 20 ||
	fail "maps not created"
npaths() { dmsetup table "$1" | grep -o '[0-9]*:[0-9]*' | sort -u | wc -l; }
assert_eq "$(npaths lun0)" 2 "paths of lun0"

step "A path deleted leaves its map, a rescan brings it back"
A2DEVT=$(dev_devt "$A2")
path_delete "$A2"
wait_for "[ \"\$(npaths lun0)\" = 1 ]" 10 || fail "lun0 still has $(npaths lun0) paths: $(dmsetup table lun0)"
assert_not_contains "$(dmsetup table lun0)" "$A2DEVT"
path_rescan
wait_for "[ \"\$(npaths lun0)\" = 2 ]" 15 || fail "lun0 has $(npaths lun0) paths after rescan"

step "A new LUN gets a map"
echo 3 >"$SDDRV/max_luns"
path_rescan
[ "$SD_NLUNS" = 3 ] || fail "scsi_debug did not add a LUN ($SD_WWIDS)"
read -r C1 _ <<<"$(sd_paths 2)"
W2=$(dev_serial "$C1")
wait_for "dmsetup info -c --noheadings -o name,uuid | grep -q \"mpath-$W2\"" 15 ||
	fail "no map for the new LUN $W2: $(dmsetup ls)"

step "SIGHUP with lun0 changed to failover: only lun0 is reloaded"
wait_for "! \"$MPATHD\" show paths | grep -q 'i/o pending\\|undef'" 10 || true
BEFORE=$(grep -c ': reload' "$LOGDIR/multipathd.log" || true)
conf failover >/etc/multipath.conf
kill -HUP "$MPATHD_PID"
wait_for "grep -q 'reconfigure: done' \"$LOGDIR/multipathd.log\"" 20 || fail "no reconfigure"
RELOADS=$(grep ': reload' "$LOGDIR/multipathd.log" | tail -n +$((BEFORE + 1)))
log "reloads: $RELOADS"
assert_contains "$RELOADS" "lun0: reload"
assert_not_contains "$RELOADS" "lun1"
assert_eq "$(dmsetup table lun0 | grep -o 'service-time\|round-robin\|queue-length' | wc -l)" 2 \
	"path groups of lun0 (failover)"

step "reconfigure with the same file reloads nothing; path states survive"
"$MPATHD" show paths >"$LOGDIR/paths-before"
BEFORE=$(grep -c ': reload' "$LOGDIR/multipathd.log" || true)
DONE=$(grep -c 'reconfigure: done' "$LOGDIR/multipathd.log")
assert_eq "$("$MPATHD" reconfigure)" ok "reconfigure reply"
wait_for "[ \$(grep -c 'reconfigure: done' \"$LOGDIR/multipathd.log\") -gt $DONE ]" 20 ||
	fail "no second reconfigure"
assert_eq "$(grep -c ': reload' "$LOGDIR/multipathd.log" || true)" "$BEFORE" "reloads"
"$MPATHD" show paths >"$LOGDIR/paths-after"
assert_not_contains "$(cat "$LOGDIR/paths-after")" "undef"

step "Idle, the daemon reads each map's status at most once per max_polling_interval"
# (8 s here: 4 x polling_interval). The dm events tell it the rest; a read of every map at
# every tick cost the idle daemon most of its CPU at hundreds of maps.
sleep 3
strace -f -e trace=ioctl -o "$LOGDIR/idle-ioctls" -p "$MPATHD_PID" 2>/dev/null &
SPID=$!
sleep 6
kill -INT "$SPID"
wait "$SPID" || true
STATUS_READS=$(grep -c DM_TABLE_STATUS "$LOGDIR/idle-ioctls" || true)
log "status reads in 6 s: $STATUS_READS"
[ "$STATUS_READS" -le 3 ] || fail "$STATUS_READS map status reads in 6 s idle (3 maps)"
mpathd_stop
log "PASS"
