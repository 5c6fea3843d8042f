#!/bin/bash
# 68-find-multipaths-smart: find_multipaths smart with our udev rules and our daemon.
# timeout: 400
#
#   - `multipath -u` answers like Debian's 0.9.4 for a path with no sibling yet: "2" (maybe)
#     with the seconds left in FIND_MULTIPATHS_WAIT_UNTIL for find_multipaths_timeout 3, -6 on
#     hardware with a device entry (6 s), -6 on other hardware (1 s) and 0 (10 s); "0" once
#     the wait is over, and when udev recorded that the path was given to the system
#     (DM_MULTIPATH_DEVICE_PATH=0); less than a second left counts as over;
#   - with the rules: a lone new path is claimed while it waits (mpath_member, no blkid probe,
#     its wait recorded in /run/multipath/find_multipaths/MAJ:MIN); its sibling coming within
#     the wait makes the map (both paths claimed); a lone path whose wait ends is given to the
#     system (blkid probes it) and stays given at later events; the record goes with the device.
# The guest has no systemd: the timer the rules start (systemd-run) cannot run, so its
# action, `udevadm trigger --action=add`, is run by hand when the wait is over.
. "$(dirname "$0")/../lib.sh"

MULTIPATH=${MULTIPATH:-$MPT_TOP/build/bin/multipath}
STATE=/run/multipath/find_multipaths

vm_load_modules
vm_start_udev
ref_install

# conf TIMEOUT [DEVICE_CONF] : /etc/multipath.conf with find_multipaths smart
conf() {
	printf 'defaults {\n\tfind_multipaths smart\n\tfind_multipaths_timeout %s\n\tuser_friendly_names yes\n}\n%s\n' \
		"$1" "${2:-}" >/etc/multipath.conf
}
# answer TOOL DEV [ENV...] : "DEVICE_PATH SECONDS_LEFT_ROUNDED" of TOOL -u DEV
answer() {
	local tool=$1 dev=$2
	shift 2
	env "$@" "$tool" -u "$dev" | awk -F'"' '/^DM_MULTIPATH_DEVICE_PATH=/ { d = $2 }
		/^FIND_MULTIPATHS_WAIT_UNTIL=/ { w = sprintf("%d", $2 + 0.5) }
		END { print d, (w == "" ? "-" : w) }'
}
new_disks() { # BEFORE : the disks (sdX) not in BEFORE
	local _h d
	_sd_disks | while read -r _h d; do case " $1 " in *" $d "*) ;; *) echo "$d" ;; esac; done
}

step "multipath -u of ours and Debian's for a lone path, the daemon running"
sd_create 1 1
read -r P1 <<<"$(sd_paths 0)"
conf 3 "$SD_DEVICE_CONF"
mpathd_start "$(cat /etc/multipath.conf)"
DEVT1=$(dev_devt "$P1")
MISMATCH=""
# TIMEOUT ENTRY(1: a device entry for scsi_debug) WANT : a fresh wait (no record) of each tool
for c in "3 1 2 3" "-6 1 2 6" "-6 0 2 1" "0 1 2 10"; do
	read -r to entry want <<<"$c"
	if [ "$entry" = 1 ]; then conf "$to" "$SD_DEVICE_CONF"; else conf "$to"; fi
	for tool in "$MULTIPATH" /sbin/multipath; do
		rm -rf "$STATE"
		got=$(answer "$tool" "$P1")
		log "timeout $to, device entry $entry: $tool -u: $got (want $want)"
		[ "$got" = "$want" ] || MISMATCH="$MISMATCH; $tool timeout $to entry $entry: $got, want $want"
	done
done
[ -z "$MISMATCH" ] || fail "multipath -u answers:${MISMATCH}"

conf 10 "$SD_DEVICE_CONF"
for tool in "$MULTIPATH" /sbin/multipath; do
	rm -rf "$STATE"
	assert_eq "$(answer "$tool" "$P1" DM_MULTIPATH_DEVICE_PATH=0)" "0 -" "$tool -u of a path given to the system"
	# the end of the wait that udev recorded does not count, the record does
	assert_eq "$(answer "$tool" "$P1" FIND_MULTIPATHS_WAIT_UNTIL=0)" "2 10" "$tool -u, no record"
	assert_eq "$(answer "$tool" "$P1" FIND_MULTIPATHS_WAIT_UNTIL=0 | cut -d' ' -f1)" 2 "$tool -u, its record"
done
conf 3 "$SD_DEVICE_CONF"
rm -rf "$STATE"
T0=$EPOCHREALTIME
assert_eq "$(answer "$MULTIPATH" "$P1")" "2 3" "ours -u, a new wait"
assert_eq "$(ls "$STATE")" "$DEVT1" "the wait record"
# 2.2 s after the start of the wait (whatever the process start took): < 1 s left, over
sleep "$(awk -v t0="$T0" -v now="$EPOCHREALTIME" 'BEGIN { d = 2.2 - (now - t0); print (d > 0 ? d : 0) }')"
for tool in "$MULTIPATH" /sbin/multipath; do
	assert_eq "$(answer "$tool" "$P1")" "0 0" "$tool -u, less than a second left"
done
mpathd_stop || fail "multipathd exited with $?"
sd_remove

step "The rules: a lone new path is claimed while it waits; its sibling makes the map"
udev_rules_install
rm -rf "$STATE" /etc/multipath/wwids
conf -20 "$SD_DEVICE_CONF"
mpathd_start "$(cat /etc/multipath.conf)"
sd_create 1 1
read -r P1 <<<"$(sd_paths 0)"
props=$(udevadm info -q property -n "/dev/$P1")
printf '%s\n' "$props" >"$LOGDIR/lone-path.props"
assert_contains "$props" "DM_MULTIPATH_DEVICE_PATH=1" "$P1 waiting"
assert_contains "$props" "ID_FS_TYPE=mpath_member" "$P1 waiting"
assert_contains "$props" "FIND_MULTIPATHS_WAIT_UNTIL=" "$P1 waiting"
assert_contains "$(ls "$STATE")" "$(dev_devt "$P1")" "the wait record of $P1"
assert_eq "$(dmsetup ls --target multipath 2>/dev/null | grep -c mpath)" 0 "maps before the sibling"
before=$(_sd_disks | awk '{ print $2 }' | tr '\n' ' ')
echo 1 >/sys/bus/pseudo/drivers/scsi_debug/add_host
wait_for "[ -n \"\$(new_disks '$before')\" ]" 30 0.25 || fail "no second path"
udevadm settle --timeout=30
P2=$(new_disks "$before")
props=$(udevadm info -q property -n "/dev/$P2")
printf '%s\n' "$props" >"$LOGDIR/sibling.props"
assert_contains "$props" "DM_MULTIPATH_DEVICE_PATH=1" "$P2 (the sibling)"
assert_not_contains "$props" "FIND_MULTIPATHS_WAIT_UNTIL=" "$P2 (decided: no wait)"
wait_for "dmsetup ls --target multipath | grep -q mpatha" 20 0.5 ||
	fail "no map made of $P1 and $P2: $(dmsetup ls)"
wait_for "[ \"\$(dmsetup deps mpatha | grep -o ',' | wc -l)\" = 2 ]" 20 0.5 ||
	fail "mpatha does not hold both paths: $(dmsetup deps mpatha)"
udevadm trigger --action=change --settle "/dev/$P1"
props=$(udevadm info -q property -n "/dev/$P1")
assert_contains "$props" "DM_MULTIPATH_DEVICE_PATH=1" "$P1 in the map, after a change event"
assert_contains "$props" "FIND_MULTIPATHS_WAIT_UNTIL=0" "$P1: its wait ended"
mpathd_stop || fail "multipathd exited with $?"
sd_remove

step "The rules: a lone path whose wait ends is given to the system, for good"
# 12 s: long enough for the first events of a new disk on a loaded host (a later event
# after the wait would give the path to the system before the check below)
conf -12 "$SD_DEVICE_CONF"
# the map of the step above put the WWID in the wwids file: a known WWID is taken at once
rm -rf "$STATE" /etc/multipath/wwids
mpathd_start "$(cat /etc/multipath.conf)"
sd_create 1 1
read -r P1 <<<"$(sd_paths 0)"
assert_contains "$(udevadm info -q property -n "/dev/$P1")" "ID_FS_TYPE=mpath_member" "$P1 waiting"
# until the end of the wait (the mtime of its record)
END=$(stat -c %Y "$STATE/$(dev_devt "$P1")")
while [ "$(date +%s)" -le "$END" ]; do sleep 0.5; done
# what the timer of the rules does at the end of the wait
udevadm trigger --action=add --settle "/dev/$P1"
props=$(udevadm info -q property -n "/dev/$P1")
printf '%s\n' "$props" >"$LOGDIR/released.props"
assert_contains "$props" "DM_MULTIPATH_DEVICE_PATH=0" "$P1 after its wait"
assert_contains "$props" "FIND_MULTIPATHS_WAIT_UNTIL=0" "$P1 after its wait"
assert_not_contains "$props" "ID_FS_TYPE=mpath_member" "$P1 after its wait"
# a file system on it is found by blkid now (the path is the system's)
mkfs.ext2 -q -F "/dev/$P1" >/dev/null
udevadm trigger --action=change --settle "/dev/$P1"
props=$(udevadm info -q property -n "/dev/$P1")
assert_contains "$props" "ID_FS_TYPE=ext2" "$P1 probed by blkid"
assert_contains "$props" "DM_MULTIPATH_DEVICE_PATH=0" "$P1 stays given"
assert_eq "$(dmsetup ls --target multipath 2>/dev/null | grep -c mpath)" 0 "maps of a lone path"
DEVT1=$(dev_devt "$P1")
mpathd_stop || fail "multipathd exited with $?"
sd_remove
udevadm settle --timeout=30
[ ! -e "$STATE/$DEVT1" ] || fail "the wait record of $DEVT1 outlived its device"
udev_rules_remove
log "PASS"
