#!/bin/bash
# timeout: 300
# 59-multipath-cli: flush with partitions, the CLI options of multipath-tools, the udev rules.
#
#   - `multipath -f` with kpartx partition maps (Debian's kpartx 0.9.4) on the map: refused
#     while a partition is open, else the partitions go first, then the map; -F the same;
#     the map argument may follow the options (`multipath -f -v2 mpatha`);
#   - -a, -w, -W, -c/-i, -C, -u, -U, -p, -B, -R, -q: exit codes (and the -u output udev
#     imports) as Debian's multipath 0.9.4 gives them on the same devices and files;
#   - the udev rules of `make install`: a path that appears later is claimed
#     (DM_MULTIPATH_DEVICE_PATH=1, ID_FS_TYPE=mpath_member) before blkid opens it, and a map
#     reloaded without a usable path is marked not ready and not probed (DM_NOSCAN=1).
. "$(dirname "$0")/../lib.sh"

MULTIPATH=${MULTIPATH:-$MPT_TOP/build/bin/multipath}
REF=${MPT_VM_REF:-/var/cache/mpt-vm/multipath-tools}
KPARTX=$REF/sbin/kpartx

vm_load_modules
vm_start_udev
sd_create 1 2
read -r P1 P2 <<<"$(sd_paths 0)"
W=$(dev_serial "$P1")
[ -n "$W" ] || fail "udev gave no ID_SERIAL for $P1"
ref_install

mkdir -p /etc/multipath
write_conf() {
	cat >/etc/multipath.conf <<CONF
defaults {
	user_friendly_names yes
	find_multipaths $1
}
CONF
}
write_conf greedy
nmaps() { dmsetup ls | grep -vc 'No devices' || true; }
# same_rc WHAT CMD... : our multipath and Debian's exit alike for the same arguments
same_rc() {
	local what=$1 ours=0 ref=0
	shift
	"$MULTIPATH" "$@" >"$LOGDIR/ours.out" 2>&1 || ours=$?
	/sbin/multipath "$@" >"$LOGDIR/ref.out" 2>&1 || ref=$?
	log "$what: ours exit $ours: $(head -c 200 "$LOGDIR/ours.out" | tr '\n' '|')"
	log "$what: ref  exit $ref: $(head -c 200 "$LOGDIR/ref.out" | tr '\n' '|')"
	[ "$ours" = "$ref" ] || MISMATCH="$MISMATCH; $what: exit $ours, Debian's $ref"
}
# all the differences at once, then fail
MISMATCH=""
check_mismatch() { [ -z "$MISMATCH" ] || fail "unlike Debian's multipath${MISMATCH}"; }

step "Partition maps from kpartx on mpatha"
run "$MULTIPATH" -q
[ -b /dev/mapper/mpatha ] || fail "no mpatha: $(dmsetup ls)"
# an MBR with two partitions: sectors 2048+4096 and 8192+4096
mbr_entry() { printf "\\x00\\x00\\x00\\x00\\x83\\x00\\x00\\x00$1\\x00\\x10\\x00\\x00"; }
{ mbr_entry '\x00\x08\x00\x00'; mbr_entry '\x00\x20\x00\x00'; } |
	dd of=/dev/mapper/mpatha bs=1 seek=446 conv=notrunc status=none
printf '\x55\xaa' | dd of=/dev/mapper/mpatha bs=1 seek=510 conv=notrunc status=none
run "$KPARTX" -a /dev/mapper/mpatha
udevadm settle --timeout=30
assert_eq "$(nmaps)" 3 "maps with the partitions"
assert_contains "$(dmsetup info -c --noheadings -o uuid mpatha1)" "part1-mpath-$W" "uuid of mpatha1"

step "A partition open: multipath -f refuses, keeps everything"
exec 7</dev/mapper/mpatha1
rc=0
out=$("$MULTIPATH" -R 1 -f mpatha 2>&1) || rc=$?
exec 7<&-
assert_eq "$rc" 1 "exit of multipath -f with an open partition"
assert_contains "$out" "in use" "multipath -f output"
assert_eq "$(nmaps)" 3 "maps after the refused flush"

step "multipath -f -v2 mpatha: partitions first, then the map"
run "$MULTIPATH" -f -v2 mpatha
assert_eq "$(nmaps)" 0 "maps after multipath -f"

step "multipath -F with partitions"
run "$MULTIPATH" -q
run "$KPARTX" -a /dev/mapper/mpatha
udevadm settle --timeout=30
assert_eq "$(nmaps)" 3 "maps with the partitions"
run "$MULTIPATH" -F
assert_eq "$(nmaps)" 0 "maps after multipath -F"

step "-a / -w / -W / -c -i, against Debian's"
write_conf strict
rm -f /etc/multipath/wwids
same_rc "-c (unknown wwid, strict)" -c "/dev/$P1"
run "$MULTIPATH" -a "/dev/$P1"
grep -q "^/$W/\$" /etc/multipath/wwids || fail "-a did not add $W: $(cat /etc/multipath/wwids)"
same_rc "-c (known wwid)" -c "/dev/$P1"
run "$MULTIPATH" -c "$P1"
same_rc "-i -c (known wwid, file ignored)" -i -c "/dev/$P1"
same_rc "-u (no daemon)" -u "$P1"
[ "$(grep DM_MULTIPATH_DEVICE_PATH "$LOGDIR/ours.out")" = "$(grep DM_MULTIPATH_DEVICE_PATH "$LOGDIR/ref.out")" ] ||
	MISMATCH="$MISMATCH; -u output"
run "$MULTIPATH" -w "/dev/$P1"
grep -q "$W" /etc/multipath/wwids && fail "-w did not remove $W"
same_rc "-c after -w" -c "/dev/$P1"
same_rc "-i -c (unknown wwid)" -i -c "/dev/$P1"
[ "$(cat "$LOGDIR/ours.out")" = "$(cat "$LOGDIR/ref.out")" ] || MISMATCH="$MISMATCH; -i -c output"
same_rc "-a" -a "/dev/$P1"
same_rc "-w" -w "/dev/$P1"
same_rc "-a of a missing device" -a /dev/sdzz
printf '/%s/\n' bogus1 bogus2 >>/etc/multipath/wwids
write_conf greedy
run "$MULTIPATH" -q
run "$MULTIPATH" -W
assert_eq "$(grep -v '^#' /etc/multipath/wwids)" "/$W/" "wwids file after -W"

step "-C / -U: usable paths"
# Debian's -C does not take a map name ("failed to look up mpatha"), and its -U answered 1
# for this map with both paths up: ours are checked on their own; -U is compared on a map
# without usable path
dm=$(basename "$(readlink -f /dev/mapper/mpatha)")
run "$MULTIPATH" -C mpatha
run "$MULTIPATH" -C "$dm"
run "$MULTIPATH" -U "$dm"
path_offline "$P1"
path_offline "$P2"
# the kernel learns of it at the first IO (queueing off first, or the read would wait)
run dmsetup message mpatha 0 fail_if_no_path
timeout 30 dd if=/dev/mapper/mpatha of=/dev/null bs=4k count=1 iflag=direct 2>/dev/null || true
"$MULTIPATH" -C mpatha && fail "-C: usable paths on a map whose paths failed"
same_rc "-U, paths failed" -U "$dm"
path_online "$P1"
path_online "$P2"
run "$MULTIPATH" -F
check_mismatch

step "-p multibus, -B"
run "$MULTIPATH" -q -p multibus
assert_contains "$(dmsetup table mpatha)" " alua 1 1 service-time 0 2 " "one group of both paths"
run "$MULTIPATH" -F
rm -f /etc/multipath/bindings
run "$MULTIPATH" -q -B
[ -b "/dev/mapper/$W" ] || fail "-B without a binding: the map is not named by its wwid: $(dmsetup ls)"
[ -s /etc/multipath/bindings ] && fail "-B wrote the bindings file: $(cat /etc/multipath/bindings)"
run "$MULTIPATH" -F

step "udev rules: a new path is claimed before blkid opens it"
mkfs.ext2 -q -F "/dev/$P1" >/dev/null
# without our rules, blkid probes a path and finds the file system
udevadm trigger --action=change --settle "/dev/$P2"
assert_contains "$(udevadm info -q property -n "/dev/$P2")" "ID_FS_TYPE=ext2" "$P2 without the rules"
udev_rules_install
write_conf strict
run "$MULTIPATH" -a "$P1"
# -u claims a new path only while multipathd runs (it makes the map)
mpathd_start "$(cat /etc/multipath.conf)"
before=$(_sd_disks | tr '\n' ' ')
echo 1 >/sys/bus/pseudo/drivers/scsi_debug/add_host
wait_for "[ \"\$(_sd_disks | wc -l)\" -ge 3 ]" 30 0.25 || fail "no third path"
udevadm settle --timeout=30
NEW=""
for d in $(_sd_disks); do case " $before " in *" $d "*) ;; *) NEW=$d ;; esac; done
[ -n "$NEW" ] || fail "cannot tell the new path"
props=$(udevadm info -q property -n "/dev/$NEW")
printf '%s\n' "$props" >"$LOGDIR/new-path.props"
assert_contains "$props" "DM_MULTIPATH_DEVICE_PATH=1" "$NEW properties"
assert_contains "$props" "ID_FS_TYPE=mpath_member" "$NEW properties"
assert_not_contains "$props" "ID_FS_UUID=" "$NEW properties (no blkid probe)"
udevadm trigger --action=change --settle "/dev/$P2"
assert_contains "$(udevadm info -q property -n "/dev/$P2")" "DM_MULTIPATH_DEVICE_PATH=1" "$P2 after a change event"

mpathd_stop || fail "multipathd exited with an error"

step "udev rules: a map reloaded without a usable path is not probed"
run "$MULTIPATH" -q
udevadm settle --timeout=30
assert_contains "$(udevadm info -q property -n /dev/mapper/mpatha)" "MPATH_DEVICE_READY=1" "mpatha ready"
for d in $P1 $P2 $NEW; do path_offline "$d"; done
# without -q: no daemon, so the map fails IO instead of queueing it (with -q a udev worker
# was seen waiting 30 s here: not explained yet)
run "$MULTIPATH" -r
udevadm settle --timeout=30
props=$(udevadm info -q property -n /dev/mapper/mpatha)
assert_contains "$props" "MPATH_DEVICE_READY=0" "mpatha without usable paths"
assert_contains "$props" "DM_NOSCAN=1" "mpatha without usable paths"
for d in $P1 $P2 $NEW; do path_online "$d"; done
run "$MULTIPATH" -q -r
udevadm settle --timeout=30
assert_contains "$(udevadm info -q property -n /dev/mapper/mpatha)" "MPATH_DEVICE_READY=1" "mpatha usable again"
udev_rules_remove
