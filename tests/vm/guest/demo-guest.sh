#!/bin/bash
# tests/vm/guest/demo-guest.sh - the body of `make demo` (runs in the VM; see ../demo.sh).
#
# Shows, with explanations, the kernel side that multipathd and io_err_stat will manage:
# scsi_debug paths, a dm-multipath map, a path going flaky on a duty cycle, the PATH_FAILED
# uevents, `dmsetup status` toggling, and fio reading on without an error.
#
# MPT_DEMO_DAEMON selects who manages the map:
#   none (default)  no daemon: our `multipath` builds the map and a 10-line shell loop
#                   stands in for multipathd's path checker (TUR every second, reinstate
#                   when the path answers) - which is exactly how a flaky path keeps coming
#                   back without io_err_stat;
#   ours            $MPT_TOP/build/bin/multipathd (or $MPATHD) with io_err_stat enabled;
#   ref             Debian's multipath-tools 0.9.4 with its marginal_path_* settings.
# MPT_DEMO_SECONDS: how long fio runs and the path flaps (default 20).
. "$(dirname "$0")/../lib.sh"

DAEMON=${MPT_DEMO_DAEMON:-none}
SECS=${MPT_DEMO_SECONDS:-20}
say() { printf '    %s\n' "$@"; }
first_mpath_map() { dmsetup ls --target multipath 2>/dev/null | awk '$1 != "No" { print $1; exit }'; }

case $DAEMON in
none)
	echo
	echo "NOTE: our multipath CLI builds the map; multipathd and io_err_stat are not built yet,"
	echo "      so this demo shows what they will manage. (MPT_DEMO_DAEMON=ours will run our"
	echo "      daemon once it exists.)"
	;;
ours | ref) ;;
*) fail "MPT_DEMO_DAEMON must be none, ours or ref (got '$DAEMON')" ;;
esac

step "Loading the kernel modules (the guest does not autoload) and starting udev..."
vm_load_modules
vm_start_udev
say "dm_multipath, its path selectors, scsi_dh_alua and sd_mod are loaded; udevd is running."

step "Creating two SCSI paths to one LUN with scsi_debug..."
say "scsi_debug is a fake SCSI HBA in the kernel. With add_host=2 and vpd_use_hostno=0 the"
say "same LUN shows up behind two SCSI hosts, as two disks with one WWID: two paths."
sd_create 1 2
read -r P1 P2 <<<"$(sd_paths 0)"
D1=$(dev_devt "$P1")
D2=$(dev_devt "$P2")
SECTORS=$(dev_sectors "$P1")

if [ "$DAEMON" = none ]; then
	step "Building the dm-multipath map with our multipath command..."
	MULTIPATH=$MPT_TOP/build/bin/multipath
	mkdir -p /etc/multipath
	cat >/etc/multipath.conf <<-CONF
	defaults {
		user_friendly_names yes
		find_multipaths greedy
	}
	overrides {
		path_grouping_policy multibus
		no_path_retry queue
	}
	CONF
	say "/etc/multipath.conf:"
	sed 's/^/      /' /etc/multipath.conf
	say "multipath discovers both paths, groups them by WWID, names the map from the"
	say "bindings file and loads the table into the kernel:"
	"$MULTIPATH" 2>&1 | sed 's/^/      /'
	udevadm settle --timeout=30
	MAP=$(first_mpath_map)
	[ -n "$MAP" ] || fail "multipath created no map"
	say "dmsetup table $MAP: $(dmsetup table "$MAP")"
	say "  '1 queue_if_no_path'  queue IO instead of failing it if no path is left"
	say "  '1 alua'              hardware handler: scsi_debug reports ALUA"
	say "  one path group (multibus), service-time over the two paths $D1 and $D2"
else
	if [ "$DAEMON" = ref ]; then
		ref_install
		MPATHD=/sbin/multipathd
		# Debian's multipathd: its io_err_stat ancestor is the marginal_path_* family
		# (sample time at least 120 s).
		IOERR="marginal_path_err_sample_time 120
	marginal_path_err_rate_threshold 10
	marginal_path_err_recheck_gap_time 30
	marginal_path_double_failed_time 60"
	else
		IOERR="path_io_err_sample_time 10
	path_io_err_rate_threshold 10
	path_io_err_recovery_time 30
	path_io_err_double_failed_time 60"
	fi
	step "Starting multipathd ($DAEMON: ${MPATHD:-$MPT_TOP/build/bin/multipathd}) with io error accounting on..."
	# overrides: our built-in scsi_debug device entry would otherwise group by priority
	mpathd_start "defaults {
	user_friendly_names yes
	find_multipaths no
	polling_interval 1
	$IOERR
}
overrides {
	path_grouping_policy multibus
	no_path_retry queue
}"
	# shellcheck disable=SC2016 # expanded by wait_for
	wait_for '[ -n "$(first_mpath_map)" ]' 30 ||
		fail "multipathd did not create a map for the scsi_debug LUN"
	MAP=$(first_mpath_map)
	udevadm settle --timeout=30
	say "multipathd created the map $MAP:"
	"$MPATHD" show topology 2>&1 | sed 's/^/      /'
fi
say "dmsetup status: $(dmsetup status "$MAP")"
say "(after each path's major:minor: A = active, F = failed, then its failure count)"

step "Starting fio: ${SECS}s of random 4k reads through /dev/mapper/$MAP..."
uevent_monitor_start
fio_start "/dev/mapper/$MAP" "$SECS"

step "Making $P2 flaky: offline 300 ms of every 1000 ms (path_flap)..."
say "Each time it is offline, IO on it fails, dm-multipath fails the path, retries the IO on"
say "$P1 and sends a 'change' uevent: DM_ACTION=PATH_FAILED DM_PATH=$D2."
if [ "$DAEMON" = none ]; then
	say "Our stand-in checker sends a SCSI TEST UNIT READY to $P2 every second (sg_turs, like"
	say "multipathd's tur checker) and reinstates the path whenever it answers."
fi
sleep 1
path_flap "$P2" 300 1000 $((SECS - 4)) >/dev/null
echo
# One row a second. Under TCG every process costs ~0.1 s, so the loop forks few of them:
# one dmsetup status, one awk over the uevent log, sg_turs only when the path is failed.
dm_states() { # sets S1 and S2, the dm states of $D1 and $D2 in `dmsetup status` text $1
	local -a t
	local i
	read -ra t <<<"$1"
	S1='?' S2='?'
	for ((i = 0; i + 1 < ${#t[@]}; i++)); do
		case ${t[i]} in
		"$D1") S1=${t[i + 1]} ;;
		"$D2") S2=${t[i + 1]} ;;
		esac
	done
}
say "Each second: the time, $P2's SCSI state, the dm path states (before the checker acts),"
say "the PATH_FAILED uevents so far, and what happened in that second."
echo
printf '    %-6s %-10s %-14s %-12s %s\n' time "$P2 state" "dm: $D1 $D2" PATH_FAILED "what happened"
seen_failed=0 seen_reinst=0 reinstated=0
end=$((SECONDS + SECS - 2))
while [ "$SECONDS" -lt "$end" ]; do
	tick=${EPOCHREALTIME/[.,]/}
	note=""
	dm_states "$(dmsetup status "$MAP")"
	if [ "$DAEMON" = none ] && [ "$S2" = F ] && sg_turs "/dev/$P2" >/dev/null 2>&1; then
		dmsetup message "$MAP" 0 reinstate_path "$D2"
		reinstated=$((reinstated + 1))
		note="checker: TUR ok -> reinstate_path"
	fi
	read -r failed reinst < <(awk -v p="DM_PATH=$D2" '
		/^DM_ACTION=PATH_FAILED$/ { a = "f" } /^DM_ACTION=PATH_REINSTATED$/ { a = "r" }
		$0 == p { if (a == "f") f++; if (a == "r") r++ }
		/^$/ { a = "" }
		END { print f + 0, r + 0 }' "$UEVENT_LOG")
	if [ "$failed" -gt "$seen_failed" ]; then
		note="${note:+$note; }uevent PATH_FAILED x$((failed - seen_failed))"
	fi
	if [ "$reinst" -gt "$seen_reinst" ] && [ "$DAEMON" != none ]; then
		note="${note:+$note; }uevent PATH_REINSTATED x$((reinst - seen_reinst))"
	fi
	seen_failed=$failed seen_reinst=$reinst
	read -r st2 <"/sys/class/block/$P2/device/state"
	printf '    %-6s %-10s %-14s %-12s %s\n' "$(elapsed)" "$st2" "    $S1    $S2" "$failed" "$note"
	if [ "$DAEMON" != none ]; then
		"$MPATHD" show paths 2>&1 | sed 's/^/      /'
	fi
	# Sleep out the rest of the second.
	left=$((1000000 - (${EPOCHREALTIME/[.,]/} - tick)))
	if [ "$left" -gt 0 ]; then
		sleep "0.$(printf '%06d' "$left")"
	fi
done
wait "$FLAP_PID" 2>/dev/null || true

step "Waiting for fio..."
if ! fio_wait; then
	fail "fio saw IO errors: the flaky path should have been masked by dm-multipath"
fi
uevent_monitor_stop
say "fio read $((FIO_BYTES / 1048576)) MiB in $FIO_IOS IOs with 0 errors while $P2 flapped."
say "The kernel failed $P2 $seen_failed times (PATH_FAILED uevents)."
if [ "$DAEMON" = none ]; then
	say "The naive checker put it back $reinstated times: every reinstatement sends IO onto a"
	say "link that fails again, and the application pays with retries and latency spikes."
	say "io_err_stat will stop this: after two failures within path_io_err_double_failed_time"
	say "it keeps the path out, samples it with its own direct reads for"
	say "path_io_err_sample_time, and lets it back only if the error rate is at or below"
	say "path_io_err_rate_threshold."
	run "$MULTIPATH" -f "$MAP"
else
	mpathd_stop
fi
[ "$seen_failed" -gt 0 ] || fail "no PATH_FAILED uevent was seen for $D2"
step "Demo finished."
