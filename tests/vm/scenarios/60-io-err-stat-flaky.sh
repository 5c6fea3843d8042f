#!/bin/bash
# 60-io-err-stat-flaky: a flaky path is isolated at its second failure and returns once healed.
#
# One LUN, two paths, fio random reads through the map. Path 2 flaps (offline 300 ms of every
# 1100 ms: with a period of exactly 1 s, checks made on whole seconds can fall in the
# offline phase every time and keep the path failed without any reinstatement, which proves
# nothing) for FLAP_S seconds, then stays healthy. With io_err_stat on (sample 10 s, threshold
# 100 permille, recovery 20 s):
#   - path 2 is failed in dm for good at its second failure: at most 2 reinstatements by the
#     daemon while it flaps (the one after the first failure, none after the isolation);
#   - while held it shows "delayed" in `show paths` and `multipath -ll`, and io_err_stat
#     lists it;
#   - fio sees no error at all;
#   - a held path that is reinstated behind the daemon's back (by hand here; the kernel's
#     own events can say the same when a PATH_REINSTATED arrives after a newer PATH_FAILED)
#     is failed again at once;
#   - after the flapping stops it is back in service within sample + recovery +
#     polling_interval + 2 s.
. "$(dirname "$0")/../lib.sh"

MPATHD=${MPATHD:-$MPT_TOP/build/bin/multipathd}
SAMPLE=10 RECOVERY=20 POLL=2 FLAP_S=${FLAP_S:-30}

vm_load_modules
vm_start_udev
sd_create 1 2
read -r P1 P2 <<<"$(sd_paths 0)"
P2DEVT=$(dev_devt "$P2")
W=$(dev_serial "$P1")

mpathd_start "defaults {
	polling_interval $POLL
	max_polling_interval $POLL
	find_multipaths greedy
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
wait_for "\"$MPATHD\" show paths | grep -q \"$P2 .*active *ready\"" 20 || fail "paths not ready"

step "fio through the map; $P2 flaps for ${FLAP_S}s"
fio_start /dev/mapper/flaky $((FLAP_S + SAMPLE + RECOVERY + POLL + 15))
sleep 2
LOG0=$(wc -l <"$LOGDIR/multipathd.log")
path_flap "$P2" 300 1100 "$FLAP_S" >/dev/null
FLAP_END=$(($(date +%s) + FLAP_S))
wait_for "\"$MPATHD\" show paths | grep -q \"$P2 .*delayed\"" $((FLAP_S - 2)) 0.5 ||
	fail "$P2 never held: $("$MPATHD" show paths)"
"$MPATHD" show io_err_stat | tee "$LOGDIR/io_err_stat-held"
assert_contains "$(cat "$LOGDIR/io_err_stat-held")" "$P2DEVT"
assert_eq "$(dm_path_state flaky "$P2DEVT")" F "$P2 while held"
# multipath -ll asks the daemon: a held path that answers its checker is "delayed"
wait_for "\"$MPT_TOP/build/bin/multipath\" -ll flaky | grep \" $P2 \" | grep -q delayed" 10 0.5 ||
	fail "multipath -ll does not show $P2 delayed: $("$MPT_TOP/build/bin/multipath" -ll flaky)"
wait "$FLAP_PID" || true
log "flapping over"

step "$P2 held and healthy, reinstated by hand: failed again"
# held with at least 6 s to its next verdict: nothing can release it meanwhile. A window
# that saw only the last few flaps may release it at once: then there is nothing to try.
ies_state() {
	"$MPATHD" show io_err_stat | awk -v d="$P2DEVT" '$1 == d { print $6, $7 + 0; f = 1 }
		END { if (!f) print "- 0" }'
}
# ready: held with 6 s or more to go, or released (neither held nor sampling)
ies_ready() {
	local st left
	read -r st left <<<"$(ies_state)"
	[ "$st" = held ] && [ "$left" -ge 6 ] || { [ "$st" != held ] && [ "$st" != sampling ]; }
}
wait_for ies_ready $((SAMPLE + RECOVERY)) 0.5 ||
	fail "$P2 neither held nor released: $("$MPATHD" show io_err_stat)"
if [ "$(ies_state | cut -d' ' -f1)" != held ]; then
	log "$P2 released by its first window after the flapping: nothing held to try"
else
	L0=$(wc -l <"$LOGDIR/multipathd.log")
	dmsetup message flaky 0 "reinstate_path $P2DEVT"
	wait_for "tail -n +$((L0 + 1)) '$LOGDIR/multipathd.log' | grep -q 'flaky: path $P2DEVT failed again: io_err_stat holds it'" 5 0.2 ||
		fail "$P2 reinstated by hand while held, not failed again: $(tail -n +$((L0 + 1)) "$LOGDIR/multipathd.log")"
	assert_eq "$(dm_path_state flaky "$P2DEVT")" F "$P2 held, after its reinstatement by hand"
	log "ok: $P2 failed again after its reinstatement by hand"
fi

step "Back in service within sample + recovery + poll + 2 s"
LIMIT=$((SAMPLE + RECOVERY + POLL + 2))
wait_for "[ \"\$(dm_path_state flaky $P2DEVT)\" = A ]" $((LIMIT + 5)) 0.5 ||
	fail "$P2 not back after $((LIMIT + 5)) s: $("$MPATHD" show io_err_stat)"
BACK=$(($(date +%s) - FLAP_END))
log "$P2 back $BACK s after the flapping stopped (limit $LIMIT s)"
[ "$BACK" -le "$LIMIT" ] || fail "$P2 back after $BACK s, limit $LIMIT s"
fio_wait || fail "fio saw errors: $FIO_ERR"
assert_eq "$FIO_ERR" 0 "fio errors"

step "Reinstatements of $P2 while it flapped"
REINST=$(tail -n +"$((LOG0 + 1))" "$LOGDIR/multipathd.log" | grep -c "path $P2DEVT reinstated" || true)
log "daemon reinstated $P2 $REINST times since the flapping began (the last one after healing)"
[ "$REINST" -le 2 ] || fail "$P2 reinstated $REINST times: not isolated at its second failure"
mpathd_stop
log "PASS"
