#!/bin/bash
# tests/vm/demo.sh - `make demo`: boot the VM and tell, live and explained, how multipathd
# handles a flapping path without and then with io_err_stat (see guest/demo-guest.sh for the
# story). About 2-3 minutes with our daemon.
#
# Environment: MPT_DEMO_DAEMON=ours|ref (our multipathd, the default, or Debian's 0.9.4 with
# its marginal_path_* settings: 120 s minimum sample time, about 5 minutes in all),
# MPT_DEMO_SECONDS (how long the path flaps in each act, default 25), and the VM settings of
# run.sh (MPT_VM_TIMEOUT, MPT_VM_CPUS, MPT_VM_MEM, MPT_VM_CACHE, MPT_VM_OUT, MPATHD).
# Exit status 0 when the demo ran to its end and showed what it claims.
set -u

HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=vm.sh
. "$HERE/vm.sh"

export MPT_DEMO_DAEMON=${MPT_DEMO_DAEMON:-ours}
export MPT_DEMO_SECONDS=${MPT_DEMO_SECONDS:-25}
case $MPT_DEMO_DAEMON in
ours) export MPT_VM_TIMEOUT=${MPT_VM_TIMEOUT:-600} ;;
ref) export MPT_VM_TIMEOUT=${MPT_VM_TIMEOUT:-900} ;;
*)
	echo "demo: MPT_DEMO_DAEMON must be ours or ref (the shell stand-in 'none' is gone)" >&2
	exit 2
	;;
esac
if [ "$MPT_DEMO_DAEMON" = ours ] && [ ! -x "${MPATHD:-$MPT_TOP/build/bin/multipathd}" ]; then
	echo "demo: ${MPATHD:-$MPT_TOP/build/bin/multipathd} is missing: run 'make demo' (it builds it)" >&2
	exit 2
fi
echo "==> Booting a VM with Debian's stock kernel under qemu (TCG, no KVM); about 10 s..."
vm_init demo
vm_boot 1 demo "demo-guest.sh"
if [ "$VM_RC" != 0 ]; then
	echo "demo: the VM did not finish cleanly (qemu exit $VM_RC); console: $RUNDIR/console-1.log"
	exit 1
fi
rc=$(sed -n 's/.*MPT-JOB-EXIT \([0-9]*\).*/\1/p' "$RUNDIR/console-1.log" | tail -n1)
if [ "$rc" != 0 ]; then
	echo "demo: FAILED: $(cat "$RUNDIR/demo-guest/failure" 2>/dev/null || echo "exit ${rc:-?}")"
	echo "demo: logs in $RUNDIR/demo-guest/"
	exit 1
fi
echo "==> Done in ${VM_TOOK_S}s (VM up in ${VM_UP_S}s). Logs: $RUNDIR/"
