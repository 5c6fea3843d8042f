#!/bin/bash
# 01-dmsetup-map: the kernel side of dm-multipath, driven by hand.
#
# One LUN seen through two SCSI paths (scsi_debug). We build a failover multipath map with
# dmsetup (two priority groups, one path each, ALUA hardware handler) and check that:
#   - the kernel takes the table and shows both paths in `dmsetup table`;
#   - IO through /dev/mapper/NAME works (fio: no error, data read, served by path 1);
#   - `fail_path` on path 2 emits a "change" uevent with DM_ACTION=PATH_FAILED and
#     DM_PATH=<its major:minor> (what multipathd will listen to), and `dmsetup status`
#     marks the path F;
#   - `reinstate_path` emits PATH_REINSTATED and the path is A again.
. "$(dirname "$0")/../lib.sh"

NAME=mpt01

vm_load_modules
vm_start_udev

step "One LUN, two paths (scsi_debug)"
sd_create 1 2
read -r P1 P2 <<<"$(sd_paths 0)"
[ -n "$P2" ] || fail "expected two paths for LUN 0, got '$(sd_paths 0)'"
D1=$(dev_devt "$P1")
D2=$(dev_devt "$P2")
SECTORS=$(dev_sectors "$P1")
assert_eq "$(dev_wwid "$P2")" "$(dev_wwid "$P1")" "WWID of $P2 (same LUN as $P1)"

step "Failover map by hand: PG1 = $P1 ($D1), PG2 = $P2 ($D2)"
# multipath <#features> <features> <#hw handler args> <hw handler> <#PGs> <first PG>
#   then per PG: <selector> <#selector args> <#paths> <#args per path> <path> <args>...
# service-time takes 2 per-path args (repeat_count, relative_throughput).
TABLE="0 $SECTORS multipath 0 1 alua 2 1 service-time 0 1 2 $D1 1 1 service-time 0 1 2 $D2 1 1"
log "table: $TABLE"
run dmsetup create "$NAME" --table "$TABLE"
udevadm settle --timeout=30
[ -b "/dev/mapper/$NAME" ] || fail "udev did not create /dev/mapper/$NAME"
table=$(dmsetup table "$NAME")
log "dmsetup table: $table"
assert_contains "$table" " multipath " "table"
assert_contains "$table" " alua " "table"
assert_contains "$table" " $D1 " "table"
assert_contains "$table" " $D2 " "table"
assert_eq "$(dm_path_state "$NAME" "$D1")" A "state of $D1"
assert_eq "$(dm_path_state "$NAME" "$D2")" A "state of $D2"

step "Read through the map with fio"
reads1=$(dev_reads "$P1")
fio_run "/dev/mapper/$NAME" 3
served=$(($(dev_reads "$P1") - reads1))
log "$P1 served $served reads"
[ "$served" -ge "$FIO_IOS" ] || fail "fio did $FIO_IOS reads but $P1 (the active path) served only $served"

step "Fail path $P2 ($D2) with a dm message; watch the uevent"
uevent_monitor_start
run dmsetup message "$NAME" 0 fail_path "$D2"
uevent_wait 10 ACTION=change DM_ACTION=PATH_FAILED "DM_PATH=$D2" "DM_NAME=$NAME" ||
	fail "no change uevent with DM_ACTION=PATH_FAILED DM_PATH=$D2 (see uevents.log)"
log "uevent seen: $(grep -E '^DM_(ACTION|PATH|NR_VALID_PATHS)=' "$UEVENT_LOG" | tr '\n' ' ')"
assert_eq "$(uevent_count ACTION=change DM_ACTION=PATH_FAILED "DM_PATH=$D2" DM_NR_VALID_PATHS=1)" 1 \
	"PATH_FAILED events for $D2 with 1 valid path left"
log "dmsetup status: $(dmsetup status "$NAME")"
assert_eq "$(dm_path_state "$NAME" "$D2")" F "state of $D2 after fail_path"
assert_eq "$(dm_path_state "$NAME" "$D1")" A "state of $D1 after fail_path"

step "Reinstate $P2"
run dmsetup message "$NAME" 0 reinstate_path "$D2"
uevent_wait 10 ACTION=change DM_ACTION=PATH_REINSTATED "DM_PATH=$D2" ||
	fail "no change uevent with DM_ACTION=PATH_REINSTATED DM_PATH=$D2"
log "dmsetup status: $(dmsetup status "$NAME")"
assert_eq "$(dm_path_state "$NAME" "$D2")" A "state of $D2 after reinstate_path"
uevent_monitor_stop

run dmsetup remove "$NAME"
