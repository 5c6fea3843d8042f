# shellcheck shell=bash disable=SC2034 # B_* globals are read by the parts
# bench/guest/lib-bench.sh - helpers of the benchmark parts (sourced in the VM guest, after
# tests/vm/lib.sh, by bench/guest/main.sh).
#
# Results: every figure is one line of $BENCH_DIR/raw.tsv, "KEY<TAB>TOOL<TAB>RUN<TAB>VALUE"
# (TOOL is ours or ref, RUN counts from 1), written as soon as it is measured, so a bench that
# dies half-way still leaves what it measured. The host (bench/run.sh) turns raw.tsv into the
# table: the median of each KEY x TOOL, the number of runs, the ratio ours / ref. Free-text
# remarks go to $BENCH_DIR/notes.txt and under the table.
#
# Functions:
#   output     bstep MSG (progress line with elapsed time), bnote MSG (a remark for the table)
#   results    brecord KEY TOOL RUN VALUE
#   tools      btool_use ours|ref (sets B_TOOL, B_MULTIPATH, B_MPATHD, B_NAME)
#   config     bconf_write CHECKER
#   paths      bsd_create LUNS (LUNS x 2 scsi_debug paths, fast for hundreds of disks),
#              bsd_unload, bsd_host_paths HOSTIDX COUNT
#   maps       bmaps_count, bmaps_remove_all, bpaths_ready_count, bwait_all_ready TIMEOUT
#   daemon     bdaemon_start, bdaemon_stop
#   /proc      bproc_ticks PID, bproc_kb PID FIELD, bcpu_per_min PID SECONDS
#   time       bnow_us, bsecs_since US

BENCH_DIR=${BENCH_DIR:-$LOGDIR}
mkdir -p "$BENCH_DIR"
B_TCK=$(getconf CLK_TCK)

# ------------------------------------------------------------------------------------------
# Output and results
# ------------------------------------------------------------------------------------------

bnow_us() { echo "${EPOCHREALTIME/[.,]/}"; }

# bsecs_since T0_US : seconds since T0_US with one decimal... three decimals, e.g. "12.345".
bsecs_since() {
	local us=$((${EPOCHREALTIME/[.,]/} - $1))
	printf '%d.%03d' $((us / 1000000)) $(((us % 1000000) / 1000))
}

# bstep MSG : the progress line the host streams: elapsed seconds since the bench started.
bstep() { printf '[%7ss] %s\n' "$(bsecs_since "$BENCH_T0")" "$*"; }

# bnote MSG : a remark printed under the table (and now, as a progress line).
bnote() {
	printf '%s\n' "$*" >>"$BENCH_DIR/notes.txt"
	bstep "note: $*"
}

# brecord KEY TOOL RUN VALUE : one measured figure.
brecord() {
	printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$BENCH_DIR/raw.tsv"
}

# ------------------------------------------------------------------------------------------
# The two implementations
# ------------------------------------------------------------------------------------------

# btool_use ours|ref : select the multipath and multipathd binaries of one implementation.
# Debian's come from ref_install (tests/vm/lib.sh), which main.sh runs once.
btool_use() {
	B_TOOL=$1
	case $1 in
	ours)
		B_MULTIPATH=$MPT_TOP/build/bin/multipath
		B_MPATHD=$MPT_TOP/build/bin/multipathd
		B_NAME="ours"
		;;
	ref)
		B_MULTIPATH=/sbin/multipath
		B_MPATHD=/sbin/multipathd
		B_NAME="Debian ${MPT_VM_REF_VERSION:-0.9.4}"
		;;
	*) fail "btool_use: unknown tool '$1'" ;;
	esac
}

# bconf_write CHECKER [DEFAULTS_LINES] : the one /etc/multipath.conf both implementations
# read (DEFAULTS_LINES, newline-separated keywords, go into its defaults section). The
# overrides make the maps and checks identical whatever each built-in hardware table says
# about scsi_debug (ours groups it by priority, Debian's has no entry); detect_checker no,
# or Debian's would keep tur on these ALUA disks whatever path_checker says.
bconf_write() {
	mkdir -p /etc/multipath
	cat >/etc/multipath.conf <<-CONF
	defaults {
		user_friendly_names yes
		find_multipaths greedy
		polling_interval 5
	${2:-}
	}
	overrides {
		path_grouping_policy multibus
		path_checker $1
		detect_checker no
		prio alua
		no_path_retry fail
	}
	CONF
	cp /etc/multipath.conf "$BENCH_DIR/multipath.conf.$1"
}

# ------------------------------------------------------------------------------------------
# Paths
# ------------------------------------------------------------------------------------------

# bsd_create LUNS : LUNS scsi_debug logical units behind two SCSI hosts (2 x LUNS disks),
# all sharing one small RAM store (dev_size_mb, BENCH_SD_MB, default 8). lib.sh's sd_create
# matches disks to WWIDs pairwise, which takes minutes at this scale under TCG: this one
# only counts disks and lets udev finish.
bsd_create() {
	local luns=$1 want=$(($1 * 2)) n disks
	modprobe scsi_debug vpd_use_hostno=0 add_host=2 num_tgts=1 max_luns="$luns" \
		dev_size_mb="${BENCH_SD_MB:-8}" || return 1
	n=0
	for ((i = 0; i < 1200; i++)); do
		disks=(/sys/bus/pseudo/drivers/scsi_debug/adapter*/host*/target*/*:*/block/*)
		n=${#disks[@]}
		[ -e "${disks[0]}" ] || n=0
		[ "$n" -ge "$want" ] && break
		sleep 0.5
	done
	[ "$n" -ge "$want" ] || {
		log "scsi_debug: $n of $want disks after 600 s"
		return 1
	}
	udevadm settle --timeout=600
}

# bsd_unload : remove every map and unload scsi_debug when a previous part left it loaded;
# 1 (noted) when it cannot be unloaded.
bsd_unload() {
	lsmod | grep -q '^scsi_debug ' || return 0
	bmaps_remove_all
	modprobe -r scsi_debug && return 0
	bnote "cannot unload the previous part's scsi_debug: part not measured"
	return 1
}

# bsd_host_paths HOSTIDX COUNT : the disks of LUNs 0..COUNT-1 seen through scsi_debug's
# HOSTIDX-th host (0 or 1), one per line.
bsd_host_paths() {
	local hosts h l b
	hosts=(/sys/bus/pseudo/drivers/scsi_debug/adapter*/host*)
	h=${hosts[$1]##*/host}
	for ((l = 0; l < $2; l++)); do
		for b in /sys/bus/scsi/devices/"$h":0:0:"$l"/block/*; do
			[ -e "$b" ] && echo "${b##*/}"
		done
	done
	return 0
}

# bsd_all_running : every scsi_debug disk back to the SCSI state "running" (a flap or an
# error handler may have left one offline); prints the disks that were not, with their state.
bsd_all_running() {
	local st s
	for st in /sys/bus/pseudo/drivers/scsi_debug/adapter*/host*/target*/*:*/state; do
		read -r s <"$st" || continue
		[ "$s" = running ] && continue
		echo "$(basename "$(dirname "$st")"):$s"
		echo running >"$st" || true
	done
}

# ------------------------------------------------------------------------------------------
# Maps
# ------------------------------------------------------------------------------------------

# bmaps_count : how many dm-multipath maps exist: dm devices whose uuid both
# implementations give a multipath map ("mpath-WWID"), read from sysfs by the shell itself.
# `dmsetup ls --target multipath` asks the kernel for each device's table: at 256 maps on a
# guest that udev keeps busy, seconds per call, which delayed the polls that time the start.
bmaps_count() {
	local f u n=0
	for f in /sys/block/dm-*/dm/uuid; do
		[ -e "$f" ] && read -r u <"$f" || continue
		[[ $u == mpath-* ]] && n=$((n + 1))
	done
	echo "$n"
}

# bmaps_remove_all : remove every dm map in one dmsetup call (lib.sh's dm_remove_all forks
# two processes per map, minutes at this scale); falls back to it if maps remain. When udev
# is still busy (a daemon's start made the maps without waiting for udev, and udev needs
# 60-130 s for the add and change events of 256 maps under TCG), the maps go with udev
# stopped: udevd drops its queue of events on devices about to disappear, the maps are
# removed, the records udev kept of them are deleted (dm devices only: the disks' stay), and
# udevd starts again with an empty queue. Waiting for the queue instead cost the bench 2 to
# 4 minutes per run, with nothing measured meanwhile.
bmaps_remove_all() {
	if udevadm settle --timeout=0 >/dev/null 2>&1; then
		dmsetup remove_all >/dev/null 2>&1 || true
	else
		_bmaps_remove_udev_stopped
	fi
	udevadm settle --timeout=120 || true
	[ "$(bmaps_count)" = 0 ] || dm_remove_all
	rm -f /etc/multipath/bindings /etc/multipath/wwids
}

_bmaps_remove_udev_stopped() {
	local major name
	# `udevadm control --exit` may fail (EAGAIN seen): a udevd left running next to the new
	# one would process every event twice, so make sure it is gone
	udevadm control --exit 2>/dev/null || pkill -TERM -x systemd-udevd || true
	wait_for '! pgrep -x systemd-udevd >/dev/null' 30 0.2 || {
		pkill -KILL -x systemd-udevd || true
		wait_for '! pgrep -x systemd-udevd >/dev/null' 10 0.2 || fail "systemd-udevd does not exit"
	}
	dmsetup remove_all >/dev/null 2>&1 || true
	while read -r major name; do
		[ "$name" = device-mapper ] && break
	done </proc/devices
	if [ "$name" = device-mapper ]; then
		rm -f /run/udev/data/b"$major":* /run/udev/tags/*/b"$major":* \
			/run/udev/links/*/b"$major":* 2>/dev/null
	fi
	find /dev/disk -type l -xtype l -delete 2>/dev/null || true
	udevd_start
}

# bpaths_ready_count : paths the running daemon shows active in dm and ready by its checker
# (`show paths`, columns dm_st and chk_st, the same in both implementations).
bpaths_ready_count() {
	"$B_MPATHD" show paths 2>/dev/null | awk '$5 == "active" && $6 == "ready" { n++ } END { print n + 0 }'
}

# bwait_all_ready TIMEOUT_S [PATHS] : poll until $BENCH_LUNS maps exist and PATHS (default
# all 2 x $BENCH_LUNS) of their paths are active and ready; 0 when reached, 1 on timeout or
# when the daemon died. Polls every 0.5 s (maps first: cheap; `show paths` only once every
# map is there); each poll that is not there yet adds "SECONDS_SINCE_START MAPS READY_PATHS"
# to ready-TOOL.log. The poller (and the clients it runs) is in the real-time class at
# priority 5, below both daemons (10 and 99): while hundreds of maps appear, udev's workers
# starved it in the normal class, and one poll took up to 9 s, so the figure measured the
# poller's wait as much as the daemon.
bwait_all_ready() {
	local rc=0
	chrt -r -p 5 "$BASHPID" >/dev/null 2>&1 || true
	_bwait_all_ready "$@" || rc=$?
	chrt -o -p 0 "$BASHPID" >/dev/null 2>&1 || true
	return "$rc"
}

_bwait_all_ready() {
	local end=$(($(bnow_us) + $1 * 1000000)) maps=0 ready=0 want=${2:-$((BENCH_LUNS * 2))}
	while [ "$(bnow_us)" -lt "$end" ]; do
		kill -0 "$B_DPID" 2>/dev/null || {
			log "multipathd ($B_TOOL) exited while waiting for the maps"
			return 1
		}
		maps=$(bmaps_count)
		if [ "$maps" -ge "$BENCH_LUNS" ]; then
			ready=$(bpaths_ready_count)
			[ "$ready" -ge "$want" ] && return 0
		fi
		echo "$(bsecs_since "$B_DT0") $maps $ready" >>"$BENCH_DIR/ready-$B_TOOL.log"
		sleep 0.5
	done
	log "timed out: $maps maps, $ready paths ready"
	return 1
}

# ------------------------------------------------------------------------------------------
# The daemon
# ------------------------------------------------------------------------------------------

# bdaemon_start LOGNAME : start $B_MPATHD in the foreground (-d, with timestamps; verbosity
# 2, the default of both) in the background, output in $BENCH_DIR/LOGNAME. Sets B_DPID, and
# B_DT0 (its start time, microseconds). Does not wait.
bdaemon_start() {
	rm -f /run/multipathd.pid
	B_DT0=$(bnow_us)
	"$B_MPATHD" -d -v2 >>"$BENCH_DIR/$1" 2>&1 </dev/null &
	B_DPID=$!
	_mpt_bg "$B_DPID"
}

# bdaemon_stop : SIGTERM, up to 20 s, then SIGKILL (noted). Maps are left in place.
bdaemon_stop() {
	[ -n "${B_DPID:-}" ] || return 0
	kill -TERM "$B_DPID" 2>/dev/null || true
	if ! wait_for "! kill -0 $B_DPID" 20 0.2; then
		bnote "$B_NAME multipathd did not exit within 20 s of SIGTERM: killed"
		kill -KILL "$B_DPID" 2>/dev/null || true
	fi
	wait "$B_DPID" 2>/dev/null || true
	B_DPID=""
}

# ------------------------------------------------------------------------------------------
# /proc
# ------------------------------------------------------------------------------------------

# bproc_ticks PID : utime + stime of the whole process (all threads), in clock ticks.
bproc_ticks() {
	local stat rest
	local -a f
	read -r stat <"/proc/$1/stat" || return 1
	rest=${stat##*) }
	read -ra f <<<"$rest"
	# rest starts at field 3 (state): utime is field 14, stime field 15
	echo $((f[11] + f[12]))
}

# bproc_kb PID FIELD : a "kB" line of /proc/PID/status (VmRSS, VmHWM ...), in kB.
bproc_kb() {
	local k v _
	while read -r k v _; do
		if [ "$k" = "$2:" ]; then
			echo "$v"
			return 0
		fi
	done <"/proc/$1/status"
	return 1
}

# bcpu_per_min PID SECONDS : sleep SECONDS and print the CPU seconds per minute PID used
# meanwhile (3 decimals); 1 if it died.
bcpu_per_min() {
	local t0 t1 us0 us
	t0=$(bproc_ticks "$1") || return 1
	us0=$(bnow_us)
	sleep "$2"
	t1=$(bproc_ticks "$1") || return 1
	us=$(($(bnow_us) - us0))
	# ticks -> ms of CPU, scaled to 60 s of wall time
	awk -v d=$((t1 - t0)) -v tck="$B_TCK" -v us="$us" 'BEGIN { printf "%.3f\n", d / tck * 60e6 / us }'
}

# bkb_to_mib KB : "12.3"
bkb_to_mib() { awk -v k="$1" 'BEGIN { printf "%.1f\n", k / 1024 }'; }
