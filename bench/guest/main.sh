#!/bin/bash
# bench/guest/main.sh - the body of `make bench` (runs in the VM as its job; see ../run.sh).
#
# Reads $MPT_VM_RUNDIR/bench.env (written by the host: BENCH_PARTS, BENCH_RUNS, budget and
# sizes), loads the modules, starts udev, copies Debian's multipath-tools into the guest
# (ref_install), then runs part_NAME for each NAME of BENCH_PARTS (flaky, sampler, scale;
# one file each). Every figure goes to $BENCH_DIR/raw.tsv as soon as it is measured, the
# guest's facts to meta.env; the host makes the table. One progress line per step on stdout
# (the host streams the console), with the seconds since the bench started.
# Exit status: 0 when every part ran (a part may still note figures it could not take).
SCENARIO=bench
export SCENARIO
# (in the run's snapshot, tests/vm/lib.sh is scripts/lib.sh and this directory scripts/bench)
# shellcheck source=../../tests/vm/lib.sh
. "$(dirname "$0")/../lib.sh"
BENCH_GUEST=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib-bench.sh
. "$BENCH_GUEST/lib-bench.sh"
# shellcheck source=scale.sh
. "$BENCH_GUEST/scale.sh"
# shellcheck source=flaky.sh
. "$BENCH_GUEST/flaky.sh"
# shellcheck source=sampler.sh
. "$BENCH_GUEST/sampler.sh"
# lib.sh's exit hook snapshots every SCSI device with two processes each: minutes with 512
# disks under TCG. This one stops the helpers and keeps the kernel log only.
# shellcheck disable=SC2317 # called by the trap
_bench_exit() {
	local rc=$? pid
	trap - ERR
	for pid in $_MPT_BG_PIDS; do
		kill "$pid" 2>/dev/null || true
	done
	dmesg >"$LOGDIR/dmesg.log" 2>&1 || true
	exit "$rc"
}
trap _bench_exit EXIT
# shellcheck disable=SC1091
[ -r "$MPT_VM_RUNDIR/bench.env" ] && . "$MPT_VM_RUNDIR/bench.env"

BENCH_T0=$(bnow_us)
BENCH_BUDGET_S=${BENCH_BUDGET_S:-1380}
: >"$BENCH_DIR/raw.tsv"
: >"$BENCH_DIR/notes.txt"
{
	echo "vcpus=$(nproc)"
	echo "mem_mib=$(awk '/MemTotal/ { printf "%d", $2 / 1024 }' /proc/meminfo)"
	echo "kernel=$(uname -r)"
	echo "ref_version=${MPT_VM_REF_VERSION:-0.9.4}"
} >"$BENCH_DIR/meta.env"

bstep "guest: loading modules, starting udev, copying Debian's multipath-tools into the guest..."
# shellcheck disable=SC2119 # no extra modules
vm_load_modules
vm_start_udev
ref_install >/dev/null
[ -x "$MPT_TOP/build/bin/multipathd" ] || fail "build/bin/multipathd missing: run make first"

rc=0
for part in ${BENCH_PARTS:-flaky sampler scale}; do
	bstep "=== part $part ==="
	"part_$part" || {
		bnote "part $part stopped early (see $BENCH_DIR)"
		rc=1
	}
done
{
	echo "scale_runs=${BENCH_SCALE_RUNS:-0}"
	echo "luns=${BENCH_LUNS:-0}"
	echo "flap_paths=${BENCH_FLAP_PATHS:-0}"
	echo "strace_s=${BENCH_STRACE_S:-0}"
} >>"$BENCH_DIR/meta.env"
echo "guest_s=$(bsecs_since "$BENCH_T0")" >>"$BENCH_DIR/meta.env"
bstep "guest: done"
exit "$rc"
