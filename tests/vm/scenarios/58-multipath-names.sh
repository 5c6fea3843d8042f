#!/bin/bash
# timeout: 240
# 58-multipath-names: live maps are never renamed; two runs at once both succeed.
#
# Three LUNs, two paths each, user_friendly_names:
#   - `multipath DEV` works on DEV's LUN only: one map, one binding, no SCSI command to the
#     paths of the other LUNs (no prioritizer or checker IO on them);
#   - the lowest free alias skips names live maps hold: with the bindings file deleted, the
#     other LUNs get the names nobody holds;
#   - bindings file deleted, or stale (names swapped): `multipath` renames nothing, and
#     repairs the file so that it agrees with the kernel;
#   - two `multipath` started together, twice: both exit 0 and each map is created once.
. "$(dirname "$0")/../lib.sh"

MULTIPATH=${MULTIPATH:-$MPT_TOP/build/bin/multipath}
B=/etc/multipath/bindings

vm_load_modules
vm_start_udev
sd_create 3 2
read -r A1 A2 <<<"$(sd_paths 0)"
read -r B1 B2 <<<"$(sd_paths 1)"
read -r C1 C2 <<<"$(sd_paths 2)"
W0=$(dev_serial "$A1")
W1=$(dev_serial "$B1")
W2=$(dev_serial "$C1")
log "LUN 0 $A1 $A2 $W0; LUN 1 $B1 $B2 $W1; LUN 2 $C1 $C2 $W2"

mkdir -p /etc/multipath
cat >/etc/multipath.conf <<CONF
defaults {
	user_friendly_names yes
	find_multipaths greedy
}
CONF
# names: "uuid name" of every multipath map, sorted
names() { dmsetup info -c --noheadings -o uuid,name --separator ' ' --target multipath | sort; }
nmaps() { dmsetup ls --target multipath | grep -vc 'No devices' || true; }
ios() { local d n=0 c; for d in "$@"; do read -r c <"/sys/block/$d/device/iorequest_cnt"; n=$((n + c)); done; echo $((n)); }

step "multipath $B1: only LUN 1, no IO on the other paths"
before=$(ios "$A1" "$A2" "$C1" "$C2")
out=$("$MULTIPATH" "$B1" 2>&1) || fail "multipath $B1 failed: $out"
printf '%s\n' "$out"
after=$(ios "$A1" "$A2" "$C1" "$C2")
assert_eq "$(nmaps)" 1 "maps after multipath $B1"
assert_eq "$(dmsetup info -c --noheadings -o uuid mpatha)" "mpath-$W1" "uuid of mpatha"
assert_eq "$(grep -vc '^#' $B)" 1 "bindings written"
assert_eq "$((after - before))" 0 "SCSI commands to the other LUNs' paths"

step "Bindings file deleted: new names skip mpatha, which a live map holds"
rm -f $B
run "$MULTIPATH"
assert_eq "$(nmaps)" 3 "maps"
assert_eq "$(dmsetup info -c --noheadings -o uuid mpatha)" "mpath-$W1" "mpatha kept"
for m in mpathb mpathc; do
	[ -b /dev/mapper/$m ] || fail "/dev/mapper/$m missing: $(dmsetup ls)"
done
before=$(names)
log "maps: $(echo "$before" | tr '\n' ';')"

step "Bindings file deleted again: nothing renamed, the file repaired"
rm -f $B
out=$("$MULTIPATH" 2>&1) || fail "multipath failed: $out"
assert_not_contains "$out" "rename" "multipath output"
assert_eq "$(names)" "$before" "maps"
for w in "$W0" "$W1" "$W2"; do
	n=$(dmsetup info -c --noheadings -o name -u "mpath-$w")
	grep -q "^$n $w\$" $B || fail "bindings lack '$n $w': $(cat $B)"
done

step "Stale bindings file (names of LUN 0 and 1 swapped): nothing renamed"
n0=$(dmsetup info -c --noheadings -o name -u "mpath-$W0")
n1=$(dmsetup info -c --noheadings -o name -u "mpath-$W1")
printf '%s %s\n%s %s\n' "$n1" "$W0" "$n0" "$W1" >$B
out=$("$MULTIPATH" 2>&1) || fail "multipath failed: $out"
assert_not_contains "$out" "rename" "multipath output"
assert_eq "$(names)" "$before" "maps"
grep -q "^$n0 $W0\$" $B && grep -q "^$n1 $W1\$" $B || fail "bindings not repaired: $(cat $B)"
[ "$(grep -c "$W0" $B)" = 1 ] || fail "two bindings of $W0: $(cat $B)"

for round in 1 2; do
	step "Two multipath runs at once, round $round"
	run "$MULTIPATH" -F
	assert_eq "$(nmaps)" 0 "maps after -F"
	rc1=0 rc2=0
	"$MULTIPATH" >"$LOGDIR/concurrent-$round-1.log" 2>&1 &
	p1=$!
	"$MULTIPATH" >"$LOGDIR/concurrent-$round-2.log" 2>&1 &
	p2=$!
	wait "$p1" || rc1=$?
	wait "$p2" || rc2=$?
	cat "$LOGDIR/concurrent-$round-1.log" "$LOGDIR/concurrent-$round-2.log"
	[ "$rc1" = 0 ] && [ "$rc2" = 0 ] || fail "round $round: exit $rc1 and $rc2"
	assert_eq "$(nmaps)" 3 "maps after round $round"
	creates=$(cat "$LOGDIR/concurrent-$round-"[12].log | grep -c '^create:' || true)
	assert_eq "$creates" 3 "maps created in round $round"
	assert_eq "$(names)" "$before" "names after round $round"
done
