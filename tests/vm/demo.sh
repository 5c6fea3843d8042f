#!/bin/bash
# tests/vm/demo.sh - `make demo`: boot the VM and show, live and explained, what the kernel
# side of dm-multipath does when a path turns flaky (see guest/demo-guest.sh for the story).
#
# Environment: MPT_DEMO_DAEMON=none|ours|ref (who manages the map; default none until our
# multipathd exists), MPT_DEMO_SECONDS (default 20), and the VM settings of run.sh
# (MPT_VM_TIMEOUT, MPT_VM_CPUS, MPT_VM_MEM, MPT_VM_CACHE, MPT_VM_OUT, MPATHD).
# Exit status 0 when the demo ran to its end (fio saw no error).
set -u

HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=vm.sh
. "$HERE/vm.sh"

export MPT_DEMO_DAEMON=${MPT_DEMO_DAEMON:-none}
export MPT_DEMO_SECONDS=${MPT_DEMO_SECONDS:-20}
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
