#!/bin/bash
# (76 s measured under TCG)
# 67-group-by-tpg: path_grouping_policy group_by_tpg and detect_pgpolicy on real ALUA disks.
#
# scsi_debug reports ALUA (TPGS 1) and, in VPD page 0x83, a target port group per SCSI host:
# one LUN with a path on each of two hosts has two port groups. So:
#   - with the const prioritizer (equal priorities) group_by_prio makes one path group,
#     group_by_tpg two (one per port group), in `multipath -ll` and in the dm table;
#   - detect_pgpolicy yes (devices entry failover) groups the map whose paths use the alua
#     prioritizer by priority, with detect_pgpolicy_use_tpg yes by port group (two groups),
#     each logged at -v3 as "(setting: storage device autodetected)" (scsi_debug gives the
#     two port groups different ALUA states, 50 and 10: the log line is what tells
#     group_by_prio from the entry's failover there); an overrides path_grouping_policy
#     still wins;
#   - vpd_vendor hp3par on a device that does not have the 3PAR page costs a -v3 line, no
#     failure.
. "$(dirname "$0")/../lib.sh"

MULTIPATH=${MULTIPATH:-$MPT_TOP/build/bin/multipath}
[ -x "$MULTIPATH" ] || fail "$MULTIPATH not built"

vm_load_modules
vm_start_udev

step "One LUN, a path on each of two hosts"
sd_create 1 2
read -r P1 P2 <<<"$(sd_paths 0)"
W=$(dev_serial "$P1")
[ -n "$W" ] || fail "udev gave no ID_SERIAL"

# tpg_of sdX : the target port group designator (type 5) of the disk's VPD page 0x83
tpg_of() {
	local -a b
	read -ra b <<<"$(od -An -v -tu1 "/sys/class/block/$1/device/vpd_pg83" | tr -s ' \n' '  ')"
	local p=4 end=$((4 + b[2] * 256 + b[3]))
	while [ $((p + 4)) -le "$end" ]; do
		if [ $((b[p + 1] & 15)) = 5 ]; then
			echo $((b[p + 6] * 256 + b[p + 7]))
			return
		fi
		p=$((p + 4 + b[p + 3]))
	done
	echo none
}
T1=$(tpg_of "$P1")
T2=$(tpg_of "$P2")
log "$P1 target port group $T1, $P2 target port group $T2"
[ "$T1" != none ] && [ "$T2" != none ] && [ "$T1" != "$T2" ] ||
	fail "scsi_debug did not give two target port groups ($T1/$T2)"

# build DEVICE_KEYWORDS [OVERRIDES_KEYWORDS] : flush, write a conf whose scsi_debug entry has
# DEVICE_KEYWORDS, create the map at -v3 (log in $LOGDIR/build-N.log), print `multipath -ll`
N=0
build() {
	N=$((N + 1))
	"$MULTIPATH" -F >/dev/null 2>&1 || true
	mkdir -p /etc/multipath
	rm -f /etc/multipath/bindings /etc/multipath/wwids
	cat >/etc/multipath.conf <<CONF
defaults {
	find_multipaths greedy
}
devices {
	device {
		vendor "Linux"
		product "scsi_debug"
		no_path_retry fail
$1
	}
}
overrides {
$2
}
CONF
	cp /etc/multipath.conf "$LOGDIR/multipath-$N.conf"
	"$MULTIPATH" -v3 >"$LOGDIR/build-$N.log" 2>&1 || fail "multipath failed: $(tail -5 "$LOGDIR/build-$N.log")"
	LL=$("$MULTIPATH" -ll 2>&1) || fail "multipath -ll failed: $LL"
	printf '%s\n' "$LL" >"$LOGDIR/ll-$N.txt"
	printf '%s\n' "$LL"
}

# groups : the number of path groups of the map in `multipath -ll` and in its dm table
groups() {
	local ll table
	ll=$(printf '%s\n' "$LL" | grep -Ec "policy='[^']*' prio=-?[0-9]+ status=")
	read -ra table <<<"$(dmsetup table "$W")"
	local i=3 nf nh
	nf=${table[i]}
	i=$((i + 1 + nf))
	nh=${table[i]}
	[ "$ll" = "${table[i + 1 + nh]}" ] || fail "multipath -ll shows $ll groups, the table ${table[i + 1 + nh]}"
	echo "$ll"
}

step "prio const, group_by_prio: equal priorities, one path group"
build "		prio const
		detect_prio no
		path_grouping_policy group_by_prio"
assert_eq "$(groups)" 1 "path groups with group_by_prio"

step "prio const, group_by_tpg: one path group per target port group"
build "		prio const
		detect_prio no
		path_grouping_policy group_by_tpg"
assert_eq "$(groups)" 2 "path groups with group_by_tpg"
# each group holds one path, and the two groups have the same priority
G1=$(printf '%s\n' "$LL" | grep -c -- "- [0-9]*:[0-9]*:[0-9]*:[0-9]* $P1 ")
G2=$(printf '%s\n' "$LL" | grep -c -- "- [0-9]*:[0-9]*:[0-9]*:[0-9]* $P2 ")
assert_eq "$G1$G2" 11 "each path listed once"
assert_eq "$(printf '%s\n' "$LL" | grep -Eo 'prio=[0-9]+' | sort -u | wc -l)" 1 "one priority for both groups"
assert_contains "$(cat "$LOGDIR/build-$N.log")" "path_grouping_policy = group_by_tpg (setting: multipath.conf defaults/devices section)" "-v3 log"

step "prio alua, group_by_prio: the groups the ALUA states give"
build "		prio alua
		path_grouping_policy group_by_prio"
NPRIO=$(groups)
log "group_by_prio with the alua prioritizer: $NPRIO path group(s)"

step "detect_pgpolicy yes: the ALUA map is grouped by priority over the entry's failover"
build "		prio alua
		path_grouping_policy failover
		detect_pgpolicy yes"
assert_eq "$(groups)" "$NPRIO" "path groups with detect_pgpolicy"
assert_contains "$(cat "$LOGDIR/build-$N.log")" "path_grouping_policy = group_by_prio (setting: storage device autodetected)" "-v3 log"

step "detect_pgpolicy_use_tpg yes: by target port group; vpd_vendor on a disk without the page"
build "		prio alua
		path_grouping_policy failover
		detect_pgpolicy yes
		detect_pgpolicy_use_tpg yes" "	vpd_vendor hp3par"
assert_eq "$(groups)" 2 "path groups with detect_pgpolicy_use_tpg"
LOG=$(cat "$LOGDIR/build-$N.log")
assert_contains "$LOG" "path_grouping_policy = group_by_tpg (setting: storage device autodetected)" "-v3 log"
assert_contains "$LOG" "$P1: no volume name in VPD page 0xc0" "-v3 log of vpd_vendor"

step "an overrides path_grouping_policy wins over detect_pgpolicy"
build "		prio alua
		detect_pgpolicy yes
		detect_pgpolicy_use_tpg yes" "	path_grouping_policy multibus"
assert_eq "$(groups)" 1 "path groups with overrides multibus"
assert_contains "$(cat "$LOGDIR/build-$N.log")" "path_grouping_policy = multibus (setting: multipath.conf overrides section)" "-v3 log"

"$MULTIPATH" -F >/dev/null 2>&1 || true
