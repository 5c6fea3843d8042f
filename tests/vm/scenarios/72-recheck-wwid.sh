#!/bin/bash
# 72-recheck-wwid: reassign_maps and recheck_wwid. The LUN behind a path is replaced while the path is down
# (iSCSI: portal group 2 is disabled, its lun_0 relinked to another backstore, enabled
# again); the kernel's VPD copy (device/wwid) and udev's ID_SERIAL still name the old LUN.
# timeout: 480
#
# First, reassign_maps yes: a dm linear device made on a scsi_debug path before the daemon
# runs is pointed at the map the daemon creates (its table names the map's major:minor, IO
# through it works), as Debian's 0.9.4 does (observed in this guest).
#
# Maps: A (iSCSI paths 1 and 2, backstore A) and B (path 3, relinked to backstore B before
# the daemon starts, rescanned, so it is a path of WWID B from the start).
#   - recheck_wwid no: path 2 is reinstated into map A once it is back, though it now
#     reaches LUN B (what Debian's multipath-tools 0.9.4 does too: observed in this guest);
#   - recheck_wwid yes: path 2 is never active in map A after the hang (dm status of A sampled
#     every 0.2 s), leaves map A and lands in map B (2 paths), its sysfs wwid and udev
#     ID_SERIAL now name LUN B (the daemon rescanned it); the daemon logs the change.
# Debian's 0.9.4 with recheck_wwid yes, observed the same way: "sdb: wwid '<A>' doesn't
# match wwid '<B>' from device", "path wwid change detected. Removing", the path removed
# from A's table, an "add" uevent for sdb, the path added again with uid B and put in map B.
. "$(dirname "$0")/../lib.sh"

MPATHD=${MPATHD:-$MPT_TOP/build/bin/multipathd}
vm_load_modules
vm_start_udev

B_CORE=$_ISCSI_CFS/core/fileio_1/mpt_lun1
B_FILE=/var/lib/mpt-vm-iscsi/lun1.img
cleanup_b() {
	iscsi_teardown || true
	rmdir "$B_CORE" 2>/dev/null || true
	rmdir "${B_CORE%/*}" 2>/dev/null || true
	rm -f "$B_FILE"
}
trap '_rc=$?; cleanup_b >/dev/null 2>&1; (exit $_rc); _mpt_exit' EXIT

# relink I BACKSTORE : portal group I exports BACKSTORE as its LUN 0 from now on.
relink() {
	local t=$_ISCSI_CFS/iscsi/$ISCSI_IQN/tpgt_$1
	echo 0 >"$t/enable"
	rm -f "$t/lun/lun_0/mpt_port"
	ln -s "$2" "$t/lun/lun_0/mpt_port"
	echo 1 >"$t/enable"
}

# refresh sdX : the kernel and udev read the disk's identity again.
refresh() {
	echo 1 >"/sys/block/$1/device/rescan"
	udevadm trigger --action=change "/dev/$1"
	udevadm settle
}

# map_paths MAP : the devts in MAP's table
map_paths() { dmsetup table "$1" 2>/dev/null | grep -o '[0-9]*:[0-9]*' | tr '\n' ' '; }

step "reassign_maps yes: a dm linear device made on a path moves onto the map"
# (Debian's 0.9.4 does it, observed here: "sda: reassign table lin old 8:0 new 254:1")
sd_create 1 2
read -r S1 S2 <<<"$(sd_paths 0)"
run dmsetup create lin --table "0 1024 linear $(dev_devt "$S1") 0"
mpathd_start "defaults {
	polling_interval 1
	find_multipaths greedy
	user_friendly_names no
	reassign_maps yes
}"
W=$(dev_serial "$S1")
wait_for "dmsetup status $W" 30 0.5 || fail "no map for $S1 $S2"
MDEVT=$(dmsetup info -c --noheadings -o major,minor "$W" | tr -d ' ')
wait_for "[ \"\$(dmsetup table lin)\" = '0 1024 linear $MDEVT 0' ]" 20 0.5 ||
	fail "lin not reassigned to the map ($MDEVT): $(dmsetup table lin)"
run dd if=/dev/mapper/lin of=/dev/null bs=4k count=16 iflag=direct
assert_contains "$(cat "$LOGDIR/multipathd.log")" "lin reassigned from $S1" "daemon log"
mpathd_stop
cp "$LOGDIR/multipathd.log" "$LOGDIR/multipathd-reassign.log"
: >"$LOGDIR/multipathd.log"
run dmsetup remove lin
dm_remove_all
sd_remove

step "Two LUNs over iSCSI: A through portals 1 and 2, B through portal 3"
ISCSI_REPLACEMENT_TIMEOUT=5 iscsi_setup 3
WA=$ISCSI_WWID
truncate -s 64M "$B_FILE"
mkdir -p "$B_CORE"
echo "fd_dev_name=$B_FILE,fd_dev_size=$((64 * 1048576))" >"$B_CORE/control"
echo "mpt0c0ffee0002" >"$B_CORE/wwn/vpd_unit_serial"
echo 1 >"$B_CORE/enable"
P1=$ISCSI_PATH_1 P2=$ISCSI_PATH_2 P3=$ISCSI_PATH_3
D2=$(dev_devt "$P2")
relink 3 "$B_CORE"
wait_for '[ "$(iscsi_session_state 3)" = LOGGED_IN ]' 30 0.25 || fail "path 3 did not log in again"
wait_for "dd if=/dev/$P3 of=/dev/null bs=4k count=1 iflag=direct" 20 0.5 || fail "path 3 unreadable"
refresh "$P3"
WB=$(dev_serial "$P3")
[ -n "$WB" ] && [ "$WB" != "$WA" ] || fail "path 3 has no WWID of its own ($WB)"
log "A: $WA ($P1 $P2), B: $WB ($P3)"

conf() {
	printf 'defaults {\n\tpolling_interval 1\n\tmax_polling_interval 2\n\tpath_checker tur
	find_multipaths greedy\n\tuser_friendly_names no\n\tfast_io_fail_tmo 5\n\trecheck_wwid %s\n}\n' "$1"
}

# swap_p2 [sample] : hang path 2, relink its portal group to LUN B, resume it; with sample,
# map A's status is sampled into a-status.log every 0.2 s from before the resume (SAMPLER).
swap_p2() {
	iscsi_path_hang 2
	wait_for "[ \"\$(dm_path_state $WA $D2)\" = F ]" 40 0.25 || fail "path 2 not failed in A"
	local t=$_ISCSI_CFS/iscsi/$ISCSI_IQN/tpgt_2
	rm -f "$t/lun/lun_0/mpt_port"
	ln -s "$B_CORE" "$t/lun/lun_0/mpt_port"
	if [ -n "${1:-}" ]; then
		: >"$LOGDIR/a-status.log"
		(while :; do
			printf '%s %s\n' "$EPOCHREALTIME" "$(dmsetup status "$WA" 2>&1)" >>"$LOGDIR/a-status.log"
			sleep 0.2
		done) &
		SAMPLER=$!
		_mpt_bg "$SAMPLER"
	fi
	iscsi_path_resume 2
	wait_for '[ "$(iscsi_session_state 2)" = LOGGED_IN ]' 30 0.25 || fail "path 2 did not log in again"
	log "path 2 back, now LUN B; sysfs wwid $(dev_wwid "$P2"), udev $(dev_serial "$P2")"
}

# unswap_p2 : path 2 back to LUN A, its identity read again, no maps, no daemon.
unswap_p2() {
	mpathd_stop
	relink 2 "$_ISCSI_CORE"
	wait_for '[ "$(iscsi_session_state 2)" = LOGGED_IN ]' 30 0.25 || fail "path 2 did not log in again"
	wait_for "dd if=/dev/$P2 of=/dev/null bs=4k count=1 iflag=direct" 20 0.5 || fail "path 2 unreadable"
	refresh "$P2"
	dm_remove_all
	assert_eq "$(dev_serial "$P2")" "$WA" "udev's WWID of $P2 after the reset"
	cp "$LOGDIR/multipathd.log" "$LOGDIR/multipathd-$1.log"
	: >"$LOGDIR/multipathd.log"
}

step "recheck_wwid no: path 2 is reinstated into map A"
mpathd_start "$(conf no)"
wait_for "[ \"\$(map_paths $WA)\" = '$(dev_devt "$P1") $D2 ' ] || [ \"\$(map_paths $WA)\" = '$D2 $(dev_devt "$P1") ' ]" 30 0.5 ||
	fail "map A is not $P1 $P2: $(map_paths "$WA")"
wait_for "dmsetup status $WB" 30 0.5 || fail "no map B"
swap_p2
wait_for "[ \"\$(dm_path_state $WA $D2)\" = A ]" 30 0.5 || fail "path 2 not reinstated with recheck_wwid no"
sleep 3
assert_eq "$(dm_path_state "$WA" "$D2")" A "path 2 in map A, recheck_wwid no"
assert_not_contains "$(map_paths "$WB")" "$D2" "map B with recheck_wwid no"
unswap_p2 no

step "recheck_wwid yes: path 2 leaves map A for map B, never active in A meanwhile"
mpathd_start "$(conf yes)"
wait_for "[ \"\$(map_paths $WA)\" = '$(dev_devt "$P1") $D2 ' ] || [ \"\$(map_paths $WA)\" = '$D2 $(dev_devt "$P1") ' ]" 30 0.5 ||
	fail "map A is not $P1 $P2: $(map_paths "$WA")"
swap_p2 sample
wait_for "[[ \" \$(map_paths $WB)\" == *\" $D2 \"* ]]" 60 0.5 || fail "path 2 not in map B: $(map_paths "$WB")"
sleep 2
kill "$SAMPLER" 2>/dev/null || true
wait "$SAMPLER" 2>/dev/null || true
assert_not_contains "$(map_paths "$WA")" "$D2" "map A's table after the recheck"
assert_eq "$(dm_path_state "$WB" "$D2")" A "path 2 in map B"
if grep -q " $D2 A " "$LOGDIR/a-status.log"; then
	fail "path 2 was active in map A after it came back: $(grep " $D2 A " "$LOGDIR/a-status.log" | head -2)"
fi
log "map A sampled $(wc -l <"$LOGDIR/a-status.log") times: path 2 never active"
assert_eq "$(dev_serial "$P2")" "$WB" "udev's WWID of $P2 after the recheck"
assert_contains "$(cat "$LOGDIR/multipathd.log")" "$P2: wwid changed from $WA to $WB" "daemon log"
"$MPATHD" show paths format "%d %D %w %t %T %m" | tee "$LOGDIR/paths-yes.txt"
unswap_p2 yes
