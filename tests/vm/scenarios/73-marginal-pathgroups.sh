#!/bin/bash
# 73-marginal-pathgroups: with marginal_pathgroups on, a flaky path is not failed but moved to
# a path group of its own, after the normal one, and comes back to its group once healed.
# timeout: 360
#
# One LUN, two paths (multibus: one group normally), fio random reads through the map, path 2
# flaps (offline 300 ms of every 1100 ms, see 60-io-err-stat-flaky) for FLAP_S seconds with
# io_err_stat on (sample 10 s, threshold 100 permille, recovery 90 s: the steps
# below run while it is held, on a loaded host too):
#   - path 2 ends in a second, last path group of its own, `%M` says marginal, `show paths`
#     says ready, and once the flapping is over the kernel has it active (not failed);
#     `multipath -ll` does not call it delayed (Debian's 0.9.4 shows it as any active path);
#   - with path 1 offline, IO goes through the marginal group, without errors;
#   - reconfigured to "fpin" (FPIN is not received: treated as off, said in the log), path 2
#     goes back into the group of path 1 failed (io_err_stat holds it); back to "on", it is
#     in its marginal group again and active;
#   - fio sees no error at all;
#   - healed, it is back in its normal group (one group) within sample + recovery +
#     polling_interval + 2 s of the end of the flapping (timed from the daemon's log, each
#     line stamped on arrival: the steps before take long on a loaded host).
. "$(dirname "$0")/../lib.sh"

MPATHD=${MPATHD:-$MPT_TOP/build/bin/multipathd}
MULTIPATH=$MPT_TOP/build/bin/multipath
SAMPLE=10 RECOVERY=90 POLL=2 FLAP_S=${FLAP_S:-20}

vm_load_modules
vm_start_udev
sd_create 1 2
read -r P1 P2 <<<"$(sd_paths 0)"
P1DEVT=$(dev_devt "$P1")
P2DEVT=$(dev_devt "$P2")
W=$(dev_serial "$P1")

conf() {
	printf '%s\n' "defaults {
	polling_interval $POLL
	max_polling_interval $POLL
	find_multipaths greedy
	marginal_pathgroups $1
	path_io_err_sample_time $SAMPLE
	path_io_err_rate_threshold 100
	path_io_err_recovery_time $RECOVERY
	path_io_err_double_failed_time 60
}
multipaths {
	multipath {
		wwid \"$W\"
		alias flaky
		path_grouping_policy multibus
	}
}
$SD_DEVICE_CONF"
}

# dm_groups MAP : the path groups of the kernel's table, "8:0,8:16" or "8:0|8:16"
dm_groups() {
	dmsetup table "$1" | awk '{
		i = 4; i += $i + 1; i += $i + 1	# features, hardware handler
		npg = $i; i += 2		# groups, first group
		for (g = 1; g <= npg; g++) {
			i++; i += $i + 1	# selector and its arguments
			np = $i; npa = $(i + 1); i += 2
			s = ""
			for (p = 0; p < np; p++) { s = s (p ? "," : "") $i; i += npa + 1 }
			printf "%s%s", (g > 1 ? "|" : ""), s
		}
		print ""
	}'
}
marginal_st() { "$MPATHD" show paths format "%d %M" | awk -v d="$1" '$1 == d { print $2 }'; }

mpathd_start "$(conf on)"
STAMPED=$LOGDIR/multipathd.log.stamped
log_stamp_start "$LOGDIR/multipathd.log"
wait_for "\"$MPATHD\" show paths | grep -q \"$P2 .*active *ready\"" 20 || fail "paths not ready"
assert_eq "$(dm_groups flaky)" "$P1DEVT,$P2DEVT" "groups before"
assert_eq "$(marginal_st "$P2")" normal "$P2 before"

step "fio through the map; $P2 flaps for ${FLAP_S}s"
fio_start /dev/mapper/flaky $((FLAP_S + SAMPLE + RECOVERY + POLL + 20))
sleep 2
path_flap "$P2" 300 1100 "$FLAP_S" >/dev/null
wait_for "[ \"\$(dm_groups flaky)\" = '$P1DEVT|$P2DEVT' ]" $((FLAP_S - 2)) 0.5 ||
	fail "$P2 not in a group of its own: $(dm_groups flaky); $("$MPATHD" show paths)"
assert_eq "$(marginal_st "$P2")" marginal "$P2 %M while flaky"
"$MPATHD" show maps topology | tee "$LOGDIR/topology-marginal"
"$MPATHD" show io_err_stat | tee "$LOGDIR/io_err_stat-marginal"
assert_contains "$(cat "$LOGDIR/io_err_stat-marginal")" "$P2DEVT"
wait "$FLAP_PID" || true
FLAP_END=$EPOCHREALTIME
log "flapping over"

step "$P2 marginal, healthy: active in the kernel, not delayed"
wait_for "[ \"\$(dm_path_state flaky $P2DEVT)\" = A ]" $((POLL + 4)) 0.5 ||
	fail "$P2 not active in its marginal group: $(dmsetup status flaky)"
assert_eq "$(dm_groups flaky)" "$P1DEVT|$P2DEVT" "groups while marginal"
assert_eq "$(marginal_st "$P2")" marginal "$P2 %M after the flapping"
assert_contains "$("$MPATHD" show paths)" "$P2 " "show paths"
assert_not_contains "$("$MPATHD" show paths | awk -v d="$P2" '$2 == d')" delayed "show paths of $P2"
"$MULTIPATH" -ll flaky | tee "$LOGDIR/ll-marginal"
assert_eq "$(grep -c "policy=" "$LOGDIR/ll-marginal")" 2 "path groups in multipath -ll"
assert_contains "$(cat "$LOGDIR/ll-marginal")" " $P2 " "multipath -ll"
assert_not_contains "$(awk -v d="$P2" 'index($0, " " d " ")' "$LOGDIR/ll-marginal")" delayed "multipath -ll of $P2"

step "$P1 offline: IO through the marginal group"
R0=$(dev_reads "$P2")
path_offline "$P1"
sleep 4
R1=$(dev_reads "$P2")
log "reads on $P2 with $P1 offline: $((R1 - R0))"
[ $((R1 - R0)) -gt 100 ] || fail "no IO through $P2 with $P1 offline ($((R1 - R0)) reads)"
assert_eq "$(dm_path_state flaky "$P2DEVT")" A "$P2 with $P1 offline"
path_online "$P1"
wait_for "[ \"\$(dm_path_state flaky $P1DEVT)\" = A ]" $((POLL + 6)) 0.5 ||
	fail "$P1 not reinstated"

step "reconfigure: fpin (as off) puts $P2 back in the group of $P1, failed; on again: marginal"
AFTER=$FLAP_END
if [ "$(marginal_st "$P2")" != marginal ]; then
	log "$P2 released already: nothing to regroup"
else
	conf fpin >/etc/multipath.conf
	"$MPATHD" reconfigure >/dev/null
	wait_for "[ \"\$(dm_groups flaky)\" = '$P1DEVT,$P2DEVT' ]" 20 0.5 ||
		fail "fpin: $P2 not back in the group of $P1: $(dm_groups flaky)"
	wait_for "grep -q 'marginal_pathgroups fpin: FPIN notifications are not received' '$LOGDIR/multipathd.log'" 20 0.5 ||
		fail "fpin: not said in the log"
	if [ "$("$MPATHD" show io_err_stat | awk -v d="$P2DEVT" '$1 == d { print $6 }')" = held ]; then
		wait_for "[ \"\$(dm_path_state flaky $P2DEVT)\" = F ]" 10 0.3 ||
			fail "fpin: $P2 held but active in the kernel"
		assert_eq "$(marginal_st "$P2")" normal "$P2 %M with fpin"
		conf on >/etc/multipath.conf
		"$MPATHD" reconfigure >/dev/null
		wait_for "[ \"\$(dm_groups flaky)\" = '$P1DEVT|$P2DEVT' ] && [ \"\$(dm_path_state flaky $P2DEVT)\" = A ]" 20 0.5 ||
			fail "on again: $P2 not active in its marginal group: $(dm_groups flaky) $(dmsetup status flaky)"
		AFTER=$EPOCHREALTIME
	else
		log "$P2 released meanwhile: the time back is not measured"
		AFTER=
		conf on >/etc/multipath.conf
		"$MPATHD" reconfigure >/dev/null
	fi
fi

step "Healed: back in its group within sample + recovery + poll + 2 s"
LIMIT=$((SAMPLE + RECOVERY + POLL + 2))
wait_for "[ \"\$(dm_groups flaky)\" = '$P1DEVT,$P2DEVT' ] && [ \"\$(dm_path_state flaky $P2DEVT)\" = A ]" $((LIMIT + 5)) 0.5 ||
	fail "$P2 not back after $((LIMIT + 5)) s: $(dm_groups flaky); $("$MPATHD" show io_err_stat)"
if [ -n "$AFTER" ]; then
	T_MARK=$(stamp_of "$STAMPED" "^flaky: $P2: no longer marginal" "$AFTER") ||
		fail "no 'no longer marginal' in the log after the flapping"
	T_BACK=$(stamp_of "$STAMPED" "^flaky: reload" "$T_MARK") || fail "no reload after $T_MARK"
	BACK=$(((${T_BACK/[.,]/} - ${FLAP_END/[.,]/}) / 1000000))
	log "$P2 back in its group $BACK s after the flapping stopped (limit $LIMIT s)"
	[ "$BACK" -le "$LIMIT" ] || fail "$P2 back after $BACK s, limit $LIMIT s"
fi
assert_eq "$(marginal_st "$P2")" normal "$P2 %M healed"
fio_wait || fail "fio saw errors: $FIO_ERR"
assert_eq "$FIO_ERR" 0 "fio errors"
mpathd_stop
log "PASS"
