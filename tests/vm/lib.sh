# shellcheck shell=bash
# tests/vm/lib.sh - helpers for the real-kernel scenarios (sourced, runs INSIDE the VM guest).
#
# A scenario is a bash script in scenarios/ that starts with
#     . "$(dirname "$0")/../lib.sh"
# and then drives the kernel: scsi_debug disks as paths, dm-multipath maps, path faults, fio.
# It passes when it exits 0. Any failing command that is not tested (if/while/&&/||) fails the
# scenario through the ERR trap below, recording the command and where it was; `fail MSG`
# does the same with a message of your own. The first failure is kept in $LOGDIR/failure,
# which the runner prints together with the tails of the daemon log and of dmesg.
#
# Environment (set by the runner in the guest; defaults make a scenario runnable by hand):
#   MPT_TOP      repository root (same absolute path as on the host)
#   LOGDIR       where this scenario writes its logs (default $MPT_VM_RUNDIR/<scenario> in
#                the harness's guest, else /tmp/mpt-vm/<scenario>)
#   MPATHD       multipathd binary (default $MPT_TOP/build/bin/multipathd)
#   MPATHD_ARGS  extra daemon arguments (default -v3)
#
# Functions (details above each one):
#   setup      vm_start_udev, udevd_start, vm_load_modules
#   paths      sd_create, sd_remove, sd_paths, dev_devt, dev_sectors, path_offline,
#              path_online, path_state, path_flap, path_delete, path_rescan
#   iscsi      iscsi_setup, iscsi_path_hang, iscsi_path_resume, iscsi_session_state,
#              iscsi_alua_state, iscsi_teardown (one LUN over N loopback portals: a fault
#              on one transport; ALUA states per portal)
#   maps       dm_remove_all, dm_path_state
#   uevents    uevent_monitor_start, uevent_monitor_stop, uevent_wait
#   io         fio_run, fio_start, fio_wait
#   timing     cmd_trace_start, cmd_trace_stop, cmd_trace_max_gap, cmd_trace_late,
#              log_stamp_start, stamp_of, sample_cmd_start
#   daemon     mpathd_start, mpathd_stop, ref_install, udev_rules_install, udev_rules_remove
#   checks     fail, assert_eq, assert_contains, assert_not_contains, wait_for, run
#   output     step, log, collect_logs

# Source once.
[ -n "${_MPT_LIB:-}" ] && return 0
_MPT_LIB=1

export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
MPT_VM_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd) # the tests/vm snapshot in use
SCENARIO=${SCENARIO:-$(basename "$0" .sh)}
if [ -n "${MPT_VM_RUNDIR:-}" ]; then
	LOGDIR=${LOGDIR:-$MPT_VM_RUNDIR/$SCENARIO}
else
	LOGDIR=${LOGDIR:-/tmp/mpt-vm/$SCENARIO}
fi
mkdir -p "$LOGDIR"
export MPT_TOP MPT_VM_DIR SCENARIO LOGDIR

_MPT_T0=${EPOCHREALTIME/[.,]/}
_MPT_BG_PIDS=""

# ------------------------------------------------------------------------------------------
# Output
# ------------------------------------------------------------------------------------------

# Seconds since the library was loaded, e.g. "12.345".
elapsed() {
	local now=${EPOCHREALTIME/[.,]/}
	local ms=$(((now - _MPT_T0) / 1000))
	printf '%d.%03d' $((ms / 1000)) $((ms % 1000))
}

# log MSG... : a timestamped line on stdout (the runner keeps it in $LOGDIR/output.log).
log() { printf '[%7s] %s\n' "$(elapsed)" "$*"; }

# step MSG... : a headline, for the reader of the demo and of a scenario's output.
step() { printf '\n==> %s\n' "$*"; }

# ------------------------------------------------------------------------------------------
# Failing
# ------------------------------------------------------------------------------------------

# fail MSG... : record MSG as the reason this scenario failed and exit non-zero.
# Only the first failure is recorded. Inside $(...) or ( ... ) it ends only that subshell,
# but the record stays, and the runner counts a recorded failure as FAIL whatever the exit
# status of the scenario.
fail() {
	local msg="$*"
	[ -s "$LOGDIR/failure" ] || printf '%s\n' "$msg" >"$LOGDIR/failure"
	printf 'FAIL: %s\n' "$msg" >&2
	exit 1
}

# Any untested command that fails ends the scenario, naming the command and its place: the
# file:line of the command, and when that is inside a function, the scenario line calling it.
# Only the scenario's own shell acts on it: bash also runs the ERR trap inside $(...) and
# pipeline parts, even under `if`, where a failing command is often expected; there, the
# failure counts only if it makes the enclosing command in the main shell fail.
_mpt_on_err() {
	local rc=$1 cmd=$2 where=$3 i from=""
	trap - ERR
	for ((i = 1; i < ${#BASH_SOURCE[@]}; i++)); do
		if [ "${BASH_SOURCE[i]}" = "$0" ]; then
			from="${BASH_SOURCE[i]##*/}:${BASH_LINENO[i - 1]}"
			break
		fi
	done
	[ -n "$from" ] && [ "$from" != "$where" ] && where="$where, called from $from"
	fail "command failed (exit $rc) at $where: $cmd"
}
set -E -o pipefail
trap '[ "$BASHPID" != "$$" ] || _mpt_on_err "$?" "$BASH_COMMAND" "${BASH_SOURCE[0]##*/}:$LINENO"' ERR

# Background helpers (and a daemon left running) are stopped when the scenario exits,
# whichever way it exits; then the logs are collected.
_mpt_bg() { _MPT_BG_PIDS="$_MPT_BG_PIDS $*"; }
_mpt_exit() {
	local rc=$? pid
	trap - ERR
	for pid in $_MPT_BG_PIDS; do
		kill "$pid" 2>/dev/null || true
	done
	if [ -n "${MPATHD_PID:-}" ]; then
		log "multipathd still running at exit: stopping it"
		_mpathd_term "$MPATHD_PID" || true
	fi
	collect_logs >/dev/null 2>&1 || true
	exit "$rc"
}
trap _mpt_exit EXIT

# wait_for CMD [TIMEOUT_S [INTERVAL_S]] : evaluate CMD until it succeeds; 1 on timeout.
# Example: wait_for '[ "$(path_state sda)" = running ]' 10
wait_for() {
	local cmd=$1 timeout=${2:-10} interval=${3:-0.1}
	local end=$((${EPOCHREALTIME/[.,]/} + timeout * 1000000))
	while :; do
		if eval "$cmd" >/dev/null 2>&1; then
			return 0
		fi
		if [ "${EPOCHREALTIME/[.,]/}" -ge "$end" ]; then
			log "wait_for: timed out after ${timeout}s: $cmd"
			return 1
		fi
		sleep "$interval"
	done
}

# assert_eq ACTUAL EXPECTED [WHAT]
assert_eq() {
	[ "$1" = "$2" ] || fail "${3:-assert_eq}: expected '$2', got '$1'"
	log "ok: ${3:-value} = '$2'"
}

# assert_contains HAYSTACK NEEDLE [WHAT] : NEEDLE is a fixed string.
assert_contains() {
	case $1 in
	*"$2"*) log "ok: ${3:-text} contains '$2'" ;;
	*) fail "${3:-assert_contains}: '$2' not found in: $1" ;;
	esac
}

# assert_not_contains HAYSTACK NEEDLE [WHAT]
assert_not_contains() {
	case $1 in
	*"$2"*) fail "${3:-assert_not_contains}: '$2' unexpectedly found in: $1" ;;
	*) log "ok: ${3:-text} does not contain '$2'" ;;
	esac
}

# run CMD [ARGS...] : run a command, echoing it and its output; fail the scenario with the
# command line and its exit status when it fails.
run() {
	log "+ $*"
	local rc=0
	"$@" || rc=$?
	[ "$rc" = 0 ] || fail "command failed (exit $rc): $*"
}

# ------------------------------------------------------------------------------------------
# Guest setup (the runner does both once per boot; calling them again is cheap)
# ------------------------------------------------------------------------------------------

# udevd_start : start systemd-udevd (nothing replayed) and wait until it answers.
udevd_start() {
	mkdir -p /run/udev
	/lib/systemd/systemd-udevd --daemon >>"$LOGDIR/udevd.log" 2>&1 ||
		fail "systemd-udevd did not start"
	wait_for 'udevadm control --ping' 10 || fail "systemd-udevd does not answer"
}

# vm_start_udev : start systemd-udevd unless it runs already, replay the "add" events of
# the devices that exist already (coldplug) and wait for udev to finish. udev provides
# ID_SERIAL/ID_WWN, /dev/disk/by-id and the /dev/mapper nodes. Only the storage-related
# subsystems are replayed (2 s faster under TCG); MPT_VM_TRIGGER_ALL=1 replays everything.
vm_start_udev() {
	if ! udevadm control --ping >/dev/null 2>&1; then
		udevd_start
		if [ "${MPT_VM_TRIGGER_ALL:-0}" = 1 ]; then
			udevadm trigger --type=subsystems --action=add
			udevadm trigger --type=devices --action=add
		else
			udevadm trigger --type=devices --action=add --subsystem-match=block \
				--subsystem-match=scsi --subsystem-match=scsi_disk \
				--subsystem-match=scsi_generic --subsystem-match=scsi_host \
				--subsystem-match=bsg --subsystem-match=misc
		fi
	fi
	udevadm settle --timeout=60 || fail "udevadm settle timed out"
}

# vm_load_modules [MODULE...] : the guest has no module autoload: load what the tests use,
# plus any modules named.
vm_load_modules() {
	modprobe -a sd_mod sg scsi_dh_alua scsi_dh_rdac scsi_dh_emc dm_mod dm_multipath \
		dm_round_robin dm_service_time dm_queue_length "$@" ||
		fail "modprobe failed: $*"
	[ -c /dev/mapper/control ] || wait_for '[ -c /dev/mapper/control ]' 5 ||
		fail "/dev/mapper/control missing after loading dm_mod"
}

# ------------------------------------------------------------------------------------------
# Paths: scsi_debug disks
# ------------------------------------------------------------------------------------------

# _attr FILE : print the first line of a sysfs attribute. A builtin `read` instead of cat:
# under TCG every exec costs 0.05-0.3 s, and these helpers run often.
_attr() {
	local value
	read -r value <"$1" || return 1
	echo "$value"
}

# dev_devt sdX : "major:minor" of a block device.
dev_devt() { _attr "/sys/class/block/$1/dev"; }

# dev_sectors sdX : size in 512-byte sectors.
dev_sectors() { _attr "/sys/class/block/$1/size"; }

# dev_wwid sdX : the kernel's VPD-based identifier, e.g. "naa.333333300000000" (sysfs).
dev_wwid() { _attr "/sys/class/block/$1/device/wwid"; }

# dev_serial sdX : udev's ID_SERIAL of the disk, the WWID both daemons name its map by.
dev_serial() { udevadm info -q property -n "/dev/$1" | sed -n 's/^ID_SERIAL=//p'; }

# dev_reads sdX : read IOs the disk got so far: reads completed plus reads merged into another
# (the first two fields of /sys/class/block/X/stat; two adjacent random reads may merge).
dev_reads() {
	local reads merged _
	read -r reads merged _ <"/sys/class/block/$1/stat"
	echo "$((reads + merged))"
}

# dev_host sdX : SCSI host number of the path ("2" for host2).
dev_host() {
	local hctl
	hctl=$(cd -P "/sys/class/block/$1/device" && pwd) || return 1
	hctl=${hctl##*/}
	echo "${hctl%%:*}"
}

# _sd_disks : "H:C:T:L sdX" for every scsi_debug disk, sorted by H:C:T:L.
_sd_disks() {
	local dev model b
	for dev in /sys/bus/scsi/devices/*:*:*:*; do
		[ -r "$dev/model" ] || continue
		read -r model <"$dev/model"
		[ "$model" = scsi_debug ] || continue
		for b in "$dev"/block/*; do
			if [ -e "$b" ]; then
				echo "${dev##*/} ${b##*/}"
			fi
		done
	done | sort -t: -k1,1n -k2,2n -k3,3n -k4,4n
	return 0
}

# _sd_collect : fill SD_* from sysfs (see sd_create).
_sd_collect() {
	local hctl dev wwid list
	SD_DEVS="" SD_WWIDS="" SD_NLUNS=0
	while read -r hctl dev; do
		[ -n "$dev" ] || continue
		SD_DEVS="$SD_DEVS $dev"
		wwid=$(dev_wwid "$dev")
		case " $SD_WWIDS " in
		*" $wwid "*) ;;
		*) SD_WWIDS="$SD_WWIDS $wwid" ;;
		esac
	done < <(_sd_disks)
	SD_DEVS=${SD_DEVS# } SD_WWIDS=${SD_WWIDS# }
	for wwid in $SD_WWIDS; do
		list=""
		for dev in $SD_DEVS; do
			if [ "$(dev_wwid "$dev")" = "$wwid" ]; then
				list="$list $dev"
			fi
		done
		printf -v "SD_WWID_$SD_NLUNS" '%s' "$wwid"
		printf -v "SD_PATHS_$SD_NLUNS" '%s' "${list# }"
		export "SD_WWID_$SD_NLUNS" "SD_PATHS_$SD_NLUNS"
		SD_NLUNS=$((SD_NLUNS + 1))
	done
	export SD_DEVS SD_WWIDS SD_NLUNS
}

# sd_paths N : the sdX names of LUN N (0-based), e.g. "sda sdb".
sd_paths() {
	local var=SD_PATHS_$1
	echo "${!var:-}"
}

# sd_show : print the LUN -> paths table.
sd_show() {
	local i dev
	for ((i = 0; i < SD_NLUNS; i++)); do
		local var=SD_WWID_$i
		printf '  LUN %d  wwid %s  paths:' "$i" "${!var}"
		for dev in $(sd_paths "$i"); do
			printf ' %s (%s, host%s)' "$dev" "$(dev_devt "$dev")" "$(dev_host "$dev")"
		done
		printf '\n'
	done
}

# sd_create LUNS PATHS [SIZE_MB] : a fresh scsi_debug with LUNS logical units, each seen
# through PATHS SCSI hosts (so LUNS x PATHS sd disks). vpd_use_hostno=0 gives every path of a
# LUN the same identifier, which is what makes them paths of one LUN. Waits for the disks
# and for udev, then sets and exports:
#   SD_DEVS       all disks, by H:C:T:L         SD_NLUNS   number of LUNs
#   SD_WWID_<n>   identifier of LUN n           SD_PATHS_<n> its disks ("sda sdb")
# and prints the table. Any previous scsi_debug (and every dm map) is removed first.
sd_create() {
	local luns=${1:?sd_create LUNS PATHS [SIZE_MB]} paths=${2:?sd_create LUNS PATHS} size=${3:-64}
	local want=$((luns * paths))
	sd_remove
	log "scsi_debug: $luns LUN(s) x $paths path(s), ${size} MiB"
	modprobe scsi_debug vpd_use_hostno=0 add_host="$paths" num_tgts=1 max_luns="$luns" \
		dev_size_mb="$size" || fail "modprobe scsi_debug failed"
	wait_for "[ \"\$(_sd_disks | wc -l)\" -ge $want ]" 30 0.25 ||
		fail "scsi_debug: expected $want disks, found $(_sd_disks | wc -l)"
	udevadm settle --timeout=30 || fail "udevadm settle timed out after adding scsi_debug"
	_sd_collect
	local dev
	for dev in $SD_DEVS; do
		[ -b "/dev/$dev" ] || fail "scsi_debug: /dev/$dev missing"
	done
	[ "$SD_NLUNS" = "$luns" ] || fail "scsi_debug: expected $luns WWIDs, found $SD_NLUNS ($SD_WWIDS)"
	sd_show | tee "$LOGDIR/sd_devices"
}

# sd_remove : remove every dm map, then unload scsi_debug (its disks go away with it).
sd_remove() {
	dm_remove_all
	if [ -d /sys/module/scsi_debug ]; then
		udevadm settle --timeout=30 || true
		wait_for 'rmmod scsi_debug' 20 0.5 || fail "rmmod scsi_debug failed (disks still in use?)"
		udevadm settle --timeout=30 || true
	fi
	SD_DEVS="" SD_WWIDS="" SD_NLUNS=0
}

# path_state sdX : the SCSI device state (running, offline, blocked ...).
path_state() {
	local state
	read -r state <"/sys/class/block/$1/device/state" && echo "$state"
}

# path_offline sdX : IO to the disk fails at once (like a dead link).
path_offline() {
	echo offline >"/sys/class/block/$1/device/state" || fail "cannot set $1 offline"
	log "$1 ($(dev_devt "$1")) is now offline"
}

# path_online sdX : back to running.
path_online() {
	echo running >"/sys/class/block/$1/device/state" || fail "cannot set $1 running"
	log "$1 ($(dev_devt "$1")) is now running"
}

# path_flap sdX OFF_MS PERIOD_MS DURATION_S : in the background, keep sdX offline for OFF_MS
# of every PERIOD_MS, for DURATION_S seconds; the disk is left running at the end (also when
# the flapper is killed). Sets FLAP_PID and prints it; `wait "$FLAP_PID"` waits for the end
# (only when called directly, not as $(path_flap ...)). Toggles are logged with their
# time in $LOGDIR/path_flap-sdX.log.
# The toggles follow a fixed schedule (start + k * PERIOD_MS) and the loop sleeps with the
# `read -t` builtin on a pipe nobody writes to, so no process is started per toggle: under
# TCG, `sleep` and $(...) would stretch every period by a tenth of a second.
path_flap() {
	local dev=${1:?path_flap sdX OFF_MS PERIOD_MS DURATION_S} off_ms=$2 period_ms=$3 dur=$4
	local state=/sys/class/block/$dev/device/state
	[ -w "$state" ] || fail "path_flap: no such disk $dev"
	[ "$off_ms" -lt "$period_ms" ] || fail "path_flap: OFF_MS must be below PERIOD_MS"
	(
		trap - ERR EXIT
		trap 'echo running >"$state"; echo "$EPOCHREALTIME stopped: running"; exit 0' TERM
		exec {nap_fd}<> <(:)
		# nap_until T_US : sleep until the wall clock reaches T_US (microseconds)
		nap_until() {
			local us=$(($1 - ${EPOCHREALTIME/[.,]/}))
			[ "$us" -gt 0 ] || return 0
			read -r -t "$(printf '%d.%06d' $((us / 1000000)) $((us % 1000000)))" -u "$nap_fd" _ || true
		}
		start=${EPOCHREALTIME/[.,]/}
		end=$((start + dur * 1000000))
		k=0
		while :; do
			t=$((start + k * period_ms * 1000))
			[ "$t" -lt "$end" ] || break
			echo offline >"$state" && echo "$EPOCHREALTIME offline"
			nap_until $((t + off_ms * 1000))
			echo running >"$state" && echo "$EPOCHREALTIME running"
			nap_until $((t + period_ms * 1000))
			k=$((k + 1))
		done
		echo running >"$state"
	) >>"$LOGDIR/path_flap-$dev.log" 2>&1 </dev/null &
	FLAP_PID=$!
	_mpt_bg "$FLAP_PID"
	log "path_flap: $dev offline ${off_ms} ms of every ${period_ms} ms for ${dur}s (pid $FLAP_PID)"
	echo "$FLAP_PID"
}

# path_delete sdX : remove the disk from the SCSI layer (like a path that disappears).
# Remembers its host for path_rescan.
path_delete() {
	local dev=$1
	[ -e "/sys/class/block/$dev" ] || fail "path_delete: no such disk $dev"
	_MPT_DELETED_HOSTS="${_MPT_DELETED_HOSTS:-} $(dev_host "$dev")"
	echo 1 >"/sys/class/block/$dev/device/delete" || fail "cannot delete $dev"
	wait_for "[ ! -e /sys/class/block/$dev ]" 10 || fail "$dev still present after delete"
	udevadm settle --timeout=30 || true
	log "$dev deleted"
}

# path_rescan [HOSTNUM...] : scan SCSI hosts so deleted disks come back (all scsi_debug hosts
# when none given). Refreshes SD_* (names of re-added disks may differ).
path_rescan() {
	local hosts="" h
	for h in "$@"; do hosts="$hosts $h"; done
	if [ -z "$hosts" ]; then
		for h in /sys/bus/pseudo/drivers/scsi_debug/adapter*/host*; do
			if [ -e "$h" ]; then
				hosts="$hosts ${h##*/host}"
			fi
		done
	fi
	for h in $hosts; do
		echo '- - -' >"/sys/class/scsi_host/host$h/scan" || fail "scan of host$h failed"
	done
	udevadm settle --timeout=30 || true
	_MPT_DELETED_HOSTS=""
	_sd_collect
	log "rescanned host(s)${hosts}; disks now: $SD_DEVS"
}

# ------------------------------------------------------------------------------------------
# Paths: iSCSI over loopback (a fault on one path's transport only)
# ------------------------------------------------------------------------------------------
# One LUN exported by the kernel's LIO target (configfs) through NPATHS target portal groups
# of one IQN, TPG i listening on 127.0.0.i:3260, and logged in to by open-iscsi on every
# portal: NPATHS SCSI disks with one WWID, one iSCSI session (and SCSI host) each. Disabling
# TPG i cuts path i only: its session goes into recovery, IO and checker commands on it
# hang for the session's replacement timeout, then fail, until the TPG is enabled again and
# iscsid has logged in anew (a few seconds).

ISCSI_IQN=iqn.2024-01.vm.mpt:lun0
ISCSI_INITIATOR=iqn.2024-01.vm.mpt:initiator
_ISCSI_CFS=/sys/kernel/config/target
_ISCSI_CORE=$_ISCSI_CFS/core/fileio_0/mpt_lun0
_ISCSI_FILE=/var/lib/mpt-vm-iscsi/lun0.img

# _iscsi_session_of I : the iSCSI session number of path I (the one to 127.0.0.I).
_iscsi_session_of() {
	local c addr
	for c in /sys/class/iscsi_connection/connection*; do
		# (address cannot be read while the connection is down)
		[ -r "$c/persistent_address" ] || continue
		read -r addr <"$c/persistent_address" 2>/dev/null || continue
		if [ "$addr" = "127.0.0.$1" ]; then
			c=${c##*/connection}
			echo "${c%%:*}"
			return 0
		fi
	done
	return 1
}

# _iscsi_disk_of I : the sdX of path I ("" when its session has no disk yet).
_iscsi_disk_of() {
	local s b
	s=$(_iscsi_session_of "$1") || return 1
	for b in /sys/class/iscsi_session/session"$s"/device/target*/*:*:*:*/block/*; do
		if [ -e "$b" ]; then
			echo "${b##*/}"
			return 0
		fi
	done
	return 1
}

# iscsi_session_state I : the state of path I's iSCSI session (LOGGED_IN, FAILED, FREE).
iscsi_session_state() {
	local s
	s=$(_iscsi_session_of "$1") || return 1
	_attr "/sys/class/iscsi_session/session$s/state"
}

# _iscsid_up : iscsid listens (its abstract socket exists).
_iscsid_up() { grep -q '@ISCSIADM_ABSTRACT_NAMESPACE' /proc/net/unix; }

# _iscsid_ensure : start iscsid unless it runs: in the foreground of its own session (so
# it outlives the scenario's process group: iscsi_teardown stops it, by the pid it keeps in
# /run/mpt-vm-iscsid.pid), logging to $LOGDIR/iscsid.log.
_iscsid_ensure() {
	_iscsid_up && return 0
	mkdir -p /run/lock/iscsi /etc/iscsi
	setsid iscsid -f >>"$LOGDIR/iscsid.log" 2>&1 </dev/null &
	echo "$!" >/run/mpt-vm-iscsid.pid
	wait_for _iscsid_up 10 0.1
}

# iscsi_setup NPATHS [SIZE_MB] : the iSCSI LUN (SIZE_MB, default 64, a file in the guest's
# RAM) seen through NPATHS (1-9) portals. Loads the target and initiator modules, brings up
# lo, mounts configfs, builds the target (backstore with wwn/vpd_unit_serial set, so the LUN
# has a VPD 0x83 identifier and udev an ID_SERIAL), writes /etc/iscsi (replacement timeout
# ISCSI_REPLACEMENT_TIMEOUT seconds, default 10; NOP-Out every 2 s), starts iscsid (pid in
# /run/mpt-vm-iscsid.pid, log $LOGDIR/iscsid.log), discovers and logs in to every portal, waits
# for the disks and udev. Sets and exports ISCSI_NPATHS, ISCSI_PATHS ("sdX sdY", path i is
# the i-th, through 127.0.0.i), ISCSI_PATH_<i>, ISCSI_WWID (udev's ID_SERIAL) and prints
# them. Call it after sd_create (which removes every dm map) and before the daemon starts.
iscsi_setup() {
	local n=${1:?iscsi_setup NPATHS [SIZE_MB]} size=${2:-64} i tpg disk list="" t0
	local rto=${ISCSI_REPLACEMENT_TIMEOUT:-10}
	if [ "$n" -lt 1 ] || [ "$n" -gt 9 ]; then
		fail "iscsi_setup: NPATHS must be 1-9"
	fi
	t0=${EPOCHREALTIME/[.,]/}
	vm_load_modules configfs crc32c_generic target_core_mod target_core_file \
		iscsi_target_mod scsi_transport_iscsi libiscsi libiscsi_tcp iscsi_tcp
	ip link set lo up || fail "ip link set lo up failed"
	mountpoint -q /sys/kernel/config || mount -t configfs configfs /sys/kernel/config ||
		fail "cannot mount configfs"
	[ -d "$_ISCSI_CFS/core" ] || fail "no $_ISCSI_CFS/core after loading target_core_mod"
	mkdir -p /etc/target /run/lock/iscsi /etc/iscsi "${_ISCSI_FILE%/*}"

	# Target: a fileio backstore and one TPG per portal, each exporting it as LUN 0.
	[ ! -e "$_ISCSI_CORE" ] || fail "iscsi_setup: a target exists already (iscsi_teardown first)"
	truncate -s "${size}M" "$_ISCSI_FILE"
	mkdir -p "$_ISCSI_CORE"
	echo "fd_dev_name=$_ISCSI_FILE,fd_dev_size=$((size * 1048576))" >"$_ISCSI_CORE/control" ||
		fail "iscsi_setup: backstore control rejected"
	echo "mpt0c0ffee0001" >"$_ISCSI_CORE/wwn/vpd_unit_serial" ||
		fail "iscsi_setup: cannot set vpd_unit_serial"
	echo 1 >"$_ISCSI_CORE/enable" || fail "iscsi_setup: cannot enable the backstore"
	for ((i = 1; i <= n; i++)); do
		tpg=$_ISCSI_CFS/iscsi/$ISCSI_IQN/tpgt_$i
		mkdir -p "$tpg/lun/lun_0" || fail "iscsi_setup: cannot create $tpg"
		ln -s "$_ISCSI_CORE" "$tpg/lun/lun_0/mpt_port" || fail "iscsi_setup: cannot link lun_0 of tpgt_$i"
		mkdir "$tpg/np/127.0.0.$i:3260" || fail "iscsi_setup: cannot create portal 127.0.0.$i:3260"
		echo 1 >"$tpg/attrib/generate_node_acls"
		echo 1 >"$tpg/attrib/cache_dynamic_acls"
		echo 0 >"$tpg/attrib/authentication"
		echo 0 >"$tpg/attrib/demo_mode_write_protect"
		echo 1 >"$tpg/enable" || fail "iscsi_setup: cannot enable tpgt_$i"
	done

	log "iSCSI: target ready ($n portal group(s)), $(((${EPOCHREALTIME/[.,]/} - t0) / 1000)) ms"

	# Initiator.
	echo "InitiatorName=$ISCSI_INITIATOR" >/etc/iscsi/initiatorname.iscsi
	cat >/etc/iscsi/iscsid.conf <<-CONF
		iscsid.startup = /bin/true
		node.startup = manual
		node.session.timeo.replacement_timeout = $rto
		node.conn[0].timeo.login_timeout = 5
		node.conn[0].timeo.logout_timeout = 5
		node.conn[0].timeo.noop_out_interval = 2
		node.conn[0].timeo.noop_out_timeout = 2
		node.session.initial_login_retry_max = 4
		node.session.reopen_max = 0
		node.session.scan = auto
	CONF
	rm -rf /etc/iscsi/nodes /etc/iscsi/send_targets
	_iscsid_ensure || fail "iscsid did not start (see iscsid.log)"
	for ((i = 1; i <= n; i++)); do
		iscsiadm -m discovery -t sendtargets -p "127.0.0.$i:3260" >>"$LOGDIR/iscsi.log" 2>&1 ||
			fail "iSCSI discovery on 127.0.0.$i failed (see iscsi.log)"
	done
	log "iSCSI: iscsid up, portals discovered, $(((${EPOCHREALTIME/[.,]/} - t0) / 1000)) ms"
	iscsiadm -m node -L all >>"$LOGDIR/iscsi.log" 2>&1 || fail "iSCSI login failed (see iscsi.log)"
	for ((i = 1; i <= n; i++)); do
		wait_for "_iscsi_disk_of $i" 30 0.25 || fail "iSCSI: no disk on 127.0.0.$i"
	done
	udevadm settle --timeout=30 || fail "udevadm settle timed out after the iSCSI login"
	for ((i = 1; i <= n; i++)); do
		disk=$(_iscsi_disk_of "$i")
		[ -b "/dev/$disk" ] || fail "iSCSI: /dev/$disk missing"
		printf -v "ISCSI_PATH_$i" '%s' "$disk"
		export "ISCSI_PATH_$i"
		list="$list $disk"
	done
	ISCSI_NPATHS=$n ISCSI_PATHS=${list# }
	# shellcheck disable=SC2153 # set by printf -v above
	ISCSI_WWID=$(udevadm info -q property -n "/dev/$ISCSI_PATH_1" | sed -n 's/^ID_SERIAL=//p')
	[ -n "$ISCSI_WWID" ] || fail "iSCSI: udev gives $ISCSI_PATH_1 no ID_SERIAL (vpd_unit_serial?)"
	for disk in $ISCSI_PATHS; do
		[ "$(udevadm info -q property -n "/dev/$disk" | sed -n 's/^ID_SERIAL=//p')" = "$ISCSI_WWID" ] ||
			fail "iSCSI: $disk has another ID_SERIAL than $ISCSI_PATH_1"
	done
	export ISCSI_NPATHS ISCSI_PATHS ISCSI_WWID
	for ((i = 1; i <= n; i++)); do
		disk=ISCSI_PATH_$i
		printf '  iSCSI path %d  127.0.0.%d  %s (%s, host%s)  wwid %s\n' "$i" "$i" "${!disk}" \
			"$(dev_devt "${!disk}")" "$(dev_host "${!disk}")" "$ISCSI_WWID"
	done | tee "$LOGDIR/iscsi_devices"
	log "iSCSI: $n path(s) up in $(((${EPOCHREALTIME/[.,]/} - t0) / 1000)) ms (replacement_timeout ${rto}s)"
}

# iscsi_path_hang I : disable TPG I: path I's connection is dropped and no login is accepted
# on it, so its IO (and checker commands) hang for the replacement timeout and then fail,
# until iscsi_path_resume I.
iscsi_path_hang() {
	local i=${1:?iscsi_path_hang I}
	echo 0 >"$_ISCSI_CFS/iscsi/$ISCSI_IQN/tpgt_$i/enable" || fail "cannot disable tpgt_$i"
	log "iSCSI path $i ($(_iscsi_disk_of "$i" || echo -), 127.0.0.$i) hangs: tpgt_$i disabled"
}

# iscsi_path_resume I : enable TPG I again; iscsid logs the session in again within a few
# seconds (wait for `[ "$(iscsi_session_state I)" = LOGGED_IN ]` or the disk's state).
iscsi_path_resume() {
	local i=${1:?iscsi_path_resume I}
	echo 1 >"$_ISCSI_CFS/iscsi/$ISCSI_IQN/tpgt_$i/enable" || fail "cannot enable tpgt_$i"
	log "iSCSI path $i (127.0.0.$i) resumed: tpgt_$i enabled"
}

# iscsi_alua_state I STATE : the ALUA access state the target reports for path I's port:
# 0 active/optimized, 1 active/non-optimized, 2 standby, 3 unavailable. The first call for I
# moves path I's LUN into a target port group of its own (mpt_gp_I, id 10+I, implicit ALUA
# only, so the initiator never asks for a transition); the kernel's alua handler and a
# daemon see it after `echo 1 >/sys/block/sdX/device/rescan`.
iscsi_alua_state() {
	local i=${1:?iscsi_alua_state I STATE} state=${2:?iscsi_alua_state I STATE}
	local gp=$_ISCSI_CORE/alua/mpt_gp_$1
	if [ ! -d "$gp" ]; then
		{ mkdir "$gp" && echo $((10 + i)) >"$gp/tg_pt_gp_id" && echo 1 >"$gp/alua_access_type" &&
			echo "mpt_gp_$i" >"$_ISCSI_CFS/iscsi/$ISCSI_IQN/tpgt_$i/lun/lun_0/alua_tg_pt_gp"; } ||
			fail "iscsi_alua_state: cannot put tpgt_$i in its own port group"
	fi
	echo "$state" >"$gp/alua_access_state" || fail "iscsi_alua_state: state $state rejected"
	log "iSCSI path $i: ALUA state $state (port group $((10 + i)))"
}

# iscsi_teardown : undo iscsi_setup, whatever state it is in (also after a failed scenario,
# from the runner): every TPG enabled again (so IO hung on one completes), every dm map
# removed, every session logged out (starting iscsid for that if it is gone), iscsid stopped
# (by the pid in /run/mpt-vm-iscsid.pid), the target and its file removed. The modules stay loaded.
# A quick no-op when iSCSI was never used in this boot. 0 when nothing iSCSI is left.
iscsi_teardown() {
	local t pid
	[ -d /sys/module/scsi_transport_iscsi ] || [ -d /sys/module/iscsi_target_mod ] || return 0
	for t in "$_ISCSI_CFS"/iscsi/iqn.*/tpgt_*/enable; do
		if [ -e "$t" ]; then
			echo 1 >"$t" 2>/dev/null || true
		fi
	done
	# a session that was cut logs in again within seconds: then IO hung on it is done
	if [ -n "$(ls /sys/class/iscsi_session 2>/dev/null)" ]; then
		wait_for '! grep -qvx LOGGED_IN /sys/class/iscsi_session/session*/state' 20 0.25 || true
	fi
	dm_remove_all
	log "iscsi_teardown: portal groups enabled, maps removed"
	if [ -n "$(ls /sys/class/iscsi_session 2>/dev/null)" ]; then
		_iscsid_ensure || true
		iscsiadm -m node -U all >>"$LOGDIR/iscsi.log" 2>&1 ||
			iscsiadm -m session -u >>"$LOGDIR/iscsi.log" 2>&1 || true
		# shellcheck disable=SC2016 # evaluated by wait_for
		wait_for '[ -z "$(ls /sys/class/iscsi_session 2>/dev/null)" ]' 20 0.25 || true
		log "iscsi_teardown: logged out"
	fi
	if [ -r /run/mpt-vm-iscsid.pid ] && read -r pid </run/mpt-vm-iscsid.pid &&
		[ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		kill -TERM "$pid" 2>/dev/null || true
		wait_for "! kill -0 $pid" 10 0.1 || kill -KILL "$pid" 2>/dev/null || true
	fi
	rm -f /run/mpt-vm-iscsid.pid
	rm -rf /etc/iscsi/nodes /etc/iscsi/send_targets
	if [ -d "$_ISCSI_CFS/iscsi" ]; then
		for t in "$_ISCSI_CFS"/iscsi/iqn.*/tpgt_*; do
			[ -d "$t" ] || continue
			echo 0 >"$t/enable" 2>/dev/null || true
			rmdir "$t"/np/* 2>/dev/null || true
			rm -f "$t"/lun/lun_*/mpt_port
			rmdir "$t"/lun/lun_* 2>/dev/null || true
			rmdir "$t" 2>/dev/null || true
		done
		rmdir "$_ISCSI_CFS"/iscsi/iqn.* 2>/dev/null || true
	fi
	if [ -d "$_ISCSI_CORE" ]; then
		rmdir "$_ISCSI_CORE"/alua/mpt_gp_* 2>/dev/null || true
		rmdir "$_ISCSI_CORE" 2>/dev/null || true
		rmdir "${_ISCSI_CORE%/*}" 2>/dev/null || true
	fi
	rm -f "$_ISCSI_FILE"
	ISCSI_PATHS="" ISCSI_NPATHS=0 ISCSI_WWID=""
	if [ -n "$(ls /sys/class/iscsi_session 2>/dev/null)" ] || [ -e "$_ISCSI_CORE" ] ||
		[ -n "$(ls -d "$_ISCSI_CFS"/iscsi/iqn.* 2>/dev/null)" ]; then
		log "iscsi_teardown: left behind: sessions '$(ls /sys/class/iscsi_session 2>/dev/null)'," \
			"target '$(ls -d "$_ISCSI_CFS"/iscsi/iqn.* "$_ISCSI_CORE" 2>/dev/null)'"
		return 1
	fi
	log "iscsi_teardown: done"
}

# ------------------------------------------------------------------------------------------
# Device-mapper maps
# ------------------------------------------------------------------------------------------

# dm_remove_all : remove every dm device (the guest has no others), forcing if needed.
dm_remove_all() {
	local name
	udevadm settle --timeout=30 || true
	[ -c /dev/mapper/control ] || return 0
	# kpartx's partition maps (uuid part*) first: they hold their map open
	for name in $(dmsetup info -c --noheadings -o name,uuid 2>/dev/null | awk -F: '$2 ~ /^part/ { print $1 }'); do
		dmsetup remove --retry "$name" >/dev/null 2>&1 || true
	done
	for name in $(dmsetup ls 2>/dev/null | awk '$1 != "No" { print $1 }'); do
		# Stop queueing first, or a map without paths would keep its IO (and us) waiting.
		dmsetup message "$name" 0 fail_if_no_path >/dev/null 2>&1 || true
		dmsetup remove --retry "$name" >/dev/null 2>&1 ||
			dmsetup remove --force "$name" >/dev/null 2>&1 ||
			fail "cannot remove dm map $name"
	done
}

# dm_path_state MAP DEVT : "A" (active) or "F" (failed), from `dmsetup status`.
dm_path_state() {
	local -a t
	local i
	read -ra t <<<"$(dmsetup status "$1")"
	for ((i = 0; i + 1 < ${#t[@]}; i++)); do
		if [ "${t[i]}" = "$2" ]; then
			echo "${t[i + 1]}"
			return 0
		fi
	done
	return 1
}

# ------------------------------------------------------------------------------------------
# Uevents
# ------------------------------------------------------------------------------------------

# uevent_monitor_start : record kernel uevents with their properties in $LOGDIR/uevents.log
# (udevadm monitor --kernel --property), from now until uevent_monitor_stop or exit.
uevent_monitor_start() {
	UEVENT_LOG=$LOGDIR/uevents.log
	: >"$UEVENT_LOG"
	stdbuf -oL udevadm monitor --kernel --property >"$UEVENT_LOG" 2>&1 </dev/null &
	UEVENT_PID=$!
	_mpt_bg "$UEVENT_PID"
	# It prints its banner once it listens; events before that would be lost.
	wait_for "grep -q 'KERNEL - the kernel uevent' '$UEVENT_LOG'" 10 ||
		fail "udevadm monitor did not start"
	log "uevent monitor running (pid $UEVENT_PID, $UEVENT_LOG)"
}

uevent_monitor_stop() {
	[ -n "${UEVENT_PID:-}" ] || return 0
	kill "$UEVENT_PID" 2>/dev/null || true
	wait "$UEVENT_PID" 2>/dev/null || true
	UEVENT_PID=""
}

# uevent_count KEY=VALUE... : how many recorded events carry all these properties.
uevent_count() {
	awk -v want="$*" '
		BEGIN { n = split(want, w, " ") }
		{ for (i = 1; i <= n; i++) if ($0 == w[i]) hit[i] = 1 }
		/^$/ { ok = n > 0; for (i = 1; i <= n; i++) if (!hit[i]) ok = 0
		       if (ok) count++; delete hit }
		END { ok = n > 0; for (i = 1; i <= n; i++) if (!hit[i]) ok = 0
		      if (ok) count++; print count + 0 }' "$UEVENT_LOG"
}

# uevent_wait TIMEOUT_S KEY=VALUE... : wait until an event with all these properties was
# recorded; 1 on timeout.
uevent_wait() {
	local timeout=$1
	shift
	wait_for "[ \"\$(uevent_count $*)\" -gt 0 ]" "$timeout"
}

# ------------------------------------------------------------------------------------------
# IO
# ------------------------------------------------------------------------------------------

_MPT_FIO_N=0

# fio_start DEV SECONDS [FIO_ARGS...] : random 4k direct reads with libaio in the background
# (iodepth 16; extra arguments are passed to fio last, so they override). Sets FIO_PID and
# FIO_JSON (fio's JSON report).
fio_start() {
	local dev=${1:?fio_start DEV SECONDS} secs=${2:?fio_start DEV SECONDS}
	shift 2
	[ -b "$dev" ] || fail "fio: $dev is not a block device"
	_MPT_FIO_N=$((_MPT_FIO_N + 1))
	FIO_JSON=$LOGDIR/fio-$_MPT_FIO_N.json
	FIO_DEV=$dev
	FIO_SECS=$secs
	fio --name=mpt --filename="$dev" --rw=randread --bs=4k --direct=1 --ioengine=libaio \
		--iodepth=16 --time_based --runtime="$secs" --output-format=json \
		--output="$FIO_JSON" "$@" >"$LOGDIR/fio-$_MPT_FIO_N.err" 2>&1 </dev/null &
	FIO_PID=$!
	_mpt_bg "$FIO_PID"
	log "fio: ${secs}s of random reads on $dev (pid $FIO_PID)"
}

# fio_wait : wait for the fio started by fio_start and judge it. Prints a summary; sets
# FIO_BYTES, FIO_IOS, FIO_ERR. Returns 0 when fio exited 0, reported error 0 and read
# something; 1 otherwise (so an untested call fails the scenario). Fails the scenario if fio
# is still running FIO_GRACE (30) seconds after its runtime (IO hanging in the kernel).
fio_wait() {
	local rc=0
	wait_for "! kill -0 $FIO_PID" $((FIO_SECS + ${FIO_GRACE:-30})) 0.2 || {
		kill -KILL "$FIO_PID" 2>/dev/null || true
		fail "fio on $FIO_DEV still running ${FIO_GRACE:-30}s after its ${FIO_SECS}s runtime (IO hangs)"
	}
	wait "$FIO_PID" || rc=$?
	FIO_ERR=$(jq -r '[.jobs[].error] | add' "$FIO_JSON" 2>/dev/null) || FIO_ERR=""
	FIO_BYTES=$(jq -r '[.jobs[].read.io_bytes] | add' "$FIO_JSON" 2>/dev/null) || FIO_BYTES=""
	FIO_IOS=$(jq -r '[.jobs[].read.total_ios] | add' "$FIO_JSON" 2>/dev/null) || FIO_IOS=""
	case $FIO_BYTES in '' | *[!0-9]*) FIO_BYTES=0 ;; esac
	log "fio: $FIO_DEV: exit $rc, error ${FIO_ERR:-?}, read $((FIO_BYTES / 1048576)) MiB in ${FIO_IOS:-?} IOs"
	if [ "$rc" = 0 ] && [ "$FIO_ERR" = 0 ] && [ "$FIO_BYTES" -gt 0 ]; then
		return 0
	fi
	sed 's/^/  fio: /' "$LOGDIR/fio-$_MPT_FIO_N.err" | tail -n 5
	return 1
}

# fio_run DEV SECONDS [FIO_ARGS...] : fio_start then fio_wait.
fio_run() {
	fio_start "$@"
	fio_wait
}

# ------------------------------------------------------------------------------------------
# Timing: SCSI commands per disk, log lines
# ------------------------------------------------------------------------------------------

# cmd_trace_start sdX... : in the background, every 50 ms, read each disk's SCSI command
# counter (device/iorequest_cnt: every command the midlayer has sent to the driver, so a
# checker's TEST UNIT READY too) and record each change as "EPOCHREALTIME sdX COUNT" in
# $LOGDIR/cmd_trace.log. On a path without other IO, each new command is one check: the
# log gives the time of every check to within 50 ms. The sampler also records when it was
# itself late by more than 150 ms (the guest did not run it: a loaded host stalls the whole
# VM) as "EPOCHREALTIME - LATE_MS", the stall being the LATE_MS before that time: a stall
# delays every process, and the stamps of the commands sent meanwhile (cmd_trace_late sums
# them). No process is started per sample.
# Sets CMD_TRACE_PID; cmd_trace_stop ends it (so does the scenario's exit).
cmd_trace_start() {
	local dev
	for dev in "$@"; do
		[ -r "/sys/class/block/$dev/device/iorequest_cnt" ] || fail "cmd_trace: no counter for $dev"
	done
	CMD_TRACE_LOG=$LOGDIR/cmd_trace.log
	: >"$CMD_TRACE_LOG"
	(
		trap - ERR EXIT
		exec {nap_fd}<> <(:)
		declare -A last
		prev=${EPOCHREALTIME/[.,]/}
		while :; do
			now=${EPOCHREALTIME/[.,]/}
			if [ $((now - prev)) -gt 200000 ]; then
				echo "$EPOCHREALTIME - $(((now - prev) / 1000 - 50))"
			fi
			prev=$now
			for d in "$@"; do
				read -r c <"/sys/class/block/$d/device/iorequest_cnt" || continue
				if [ "$c" != "${last[$d]:-}" ]; then
					echo "$EPOCHREALTIME $d $((c))"
					last[$d]=$c
				fi
			done
			read -r -t 0.05 -u "$nap_fd" _ || true
		done
	) >>"$CMD_TRACE_LOG" 2>&1 </dev/null &
	CMD_TRACE_PID=$!
	_mpt_bg "$CMD_TRACE_PID"
	log "cmd_trace: SCSI commands of $* every 50 ms into ${CMD_TRACE_LOG##*/} (pid $CMD_TRACE_PID)"
}

cmd_trace_stop() {
	[ -n "${CMD_TRACE_PID:-}" ] || return 0
	kill "$CMD_TRACE_PID" 2>/dev/null || true
	wait "$CMD_TRACE_PID" 2>/dev/null || true
	CMD_TRACE_PID=""
}

# cmd_trace_max_gap sdX FROM TO : "GAP_MS COUNT LATE_MS": the longest time, in ms, that sdX
# went without a new command between FROM and TO (EPOCHREALTIME values), the number of new
# commands in that time, and how late the sampler itself was within that longest gap (the
# part of it the guest as a whole was stalled, see cmd_trace_start). A gap that straddles
# FROM or TO is counted whole (from the last command before FROM, to the first after TO, or
# to TO when none came).
cmd_trace_max_gap() {
	awk -v dev="$1" -v from="$2" -v to="$3" '
		$2 == "-" { nst++; st[nst] = $1; late[nst] = $3; next }
		$2 != dev { next }
		# the first sample is the counter at the start, not a command
		!seen++ { next }
		$1 <= from { prev = $1; next }
		done { next }
		{
			if (prev == "") prev = from
			if ($1 - prev > gap) { gap = $1 - prev; g0 = prev; g1 = $1 }
			prev = $1
			if ($1 <= to) n++
			else done = 1
		}
		END {
			if (prev == "") prev = from
			if (!done && to - prev > gap) { gap = to - prev; g0 = prev; g1 = to }
			# the part of each stall [end - late, end] inside the gap
			for (i = 1; i <= nst; i++) {
				a = st[i] - late[i] / 1000; b = st[i]
				if (a < g0) a = g0
				if (b > g1) b = g1
				if (b > a) l += (b - a) * 1000
			}
			printf "%d %d %d\n", gap * 1000 + 0.5, n, l
		}' "$CMD_TRACE_LOG"
}

# cmd_trace_late FROM TO : how late, in ms, cmd_trace's sampler was in all between FROM and
# TO (EPOCHREALTIME values), counting its delays over 150 ms: the time the guest as a whole
# did not run in that interval, to within ~0.2 s a stall.
cmd_trace_late() {
	awk -v from="$1" -v to="$2" '$2 == "-" {
			a = $1 - $3 / 1000; b = $1
			if (a < from) a = from
			if (b > to) b = to
			if (b > a) t += (b - a) * 1000
		}
		END { printf "%d\n", t }' "$CMD_TRACE_LOG"
}

# sample_cmd_start NAME INTERVAL_S CMD [ARGS...] : in the background, run CMD every
# INTERVAL_S seconds (after the previous run ended) and append each line of its output to
# $LOGDIR/NAME.log as "T_START T_END LINE" (EPOCHREALTIME when CMD was started and when it
# had answered), e.g. `sample_cmd_start show-paths 0.5 "$MPATHD" show paths` to see what the
# daemon said during an event, and how fast. Sets SAMPLE_PID (stopped at the scenario's
# exit, or with kill).
sample_cmd_start() {
	local name=${1:?sample_cmd_start NAME INTERVAL_S CMD...} interval=${2:?}
	shift 2
	(
		trap - ERR EXIT
		exec {nap_fd}<> <(:)
		while :; do
			t0=$EPOCHREALTIME
			out=$("$@" 2>&1)
			t1=$EPOCHREALTIME
			while IFS= read -r row; do
				echo "$t0 $t1 $row"
			done <<<"$out"
			read -r -t "$interval" -u "$nap_fd" _ || true
		done
	) >>"$LOGDIR/$name.log" 2>&1 </dev/null &
	SAMPLE_PID=$!
	_mpt_bg "$SAMPLE_PID"
	log "sample_cmd: '$*' every ${interval}s into $name.log (pid $SAMPLE_PID)"
}

# log_stamp_start FILE : follow FILE in the background (tail -F, polled every 0.1 s) and
# write each of its lines, prefixed with the guest time it was seen at (EPOCHREALTIME), to
# FILE.stamped. For logs without time stamps (the daemon runs with -s): a line's stamp is
# at most ~0.1 s after it was written. Lines already in FILE are stamped when it starts.
log_stamp_start() {
	local file=${1:?log_stamp_start FILE}
	: >"$file.stamped"
	tail -n +1 -F -s 0.1 "$file" 2>/dev/null </dev/null > >(
		trap - ERR EXIT
		while IFS= read -r line; do
			printf '%s %s\n' "$EPOCHREALTIME" "$line"
		done >>"$file.stamped"
	) &
	_mpt_bg "$!"
	log "log_stamp: ${file##*/} -> ${file##*/}.stamped (pid $!)"
}

# stamp_of FILE.stamped ERE [AFTER] : the stamp of the first line matching the extended
# regular expression ERE (stamped after AFTER, an EPOCHREALTIME value, if given); status 1
# and nothing printed when none does yet.
stamp_of() {
	awk -v re="$2" -v after="${3:-0}" '$1 <= after { next }
		{ line = $0; sub(/^[^ ]+ /, "", line) }
		line ~ re { print $1; found = 1; exit }
		END { exit !found }' "$1"
}

# ------------------------------------------------------------------------------------------
# The daemon
# ------------------------------------------------------------------------------------------

# SD_DEVICE_CONF : a devices section for scsi_debug, the test target. The built-in hardware
# table has no scsi_debug entry (multipath-tools has none either); the configurations of the
# scenarios that run our multipath/multipathd on scsi_debug disks include this one, which
# holds what the built-in entry used to set, so that their maps stay as they were.
SD_DEVICE_CONF='devices {
	device {
		vendor "Linux"
		product "scsi_debug"
		path_grouping_policy group_by_prio
		prio alua
		failback immediate
		no_path_retry 12
	}
}'

# mpathd_start CONF_TEXT : write CONF_TEXT to /etc/multipath.conf and start the daemon in the
# foreground (-d -s) in the background, logging to $LOGDIR/multipathd.log. Waits until it
# answers `$MPATHD show daemon` (or $MPATHD_READY, a command, if set). Sets MPATHD_PID.
mpathd_start() {
	MPATHD=${MPATHD:-$MPT_TOP/build/bin/multipathd}
	[ -x "$MPATHD" ] || fail "multipathd binary '$MPATHD' not found (build it, or set MPATHD)"
	mkdir -p /etc/multipath
	printf '%s\n' "$1" >/etc/multipath.conf
	cp /etc/multipath.conf "$LOGDIR/multipath.conf"
	# shellcheck disable=SC2086
	"$MPATHD" -d -s ${MPATHD_ARGS--v3} >>"$LOGDIR/multipathd.log" 2>&1 </dev/null &
	MPATHD_PID=$!
	log "multipathd started: $MPATHD (pid $MPATHD_PID)"
	local ready=${MPATHD_READY:-"\"$MPATHD\" show daemon"}
	wait_for "kill -0 $MPATHD_PID && $ready" "${MPATHD_START_TIMEOUT:-20}" 0.2 || {
		kill -0 "$MPATHD_PID" 2>/dev/null || fail "multipathd exited during startup (see multipathd.log)"
		fail "multipathd did not answer '$ready' within ${MPATHD_START_TIMEOUT:-20}s"
	}
}

# _mpathd_term PID : SIGTERM, then up to 15 s for the exit, then SIGKILL. Returns the exit
# status, or 124 when it had to be killed.
_mpathd_term() {
	local pid=$1 rc=0
	kill -TERM "$pid" 2>/dev/null || true
	if ! wait_for "! kill -0 $pid" 15 0.1; then
		kill -KILL "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
		return 124
	fi
	wait "$pid" 2>/dev/null || rc=$?
	return "$rc"
}

# mpathd_stop : stop the daemon started by mpathd_start (SIGTERM and wait). Returns the
# daemon's exit status; fails the scenario if it does not exit within 15 s.
mpathd_stop() {
	[ -n "${MPATHD_PID:-}" ] || return 0
	local pid=$MPATHD_PID rc=0
	MPATHD_PID=""
	_mpathd_term "$pid" || rc=$?
	[ "$rc" = 124 ] && fail "multipathd (pid $pid) did not exit within 15 s of SIGTERM"
	log "multipathd stopped (exit $rc)"
	return "$rc"
}

# udev_rules_install : install our udev rules (`make install-udev-rules`) into
# /etc/udev/rules.d, running build/bin/multipath; they are removed when the scenario ends
# (later scenarios run without them), or earlier by udev_rules_remove.
udev_rules_install() {
	make -C "$MPT_TOP" --no-print-directory -s install-udev-rules DESTDIR= \
		udevrulesdir=/etc/udev/rules.d sbindir="$MPT_TOP/build/bin" >"$LOGDIR/install.log" 2>&1 ||
		fail "make install-udev-rules failed: $(tail -5 "$LOGDIR/install.log")"
	trap '_rc=$?; udev_rules_remove >/dev/null 2>&1; (exit $_rc); _mpt_exit' EXIT
	udevadm control --reload
}

# udev_rules_remove : remove what udev_rules_install installed.
udev_rules_remove() {
	rm -f /etc/udev/rules.d/60-multipath.rules /etc/udev/rules.d/56-dm-mpath.rules
	udevadm control --reload
}

# ref_install : copy Debian's multipath-tools (unpacked by setup.sh, never installed on the
# host) into the guest's / , for side-by-side runs: afterwards MPATHD=/sbin/multipathd runs
# the reference daemon and /sbin/multipath the reference tool. Only binaries, libraries and
# plugins are copied, not its udev rules or units.
ref_install() {
	local ref=${MPT_VM_REF:-/var/cache/mpt-vm/multipath-tools}
	[ -x "$ref/sbin/multipathd" ] || fail "reference multipath-tools not found in $ref (run setup.sh)"
	cp -a "$ref/sbin/." /sbin/
	cp -a "$ref"/lib/*.so* /lib/
	mkdir -p /lib/multipath
	cp -a "$ref/lib/multipath/." /lib/multipath/
	log "reference multipath-tools $(cat "$ref/.package" 2>/dev/null) copied into the guest"
}

# ------------------------------------------------------------------------------------------
# Logs
# ------------------------------------------------------------------------------------------

# collect_logs : snapshot kernel and device-mapper state into $LOGDIR (dmesg.log, dm.txt,
# scsi.txt). Runs automatically when a scenario exits.
collect_logs() {
	dmesg >"$LOGDIR/dmesg.log" 2>&1 || true
	{
		echo "# dmsetup ls --tree"
		dmsetup ls --tree 2>&1
		echo "# dmsetup table"
		dmsetup table 2>&1
		echo "# dmsetup status"
		dmsetup status 2>&1
	} >"$LOGDIR/dm.txt" 2>&1 || true
	{
		local d
		for d in /sys/bus/scsi/devices/*:*:*:*; do
			[ -e "$d" ] || continue
			printf '%s %s %s\n' "${d##*/}" "$(ls "$d/block" 2>/dev/null)" "$(cat "$d/state" 2>/dev/null)"
		done
	} >"$LOGDIR/scsi.txt" 2>&1 || true
}
