#!/bin/bash
# tests/vm/guest/runner.sh NAME... - run scenarios one after the other in this guest.
#
# Runs in the VM (started by guest/init.sh). For each scenario NAME (scenarios/NAME.sh of
# the run's script snapshot):
#   - clears the kernel log, runs the scenario in its own process group under a timeout
#     (MPT_VM_SCENARIO_TIMEOUT seconds), output in $RUNDIR/NAME/output.log;
#   - kills what it left behind, undoes lib.sh's iscsi_setup (sessions, iscsid, target),
#     removes all dm maps, unloads scsi_debug, deletes /etc/multipath.conf and
#     /etc/multipath, so the next scenario starts clean;
#   - writes $RUNDIR/NAME/result ("PASS|FAIL SECONDS") and, on failure, report.txt;
#   - prints "MPT-RESULT PASS|FAIL NAME SECONDS" on the console for the host.
# If the cleanup does not leave the guest clean, it prints "MPT-DIRTY NAME" and stops: the
# host boots a fresh VM for the remaining scenarios.

RUNDIR=${MPT_VM_RUNDIR:?}
SCRIPTS=$RUNDIR/scripts
BOOTDIR=$RUNDIR/boot-${MPT_VM_BOOT:-1}
TIMEOUT=${MPT_VM_SCENARIO_TIMEOUT:-150}
mkdir -p "$BOOTDIR"

now_ms() { echo $((${EPOCHREALTIME/[.,]/} / 1000)); }
secs() { printf '%d.%d' $(($1 / 1000)) $((($1 % 1000) / 100)); }

# Boot-wide setup, once: modules and udev (scenarios call these again, cheaply).
# (lib.sh's exit hook, which snapshots logs for scenarios, is not wanted here.)
if ! LOGDIR=$BOOTDIR bash -c ". '$SCRIPTS/lib.sh' && trap - EXIT && vm_load_modules && vm_start_udev" \
	>"$BOOTDIR/setup.log" 2>&1; then
	echo "MPT-BOOT-FAILED guest setup failed:"
	tail -n 20 "$BOOTDIR/setup.log"
	exit 1
fi
dmesg >"$BOOTDIR/dmesg-boot.log"
echo "MPT-READY $(cut -d' ' -f1 /proc/uptime)"

# Remove everything a scenario may have left; 0 when the guest is clean again.
cleanup() {
	local log=$1
	rm -f /etc/multipath.conf
	rm -rf /etc/multipath
	# iSCSI first (a no-op unless a scenario used it): its maps, sessions, iscsid, target
	LOGDIR=$BOOTDIR bash -c ". '$SCRIPTS/lib.sh' && trap - EXIT && iscsi_teardown && sd_remove" \
		>>"$log" 2>&1 || return 1
	[ ! -d /sys/module/scsi_debug ] || return 1
	[ "$(dmsetup ls 2>/dev/null)" = "No devices found" ] || return 1
	return 0
}

# report NAME : the failure report the host prints (reason, output, daemon log, dmesg).
report() {
	local name=$1 dir=$RUNDIR/$1 f
	echo "--- $name: $(cat "$dir/failure" 2>/dev/null || echo "no failure recorded")"
	echo "--- last 15 lines of the scenario's output (output.log):"
	tail -n 15 "$dir/output.log" 2>/dev/null
	for f in "$dir"/multipathd*.log; do
		[ -s "$f" ] || continue
		echo "--- last 30 lines of the daemon log (${f##*/}):"
		tail -n 30 "$f"
	done
	echo "--- last 30 lines of the kernel log (dmesg.log):"
	tail -n 30 "$dir/dmesg.log" 2>/dev/null
}

for name in "$@"; do
	dir=$RUNDIR/$name
	rm -rf "$dir"
	mkdir -p "$dir"
	echo "MPT-START $name"
	dmesg -C
	# The kernel log, followed into the share as it grows: if the VM dies or hangs, the
	# host still has it.
	dmesg --follow --nopager >"$dir/kernel.log" 2>&1 </dev/null &
	kpid=$!
	t0=$(now_ms)
	# a scenario may ask for a longer limit with a "# timeout: SECONDS" header line
	limit=$(sed -n 's/^# timeout: *\([0-9][0-9]*\).*/\1/p' "$SCRIPTS/scenarios/$name.sh" | head -n 1)
	limit=${limit:-$TIMEOUT}
	# timeout puts the scenario in its own process group and, on expiry, signals the whole
	# group (fio, monitors, flappers included).
	if [ "${MPT_VM_VERBOSE:-0}" = 1 ]; then
		SCENARIO=$name LOGDIR=$dir timeout -k 5 "$limit" \
			bash "$SCRIPTS/scenarios/$name.sh" </dev/null > >(tee "$dir/output.log") 2>&1 &
	else
		SCENARIO=$name LOGDIR=$dir timeout -k 5 "$limit" \
			bash "$SCRIPTS/scenarios/$name.sh" </dev/null >"$dir/output.log" 2>&1 &
	fi
	pid=$!
	wait "$pid"
	rc=$?
	t1=$(now_ms)
	kill -KILL -- "-$pid" 2>/dev/null
	kill "$kpid" 2>/dev/null
	if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
		[ -s "$dir/failure" ] || echo "timed out after ${limit}s (MPT_VM_SCENARIO_TIMEOUT or its '# timeout:' line)" >"$dir/failure"
	fi
	[ -s "$dir/dmesg.log" ] || dmesg >"$dir/dmesg.log"
	status=PASS
	if [ "$rc" != 0 ] || [ -s "$dir/failure" ]; then
		status=FAIL
		[ -s "$dir/failure" ] || echo "scenario exited with status $rc (no failure recorded)" >"$dir/failure"
	fi
	clean=1
	cleanup "$dir/cleanup.log" || clean=0
	took=$(secs $((t1 - t0)))
	echo "$status $took" >"$dir/result"
	[ "$status" = FAIL ] && report "$name" >"$dir/report.txt"
	sync
	echo "MPT-RESULT $status $name $took"
	if [ "$clean" = 0 ]; then
		echo "MPT-DIRTY $name"
		exit 0
	fi
done
exit 0
