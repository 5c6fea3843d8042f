#!/bin/bash
# 30-checkers: the path checkers against real scsi_debug paths: ready on a healthy disk,
# faulty while offline and ready again, i/o timeout on a hung disk, and a directio read
# orphaned by checker_free() reaped once the kernel completes it (its aio group destroyed).
. "$(dirname "$0")/../lib.sh"
CS=$MPT_TOP/build/vmtools/checker_selftest
[ -x "$CS" ] || fail "$CS not built"

vm_load_modules
vm_start_udev

step "One LUN, two paths"
sd_create 1 2
read -r P1 P2 <<<"$(sd_paths 0)"
for n in tur directio readsector0 none; do
	out=$($CS $n /dev/$P1 2>>"$LOGDIR/cs.err")
	log "$n $P1: $out"
	assert_eq "$out" ready "$n on $P1"
done
log "block size $(cat /sys/block/$P1/queue/logical_block_size)"

step "$P2 offline: a new checker cannot open it"
path_offline "$P2"
if $CS tur /dev/$P2 2>>"$LOGDIR/cs.err"; then fail "checker_new on an offline disk succeeded"; fi
path_online "$P2"

step "Checkers made while $P2 runs; $P2 offline for the second of three checks"
for n in tur directio readsector0 none; do
	$CS -n 3 -i 3000 $n /dev/$P2 >"$LOGDIR/$n.out" 2>>"$LOGDIR/cs.err" &
done
sleep 1
path_offline "$P2"
sleep 3
path_online "$P2"
wait
for n in tur directio readsector0; do
	out=$(tr '\n' ' ' <"$LOGDIR/$n.out")
	log "$n $P2: $out"
	assert_eq "$out" "ready faulty ready " "$n on $P2"
done
assert_eq "$(tr '\n' ' ' <"$LOGDIR/none.out")" "ready ready ready " "none on $P2"

step "Hung device: scsi_debug ignores commands"
echo 4 >/sys/block/$P1/device/timeout
echo 1 >/sys/bus/pseudo/drivers/scsi_debug/every_nth
echo 4 >/sys/bus/pseudo/drivers/scsi_debug/opts
t0=${EPOCHREALTIME/[.,]/}
out=$($CS -t 2 tur /dev/$P1 2>>"$LOGDIR/cs.err" || true)
log "tur hung: $out after $(( (${EPOCHREALTIME/[.,]/} - t0) / 1000 )) ms"
$CS -t 1 -s -w 25000 directio /dev/$P1 >"$LOGDIR/hung.out" 2>>"$LOGDIR/cs.err" &
pid=$!
sleep 3
log "ignoring stops"
echo 0 >/sys/bus/pseudo/drivers/scsi_debug/opts
echo 0 >/sys/bus/pseudo/drivers/scsi_debug/every_nth
wait $pid
out=$(cat "$LOGDIR/hung.out")
log "directio hung: $out"
assert_contains "$out" "i/o timeout" "directio on a hung device"
assert_contains "$out" "aio: groups=1 held=0 orphans=1 inflight=1" "orphan after free"
assert_contains "$out" "aio: groups=0 held=0 orphans=0 inflight=0" "orphan reaped, group gone"
