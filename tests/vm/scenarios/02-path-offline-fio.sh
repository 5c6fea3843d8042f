#!/bin/bash
# 02-path-offline-fio: a path dies under load and the IO fails over.
#
# One LUN, two paths, both in one priority group (multibus, round-robin) with
# queue_if_no_path. fio reads through the map for 10 s; after 3 s path 2 goes offline
# (as if its link died: every IO on it fails at once). Checks:
#   - fio finishes with zero errors (dm-multipath retried the failed IOs on path 1);
#   - both paths carried IO before the fault, and path 1 carried it after;
#   - the kernel failed path 2: PATH_FAILED uevent, 'F' in `dmsetup status`, "Failing path"
#     in dmesg, path 1 still 'A';
#   - after the path is back (running + reinstate_path) it is 'A' and carries IO again.
. "$(dirname "$0")/../lib.sh"

NAME=mpt02

vm_load_modules
vm_start_udev

step "One LUN, two paths (scsi_debug)"
sd_create 1 2
read -r P1 P2 <<<"$(sd_paths 0)"
[ -n "$P2" ] || fail "expected two paths for LUN 0, got '$(sd_paths 0)'"
D1=$(dev_devt "$P1")
D2=$(dev_devt "$P2")
SECTORS=$(dev_sectors "$P1")

step "Multibus map with queue_if_no_path: one PG with $P1 ($D1) and $P2 ($D2)"
TABLE="0 $SECTORS multipath 1 queue_if_no_path 1 alua 1 1 round-robin 0 2 1 $D1 1 $D2 1"
log "table: $TABLE"
run dmsetup create "$NAME" --table "$TABLE"
udevadm settle --timeout=30
[ -b "/dev/mapper/$NAME" ] || fail "udev did not create /dev/mapper/$NAME"
assert_contains "$(dmsetup table "$NAME")" "queue_if_no_path" "table"

step "fio for 10 s; $P2 goes offline after 3 s"
uevent_monitor_start
fio_start "/dev/mapper/$NAME" 10
sleep 3
before1=$(dev_reads "$P1")
before2=$(dev_reads "$P2")
log "reads so far: $P1 $before1, $P2 $before2"
[ "$before1" -gt 0 ] && [ "$before2" -gt 0 ] ||
	fail "round-robin should use both paths: $P1 served $before1 reads, $P2 $before2"
path_offline "$P2"
uevent_wait 10 ACTION=change DM_ACTION=PATH_FAILED "DM_PATH=$D2" ||
	fail "the kernel did not fail $D2 (no PATH_FAILED uevent) while IO was running"
log "dmsetup status: $(dmsetup status "$NAME")"
fio_wait || fail "fio saw IO errors although $P1 was healthy (error=$FIO_ERR)"

step "After the fault"
after1=$(dev_reads "$P1")
after2=$(dev_reads "$P2")
log "reads after the fault: $P1 +$((after1 - before1)), $P2 +$((after2 - before2))"
[ $((after1 - before1)) -gt 0 ] || fail "$P1 served no reads after $P2 went offline"
assert_eq "$(dm_path_state "$NAME" "$D2")" F "state of $D2"
assert_eq "$(dm_path_state "$NAME" "$D1")" A "state of $D1"
assert_contains "$(dmesg)" "Failing path $D2" "kernel log"

step "Bring $P2 back"
path_online "$P2"
run dmsetup message "$NAME" 0 reinstate_path "$D2"
assert_eq "$(dm_path_state "$NAME" "$D2")" A "state of $D2 after reinstate"
before2=$(dev_reads "$P2")
fio_run "/dev/mapper/$NAME" 2
[ $(($(dev_reads "$P2") - before2)) -gt 0 ] || fail "$P2 carries no IO after reinstate"
uevent_monitor_stop

run dmsetup remove "$NAME"
