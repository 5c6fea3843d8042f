#!/bin/bash
# timeout: 900
# 71-prkeys: reservation_key in the daemon, side by side with Debian's multipath-tools 0.9.4.
# scsi_debug has no persistent reservations, so the LUN is the iSCSI LIO target's (two portal
# groups, one path each; LIO keeps registrations per I_T nexus, `sg_persist --in -s` shows
# each with its relative target port, 1 for path 1, 2 for path 2), plus a scsi_debug LUN
# whose reservation_key is "file" for the commands. Key 0x123 is registered on path 1 only
# (sg_persist), then each daemon (Debian's first, then ours, the same multipath.conf):
#   - at its start: READ KEYS finds the key, getprstatus says 1, path 2 is NOT registered
#     (0.9.4 registers nothing at start);
#   - path 2 down and back (its portal group disabled, enabled): registered again within 15 s
#     of being back in service;
#   - path 2 unregistered, its SCSI device deleted and the session rescanned (a path added):
#     registered within 15 s of being in the map;
#   - unsetprstatus, path 2 unregistered, down and back: not registered;
#   - getprstatus/setprstatus/unsetprstatus/getprkey/setprkey/unsetprkey answers, normal and
#     error cases, through Debian's client (the daemon's reply bytes), and the prkeys file
#     they leave: identical for both daemons.
# LIO writes APTPL metadata under /var/target/pr, and fails a PR OUT (NOT READY 08/00, the
# registration made all the same) when that directory is missing: it is made first.
. "$(dirname "$0")/../lib.sh"

OURS=$MPT_TOP/build/bin/multipathd
C=/sbin/multipathd # Debian's client, for both daemons: the same printing of the replies

vm_load_modules
vm_start_udev
ref_install
mkdir -p /var/target/pr
sd_create 1 2
read -r S1 _ <<<"$(sd_paths 0)"
SW=$(dev_serial "$S1")
ISCSI_REPLACEMENT_TIMEOUT=5 iscsi_setup 2
P1=$ISCSI_PATH_1

# pr ARGS... : sg_persist, retried (a first command on a nexus may meet a unit attention)
pr() {
	local i
	for i in 1 2 3 4 5; do
		sg_persist -n "$@" >/dev/null 2>&1 && return 0
		sleep 0.5
	done
	return 1
}
# registered I : the key is registered on path I's I_T nexus (relative target port I)
registered() { sg_persist -n --in -s "/dev/$P1" 2>/dev/null | grep -q "Relative port address: 0x$1\$"; }
# unregister_p2 : drop path 2's registration (when it has one)
unregister_p2() {
	if registered 2; then
		pr --out --register --param-rk=0x123 --param-sark=0 "/dev/$(_iscsi_disk_of 2)" ||
			fail "cannot unregister path 2"
	fi
	! registered 2 || fail "path 2 still registered"
}
p2_state() { "$C" show paths raw format "%d %t %T" 2>/dev/null | awk -v d="$(_iscsi_disk_of 2)" '$1 == d { print $2 "/" $3 }'; }
# bounce_p2 : path 2 down (portal group disabled) until the daemon fails it, then back in service
bounce_p2() {
	iscsi_path_hang 2
	wait_for '[ "$(p2_state)" = "failed/faulty" ]' 40 0.5 || fail "path 2 not failed by the daemon ($(p2_state))"
	iscsi_path_resume 2
	wait_for '[ "$(p2_state)" = "active/ready" ]' 60 0.5 || fail "path 2 not back in service ($(p2_state))"
	log "path 2 back in service"
}

CONF="defaults {
	user_friendly_names yes
	find_multipaths greedy
	polling_interval 1
	max_polling_interval 4
}
multipaths {
	multipath {
		wwid $ISCSI_WWID
		alias prmap
		reservation_key 0x123
	}
	multipath {
		wwid $SW
		alias sdfile
		reservation_key file
	}
}"

COMMANDS=(
	"getprstatus map prmap" "getprkey map prmap" "getprstatus map sdfile" "getprkey map sdfile"
	"setprkey map sdfile key 0x456" "getprkey map sdfile" "setprkey map sdfile key 0x789:aptpl"
	"getprkey map sdfile" "setprkey map sdfile key 1234" "getprkey map sdfile"
	"setprkey map sdfile key 0xzz" "setprkey map sdfile key 0" "setprkey map sdfile key 0x12345678901234567"
	"setprkey map prmap key 0x999" "setprkey map prmap key 0x123" "unsetprkey map prmap"
	"unsetprkey map sdfile" "getprkey map sdfile" "setprkey map sdfile key 0XABC:aptpl"
	"getprstatus map nosuch" "setprstatus map nosuch" "unsetprstatus map nosuch"
	"getprkey map nosuch" "setprkey map nosuch key 0x5" "unsetprkey map nosuch"
	"setprstatus map sdfile" "getprstatus map sdfile" "unsetprstatus map sdfile" "getprstatus map sdfile"
)

# one_daemon NAME : the whole sequence against $MPATHD; answers into $LOGDIR/replies.NAME
one_daemon() {
	local name=$1 out=$LOGDIR/replies.$1 c rc
	step "$name: key 0x123 registered on path 1 only, daemon started"
	rm -f /etc/multipath/prkeys
	unregister_p2
	registered 1 || pr --out --register --param-sark=0x123 "/dev/$P1" || fail "cannot register path 1"
	registered 1 || fail "path 1 not registered"
	mpathd_start "$CONF"
	wait_for '"$C" show maps raw format "%n" | grep -qx prmap' 30 0.5 || fail "no map prmap"
	wait_for '[ "$("$C" getprstatus map prmap)" = 1 ]' 15 0.5 || fail "$name: getprstatus of prmap is not 1"
	sleep 3
	! registered 2 || fail "$name: path 2 registered at the daemon's start"
	log "$name: prflag set, path 2 not registered at start"

	step "$name: the commands"
	: >"$out"
	for c in "${COMMANDS[@]}"; do
		rc=0
		# shellcheck disable=SC2086
		"$C" $c >"$LOGDIR/reply" 2>&1 || rc=$?
		{ printf '$ %s\n' "$c"; od -An -c "$LOGDIR/reply"; echo "[exit $rc]"; } >>"$out"
	done
	echo "--- prkeys file" >>"$out"
	cat /etc/multipath/prkeys >>"$out" 2>&1 || echo "(none)" >>"$out"
	run "$C" setprstatus map prmap

	step "$name: path 2 down and back in service"
	bounce_p2
	wait_for "registered 2" 15 0.5 || fail "$name: path 2 not registered after it came back"
	log "$name: path 2 registered after it came back"

	step "$name: path 2 removed and added again"
	unregister_p2
	echo 1 >"/sys/block/$(_iscsi_disk_of 2)/device/delete"
	wait_for '[ -z "$(p2_state)" ]' 30 0.5 || true
	iscsiadm -m session -R >>"$LOGDIR/iscsi.log" 2>&1 || fail "iSCSI rescan failed"
	wait_for "_iscsi_disk_of 2" 30 0.5 || fail "path 2 not back after the rescan"
	udevadm settle --timeout=30 || true
	wait_for '[ "$(p2_state)" = "active/ready" ]' 30 0.5 || fail "$name: the new path 2 not in the map"
	wait_for "registered 2" 15 0.5 || fail "$name: the new path 2 not registered"
	log "$name: the re-added path 2 registered"

	step "$name: unsetprstatus: a path back in service is not registered"
	run "$C" unsetprstatus map prmap
	unregister_p2
	bounce_p2
	sleep 5
	! registered 2 || fail "$name: path 2 registered with the prflag unset"
	log "$name: path 2 not registered with the prflag unset"
	mpathd_stop
	dm_remove_all
}

MPATHD=/sbin/multipathd one_daemon ref
MPATHD=$OURS one_daemon ours

step "the answers of both daemons"
if ! diff -u "$LOGDIR/replies.ref" "$LOGDIR/replies.ours" >"$LOGDIR/replies.diff"; then
	cat "$LOGDIR/replies.diff"
	fail "the answers differ from Debian's (replies.diff)"
fi
cat "$LOGDIR/replies.ours"
log "${#COMMANDS[@]} answers and the prkeys file identical"
