#!/bin/bash
# 56-multipathd-commands: every multipathd command once against real maps, checked against
# the kernel (dmsetup status/table/info), and the output formats against Debian's 0.9.4.
# timeout: 480
# (217 s measured under TCG with other VMs on the two cores; the limit leaves room for that)
#
# Two LUNs x two paths, maps m0 (no_path_retry fail) and m1 (no_path_retry queue), failover
# groups with ALUA priorities, the same multipath.conf for both daemons.
#   1. Debian's multipathd builds the maps; its `show paths format "%d %t %T %p"` and
#      `show maps json` are kept; it stops; ours adopts the maps and answers the same two
#      commands: the format output must be identical, the JSON equal field by field.
#      Deliberate differences, not compared:
#        - "action", "map_loads": the history of the map object (Debian created the maps
#          and counts that load; ours adopted them: "" / 0 unless it had to reload);
#        - "io_err_stat" on each path: our own field (io_err_stat's state), not in Debian's.
#      Debian's JSON is parsed too, and ours must be valid JSON (python3's json module).
#   2. Debian's client (multipathd -k from the unpacked package) talks to our daemon:
#      its replies equal our client's.
#   3. Every command once, each one checked in the kernel where it acts there.
#   4. A non-root `show paths` works, a non-root `fail path` is refused.
#   5. 200 clients at once (build/vmtools/cmd_flood), 8 rounds, while a path flaps
#      (offline 300 ms of every 1000 ms): every reply arrives; the daemon's fd count is the
#      same before and after and its RSS grows by less than 2 MiB (after a warm-up round,
#      malloc's arenas are in place; a leak of one reply per client would be far larger).
#   6. forcequeueing daemon: m1 still queues after the daemon stops although
#      queue_without_daemon is no.
. "$(dirname "$0")/../lib.sh"

MPATHD_OURS=$MPT_TOP/build/bin/multipathd
REF=/sbin/multipathd
FLOOD=$MPT_TOP/build/vmtools/cmd_flood
[ -x "$FLOOD" ] || fail "$FLOOD not built"

vm_load_modules
vm_start_udev
ref_install

step "Two LUNs, two paths each"
sd_create 2 2
read -r A1 A2 <<<"$(sd_paths 0)"
read -r B1 B2 <<<"$(sd_paths 1)"
W0=$(dev_serial "$A1")
W1=$(dev_serial "$B1")
CONF="defaults {
	polling_interval 2
	max_polling_interval 4
	find_multipaths greedy
	user_friendly_names no
	queue_without_daemon no
}
devices {
	device {
		vendor Linux
		product scsi_debug
		path_grouping_policy failover
		prio alua
		failback manual
		no_path_retry fail
	}
}
multipaths {
	multipath {
		wwid \"$W0\"
		alias m0
	}
	multipath {
		wwid \"$W1\"
		alias m1
		no_path_retry queue
	}
}"

# all four paths active/ready in the daemon's view
paths_ready() {
	[ "$("$1" show paths raw format "%t %T" 2>/dev/null | grep -c '^active ready$')" = 4 ]
}

step "Debian's multipathd: the reference output"
MPATHD=$REF MPATHD_ARGS=-v2 mpathd_start "$CONF"
wait_for "paths_ready $REF" 30 0.5 || fail "Debian's daemon: paths not ready: $($REF show paths)"
$REF show paths format "%d %t %T %p" 2>/dev/null | sort >"$LOGDIR/ref-paths.txt"
$REF show maps json 2>/dev/null >"$LOGDIR/ref-maps.json"
$REF show maps status 2>/dev/null >"$LOGDIR/ref-maps-status.txt"
mpathd_stop

step "Our multipathd adopts the maps"
MPATHD=$MPATHD_OURS MPATHD_ARGS=-v3 mpathd_start "$CONF"
M=$MPATHD_OURS
wait_for "paths_ready $M" 30 0.5 || fail "our daemon: paths not ready: $($M show paths)"
PID=$MPATHD_PID
"$M" show paths format "%d %t %T %p" | sort >"$LOGDIR/ours-paths.txt"
"$M" show maps json >"$LOGDIR/ours-maps.json"
diff -u "$LOGDIR/ref-paths.txt" "$LOGDIR/ours-paths.txt" ||
	fail "show paths format '%d %t %T %p' differs from Debian's"
log "show paths format '%d %t %T %p': identical ($(wc -l <"$LOGDIR/ours-paths.txt") lines)"

python3 - "$LOGDIR/ref-maps.json" "$LOGDIR/ours-maps.json" <<'EOF' || fail "show maps json differs from Debian's"
import json, sys
ref = json.load(open(sys.argv[1]))
ours = json.load(open(sys.argv[2]))     # must be valid JSON
SKIP = {"action", "map_loads"}          # history of the map object (see the header)
OURS_ONLY = {"io_err_stat"}             # our new field
bad = []
def cmp(path, r, o):
    if isinstance(r, dict):
        if not isinstance(o, dict):
            bad.append(f"{path}: not an object"); return
        for k in r:
            if k in SKIP: continue
            if k not in o: bad.append(f"{path}.{k}: missing"); continue
            cmp(f"{path}.{k}", r[k], o[k])
        for k in o:
            if k not in r and k not in OURS_ONLY: bad.append(f"{path}.{k}: extra field")
    elif isinstance(r, list):
        if not isinstance(o, list) or len(r) != len(o):
            bad.append(f"{path}: list length {len(r)} vs {len(o) if isinstance(o, list) else o}"); return
        for i, (a, b) in enumerate(zip(r, o)): cmp(f"{path}[{i}]", a, b)
    elif r != o:
        bad.append(f"{path}: Debian {r!r}, ours {o!r}")
# the same maps, in name order
ref["maps"].sort(key=lambda m: m["name"]); ours["maps"].sort(key=lambda m: m["name"])
cmp("", ref, ours)
n = sum(1 for m in ours["maps"] for g in m["path_groups"] for p in g["paths"])
for m in ours["maps"]:
    for g in m["path_groups"]:
        for p in g["paths"]:
            assert p["io_err_stat"] == "-", p
print("\n".join(bad) if bad else f"json: {len(ours['maps'])} maps, {n} paths, every field equal")
sys.exit(1 if bad else 0)
EOF

step "Debian's client talks to our daemon"
for cmd in "show maps json" "show paths format %d|%D|%T" "show maps stats"; do
	# shellcheck disable=SC2086
	a=$($REF -k"$cmd" 2>/dev/null)
	# shellcheck disable=SC2086
	b=$("$M" -k"$cmd")
	[ "$a" = "$b" ] || fail "'$cmd': Debian's client got another reply than ours:
$a
---
$b"
done
out=$($REF show daemon 2>/dev/null)
assert_eq "$out" "pid $PID running" "show daemon via Debian's client"
log "Debian's client: the same replies as ours"

step "show commands"
S=$LOGDIR/show.txt
for cmd in "show paths" "show paths raw" "show paths format %i|%E|%C" "show path $A1" \
	"show maps" "show maps raw" "show maps format %n|%w|%N|%Q" "show map m0 format %n|%t" \
	"show map m0 raw format %n|%F" "show maps status" "show maps stats" "show topology" \
	"show map m1 topology" "show maps json" "show map m1 json" "show config" \
	"show config local" "show status" "show daemon" "show wildcards" "show blacklist" \
	"show devices" "show io_err_stat" "list paths" "list multipaths"; do
	# shellcheck disable=SC2086
	out=$("$M" $cmd) || fail "'$cmd' failed: $out"
	printf '##### %s\n%s\n' "$cmd" "$out" >>"$S"
	case $out in fail*) fail "'$cmd' answered: $out" ;; esac
done
assert_eq "$("$M" show maps raw format "%n %d" | sort | tr '\n' ' ')" \
	"m0 dm-$(dmsetup info -c --noheadings -o minor m0) m1 dm-$(dmsetup info -c --noheadings -o minor m1) " \
	"map names and dm minors"
assert_eq "$("$M" show map m0 raw format "%n|%F")" "m0|-" "show map m0 raw format"
assert_eq "$("$M" show paths raw format "%d" | sort | tr '\n' ' ')" \
	"$(printf '%s\n' "$A1" "$A2" "$B1" "$B2" | sort | tr '\n' ' ')" "path names"
hdr=$("$M" show paths | head -n1)
assert_contains "$hdr" "hcil    dev dev_t pri dm_st  chk_st dev_st  next_check" "show paths header"
assert_contains "$("$M" show paths raw | head -n1)" " $(dev_devt "$A1") " "raw show paths: no header"
assert_contains "$("$M" show paths format "%d %C" | grep "^$A1")" "/4" "next_check progress"
assert_eq "$("$M" show wildcards | grep -c '^%')" 55 "wildcard lines (24 map, 26+1 path, 4 group)"
assert_contains "$("$M" show wildcards)" "%E  io_err_stat" "our io_err_stat wildcard"
"$M" show devices | grep -Eq "^    $A1 +devnode whitelisted, monitored$" ||
	fail "show devices: $A1 not whitelisted and monitored: $("$M" show devices)"
"$M" show devices | grep -Eq "^    dm-[0-9]+ +devnode blacklisted, unmonitored$" ||
	fail "show devices: no blacklisted dm device: $("$M" show devices)"
assert_contains "$("$M" show blacklist)" "device node rules:" "show blacklist"
# the group the kernel uses is the one show maps json calls active
for map in m0 m1; do
	read -ra st <<<"$(dmsetup status "$map")"
	log "$map: dmsetup status ${st[*]}"
done
assert_contains "$("$M" show maps format "%n %f" | grep '^m1')" "queue_if_no_path" "m1 features"
assert_contains "$(dmsetup table m1)" "queue_if_no_path" "m1 table"

step "fail path / reinstate path"
# the kernel's fail count of a path (dmsetup status: DEVT STATE FAILCOUNT): a failed path
# is reinstated at its next check (2-4 s here), too soon to see F on a loaded host
dm_path_failcount() {
	local -a t
	local i
	read -ra t <<<"$(dmsetup status "$1")"
	for ((i = 0; i + 2 < ${#t[@]}; i++)); do
		[ "${t[i]}" = "$2" ] && echo "${t[i + 2]}" && return 0
	done
	return 1
}
D2=$(dev_devt "$A2")
fc0=$(dm_path_failcount m0 "$D2")
run "$M" fail path "$A2"
fc1=$(dm_path_failcount m0 "$D2")
[ "$fc1" -gt "$fc0" ] || fail "fail path: the kernel's fail count of $A2 stayed $fc0"
log "fail path: $A2 failed in the kernel (fail count $fc0 -> $fc1)"
run "$M" reinstate path "$A2"
wait_for "[ \"\$(dm_path_state m0 $D2)\" = A ]" 5 || fail "$A2 not active after reinstate path"
faults=$("$M" show maps raw format "%n %0" | sed -n 's/^m0 //p')
[ "$faults" -ge 1 ] || fail "m0 path_faults is $faults after fail path"

step "switchgroup, reset stats"
run "$M" switchgroup map m0 group 2
wait_for "dmsetup status m0 | grep -q ' 2 '" 5 || true
read -ra st <<<"$(dmsetup status m0)"
log "m0 after switchgroup 2: ${st[*]}"
assert_eq "$("$M" show maps raw format "%n %1" | sed -n 's/^m0 //p')" 1 "switch_grp after switchgroup"
run "$M" reset map m0 stats
assert_eq "$("$M" show maps raw format "%n %0 %1 %2 %3 %4" | sed -n 's/^m0 //p')" "0 0 0 0 0" "m0 stats after reset"
run "$M" reset maps stats
run "$M" switchgroup map m0 group 1

step "suspend / resume"
run "$M" suspend map m0
assert_contains "$(dmsetup info m0)" "SUSPENDED" "dmsetup info after suspend map"
assert_eq "$("$M" show map m0 raw format "%t")" suspend "dm-st after suspend"
run "$M" resume map m0
assert_contains "$(dmsetup info m0)" "ACTIVE" "dmsetup info after resume map"
assert_eq "$("$M" show map m0 raw format "%t")" active "dm-st after resume"
rc=0
out=$("$M" suspend map nosuch) || rc=$?
assert_eq "$rc" 1 "exit status of suspend map nosuch"
assert_contains "$out" "fail" "suspend map nosuch"

step "queueing commands"
run "$M" disablequeueing map m1
assert_not_contains "$(dmsetup table m1)" "queue_if_no_path" "m1 table after disablequeueing"
assert_eq "$("$M" show map m1 raw format "%Q")" off "m1 queueing after disablequeueing"
run "$M" restorequeueing map m1
assert_contains "$(dmsetup table m1)" "queue_if_no_path" "m1 table after restorequeueing"
run "$M" disablequeueing maps
assert_not_contains "$(dmsetup table m1)" "queue_if_no_path" "m1 table after disablequeueing maps"
run "$M" restorequeueing maps
assert_contains "$(dmsetup table m1)" "queue_if_no_path" "m1 table after restorequeueing maps"
assert_eq "$("$M" show map m1 raw format "%Q")" on "m1 queueing after restorequeueing maps"

step "reload, resize, reconfigure, del/add path, del/add map"
run "$M" reload map m0
run "$M" resize map m1
dmsetup table m0 | grep -q multipath || fail "m0 lost its table after reload"
run "$M" reconfigure
wait_for "\"$M\" show daemon | grep -q running" 20 0.5 || fail "daemon not running after reconfigure"
run "$M" del path "$B2"
wait_for "! \"$M\" show paths raw format %d | grep -qx $B2" 10 || fail "$B2 still listed after del path"
wait_for "! dmsetup table m1 | grep -q ' $(dev_devt "$B2") '" 10 || fail "$B2 still in m1's table"
run "$M" add path "$B2"
wait_for "dmsetup table m1 | grep -q ' $(dev_devt "$B2") '" 10 || fail "$B2 not back in m1's table"
run "$M" del map m0
dmsetup info m0 >/dev/null 2>&1 && fail "m0 still exists after del map"
run "$M" add map "$W0"
wait_for "dmsetup info m0" 10 || fail "m0 not created by add map"
wait_for "paths_ready $M" 20 0.5 || fail "paths not ready after add map: $($M show paths)"

step "persistent reservation status of a map without a reservation_key"
assert_eq "$("$M" getprstatus map m0)" 0 "getprstatus map m0"
assert_eq "$("$M" getprkey map m0)" none "getprkey map m0"

step "commands we do not support"
for cmd in "setmarginal path $A1" "unsetmarginal map m0"; do
	rc=0
	# shellcheck disable=SC2086
	out=$("$M" $cmd) || rc=$?
	assert_eq "$rc" 1 "exit status of '$cmd'"
	assert_contains "$out" "not supported" "'$cmd'"
done
rc=0
out=$("$M" show foo) || rc=$?
assert_contains "$out" "unknown command" "unknown command"

step "non-root"
out=$(setpriv --reuid=65534 --regid=65534 --clear-groups "$M" show paths 2>&1) ||
	fail "non-root show paths failed: $out"
assert_contains "$out" "$A1" "non-root show paths"
rc=0
out=$(setpriv --reuid=65534 --regid=65534 --clear-groups "$M" fail path "$A1" 2>&1) || rc=$?
assert_eq "$rc" 1 "exit status of non-root fail path"
assert_contains "$out" "permission denied" "non-root fail path"
assert_eq "$(dm_path_state m0 "$(dev_devt "$A1")")" A "$A1 after the refused fail path"

step "200 clients at once while a path flaps"
proc_fds() { local n=0 f; for f in /proc/"$PID"/fd/*; do n=$((n + 1)); done; echo "$n"; }
proc_rss() { sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\).*/\1/p' /proc/"$PID"/status; }
"$FLOOD" 200 1 "show paths" >"$LOGDIR/flood-warmup.log" || fail "warm-up round lost replies"
fd0=$(proc_fds) rss0=$(proc_rss)
path_flap "$A2" 300 1000 40 >"$LOGDIR/flap.log"
"$FLOOD" 200 8 "show maps json" >"$LOGDIR/flood.log" 2>&1 || {
	cat "$LOGDIR/flood.log"
	fail "some of the 200 clients got no reply"
}
kill "$FLAP_PID" 2>/dev/null || true
wait "$FLAP_PID" 2>/dev/null || true
cat "$LOGDIR/flood.log"
wait_for '[ "$(proc_fds)" -le "$fd0" ]' 10 0.5 || true
fd1=$(proc_fds) rss1=$(proc_rss)
log "daemon fds $fd0 -> $fd1, RSS $rss0 kB -> $rss1 kB"
assert_eq "$fd1" "$fd0" "daemon fd count after 1600 clients"
[ $((rss1 - rss0)) -lt 2048 ] || fail "daemon RSS grew by $((rss1 - rss0)) kB"
wait_for "paths_ready $M" 30 0.5 || fail "paths not ready after the flapping: $($M show paths)"

step "Results for the record"
{
	echo "##### show paths"; "$M" show paths
	echo "##### show maps status"; "$M" show maps status
	echo "##### show maps json"; "$M" show maps json
} | tee "$LOGDIR/final.txt"

step "forcequeueing daemon, then shutdown"
run "$M" forcequeueing daemon
run "$M" restorequeueing daemon
run "$M" forcequeueing daemon
assert_eq "$("$M" shutdown)" ok "shutdown"
wait_for "! kill -0 $PID" 15 || fail "daemon did not stop on shutdown"
MPATHD_PID=""
assert_contains "$(dmsetup table m1)" "queue_if_no_path" "m1 still queues after the stop (forced)"
log "all commands checked"
