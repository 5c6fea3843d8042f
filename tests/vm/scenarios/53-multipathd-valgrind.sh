#!/bin/bash
# 53-multipathd-valgrind: the daemon under valgrind: no invalid access, no leak.
#
# One LUN, two paths, io_err_stat on. While valgrind watches: start, a path offline and back,
# a path deleted and rescanned, a flaky episode (the path is sampled), commands, reconfigure,
# SIGTERM. valgrind must report no error and nothing definitely or indirectly lost.
# timeout: 600
. "$(dirname "$0")/../lib.sh"

command -v valgrind >/dev/null || fail "valgrind not installed"
MPATHD_BIN=$MPT_TOP/build/bin/multipathd
VGLOG=$LOGDIR/valgrind.log

vm_load_modules
vm_start_udev
sd_create 1 2
read -r P1 P2 <<<"$(sd_paths 0)"

MPATHD_START_TIMEOUT=300
MPATHD_ARGS="-v3"
# shellcheck disable=SC2034 # read by mpathd_start
MPATHD_READY="\"$MPATHD_BIN\" show daemon | grep -q running"
# mpathd_start runs one command: a wrapper script runs the daemon under valgrind
VGWRAP=/tmp/multipathd-valgrind
printf '#!/bin/sh\nexec valgrind --log-file=%s --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect --error-exitcode=99 %s "$@"\n' \
	"$VGLOG" "$MPATHD_BIN" >"$VGWRAP"
chmod +x "$VGWRAP"
MPATHD=$VGWRAP
mpathd_start "defaults {
	polling_interval 2
	find_multipaths greedy
	path_io_err_sample_time 4
	path_io_err_rate_threshold 100
	path_io_err_recovery_time 4
}
$SD_DEVICE_CONF"
MPATHD=$MPATHD_BIN
wait_for "\"$MPATHD\" show paths | grep -q \"$P2 .*active *ready\"" 90 1 ||
	fail "paths not ready: $("$MPATHD" show paths)"

step "Offline and back"
path_offline "$P2"
wait_for "\"$MPATHD\" show paths | grep -q \"$P2 .*failed\"" 30 1 || fail "$P2 not failed"
path_online "$P2"
wait_for "\"$MPATHD\" show paths | grep -q \"$P2 .*active\"" 30 1 || fail "$P2 not back"

step "A flaky episode"
path_flap "$P2" 300 1000 12 >/dev/null
fio_start "/dev/mapper/$(dmsetup ls --target multipath | awk '{ print $1; exit }')" 14 || true
wait "$FLAP_PID" || true
fio_wait || true
"$MPATHD" show io_err_stat >"$LOGDIR/io_err_stat" || true

step "Delete and rescan; commands; reconfigure"
path_delete "$P2"
sleep 3
path_rescan
sleep 3
for cmd in "show paths" "show maps" "show topology" "show status" "show config" \
	"show maps status" "show io_err_stat" "fail path $P1" "reinstate path $P1" \
	"reconfigure" "bogus words"; do
	"$MPATHD" $cmd >/dev/null 2>&1 || true
done
sleep 8

step "Stop; valgrind's verdict"
RC=0
_mpathd_term "$MPATHD_PID" || RC=$?
MPATHD_PID=""
log "valgrind exit status $RC"
tail -20 "$VGLOG"
grep -q "ERROR SUMMARY: 0 errors" "$VGLOG" || fail "valgrind found errors (see valgrind.log)"
[ "$RC" = 0 ] || fail "multipathd under valgrind exited $RC"
log "PASS"
