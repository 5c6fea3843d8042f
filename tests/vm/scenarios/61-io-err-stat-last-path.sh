#!/bin/bash
# 61-io-err-stat-last-path: io_err_stat never takes a map's last path, and off changes nothing.
#
#   - A single-path map with io_err_stat on: its path flaps under fio for 20 s. It is never
#     held or sampled (failing it would stop all IO to the LUN), and fio reads on with no
#     error (the map queues while the path is away).
#   - A two-path map with io_err_stat off: its second path flaps; the daemon fails and
#     reinstates it as its checker says, io_err_stat tracks nothing, nothing is delayed.
# timeout: 240
. "$(dirname "$0")/../lib.sh"

MPATHD=${MPATHD:-$MPT_TOP/build/bin/multipathd}

vm_load_modules
vm_start_udev
sd_create 2 2
read -r A1 A2 <<<"$(sd_paths 0)"
read -r B1 B2 <<<"$(sd_paths 1)"
W0=$(dev_serial "$A1")
W1=$(dev_serial "$B1")

# LUN 0 keeps one path only (its second one is blacklisted): a single-path map.
mpathd_start "defaults {
	polling_interval 1
	max_polling_interval 1
	find_multipaths greedy
}
blacklist {
	devnode \"^$A2\$\"
}
multipaths {
	multipath {
		wwid \"$W0\"
		alias single
		no_path_retry queue
		path_io_err_sample_time 5
		path_io_err_rate_threshold 100
		path_io_err_recovery_time 10
	}
	multipath {
		wwid \"$W1\"
		alias off
		path_grouping_policy multibus
	}
}
$SD_DEVICE_CONF"
wait_for "\"$MPATHD\" show paths | grep -q \"$B2 .*active *ready\"" 20 || fail "not ready"
wait_for "\"$MPATHD\" show paths | grep -q \"$A1 .*active *ready\"" 20 || fail "single not ready"
assert_eq "$(dmsetup table single | grep -o '[0-9]*:[0-9]*' | wc -l)" 1 "paths of map single"

step "The only path of 'single' flaps under fio: nothing held, IO continues"
fio_start /dev/mapper/single 25
path_flap "$A1" 300 1100 20 >/dev/null
FLAP_A=$FLAP_PID
step "...and the second path of 'off' flaps too (io_err_stat off)"
path_flap "$B2" 300 1100 20 >/dev/null
for _ in $(seq 20); do
	OUT=$("$MPATHD" show io_err_stat)
	case $OUT in
	*sampling* | *held*) fail "io_err_stat holds a path: $OUT" ;;
	esac
	"$MPATHD" show paths | grep -q delayed && fail "a path shows delayed: $("$MPATHD" show paths)"
	sleep 1
done
wait "$FLAP_A" || true
wait "$FLAP_PID" || true
fio_wait || fail "fio on the single-path map saw errors: $FIO_ERR"
assert_eq "$FIO_ERR" 0 "fio errors on 'single'"
LOG=$(cat "$LOGDIR/multipathd.log")
assert_not_contains "$LOG" "isolated, held"
assert_contains "$LOG" "$A1: io_err_stat: suspect"
REINST=$(grep -c "off: path $(dev_devt "$B2") reinstated" "$LOGDIR/multipathd.log" || true)
log "'off': $B2 reinstated $REINST times by its checker while it flapped"
[ "$REINST" -ge 1 ] || fail "with io_err_stat off, $B2 was never reinstated"
assert_not_contains "$LOG" "$B2: io_err_stat"
wait_for "[ \"\$(dm_path_state single $(dev_devt "$A1"))\" = A ]" 10 || fail "$A1 not back"
mpathd_stop
log "PASS"
