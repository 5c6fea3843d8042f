#!/bin/bash
# 20-devmapper: libmultipath's devmapper.c and dmparser.c against the real kernel.
#
# One LUN seen through three SCSI paths (scsi_debug), of which the test uses two whose ALUA
# state is active (see "Paths" below). build/vmtools/dm_selftest fills a struct
# multipath by hand (two groups, service-time, hardware handler "1 alua", queue_if_no_path),
# assembles its table with dmtable_assemble and:
#   - creates the map with devmapper_create_map: /dev/mapper/NAME exists when the call
#     returns (udev cookie), info/uuid/list are right;
#   - reads table and status back, disassembles them: assembling again gives the same table;
#   - fail_path / reinstate_path / switch_group / fail_if_no_path / queue_if_no_path
#     messages show up in the parsed status and table;
#   - refused tables and messages give -EINVAL, missing maps -ENXIO, names in use -EBUSY;
#   - the udev cookie flags of create (skip_kpartx) and reload (reload, no usable paths) reach
#     udev's database;
#   - the dm event fd: armed, poll() times out while nothing changes and wakes within 1 s
#     when another process (dmsetup) sends fail_path or reloads the map; the map's event_nr
#     grows with fail_path / reinstate_path (a reload wakes the fd but leaves event_nr as is);
#   - reload, rename (nodes follow at once), remove (-EBUSY while open, node gone at once),
#     deferred remove.
#
# Paths: scsi_debug (vpd_use_hostno=0) reports each host's port group in ALUA state
# "host number % 3": active/optimized, active/non-optimized, standby. A standby path refuses
# IO (scsi_dh_alua fails it before it is sent), so dm-multipath fails it and goes back to the
# other group: "switch_group 2" then leaves group 1 active and the group 2 path failed. Which
# host numbers a scenario gets depends on what ran before in the boot (the kernel reuses freed
# host numbers, a host still being released is skipped), so with two hosts one path was
# standby in some runs. Three consecutive hosts have exactly two active ones: use those.
# The script cross-checks what the tool printed with dmsetup.
. "$(dirname "$0")/../lib.sh"

NAME=mpt20
TOOL=$MPT_TOP/build/vmtools/dm_selftest

vm_load_modules
vm_start_udev
[ -x "$TOOL" ] || fail "$TOOL not built (make vmtest builds it)"

step "One LUN, three paths (scsi_debug); the two in an active ALUA state are used"
sd_create 1 3
P1="" P2=""
for p in $(sd_paths 0); do
	state=$(_attr "/sys/class/block/$p/device/access_state") || state=unknown
	log "$p: host$(dev_host "$p"), ALUA access_state $state"
	case $state in
	active/*)
		if [ -z "$P1" ]; then
			P1=$p
		elif [ -z "$P2" ]; then
			P2=$p
		fi
		;;
	esac
done
[ -n "$P2" ] || fail "expected two active paths for LUN 0 among '$(sd_paths 0)'"
log "using $P1 and $P2"
D1=$(dev_devt "$P1")
D2=$(dev_devt "$P2")
SECTORS=$(dev_sectors "$P1")
WWID=$(dev_wwid "$P1")

step "dm_selftest $NAME $SECTORS $D1 $D2"
rc=0
"$TOOL" "$NAME" "$SECTORS" "$D1" "$D2" "$WWID" >"$LOGDIR/dm_selftest.log" 2>&1 || rc=$?
sed 's/^/  /' "$LOGDIR/dm_selftest.log"
[ "$rc" = 0 ] || fail "dm_selftest failed (exit $rc): $(grep -m1 '^FAIL' "$LOGDIR/dm_selftest.log")"

step "Cross-check with dmsetup"
assembled=$(sed -n 's/^assembled: //p' "$LOGDIR/dm_selftest.log")
first_table=$(sed -n 's/^table: //p' "$LOGDIR/dm_selftest.log" | head -n 1)
assert_contains "$first_table" "service-time 0 1 2 $D1 1 1 service-time 0 1 2 $D2 1 1" \
	"kernel table of the failover map"
assert_contains "$first_table" "1 queue_if_no_path 1 alua 2 1 " "kernel table"
log "assembled: $assembled"
# Same map, made by dmsetup from the assembled table: dmsetup shows the table the tool read.
run dmsetup create "$NAME" --uuid "mpath-$WWID" --table "0 $SECTORS multipath $assembled"
udevadm settle --timeout=30
assert_eq "$(dmsetup table "$NAME" | sed 's/ *$//')" "0 $SECTORS multipath ${first_table% }" \
	"dmsetup table"
assert_eq "$(dmsetup info -c --noheadings -o uuid "$NAME")" "mpath-$WWID" "uuid"
run dmsetup remove "$NAME"
[ -z "$(dmsetup ls | grep -v '^No devices')" ] || fail "maps left behind: $(dmsetup ls)"
wait_for "[ ! -e /dev/mapper/${NAME}_renamed ] && [ ! -e /dev/mapper/$NAME ]" 10 ||
	fail "/dev/mapper nodes left behind: $(ls /dev/mapper)"
