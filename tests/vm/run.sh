#!/bin/bash
# tests/vm/run.sh [SCENARIO...] - run real-kernel scenarios in a Debian-kernel VM.
#
# SCENARIO is a name from scenarios/ ("01-dmsetup-map", "01-dmsetup-map.sh", a path to it, or
# a unique prefix such as "01"); all of scenarios/*.sh when none is given. They are shared out
# among MPT_VM_JOBS VMs booted side by side (default 2 when the host has 2 CPUs or more; then
# with one vCPU each, unless MPT_VM_CPUS says otherwise),
# longest first to the VM with the least work, by the durations in durations.txt (60 s for a
# scenario it does not list). Each VM runs its share in one boot, one after the other, each
# with fresh scsi_debug disks; the guest removes maps and unloads scsi_debug between them. If
# that cleanup fails, the rest of that VM's share runs in a fresh boot (MPT_VM_ISOLATE=1 boots
# once per scenario anyway).
#
# Prints "PASS name (Ns)" or "FAIL name (Ns)" per scenario (a failure also prints the command
# that failed and the tails of the scenario output, daemon log and dmesg), then
# "N passed, N failed" as the last line (with VMs side by side, their lines interleave; a
# failure report is also in the scenario's report.txt). Exit status 0 only when all passed.
# Logs: tests/vm/out/last/ (one directory per scenario, console-BOOT.log per boot, BOOT being
# VM-N: VM, then its boot).
#
# Environment: MPT_VM_TIMEOUT (hard limit per boot, s; default 120 plus each scenario's
# limit and 30, at least 300), MPT_VM_SCENARIO_TIMEOUT
# (default 150), MPT_VM_VERBOSE=1 (stream the console), MPT_VM_ISOLATE=1, MPT_VM_JOBS, MPT_VM_CPUS
# (2; 1 with VMs side by side), MPT_VM_MEM (2048), MPT_VM_OUT (tests/vm/out), MPT_VM_CACHE, MPATHD, MPATHD_ARGS.
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

# lanes N SCENARIO... : one line per VM, its scenarios (in name order); shared out longest
# first to the VM with the least estimated time so far (durations.txt, "NAME SECONDS" lines,
# measured in a CI run).
lanes() {
	local n=$1 name durations=$HERE/durations.txt
	shift
	[ -r "$durations" ] || durations=/dev/null
	for name in "$@"; do
		echo "$(awk -v n="$name" '$1 == n { print $2; f = 1 } END { if (!f) print 60 }' \
			"$durations") $name"
	done | sort -rn | awk -v n="$n" '{
		best = 1
		for (i = 2; i <= n; i++) if (t[i] < t[best]) best = i
		t[best] += $1; l[best] = l[best] " " $2
	}
	END { for (i = 1; i <= n; i++) if (l[i] != "") print substr(l[i], 2) }' |
		while read -r -a names; do
			# each VM runs its share in the usual order
			printf '%s\n' "${names[@]}" | sort | paste -sd' '
		done
}

# run_lane VM SCENARIO... : boot VM number VM for the scenarios, again for the rest when one
# left the guest unclean or the VM died; writes "BOOTS PASSED FAILED" to $VM_TMP/lane-VM.
run_lane() {
	local vm=$1
	shift
	local remaining="$*" boot=0 passed=0 failed=0 batch next progress name dir status why
	trap 'vm_cleanup_qemu; exit 130' INT TERM
	while [ -n "$remaining" ]; do
		boot=$((boot + 1))
		if [ "${MPT_VM_ISOLATE:-0}" = 1 ]; then
			batch=${remaining%% *}
		else
			batch=$remaining
		fi
		# shellcheck disable=SC2086 # one argument per scenario
		vm_boot "$vm-$boot" run runner.sh $batch
		# Account for every scenario of the batch: finished ones have a result file; the
		# one that was running when the VM died failed; the rest go to the next boot.
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
				[ -s "$dir/failure" ] && why="$why; before that: $(cat "$dir/failure")"
				{
					echo "FAIL $name ($(vm_secs $(($(vm_now_ms) - VM_SCENARIO_T0)))s)"
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
						echo "--- last 10 console lines (console-$vm-$boot.log):"
						tail -n 10 "$RUNDIR/console-$vm-$boot.log"
					} | tee "$dir/report.txt" | sed 's/^/    /'
					echo "    --- all logs: $dir/"
				} | _vm_print
			else
				next="$next $name"
			fi
		done
		next=${next# }
		if [ "$progress" = 0 ] && [ -n "$next" ]; then
			# Not even one scenario started: the VM did not boot. Do not loop.
			{
				echo "vm: boot $vm-$boot failed (qemu exit $VM_RC); last console lines:"
				tail -n 30 "$RUNDIR/console-$vm-$boot.log" | sed 's/^/    /'
				for name in $next; do
					echo "FAIL $name (0s)"
				done
			} | _vm_print
			failed=$((failed + $(echo "$next" | wc -w)))
			next=""
		fi
		remaining=$next
	done
	echo "$boot $passed $failed" >"$VM_TMP/lane-$vm"
}

T0=$(vm_now_ms)
vm_init run
jobs=${MPT_VM_JOBS:-$(($(nproc) >= 2 ? 2 : 1))}
# one vCPU each unless told: two 2-vCPU guests on two host CPUs ran every scenario 2.4 times
# slower (a vCPU holding a guest lock is preempted by the other VM's), two 1-vCPU guests at
# the speed of one 2-vCPU guest
[ "$jobs" -gt 1 ] && export MPT_VM_CPUS=${MPT_VM_CPUS:-1}
# shellcheck disable=SC2086 # one argument per scenario
mapfile -t LANES < <(lanes "$jobs" $SCENARIOS)
pids=()
for ((vm = 1; vm <= ${#LANES[@]}; vm++)); do
	# shellcheck disable=SC2086 # one argument per scenario
	run_lane "$vm" ${LANES[vm - 1]} &
	pids+=("$!")
done
trap 'kill -TERM "${pids[@]}" 2>/dev/null; wait; vm_cleanup; exit 130' INT TERM
wait "${pids[@]}"
boot=0 passed=0 failed=0
for ((vm = 1; vm <= ${#LANES[@]}; vm++)); do
	read -r b p f <"$VM_TMP/lane-$vm" 2>/dev/null || {
		b=0 p=0 f=$(echo "${LANES[vm - 1]}" | wc -w)
		echo "vm: VM $vm ended without results: its scenarios count as failed"
	}
	boot=$((boot + b)) passed=$((passed + p)) failed=$((failed + f))
done

echo "vm: $boot boot(s), total $(vm_secs $(($(vm_now_ms) - T0)))s, logs in $RUNDIR"
echo "$passed passed, $failed failed"
# make check adds up the unit and VM results from this file
[ -n "${MPT_RESULTS:-}" ] && echo "vm $passed $failed" >>"$MPT_RESULTS"
[ "$failed" = 0 ]
