#!/bin/bash
# bench/run.sh - `make bench`: our multipath-tools side by side with Debian's 0.9.4, in one
# boot of the tests/vm guest (Debian's stock kernel under qemu TCG).
#
# Installs what the bench needs beyond `make check` (bench/install-deps.sh), boots the VM
# with bench/guest/main.sh as its job (the way tests/vm/demo.sh runs its own script), streams
# one progress line per step with the elapsed time, then prints the markdown table of raw
# figures and ratios (bench/table.sh) and writes it to RUNDIR/table.md.
# bench/README.md says what each figure measures.
#
# Environment (defaults in brackets):
#   BENCH_PARTS      parts to run, in order [flaky sampler scale]
#   BENCH_FLAKY_FLAP_S, BENCH_FLAKY_HEAL_S  the flaky part's flapping and healthy times [120, 180]
#   BENCH_SAMPLER_LUNS  LUNs of the sampler part, one flaky path each [64]
#   BENCH_RUNS       runs of the scale part, each figure is the median over them [3]; runs
#                    after the first happen only while the budget allows
#   BENCH_TOOLS      which implementations, in the order of odd runs [ours ref]
#   BENCH_FULL_RUNS  of those, how many also take the 60 s CPU windows and strace [1]
#   BENCH_BUDGET_S   the scale part starts no further run that would end past this many
#                    seconds of the guest's bench (with the boot, under 25 minutes) [1380]
#   BENCH_LUNS       scsi_debug LUNs, two paths each [256]; BENCH_SD_MB their store [8]
#   BENCH_IDLE_S, BENCH_FLAP_S, BENCH_STRACE_S   window lengths [40, 60, 10]
#   BENCH_FLAP_PATHS paths flapping in the flap window [16]
#   BENCH_READY_TIMEOUT  longest wait for a daemon's maps to be ready, s [1200]
#   BENCH_RECONF_TIMEOUT longest wait for all paths ready after a reconfigure under strace, s;
#                        past it the figure is "-" with a note, and the second reconfigure
#                        is skipped [20]
#   MPT_VM_MEM [2048], MPT_VM_CPUS [2], MPT_VM_TIMEOUT (hard limit of the boot) [4200],
#   MPT_VM_OUT (where run directories go) [bench/out]
# Exit status: 0 when the guest ran every part and a table was made.
set -u

# All of it in one function: bash has parsed it whole before it runs, so editing this file
# during an hour-long bench cannot change what the running one does next.
main() {
	BENCH_HOME=$(cd "$(dirname "$0")" && pwd)
	TOP=$(cd "$BENCH_HOME/.." && pwd)

	"$BENCH_HOME/install-deps.sh" || exit 2
	for b in bin/multipath bin/multipathd vmtools/dm_watch vmtools/dm_message; do
		[ -x "$TOP/build/$b" ] || {
			echo "bench: $TOP/build/$b missing: run make bench (it builds them)" >&2
			exit 2
		}
	done

	export MPT_VM_OUT=${MPT_VM_OUT:-$BENCH_HOME/out}
	export MPT_VM_TIMEOUT=${MPT_VM_TIMEOUT:-4200}
	# shellcheck source=../tests/vm/vm.sh
	. "$TOP/tests/vm/vm.sh"

	t0=$(vm_now_ms)
	# the commit measured: read now, a commit made during the run is not in the build
	commit=$(git -C "$TOP" rev-parse --short HEAD 2>/dev/null || echo unknown)
	load_start=$(cut -d' ' -f1-3 /proc/loadavg)
	echo "bench: host load average $load_start on $(nproc) CPUs; booting the VM (about 10 s)..."
	vm_init bench
	mkdir -p "$RUNDIR/scripts/bench"
	cp "$BENCH_HOME"/guest/*.sh "$RUNDIR/scripts/bench/"
	cat >"$RUNDIR/bench.env" <<-ENV
	BENCH_PARTS="${BENCH_PARTS:-flaky sampler scale}"
	BENCH_RUNS=${BENCH_RUNS:-3}
	BENCH_TOOLS="${BENCH_TOOLS:-ours ref}"
	BENCH_FULL_RUNS=${BENCH_FULL_RUNS:-1}
	BENCH_BUDGET_S=${BENCH_BUDGET_S:-1380}
	BENCH_LUNS=${BENCH_LUNS:-256}
	BENCH_SD_MB=${BENCH_SD_MB:-8}
	BENCH_IDLE_S=${BENCH_IDLE_S:-40}
	BENCH_FLAP_S=${BENCH_FLAP_S:-60}
	BENCH_FLAKY_FLAP_S=${BENCH_FLAKY_FLAP_S:-120}
	BENCH_FLAKY_HEAL_S=${BENCH_FLAKY_HEAL_S:-180}
	BENCH_SAMPLER_LUNS=${BENCH_SAMPLER_LUNS:-64}
	BENCH_STRACE_S=${BENCH_STRACE_S:-10}
	BENCH_FLAP_PATHS=${BENCH_FLAP_PATHS:-16}
	BENCH_READY_TIMEOUT=${BENCH_READY_TIMEOUT:-1200}
	BENCH_RECONF_TIMEOUT=${BENCH_RECONF_TIMEOUT:-20}
	MPT_VM_REF_VERSION=$MPT_VM_REF_VERSION
	ENV
	# The job path is relative to scripts/guest/ (see tests/vm/guest/init.sh).
	vm_boot 1 demo "../bench/main.sh"

	rc=$(sed -n 's/.*MPT-JOB-EXIT \([0-9]*\).*/\1/p' "$RUNDIR/console-1.log" | tail -n 1)
	{
		echo "host_cpus=$(nproc)"
		echo "load_start=$load_start"
		echo "load_end=$(cut -d' ' -f1-3 /proc/loadavg)"
		echo "host_s=$(vm_secs $(($(vm_now_ms) - t0)))"
		echo "ours_commit=$commit"
	} >"$RUNDIR/host.env"
	if [ "$VM_RC" != 0 ]; then
		echo "bench: the VM did not finish cleanly (qemu exit $VM_RC); console: $RUNDIR/console-1.log"
	fi
	echo
	if ! "$BENCH_HOME/table.sh" "$RUNDIR" >"$RUNDIR/table.md"; then
		echo "bench: no figures; logs in $RUNDIR/"
		exit 1
	fi
	cat "$RUNDIR/table.md"
	echo
	echo "bench: table in $RUNDIR/table.md"
	if [ -r "$RUNDIR/bench/flaky.env" ]; then
		"$BENCH_HOME/plot.sh" "$RUNDIR" >/dev/null && echo "bench: picture in $RUNDIR/flaky.svg"
	fi
	if [ "$rc" != 0 ] || [ "$VM_RC" != 0 ]; then
		echo "bench: the guest exited with ${rc:-?}: $(cat "$RUNDIR/bench/failure" 2>/dev/null || echo "see $RUNDIR/bench/")"
		exit 1
	fi
	exit 0
}

main "$@"
