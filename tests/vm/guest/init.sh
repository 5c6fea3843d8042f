#!/bin/bash
# tests/vm/guest/init.sh - stage 2 of the guest's boot, PID 1 in the overlay root.
#
# Started by guest/initramfs-init through switch_root, from the run directory's snapshot of
# the scripts ($RUNDIR/scripts/guest/init.sh, RUNDIR being the read-write share mounted at
# the same path as on the host). It completes the system (tmpfs on /tmp and /run, devpts,
# /dev/fd), reads the job file written by the host ($RUNDIR/job-BOOT.env, named by the
# kernel parameter mpt.job), runs the job named there
# (MPT_VM_JOB: a script in guest/ plus arguments) and powers the VM off. As PID 1 it must
# never exit, so it does not stop on errors.

RUNDIR=${0%/scripts/guest/init.sh}
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/root TERM=dumb LANG=C.UTF-8

# A fresh /tmp, unless the run directory (and so probably the checkout: CI may clone under
# /tmp) lives there: a tmpfs would hide it. The overlay root is writable anyway.
case $RUNDIR in
/tmp/*) ;;
*) mount -t tmpfs -o mode=1777 tmpfs /tmp ;;
esac
mount -t tmpfs -o mode=0755 tmpfs /run
mkdir -p /run/lock /run/udev /dev/pts /dev/shm
mount -t devpts -o gid=5,mode=620 devpts /dev/pts
mount -t tmpfs -o mode=1777 tmpfs /dev/shm
ln -sfn /proc/self/fd /dev/fd
ln -sfn /proc/self/fd/0 /dev/stdin
ln -sfn /proc/self/fd/1 /dev/stdout
ln -sfn /proc/self/fd/2 /dev/stderr
mountpoint -q /sys/kernel/debug || mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null
hostname mpt-vm
power_off() {
	sync
	echo "MPT-GUEST-DONE"
	if [ -x /bin/busybox ]; then
		/bin/busybox poweroff -f
	fi
	echo o >/proc/sysrq-trigger
	sleep 10
}

# the job file of this boot (several VMs may share the run directory)
JOBFILE=""
read -r -a CMDLINE </proc/cmdline
for arg in "${CMDLINE[@]}"; do
	case $arg in
	mpt.job=*) JOBFILE=${arg#mpt.job=} ;;
	esac
done
if [ -z "$JOBFILE" ] || [ ! -r "$RUNDIR/$JOBFILE" ]; then
	echo "MPT-BOOT-FAILED no job file (kernel parameter mpt.job: '$JOBFILE') in $RUNDIR"
	power_off
fi
set -a
# shellcheck disable=SC1090 # the host's job file
. "$RUNDIR/$JOBFILE"
set +a
export MPT_VM_RUNDIR=$RUNDIR

# Nothing in the guest loads modules behind our back (neither the kernel's request_module
# nor udev's kmod builtin in 80-drivers.rules): the harness loads what it uses, by name, so a
# test cannot pass only thanks to autoloading. MPT_VM_AUTOLOAD=1 keeps autoloading.
if [ "${MPT_VM_AUTOLOAD:-0}" != 1 ]; then
	echo /bin/false >/proc/sys/kernel/modprobe 2>/dev/null
	mkdir -p /etc/udev/rules.d
	: >/etc/udev/rules.d/80-drivers.rules
fi

echo "MPT-GUEST-UP $(cut -d' ' -f1 /proc/uptime) $(uname -r)"
# shellcheck disable=SC2086
bash "$RUNDIR/scripts/guest/"$MPT_VM_JOB </dev/null
echo "MPT-JOB-EXIT $?"
power_off
