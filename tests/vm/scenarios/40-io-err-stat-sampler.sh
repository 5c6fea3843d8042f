#!/bin/bash
# 40-io-err-stat-sampler: io_err_stat's sampler (libmultipath/io_err_stat.c, its own thread,
# the shared aio_group contexts) on real scsi_debug paths, through
# build/vmtools/ioerr_selftest (two path_failed calls per path, one 5 s window, threshold 50):
#   (a) a path flapping (offline 300 ms of every 1000 ms) during the window is judged bad:
#       held, rate > 50 permille;
#   (b) the same path, healthy again, is released after one window with no error;
#   (c) 8 devices sampled at once each get their share of the nominal cadence. Nominal: 32 slots
#       resubmitted every 100 ms = 320 reads/s per path, 1600 in a 5 s window. Measured both
#       as the IOs the verdict counted and as the reads the disk completed (/sys/block/X/stat).
#       (c1) 8 scsi_debug LUNs behind one host (scsi_debug gives each host its own ALUA port
#       group, some standby, where reads fail): under TCG the emulated SCSI stack cannot carry
#       2560 reads/s (fio gets ~2200 IOPS here), so this checks that every path gets the same
#       share. (c2) 8 null_blk disks, whose reads cost the kernel almost nothing: each must
#       get >= 75% of the nominal cadence, which is the sampler's own (best of up to three
#       windows). The bar is below 90% because the VM's two emulated vCPUs share the host's
#       two cores with whatever else runs (measured 78-100% under load); `make bench`
#       reports the achieved cadence of 64 paths as a figure.
. "$(dirname "$0")/../lib.sh"
IES=$MPT_TOP/build/vmtools/ioerr_selftest
[ -x "$IES" ] || fail "$IES not built"
SAMPLE=5
NOMINAL=$((32 * 10 * SAMPLE))
MIN=$((NOMINAL * 75 / 100))

vm_load_modules
vm_start_udev

# parse OUT : from ioerr_selftest's output (builtins only: every fork is slow under TCG)
# V_STATE[dev] (held/released), V_IOS, V_ERR, V_RATE, and OUT_TEXT (the whole output).
parse() {
	local tag dev state rest kv
	declare -gA V_STATE=() V_IOS=() V_ERR=() V_RATE=()
	OUT_TEXT=$(<"$1")
	while read -r tag dev state rest; do
		[ "$tag" = verdict: ] || continue
		V_STATE[$dev]=$state
		for kv in $rest; do
			case $kv in
			ios=*) V_IOS[$dev]=${kv#ios=} ;;
			errors=*) V_ERR[$dev]=${kv#errors=} ;;
			rate=*) V_RATE[$dev]=${kv#rate=} ;;
			esac
		done
	done <<<"$OUT_TEXT"
}

# sample OUT DEV... : one window on all of them at once; BEFORE[dev] = reads before
sample() {
	local out=$1 d
	shift
	declare -gA BEFORE=()
	for d in "$@"; do BEFORE[$d]=$(dev_reads "$d"); done
	$IES -s $SAMPLE -r 50 "${@/#//dev/}" >"$out" 2>&1 || fail "ioerr_selftest failed: $(tail -5 "$out")"
	parse "$out"
	grep -v '^status:' "$out"
}

# cadence DEV... : per device, the IOs the verdict counted and the reads the disk
# completed; each must be released. Sets WORST and BEST (counted IOs).
cadence() {
	local d reads line=""
	WORST=$NOMINAL BEST=0
	for d in "$@"; do
		reads=$(($(dev_reads "$d") - ${BEFORE[$d]}))
		[ "${V_STATE[$d]:-}" = released ] || fail "$d: verdict '${V_STATE[$d]:-none}', expected released"
		line+=" $d ${V_IOS[$d]}/$reads"
		if [ "${V_IOS[$d]}" -lt "$WORST" ]; then WORST=${V_IOS[$d]}; fi
		if [ "${V_IOS[$d]}" -gt "$BEST" ]; then BEST=${V_IOS[$d]}; fi
	done
	log "counted IOs / disk reads:$line (nominal $NOMINAL each)"
	log "cadence: worst $WORST, best $BEST of $NOMINAL ($((WORST * 100 / NOMINAL))%..$((BEST * 100 / NOMINAL))%)"
}

step "One LUN, one path"
sd_create 1 1
P1=$(sd_paths 0)

step "(a) $P1 flapping (offline 300 ms of every 1000 ms) during a ${SAMPLE}s window"
$IES -s $SAMPLE -r 50 "/dev/$P1" >"$LOGDIR/a.out" 2>&1 &
IES_PID=$!
# the window opens the device: start flapping once it has
wait_for '[[ $(<"$LOGDIR/a.out") == *"window 1 starts"* ]]' 20 0.05 || fail "no sampling window started"
path_flap "$P1" 300 1000 $((SAMPLE + 2))
rc=0
wait "$IES_PID" || rc=$?
parse "$LOGDIR/a.out"
printf '%s\n' "$OUT_TEXT"
[ "$rc" = 0 ] || fail "ioerr_selftest (a) exited $rc"
assert_contains "$OUT_TEXT" "$P1: path_failed 2: flaky" "second failure"
assert_eq "${V_STATE[$P1]}" held "flapping path"
log "flapping: errors ${V_ERR[$P1]} / ${V_IOS[$P1]} IOs, rate ${V_RATE[$P1]} permille"
[ "${V_RATE[$P1]}" -gt 50 ] || fail "flapping path: rate ${V_RATE[$P1]} permille, expected > 50"
wait "$FLAP_PID"
assert_eq "$(path_state "$P1")" running "$P1 state after flapping"

step "(b) $P1 healthy: released after one window"
sample "$LOGDIR/b.out" "$P1"
assert_eq "${V_STATE[$P1]}" released "healthy path"
assert_eq "${V_ERR[$P1]}" 0 "errors on the healthy path"
assert_contains "$OUT_TEXT" "aio: groups=" "aio stats"
assert_not_contains "$OUT_TEXT" "held=1" "slots given back"
log "healthy: ${V_IOS[$P1]} IOs of $NOMINAL nominal"

step "(c1) Eight scsi_debug LUNs behind one host, sampled at once: no path starved"
sd_create 8 1
P=()
for ((i = 0; i < 8; i++)); do P+=("$(sd_paths $i)"); done
sample "$LOGDIR/c1.out" "${P[@]}"
cadence "${P[@]}"
# the emulated SCSI stack is the limit here (fio reaches ~2200 IOPS in this VM, 8 x 320 =
# 2560 are asked for): every path must get the same share of what the kernel carried
[ "$WORST" -ge $((BEST * 80 / 100)) ] || fail "unfair: worst path $WORST IOs, best $BEST"

step "(c2) Eight null_blk disks sampled at once: each >= $MIN of $NOMINAL reads ($((MIN / SAMPLE))/s of $((NOMINAL / SAMPLE))/s)"
sd_remove
modprobe null_blk nr_devices=8 gb=1 bs=512 || fail "modprobe null_blk failed"
N=()
for ((i = 0; i < 8; i++)); do N+=("nullb$i"); done
wait_for '[ -b /dev/nullb7 ]' 10 || fail "/dev/nullb7 missing"
# the VM shares two host cores with other work: up to three windows, the best one counts
best=0
for attempt in 1 2 3; do
	sample "$LOGDIR/c2-$attempt.out" "${N[@]}"
	cadence "${N[@]}"
	[ "$WORST" -ge $((BEST * 80 / 100)) ] || fail "unfair: worst disk $WORST IOs, best $BEST"
	if [ "$WORST" -gt "$best" ]; then best=$WORST; fi
	if [ "$best" -ge "$MIN" ]; then break; fi
done
rmmod null_blk || log "rmmod null_blk failed"
log "cadence of the worst disk in the best window: $best of $NOMINAL ($((best * 100 / NOMINAL))%) after $attempt window(s)"
[ "$best" -ge "$MIN" ] || fail "worst disk: $best IOs counted, expected >= $MIN"
