# shellcheck shell=bash
# tests/vm/vm.sh - host side: boot the test VM and follow its console (sourced by run.sh and
# demo.sh).
#
#   vm_init                   run setup.sh (fast when done), load its vm.env, make a fresh run
#                             directory $RUNDIR under $MPT_VM_OUT and snapshot the scripts into
#                             it (the guest runs the snapshot: the tree may change meanwhile)
#   vm_boot N MODE JOB...     boot #N running guest/JOB...; MODE "run" prints only results,
#                             MODE "demo" streams the guest's output. Sets VM_RC (qemu's exit
#                             status, 124 = killed by the timeout), VM_UP_S (seconds from qemu
#                             start to the guest's stage 2), VM_TOOK_S, VM_SCENARIO_T0 (ms
#                             clock when the last scenario started).
#
# The machine: qemu TCG (KVM hangs on these hosts), MPT_VM_CPUS vCPUs, MPT_VM_MEM MiB, no
# network, serial console on stdio (-nographic). Two virtio-9p shares: the host's / read-only
# (the guest's root is an overlay of it with a tmpfs on top) and $RUNDIR read-write, mounted
# in the guest at the same absolute path. The kernel is Debian's, from setup.sh's cache.

# shellcheck disable=SC2034 # VM_* results are read by run.sh and demo.sh
VM_HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
MPT_TOP=$(cd "$VM_HERE/../.." && pwd)

vm_now_ms() { echo $((${EPOCHREALTIME/[.,]/} / 1000)); }
vm_secs() { printf '%d.%d' $(($1 / 1000)) $((($1 % 1000) / 100)); }

vm_init() {
	local name=$1 out
	"$VM_HERE/setup.sh" >/dev/null || {
		echo "vm: setup.sh failed" >&2
		exit 2
	}
	# shellcheck disable=SC1091
	. "${MPT_VM_CACHE:-/var/cache/mpt-vm}/vm.env"
	out=${MPT_VM_OUT:-$VM_HERE/out}
	case $out in
	/*) ;;
	*) out=$PWD/$out ;;
	esac
	mkdir -p "$out"
	RUNDIR=$out/$name-$(date +%Y%m%d-%H%M%S)-$$
	case $RUNDIR in
	*[[:space:]]*)
		echo "vm: the run directory must not contain white space: $RUNDIR" >&2
		exit 2
		;;
	esac
	mkdir -p "$RUNDIR/scripts/guest" "$RUNDIR/scripts/scenarios"
	ln -sfn "${RUNDIR##*/}" "$out/last"
	# Keep the 10 newest runs.
	# shellcheck disable=SC2012 # our own names, no odd characters
	ls -1dt "$out"/*-[0-9]*-[0-9]*-[0-9]* 2>/dev/null | tail -n +11 | while read -r old; do
		rm -rf "$old"
	done
	cp "$VM_HERE/lib.sh" "$RUNDIR/scripts/"
	cp "$VM_HERE"/guest/*.sh "$RUNDIR/scripts/guest/"
	cp "$VM_HERE"/scenarios/*.sh "$RUNDIR/scripts/scenarios/" 2>/dev/null || true
	VM_TMP=$(mktemp -d /tmp/mpt-vm.XXXXXX)
	VM_QEMU_PID=""
	trap vm_cleanup EXIT
	trap 'vm_cleanup; exit 130' INT TERM
}

# vm_cleanup_qemu : stop this shell's VM, if one runs.
vm_cleanup_qemu() {
	if [ -n "${VM_QEMU_PID:-}" ] && kill -0 "$VM_QEMU_PID" 2>/dev/null; then
		# VM_QEMU_PID is timeout(1), which passes the signal on to qemu.
		kill -TERM "$VM_QEMU_PID" 2>/dev/null
		wait "$VM_QEMU_PID" 2>/dev/null
	fi
	VM_QEMU_PID=""
}

vm_cleanup() {
	vm_cleanup_qemu
	[ -n "${VM_TMP:-}" ] && rm -rf "$VM_TMP"
}

# _vm_print : stdin to stdout in one write (up to the pipe's atomic size), so that the
# reports of VMs running side by side do not interleave line by line.
_vm_print() {
	local block
	block=$(cat)
	printf '%s\n' "$block"
}

# vm_boot N MODE JOB... (see the header)
vm_boot() {
	local boot=$1 mode=$2
	shift 2
	# Hard limit for this boot: MPT_VM_TIMEOUT, by default (and at least 300 s) 120 s for the boot and the guest's
	# set-up plus, for each scenario (the job's arguments after the script name), its own
	# limit (a "# timeout: S" header line, else MPT_VM_SCENARIO_TIMEOUT or 150 s) and 30 s.
	local timeout=120 name limit
	for name in "${@:2}"; do
		limit=$(sed -n 's/^# timeout: *\([0-9][0-9]*\).*/\1/p' \
			"$MPT_TOP/tests/vm/scenarios/$name.sh" 2>/dev/null | head -n 1)
		timeout=$((timeout + ${limit:-${MPT_VM_SCENARIO_TIMEOUT:-150}} + 30))
	done
	[ "$timeout" -ge 300 ] || timeout=300
	timeout=${MPT_VM_TIMEOUT:-$timeout}
	local console=$RUNDIR/console-$boot.log
	cat >"$RUNDIR/job-$boot.env" <<JOB
MPT_TOP=$MPT_TOP
MPT_VM_JOB="$*"
MPT_VM_BOOT=$boot
MPT_VM_CACHE=$MPT_VM_CACHE
MPT_VM_REF=$MPT_VM_REF
MPT_VM_SCENARIO_TIMEOUT=${MPT_VM_SCENARIO_TIMEOUT:-150}
MPT_VM_VERBOSE=${MPT_VM_VERBOSE:-0}
MPT_VM_AUTOLOAD=${MPT_VM_AUTOLOAD:-0}
MPT_DEMO_DAEMON=${MPT_DEMO_DAEMON:-ours}
MPT_DEMO_SECONDS=${MPT_DEMO_SECONDS:-25}
${MPATHD:+MPATHD=$MPATHD}
${MPATHD_ARGS+MPATHD_ARGS="$MPATHD_ARGS"}
JOB
	local append="console=ttyS0 loglevel=${MPT_VM_LOGLEVEL:-1} panic=-1 edd=off mitigations=off"
	append="$append mpt.out=$RUNDIR mpt.init=$RUNDIR/scripts/guest/init.sh mpt.job=job-$boot.env"
	append="$append mpt.modules=$MPT_VM_MODULES mpt.rootcache=${MPT_VM_ROOTCACHE:-mmap}"
	append="$append ${MPT_VM_APPEND:-}"
	local fifo=$VM_TMP/console-$boot
	rm -f "$fifo"
	mkfifo "$fifo"
	local t0
	t0=$(vm_now_ms)
	timeout -k 5 "$timeout" qemu-system-x86_64 -accel tcg -smp "${MPT_VM_CPUS:-2}" \
		-m "${MPT_VM_MEM:-2048}" -nodefaults -nographic -serial mon:stdio -no-reboot \
		-kernel "$MPT_VM_KERNEL" -initrd "$MPT_VM_INITRD" -append "$append" \
		-fsdev local,id=hostroot,path=/,security_model=none,readonly=on,multidevs=remap \
		-device virtio-9p-pci,fsdev=hostroot,mount_tag=hostroot \
		-fsdev local,id=mptout,path="$RUNDIR",security_model=none,multidevs=remap \
		-device virtio-9p-pci,fsdev=mptout,mount_tag=mptout \
		</dev/null >"$fifo" 2>&1 &
	VM_QEMU_PID=$!
	VM_UP_S=""
	VM_SCENARIO_T0=$t0
	_vm_follow "$mode" "$t0" <"$fifo" 3>"$console"
	wait "$VM_QEMU_PID"
	VM_RC=$?
	VM_QEMU_PID=""
	VM_TOOK_S=$(vm_secs $(($(vm_now_ms) - t0)))
	if [ "$VM_RC" = 124 ] || [ "$VM_RC" = 137 ]; then
		echo "vm: boot $boot killed after ${timeout}s (MPT_VM_TIMEOUT)" | tee -a "$console"
	fi
	return 0
}

# _vm_follow MODE T0 : read the console (stdin), keep it all on fd 3, show what MODE wants.
_vm_follow() {
	local mode=$1 t0=$2 line name status took marker
	local show=0
	[ "${MPT_VM_VERBOSE:-0}" = 1 ] && show=1
	while IFS= read -r line; do
		line=${line%$'\r'}
		# The console log gets the host's clock (seconds since qemu started) on each line.
		printf '[%6s] %s\n' "$(vm_secs $(($(vm_now_ms) - t0)))" "$line" >&3
		# Markers from the guest scripts start a line, but firmware or early kernel output
		# without a newline may precede them.
		case $line in
		*MPT-[A-Z]*) marker=MPT-${line#*MPT-} ;;
		*) marker="" ;;
		esac
		case $marker in
		"MPT-GUEST-UP "*)
			VM_UP_S=$(vm_secs $(($(vm_now_ms) - t0)))
			echo "vm: guest up in ${VM_UP_S}s (kernel ${marker##* })"
			[ "$mode" = demo ] && show=1
			;;
		"MPT-START "*)
			VM_SCENARIO_T0=$(vm_now_ms)
			;;
		"MPT-DIRTY "*)
			echo "vm: ${marker#MPT-DIRTY } left the guest unclean (see its cleanup.log); the rest runs in a fresh VM"
			;;
		"MPT-RESULT "*)
			read -r _ status name took <<<"$marker"
			{
				echo "$status $name (${took}s)"
				if [ "$status" = FAIL ] && [ -r "$RUNDIR/$name/report.txt" ]; then
					sed 's/^/    /' "$RUNDIR/$name/report.txt"
					echo "    --- all logs: $RUNDIR/$name/"
				fi
			} | _vm_print
			;;
		"MPT-BOOT-FAILED"*)
			echo "vm: ${marker#MPT-}"
			show=1
			;;
		"MPT-JOB-EXIT"*)
			# Only the power-off follows; keep it off the terminal.
			[ "${MPT_VM_VERBOSE:-0}" = 1 ] || show=0
			;;
		MPT-*) ;;
		*) [ "$show" = 1 ] && printf '%s\n' "$line" ;;
		esac
	done
	return 0
}
