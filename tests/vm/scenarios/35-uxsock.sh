#!/bin/bash
# 35-uxsock: wire compatibility of the control socket with Debian's multipath-tools 0.9.4:
# Debian's client (multipathd COMMAND, -kCOMMAND, -k) against a stand-in daemon on our
# listener (multipathd/uxsock.c), and our client (multipathd/client.c over libmpathcmd)
# against Debian's multipathd: replies, large replies, "fail" exit status, no daemon.
. "$(dirname "$0")/../lib.sh"
PEER=$MPT_TOP/build/vmtools/uxsock_peer
[ -x "$PEER" ] || fail "$PEER not built"
REF=/sbin/multipathd

vm_load_modules
vm_start_udev
ref_install

step "Debian's client -> our listener"
"$PEER" serve 2>>"$LOGDIR/uxsock_peer.log" </dev/null &
PEER_PID=$!
_mpt_bg "$PEER_PID"
wait_for "$REF show daemon" 10 || fail "Debian's client cannot reach our listener"
out=$($REF show daemon)
assert_eq "$out" "pid $PEER_PID idle" "show daemon via Debian's client"
out=$($REF -k"show daemon")
assert_eq "$out" "pid $PEER_PID idle" "-k\"show daemon\" via Debian's client"
lines=$($REF show paths | wc -l)
assert_eq "$lines" 20000 "lines of a 229 kB reply via Debian's client"
rc=0
out=$($REF del path sdzz) || rc=$?
assert_eq "$out" fail "reply to a failing command"
assert_eq "$rc" 1 "exit status of Debian's client on fail"
out=$(printf 'show daemon\nshow daemon\nquit\n' | $REF -k)
assert_contains "$out" "pid $PEER_PID idle" "Debian's interactive client"
# Debian's client sends "show daemon \n" for words, "show daemon" for -k text
n=$(grep -c "'show daemon" "$LOGDIR/uxsock_peer.log")
[ "$n" -ge 5 ] || fail "expected at least 5 show daemon requests at our listener, saw $n"
out=$($REF shutdown)
assert_eq "$out" ok "shutdown"
wait_for "! kill -0 $PEER_PID" 10 || fail "our listener did not stop on shutdown"
rc=0
wait "$PEER_PID" || rc=$?
assert_eq "$rc" 0 "stand-in daemon exit status"

step "Our client -> Debian's multipathd"
MPATHD=$REF MPATHD_ARGS=-v3 mpathd_start "defaults {
	user_friendly_names yes
}"
ref_pid=$(pgrep -x multipathd | head -n1)
out=$("$PEER" client show daemon)
assert_contains "$out" "pid $ref_pid" "show daemon via our client"
out=$("$PEER" client -k"show daemon")
assert_contains "$out" "pid $ref_pid" "-kCOMMAND via our client"
"$PEER" client show config >"$LOGDIR/config.ours"
$REF show config >"$LOGDIR/config.ref"
cmp "$LOGDIR/config.ours" "$LOGDIR/config.ref" || fail "show config differs between the clients"
log "show config: $(wc -c <"$LOGDIR/config.ours") bytes, identical through both clients"
rc=0
out=$("$PEER" client del path sdzz) || rc=$?
assert_eq "$out" fail "reply to a failing command via our client"
assert_eq "$rc" 1 "exit status of our client on fail"
out=$(printf 'show daemon\n\nlist daemon\nexit\nshow daemon\n' | "$PEER" client -k)
assert_eq "$(grep -c "pid $ref_pid" <<<"$out")" 2 "our interactive client: two replies, stops at exit"
mpathd_stop

step "Our client, no daemon"
rc=0
out=$("$PEER" client show daemon 2>&1) || rc=$?
assert_eq "$rc" 1 "exit status without a daemon"
assert_contains "$out" "multipathd: cannot connect to the daemon:" "message without a daemon"
