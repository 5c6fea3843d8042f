#!/bin/bash
# timeout: 240
# 30-checkers: the path checkers against real scsi_debug paths: ready on a healthy disk,
# faulty while offline and ready again, i/o timeout on a hung disk, and a directio read
# orphaned by checker_free() reaped once the kernel completes it (its aio group destroyed).
# tur and readsector0 run through the sg nodes (module sg) and, with -P, through the SG_IO
# worker pool. A hung path (its SCSI host put in state "recovery": commands queue and are
# not dispatched, the block timeout never starts) checked next to a healthy one: starting
# its check takes < 10 ms and the healthy path's verdict comes in < 1 s.
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
SG1=$(ls /sys/block/$P1/device/scsi_generic)
assert_contains "$(<"$LOGDIR/cs.err")" "tur /dev/$P1 backend: $SG1" "tur uses the sg node"
log "block size $(cat /sys/block/$P1/queue/logical_block_size)"

step "$P2 offline: a new checker cannot open it"
path_offline "$P2"
if $CS tur /dev/$P2 2>>"$LOGDIR/cs.err"; then fail "checker_new on an offline disk succeeded"; fi
path_online "$P2"

step "Checkers made while $P2 runs; $P2 offline for the second of three checks"
# each fault toggled once every checker has printed its previous check (they are 4 s apart)
CHECKERS="tur directio readsector0 none Ptur Preadsector0"
all_printed() {
	local n lines
	for n in $CHECKERS; do
		mapfile -t lines <"$LOGDIR/$n.out"
		[ "${#lines[@]}" -ge "$1" ] || return 1
	done
}
for n in tur directio readsector0 none "-P tur" "-P readsector0"; do
	$CS -n 3 -i 4000 $n /dev/$P2 >"$LOGDIR/${n//[ -]/}.out" 2>>"$LOGDIR/cs.err" &
done
wait_for "all_printed 1" 20 0.1 || fail "the first checks did not finish"
path_offline "$P2"
wait_for "all_printed 2" 20 0.1 || true
path_online "$P2"
wait
assert_contains "$(<"$LOGDIR/cs.err")" "readsector0 /dev/$P2 backend: pool" "-P: the worker pool"
for n in tur directio readsector0 Ptur Preadsector0; do
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

# hung_read FILE : checker_selftest -H's key=value lines into the array R (no forks)
declare -A R
hung_read() {
	local k v
	R=()
	while IFS== read -r k v; do R[$k]=$v; done <"$1"
}

step "$P1 hung (its host in recovery) next to a healthy $P2, one tick"
HOST1=/sys/class/scsi_host/host$(dev_host "$P1")
log "$HOST1: $(<$HOST1/state)"
for v in tur readsector0 "-P tur"; do
	out=$LOGDIR/hung-${v//[ -]/}.out
	rm -f "$LOGDIR/go"
	# the checkers open the disks first: sd_open waits while the host is in recovery
	$CS -t 2 -H -W "$LOGDIR/go" $v /dev/$P1 /dev/$P2 >"$out" 2>>"$LOGDIR/cs.err" &
	pid=$!
	wait_for "grep -q '^created' '$out'" 30 0.1 || true
	echo recovery >$HOST1/state
	: >"$LOGDIR/go"
	wait_for "grep -q '^free_us=' '$out'" 30 0.2 || true
	echo running >$HOST1/state
	# SG_IO on the block device (the pool) waits in sd_ioctl, uninterruptibly, for the
	# host to leave recovery; only a SCSI reset ioctl wakes those waiters (the state
	# write does not). The sg write() path (O_NONBLOCK) does not wait there.
	sg_reset -d /dev/$SG1 || fail "sg_reset -d /dev/$SG1 failed"
	wait_for "! kill -0 $pid" 30 0.2 || fail "checker_selftest -H $v did not exit"
	wait $pid || fail "checker_selftest -H $v failed"
	hung_read "$out"
	log "$v: start hung ${R[start_hung_us]} us, healthy ${R[ok]} after ${R[ok_ms]} ms," \
		"hung ${R[hung]} then ${R[hung_final]} after ${R[hung_ms]} ms," \
		"next tick: start ${R[restart_us]} us, ${R[hung_again]}, healthy ${R[ok2]}" \
		"after ${R[ok2_ms]} ms; free ${R[free_us]} us; sleeps: start ${R[start_hung_sleeps]}" \
		"free ${R[free_sleeps]}"
	assert_eq "${R[ok]}" ready "$v: healthy $P2"
	assert_eq "${R[hung]}" "i/o pending" "$v: hung $P1 after the healthy verdict"
	assert_eq "${R[hung_final]}" "i/o timeout" "$v: hung $P1 at its timeout"
	assert_eq "${R[hung_again]}" "i/o timeout" "$v: hung $P1 on the next tick"
	assert_eq "${R[ok2]}" ready "$v: healthy $P2 on the next tick"
	# not blocked: it did not sleep, and far below the 2 s a blocking start takes (the
	# goal is 10 ms; a TCG guest on a loaded host can be descheduled that long)
	assert_eq "${R[start_hung_sleeps]}" 0 "$v: sleeps in checker_start() of the hung path"
	[ "${R[start_hung_us]}" -lt 100000 ] || fail "$v: checker_start() of the hung path took ${R[start_hung_us]} us"
	[ "${R[start_hung_us]}" -lt 10000 ] || log "$v: over 10 ms without sleeping: host load"
	[ "${R[ok_ms]%.*}" -lt 1000 ] || fail "$v: healthy verdict after ${R[ok_ms]} ms"
	[ "${R[hung_ms]}" -ge 1990 ] && [ "${R[hung_ms]}" -lt 3000 ] ||
		fail "$v: hung verdict after ${R[hung_ms]} ms, not at the 2 s timeout"
	assert_eq "${R[free_sleeps]}" 0 "$v: sleeps in checker_free() with the command in flight"
	[ "${R[free_us]}" -lt 100000 ] || fail "$v: checker_free() took ${R[free_us]} us"
done
step "After the hang and the reset: $P1 answers again"
assert_eq "$($CS tur /dev/$P1 2>>"$LOGDIR/cs.err")" ready "tur on $P1 after the hang"
