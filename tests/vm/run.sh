#!/bin/bash
# tests/vm/run.sh [SCENARIO...] - run real-kernel scenarios in a Debian-kernel VM.
#
# SCENARIO is a name from scenarios/ ("01-dmsetup-map", "01-dmsetup-map.sh", a path to it, or
# a unique prefix such as "01"); all of scenarios/*.sh when none is given. All of them run in
# one boot, one after the other, each with fresh scsi_debug disks; the guest removes maps and
# unloads scsi_debug between them. If that cleanup fails, the rest run in a fresh boot
# (MPT_VM_ISOLATE=1 boots once per scenario anyway).
#
# Prints "PASS name (Ns)" or "FAIL name (Ns)" per scenario (a failure also prints the command
# that failed and the tails of the scenario output, daemon log and dmesg), then
# "N passed, N failed" as the last line. Exit status 0 only when all passed.
# Logs: tests/vm/out/last/ (one directory per scenario, console-N.log per boot).
#
# Environment: MPT_VM_TIMEOUT (hard limit per boot, s; default 120 plus each scenario's
# limit and 30, at least 300), MPT_VM_SCENARIO_TIMEOUT
# (default 150), MPT_VM_VERBOSE=1 (stream the console), MPT_VM_ISOLATE=1, MPT_VM_CPUS (2),
# MPT_VM_MEM (2048), MPT_VM_OUT (tests/vm/out), MPT_VM_CACHE, MPATHD, MPATHD_ARGS.
set -u

HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=vm.sh
. "$HERE/vm.sh"

usage() {
	sed -n '2,20s/^# \{0,1\}//p' "$0"
	exit 2
}

# Resolve the scenario arguments to names.
resolve() {
	local arg base matches
	for arg in "$@"; do
		base=${arg##*/}
		base=${base%.sh}
		if [ -f "$HERE/scenarios/$base.sh" ]; then
			echo "$base"
			continue
		fi
		matches=$(cd "$HERE/scenarios" && ls -1 "$base"*.sh 2>/dev/null)
		if [ "$(echo "$matches" | grep -c .)" = 1 ]; then
			echo "${matches%.sh}"
		else
			echo "run.sh: no single scenario matches '$arg'${matches:+ (candidates: $(echo "$matches" | tr '\n' ' '))}" >&2
			return 1
		fi
	done
}

case ${1:-} in -h | --help) usage ;; esac
if [ $# -gt 0 ]; then
	SCENARIOS=$(resolve "$@") || exit 2
else
	SCENARIOS=$(cd "$HERE/scenarios" && for f in *.sh; do [ -f "$f" ] && echo "${f%.sh}"; done)
fi
SCENARIOS=$(echo "$SCENARIOS" | tr '\n' ' ')
SCENARIOS=${SCENARIOS% }
[ -n "$SCENARIOS" ] || {
	echo "run.sh: no scenarios" >&2
	exit 2
}

T0=$(vm_now_ms)
vm_init run

remaining=$SCENARIOS
boot=0
passed=0 failed=0
while [ -n "$remaining" ]; do
	boot=$((boot + 1))
	if [ "${MPT_VM_ISOLATE:-0}" = 1 ]; then
		batch=${remaining%% *}
	else
		batch=$remaining
	fi
	# shellcheck disable=SC2086 # one argument per scenario
	vm_boot "$boot" run runner.sh $batch
	# Account for every scenario of the batch: finished ones have a result file; the one
	# that was running when the VM died failed; the rest go to the next boot.
	next=""
	progress=0
	for name in $batch; do
		dir=$RUNDIR/$name
		if [ -s "$dir/result" ]; then
			progress=1
			read -r status _ <"$dir/result"
			if [ "$status" = PASS ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
		elif [ -d "$dir" ]; then
			# Started but never finished: the VM hung or died under it.
			progress=1
			failed=$((failed + 1))
			why="the VM stopped during this scenario (qemu exit $VM_RC; 124 = killed by the boot's time limit, MPT_VM_TIMEOUT)"
			echo "FAIL $name ($(vm_secs $(($(vm_now_ms) - VM_SCENARIO_T0)))s)"
			[ -s "$dir/failure" ] && why="$why; before that: $(cat "$dir/failure")"
			{
				echo "--- $name: $why"
				echo "--- last 15 lines of the scenario's output (output.log):"
				tail -n 15 "$dir/output.log" 2>/dev/null
				for f in "$dir"/multipathd*.log; do
					[ -s "$f" ] || continue
					echo "--- last 30 lines of the daemon log (${f##*/}):"
					tail -n 30 "$f"
				done
				echo "--- last 30 lines of the kernel log (kernel.log, followed live):"
				tail -n 30 "$dir/kernel.log" 2>/dev/null
				echo "--- last 10 console lines (console-$boot.log):"
				tail -n 10 "$RUNDIR/console-$boot.log"
			} | tee "$dir/report.txt" | sed 's/^/    /'
			echo "    --- all logs: $dir/"
		else
			next="$next $name"
		fi
	done
	next=${next# }
	if [ "$progress" = 0 ] && [ -n "$next" ]; then
		# Not even one scenario started: the VM did not boot. Do not loop.
		echo "vm: boot $boot failed (qemu exit $VM_RC); last console lines:"
		tail -n 30 "$RUNDIR/console-$boot.log" | sed 's/^/    /'
		for name in $next; do
			echo "FAIL $name (0s)"
			failed=$((failed + 1))
		done
		next=""
	fi
	remaining=$next
done

echo "vm: $boot boot(s), total $(vm_secs $(($(vm_now_ms) - T0)))s, logs in $RUNDIR"
echo "$passed passed, $failed failed"
# make check adds up the unit and VM results from this file
[ -n "${MPT_RESULTS:-}" ] && echo "vm $passed $failed" >>"$MPT_RESULTS"
[ "$failed" = 0 ]
