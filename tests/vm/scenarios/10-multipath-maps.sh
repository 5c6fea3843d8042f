#!/bin/bash
# 10-multipath-maps: our `multipath` builds real dm-multipath maps.
#
# Two LUNs, two paths each (scsi_debug, ALUA). With a multipath.conf that names LUN 0
# "lun0" with failover grouping and gives LUN 1 multibus grouping and a user friendly name:
#   - `multipath -q` (queueing kept without a daemon) creates both maps; `dmsetup table` has what the config asks for: the alua
#     hardware handler, queue_if_no_path (no_path_retry 12 of the scsi_debug device entry),
#     two path groups for failover, one with both paths for multibus;
#   - running it again changes nothing; `multipath -ll` has the multipath-tools shape;
#   - `multipath -f` removes one map, `multipath -F` all of them;
#   - a blacklisted WWID gets no map, and `multipath -c` says so;
#   - fio through a map sees no error while one of its paths goes offline.
. "$(dirname "$0")/../lib.sh"

MULTIPATH=${MULTIPATH:-$MPT_TOP/build/bin/multipath}
[ -x "$MULTIPATH" ] || fail "$MULTIPATH not built"

vm_load_modules
vm_start_udev

step "Two LUNs, two paths each"
sd_create 2 2
read -r A1 A2 <<<"$(sd_paths 0)"
read -r B1 B2 <<<"$(sd_paths 1)"
W0=$(dev_serial "$A1")
W1=$(dev_serial "$B1")
[ -n "$W0" ] && [ -n "$W1" ] || fail "udev gave no ID_SERIAL ($W0/$W1)"
log "LUN 0: $A1 $A2 wwid $W0; LUN 1: $B1 $B2 wwid $W1"

write_conf() {
	mkdir -p /etc/multipath
	rm -f /etc/multipath/bindings /etc/multipath/wwids
	cat >/etc/multipath.conf
	cp /etc/multipath.conf "$LOGDIR/multipath.conf"
}

write_conf <<CONF
defaults {
	user_friendly_names yes
	find_multipaths greedy
}
multipaths {
	multipath {
		wwid "$W0"
		alias lun0
		path_grouping_policy failover
		features "2 pg_init_retries 50"
	}
	multipath {
		wwid "$W1"
		path_grouping_policy multibus
		rr_min_io_rq 100
	}
}
$SD_DEVICE_CONF
CONF

# table_field MAP WHAT : number of path groups ("pgs") or the hwhandler ("hwh") of a table
table_field() {
	local -a t
	read -ra t <<<"$(dmsetup table "$1")"
	local i=3 nf nh
	nf=${t[i]}
	i=$((i + 1 + nf))
	nh=${t[i]}
	case $2 in
	hwh) echo "${t[*]:i:nh+1}" ;;
	pgs) echo "${t[i + 1 + nh]}" ;;
	esac
}

step "multipath -d shows what it would do and changes nothing"
out=$("$MULTIPATH" -d 2>&1) || fail "multipath -d failed: $out"
printf '%s\n' "$out"
assert_contains "$out" "create: lun0 ($W0)" "multipath -d output"
[ -z "$(dmsetup ls --target multipath | grep -v 'No devices')" ] || fail "multipath -d created maps: $(dmsetup ls)"
[ -e /etc/multipath/bindings ] && fail "multipath -d wrote the bindings file"

step "Without root: one clear line"
out=$(setpriv --reuid=65534 --regid=65534 --clear-groups "$MULTIPATH" -ll 2>&1) && fail "multipath -ll as nobody succeeded"
assert_eq "$out" "multipath: must run as root" "multipath -ll as nobody"

step "multipath creates both maps"
out=$("$MULTIPATH" -q 2>&1) || fail "multipath failed: $out"
printf '%s\n' "$out"
assert_contains "$out" "create: lun0 ($W0)" "multipath output"
assert_contains "$out" "create: mpatha ($W1)" "multipath output"
[ -b /dev/mapper/lun0 ] || fail "/dev/mapper/lun0 missing after multipath returned"
[ -b /dev/mapper/mpatha ] || fail "/dev/mapper/mpatha missing after multipath returned"
log "lun0:   $(dmsetup table lun0)"
log "mpatha: $(dmsetup table mpatha)"
assert_eq "$(table_field lun0 pgs)" 2 "path groups of lun0 (failover)"
assert_eq "$(table_field mpatha pgs)" 1 "path groups of mpatha (multibus)"
assert_eq "$(table_field lun0 hwh)" "1 alua" "hardware handler of lun0"
assert_contains "$(dmsetup table lun0)" " 3 queue_if_no_path pg_init_retries 50 " "lun0 table"
for d in $A1 $A2; do
	assert_contains "$(dmsetup table lun0)" " $(dev_devt "$d") " "lun0 table"
done
for d in $B1 $B2; do
	assert_contains "$(dmsetup table mpatha)" " $(dev_devt "$d") " "mpatha table"
done
assert_eq "$(dmsetup info -c --noheadings -o uuid lun0)" "mpath-$W0" "uuid of lun0"
grep -q "^mpatha $W1\$" /etc/multipath/bindings || fail "bindings file lacks mpatha: $(cat /etc/multipath/bindings)"
grep -q "^/$W0/\$" /etc/multipath/wwids || fail "wwids file lacks $W0"

step "Running multipath again changes nothing"
out=$("$MULTIPATH" -q 2>&1) || fail "second multipath failed: $out"
assert_not_contains "$out" "create:" "second run"
assert_not_contains "$out" "reload:" "second run"

step "multipath -r reloads"
out=$("$MULTIPATH" -q -r lun0 2>&1) || fail "multipath -r failed: $out"
assert_contains "$out" "reload: lun0 ($W0)" "multipath -r lun0"
assert_not_contains "$out" "mpatha" "multipath -r lun0"

step "multipath -l (no checkers)"
l=$("$MULTIPATH" -l lun0 2>&1) || fail "multipath -l failed: $l"
printf '%s\n' "$l"
[ "$(printf '%s\n' "$l" | grep -Ec " active undef running\$")" = 2 ] || fail "-l path lines should show checker state undef: $l"

step "multipath -ll"
ll=$("$MULTIPATH" -ll 2>&1) || fail "multipath -ll failed: $ll"
printf '%s\n' "$ll" | tee "$LOGDIR/multipath-ll.txt"
lines=$(printf '%s\n' "$ll" | awk '/^lun0 /{on=1} on&&/^mpatha /{on=0} on')
printf '%s\n' "$lines" | head -1 | grep -Eq "^lun0 \($W0\) dm-[0-9]+ Linux,scsi_debug\$" ||
	fail "header line: $(printf '%s\n' "$lines" | head -1)"
printf '%s\n' "$lines" | sed -n 2p | grep -Eq "^size=64M features='3 queue_if_no_path pg_init_retries 50' hwhandler='1 alua' wp=rw\$" ||
	fail "size line: $(printf '%s\n' "$lines" | sed -n 2p)"
[ "$(printf '%s\n' "$lines" | grep -Ec "^[|\`]-\+- policy='service-time 0' prio=[0-9]+ status=(active|enabled)\$")" = 2 ] ||
	fail "expected two path group lines in: $lines"
[ "$(printf '%s\n' "$lines" | grep -Ec "^[| ] [|\`]- [0-9]+:[0-9]+:[0-9]+:[0-9]+ sd[a-z]+ +[0-9]+:[0-9]+ +active ready running\$")" = 2 ] ||
	fail "expected two path lines 'H:C:T:L sdX M:m active ready running' in: $lines"
only=$("$MULTIPATH" -ll "$B2" 2>&1)
assert_contains "$only" "mpatha ($W1)" "multipath -ll $B2"
assert_not_contains "$only" "lun0" "multipath -ll $B2"

# lun0 is failover: IO goes to the highest priority group only; take that path away.
step "fio through lun0 while its active path goes offline"
active=$(printf '%s\n' "$lines" | grep -A1 'status=active' | sed -n 's/.* \(sd[a-z]*\) .*/\1/p')
[ -n "$active" ] || fail "no active path in lun0's topology"
other=$A1
[ "$active" = "$A1" ] && other=$A2
fio_start /dev/mapper/lun0 8
sleep 2
before=$(dev_reads "$other")
path_offline "$active"
fio_wait || fail "fio saw IO errors through lun0 while $other was healthy (error=$FIO_ERR)"
assert_eq "$(dm_path_state lun0 "$(dev_devt "$active")")" F "state of $active in lun0"
[ "$(dev_reads "$other")" -gt "$before" ] || fail "IO did not fail over to $other"
path_online "$active"
run dmsetup message lun0 0 reinstate_path "$(dev_devt "$active")"

step "multipath -f and -F"
udevadm settle --timeout=30
run "$MULTIPATH" -f lun0
[ -e /dev/mapper/lun0 ] && fail "/dev/mapper/lun0 still there after multipath -f"
dmsetup info lun0 >/dev/null 2>&1 && fail "lun0 still exists after multipath -f"
out=$("$MULTIPATH" -f lun0 2>&1) && fail "multipath -f of a missing map succeeded: $out"
run "$MULTIPATH" -F
[ -z "$(dmsetup ls --target multipath | grep -v 'No devices')" ] || fail "maps left after -F: $(dmsetup ls)"

step "A blacklisted WWID gets no map"
write_conf <<CONF
defaults {
	find_multipaths greedy
}
blacklist {
	wwid "^$W1\$"
}
$SD_DEVICE_CONF
CONF
out=$("$MULTIPATH" 2>&1) || fail "multipath failed: $out"
printf '%s\n' "$out"
dmsetup info "$W0" >/dev/null 2>&1 || fail "no map named $W0 (user_friendly_names off)"
dmsetup info "$W1" >/dev/null 2>&1 && fail "blacklisted $W1 got a map"
"$MULTIPATH" -c "$B1" && fail "multipath -c $B1 says a blacklisted path is valid"
run "$MULTIPATH" -c "$A1"
run "$MULTIPATH" -F

step "fs.aio-max-nr exhausted: a clear message, no crash"
write_conf <<CONF
defaults {
	find_multipaths greedy
}
overrides {
	path_checker directio
	detect_checker no
}
$SD_DEVICE_CONF
CONF
run "$MULTIPATH"
max=$(cat /proc/sys/fs/aio-max-nr)
echo 0 >/proc/sys/fs/aio-max-nr
rc=0
out=$("$MULTIPATH" -ll 2>&1) || rc=$?
echo "$max" >/proc/sys/fs/aio-max-nr
printf '%s\n' "$out"
assert_eq "$rc" 0 "exit status of multipath -ll without AIO contexts"
assert_contains "$out" "directio checker: fs.aio-max-nr exhausted" "multipath -ll"
assert_contains "$out" "$W0 dm-" "multipath -ll"
out=$("$MULTIPATH" -ll 2>&1)
assert_contains "$out" "active ready running" "multipath -ll with aio-max-nr restored"
run "$MULTIPATH" -F

step "Bad usage"
out=$("$MULTIPATH" -x 2>&1) && fail "multipath -x succeeded"
assert_contains "$out" "Usage:" "multipath -x"
rm -f /etc/multipath.conf
