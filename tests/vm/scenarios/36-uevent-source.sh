#!/bin/bash
# 36-uevent-source: libmultipath/uevent.c against real udev events (uevent_selftest):
#   - 4 paths added at once: one add per disk, with devt, devtype disk and ID_SERIAL;
#   - a partition table written on one path: its partition's add is dropped;
#   - three rounds of change events on every path, read as one burst: one change per path;
#   - fail_path / reinstate_path on a map: PATH_FAILED and PATH_REINSTATED with DM_NAME,
#     DM_PATH and DM_NR_VALID_PATHS, read as one burst and all kept by the merge, in order;
#   - a deleted path: its remove.
. "$(dirname "$0")/../lib.sh"
US=$MPT_TOP/build/vmtools/uevent_selftest
[ -x "$US" ] || fail "$US not built"
NAME=mpt36
OUT=$LOGDIR/uevent-selftest.log

vm_load_modules
vm_start_udev

step "Monitor up"
$US 600 500 >"$OUT" 2>"$LOGDIR/uevent-selftest.err" &
US_PID=$!
wait_for "grep -q '^ready' '$OUT'" 10 || fail "uevent_selftest not ready"

step "One LUN, 4 paths at once"
sd_create 1 4
PATHS=$(sd_paths 0)
read -r P1 P2 _ P8 <<<"$PATHS"
[ -n "$P8" ] || fail "expected 4 paths, got '$PATHS'"
wait_for "[ \$(grep -c '^= add ' '$OUT') -ge 4 ]" 20 || fail "expected 4 add events"
adds=$(grep '^= add ' "$OUT")
log "$adds"
assert_eq "$(wc -l <<<"$adds")" 4 "merged add events"
for p in $PATHS; do
	assert_contains "$adds" "= add $p devt=$(dev_devt "$p") type=disk serial=3" "add of $p"
done

step "Partition table on $P8: the partition's add is dropped"
mark=$(wc -l <"$OUT")
# an MBR with one Linux partition at LBA 2048, 4096 sectors
{
	dd if=/dev/zero bs=446 count=1 2>/dev/null
	printf '\x00\x00\x00\x00\x83\x00\x00\x00\x00\x08\x00\x00\x00\x10\x00\x00'
	dd if=/dev/zero bs=48 count=1 2>/dev/null
	printf '\x55\xaa'
} | dd of="/dev/$P8" bs=512 count=1 iflag=fullblock oflag=direct 2>/dev/null
# the partition table write makes udev probe the disk (blkid holds it open a moment): the
# re-read is refused with EBUSY meanwhile, so it is retried
udevadm settle --timeout=30
wait_for "blockdev --rereadpt /dev/$P8" 20 0.5 || fail "blockdev --rereadpt /dev/$P8 kept failing"
log "partition table of $P8 re-read"
udevadm settle --timeout=30
[ -e "/sys/class/block/${P8}1" ] || fail "no partition ${P8}1"
wait_for "tail -n +$((mark + 1)) '$OUT' | grep -q '^change $P8 '" 10 || fail "no change event for $P8"
assert_not_contains "$(tail -n +$((mark + 1)) "$OUT")" "${P8}1" "events after the partition table"

step "Three rounds of change events on every path"
# the partition table's last events (udev's watch of $P8 after the write, the re-read) can
# still be on their way after the settle: one came in the window below once. Start once the
# tool has printed nothing for 2 s.
lines=-1
for _ in $(seq 1 15); do
	now_lines=$(wc -l <"$OUT")
	[ "$now_lines" = "$lines" ] && break
	lines=$now_lines
	sleep 2
done
mark=$(wc -l <"$OUT")
SYS=""
for p in $PATHS; do
	SYS="$SYS /sys/class/block/$p"
done
# the tool is stopped meanwhile: the events queue up and arrive as one burst
kill -STOP "$US_PID"
for r in 1 2 3; do
	# shellcheck disable=SC2086
	udevadm trigger --action=change $SYS
done
udevadm settle --timeout=30
kill -CONT "$US_PID"
wait_for "[ \$(tail -n +$((mark + 1)) '$OUT' | grep -c '^change sd') -ge 12 ]" 30 1 ||
	fail "expected 12 change events"
sleep 1
new=$(tail -n +$((mark + 1)) "$OUT")
read_n=$(grep -c '^change sd' <<<"$new")
merged_n=$(grep -c '^= change sd' <<<"$new")
log "change events read $read_n, after merging $merged_n; $(grep '^batch' <<<"$new" | tr '\n' ' ')"
assert_eq "$merged_n" 4 "change events after merging"
for p in $PATHS; do
	assert_contains "$new" "= change $p " "merged change of $p"
done

step "A map over $P1 and $P2: PATH_FAILED and PATH_REINSTATED"
D1=$(dev_devt "$P1")
D2=$(dev_devt "$P2")
run dmsetup create "$NAME" --table \
	"0 $(dev_sectors "$P1") multipath 0 0 1 1 round-robin 0 2 1 $D1 1 $D2 1"
udevadm settle --timeout=30
mark=$(wc -l <"$OUT")
kill -STOP "$US_PID"
run dmsetup message "$NAME" 0 fail_path "$D2"
run dmsetup message "$NAME" 0 reinstate_path "$D2"
run dmsetup message "$NAME" 0 fail_path "$D2"
udevadm settle --timeout=30
kill -CONT "$US_PID"
wait_for "tail -n +$((mark + 1)) '$OUT' | grep -c '^= change dm-.*dm_action=PATH_FAILED' | grep -q 2" 20 ||
	fail "expected two merged PATH_FAILED events"
new=$(tail -n +$((mark + 1)) "$OUT")
assert_contains "$new" "dm_name=$NAME dm_uuid= dm_action=PATH_FAILED dm_path=$D2 valid=1" "PATH_FAILED"
assert_contains "$new" "dm_name=$NAME dm_uuid= dm_action=PATH_REINSTATED dm_path=$D2 valid=2" \
	"PATH_REINSTATED"
# in order: failed, reinstated, failed (path events only: the map's own change event of its
# create may still be in this part of the output when udev was slow to send it)
order=$(grep '^= change dm-' <<<"$new" | grep -o 'dm_action=PATH_[A-Z_]*' | tr '\n' ' ')
assert_eq "$order" "dm_action=PATH_FAILED dm_action=PATH_REINSTATED dm_action=PATH_FAILED " \
	"order of the merged dm path events"
run dmsetup remove "$NAME"

step "Delete $P8"
mark=$(wc -l <"$OUT")
path_delete "$P8"
wait_for "tail -n +$((mark + 1)) '$OUT' | grep -q '^= remove $P8 '" 10 || fail "no remove event for $P8"

kill "$US_PID" 2>/dev/null || fail "uevent_selftest ended early"
wait "$US_PID" || true
[ ! -s "$LOGDIR/uevent-selftest.err" ] || log "stderr: $(head -5 "$LOGDIR/uevent-selftest.err")"
