#!/bin/bash
# 66-multipathd-last-del: flush_on_last_del when every path of a map with kpartx partition
# maps (Debian's kpartx 0.9.4) on it is deleted.
# timeout: 720
# (4 daemon runs on fresh scsi_debug disks: 450 s measured with other VMs on the two cores)
#
# One LUN over two scsi_debug paths, map "lastdel" (no_path_retry queue) with two partition
# maps; both paths deleted (sysfs device/delete), our daemon running:
#   - flush_on_last_del always, a reader waiting in the map (both paths offline, its IO
#     queued: like udev's blkid probing the map as its last path goes): queueing is turned
#     off first, so the reader lets go, then the partition maps and the map are removed
#     (the daemon logs "removed with its last path");
#   - flush_on_last_del unused, a partition held open: everything stays (the daemon logs
#     "map kept"), and queueing stays on, as multipath.conf(5) says for unused: it is turned
#     off only when nothing holds the map open (the open partition holds it);
# then the same with Debian's multipathd 0.9.4 (its words: yes and no). With no and an open
# partition its outcome must be ours (maps kept, queueing on). With yes it must turn queueing
# off too, but it tries the removal once, while the reader still holds the map ("map in
# use", "can't flush"), and leaves the map and its partitions without paths (and reloads it
# with an empty table): ours waits for the reader to let go (up to 5 s) and removes them,
# as flush_on_last_del always promises. That difference is logged, not failed.
. "$(dirname "$0")/../lib.sh"

REF=${MPT_VM_REF:-/var/cache/mpt-vm/multipath-tools}
KPARTX=$REF/sbin/kpartx
OURS=$MPT_TOP/build/bin/multipathd

vm_load_modules
vm_start_udev
ref_install

nmaps() { dmsetup ls | grep -vc 'No devices' || true; }
# mbr_entry START_LE : a Linux partition entry of 4096 sectors starting at START (LE bytes)
mbr_entry() { printf "\\x00\\x00\\x00\\x00\\x83\\x00\\x00\\x00$1\\x00\\x10\\x00\\x00"; }

# last_del DAEMON FLUSH OPEN : the map with two partitions under DAEMON (ours or ref) with
# flush_on_last_del FLUSH; a partition held open when OPEN is 1; every path deleted. Leaves
# in RESULT "MAPS QUEUEING": the dm maps left (names) and whether the map still queues
# ("-" when it is gone).
last_del() {
	local daemon=$1 flush=$2 open=$3 P1 P2 L0
	step "$daemon multipathd, flush_on_last_del $flush, partition open: $open"
	sd_create 1 2
	read -r P1 P2 <<<"$(sd_paths 0)"
	if [ "$daemon" = ref ]; then MPATHD=/sbin/multipathd; else MPATHD=$OURS; fi
	mpathd_start "defaults {
	polling_interval 1
	find_multipaths greedy
	user_friendly_names no
}
overrides {
	no_path_retry queue
	flush_on_last_del $flush
}
multipaths {
	multipath {
		wwid \"$(dev_serial "$P1")\"
		alias lastdel
	}
}"
	wait_for '[ -b /dev/mapper/lastdel ]' 20 0.2 || fail "no map lastdel: $(dmsetup ls)"
	wait_for "\"$MPATHD\" show paths | grep -q \" $P2 .*active *ready\"" 20 0.5 ||
		fail "$P2 not active/ready: $("$MPATHD" show paths)"
	assert_contains "$(dmsetup table lastdel)" "queue_if_no_path" "lastdel's table"
	{ mbr_entry '\x00\x08\x00\x00'; mbr_entry '\x00\x20\x00\x00'; } |
		dd of=/dev/mapper/lastdel bs=1 seek=446 conv=notrunc status=none
	printf '\x55\xaa' | dd of=/dev/mapper/lastdel bs=1 seek=510 conv=notrunc status=none
	run "$KPARTX" -a /dev/mapper/lastdel
	udevadm settle --timeout=30
	assert_eq "$(nmaps)" 3 "maps with the partitions"
	if [ "$open" = 1 ]; then
		exec 3</dev/mapper/lastdel1
	else
		# a reader whose IO waits in the map (as udev's blkid does when the last path
		# goes during its probe): it holds the map open until queueing is turned off
		path_offline "$P1"
		path_offline "$P2"
		dd if=/dev/mapper/lastdel of=/dev/null bs=4k count=1 iflag=direct status=none &
		READER=$!
		_mpt_bg "$READER"
		sleep 2
		kill -0 "$READER" || fail "the reader did not wait in the map"
	fi
	L0=$(wc -l <"$LOGDIR/multipathd.log")
	path_delete "$P1"
	path_delete "$P2"
	if [ "$daemon" = ours ]; then
		wait_for "tail -n +$((L0 + 1)) '$LOGDIR/multipathd.log' | grep -q '^lastdel: .*last path'" 10 0.2 ||
			fail "no 'last path' line in the daemon's log"
	else # the reference: no log line of ours to wait for
		wait_for "[ \"\$(nmaps)\" = 0 ]" 10 0.5 || true
	fi
	udevadm settle --timeout=30 || true
	sleep 1
	local q=-
	if dmsetup table lastdel >/dev/null 2>&1; then
		case $(dmsetup table lastdel) in
		*queue_if_no_path*) q=queueing ;;
		*) q=not-queueing ;;
		esac
	fi
	RESULT="$(dmsetup ls | awk '$1 != "No" { print $1 }' | sort | tr '\n' ' ')$q"
	log "$daemon, flush_on_last_del $flush, open $open: maps left and queueing: $RESULT"
	tail -n +$((L0 + 1)) "$LOGDIR/multipathd.log" | grep -i 'lastdel' | tail -5 || true
	[ "$open" = 1 ] && exec 3<&-
	mpathd_stop || true
	cp "$LOGDIR/multipathd.log" "$LOGDIR/multipathd-$daemon-$flush.log"
	: >"$LOGDIR/multipathd.log"
	sd_remove
}

# every case first, then the verdicts (a reader sees all four outcomes)
last_del ours always 0
R_ALWAYS=$RESULT
last_del ours unused 1
R_UNUSED=$RESULT
last_del ref yes 0
R_REF_YES=$RESULT
last_del ref no 1
R_REF_NO=$RESULT
step "Outcomes"
case $R_REF_YES in
-) log "Debian's, yes: maps removed" ;;
*not-queueing) log "Debian's, yes: queueing off, maps kept ($R_REF_YES): it tried once, the reader held the map" ;;
*) fail "Debian's, yes: queueing not turned off: $R_REF_YES" ;;
esac
assert_eq "$R_REF_NO" "lastdel lastdel1 lastdel2 queueing" "Debian's, no, a partition open: maps left"
assert_eq "$R_ALWAYS" "-" "ours, always: maps left"
assert_eq "$R_UNUSED" "lastdel lastdel1 lastdel2 queueing" "ours, unused, a partition open: maps left"
log "PASS"
