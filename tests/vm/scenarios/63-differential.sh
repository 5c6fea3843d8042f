#!/bin/bash
# timeout: 240
# (81-128 s measured under TCG with other VMs on the two cores; strace makes the two creates slow)
# 63-differential: Debian's multipath-tools 0.9.4 and ours, side by side on the same devices
# and the same /etc/multipath.conf (2 LUNs x 2 paths, several keywords in use):
#   1. `multipath -t`: every keyword both print in defaults, in the scsi_debug device entry
#      and in the multipaths entry has the same value (keywords only one side prints are
#      logged, not compared: each prints its own set of unset/extension keywords);
#   2. the dm tables: Debian's multipath creates the maps, `dmsetup table` is kept, the maps,
#      bindings and wwids go, ours creates them: the tables must be identical, line by line,
#      both as the kernel shows them and as each multipath loaded them (strace of the
#      DM_TABLE_LOAD ioctls: the kernel normalises some values, repeat counts for one);
#   3. `multipath -ll` of both on the same maps (Debian's, then ours): map name, wwid, dm-N,
#      vendor/product, size, features, hwhandler, wp; per group policy, prio, status; per path
#      hcil, dev, devt, dm state, checker state, device state; and the messages on stderr;
#   4. what `multipath -v2` printed (stdout) of the maps it created: the same fields. Its
#      stderr (verbosity 2 log lines) is logged, not compared.
# Every difference fails the scenario unless DELIBERATE below names it, with its reason.
. "$(dirname "$0")/../lib.sh"

export LC_ALL=C # sort and join agree on the order
OURS=${MULTIPATH:-$MPT_TOP/build/bin/multipath}
REF=/sbin/multipath

# Deliberate differences: "RECORD-GLOB<TAB>reason" (a bash pattern on the record name). A
# record is named
#   t:SECTION:KEYWORD         a keyword of `multipath -t` (SECTION defaults, device or mp)
#   table:MAP                 the dm table of MAP (as the kernel shows it)
#   load:MAP                  the table multipath loaded for MAP (size and parameters)
#   ll:STATE:MAP:FIELD        a field of `multipath -ll` on the maps STATE (ref or ours) made;
#   ll:STATE:MAP:pgN:FIELD    of its path group N, ll:STATE:MAP:pgN:DEV:FIELD of a path
#   ll:create:MAP:...         the same fields in what `multipath -v2` printed as it created MAP
#   ll-stderr:STATE:MESSAGE   a message `multipath -ll` printed on stderr
DELIBERATE=(
	"ll:create:*:dm	Debian's prints the map it is about to load ('undef'); ours prints it once created, with the kernel's dm-N"
	"ll:create:*:wp	the same: Debian's 'undef' before the load, ours the kernel's write protection (rw)"
	"ll-stderr:*:Warning: multipath devices exist, but multipathd service is not running	a hint that multipathd should run: ours leaves that to the service manager and prints nothing (without the daemon our multipath turns queueing off on the maps it creates or reloads, unless -q, so IO cannot hang)"
)

vm_load_modules
vm_start_udev
ref_install
sd_create 2 2
read -r A1 _ <<<"$(sd_paths 0)"
read -r B1 _ <<<"$(sd_paths 1)"
W0=$(dev_serial "$A1")
W1=$(dev_serial "$B1")
{ [ -n "$W0" ] && [ -n "$W1" ]; } || fail "udev gave no ID_SERIAL"

mkdir -p /etc/multipath
cat >/etc/multipath.conf <<CONF
defaults {
	user_friendly_names yes
	find_multipaths greedy
	polling_interval 7
	path_selector "round-robin 0"
	rr_min_io_rq 3
	max_fds 4096
	fast_io_fail_tmo 7
	queue_without_daemon no
	flush_on_last_del yes
}
devices {
	device {
		vendor "Linux"
		product "scsi_debug"
		path_grouping_policy group_by_prio
		path_checker tur
		prio alua
		hardware_handler "1 alua"
		failback immediate
		rr_weight priorities
		no_path_retry 12
	}
}
multipaths {
	multipath {
		wwid "$W1"
		alias difftest
		path_selector "queue-length 0"
	}
}
CONF
cp /etc/multipath.conf "$LOGDIR/multipath.conf"
cat /etc/multipath.conf

# ------------------------------------------------------------------------------------------
# Records: "NAME<TAB>VALUE" lines, sorted by NAME; compared by name.
# ------------------------------------------------------------------------------------------

# conf_records FILE : the keywords of `multipath -t` output FILE: t:defaults:KW, and those of
# the last device entry for Linux/scsi_debug (t:device:KW) and of the multipaths entry of
# $W1 (t:mp:KW).
conf_records() {
	awk -v w="$W1" '
	function flush() {
		if (sect == "device" && vend == "\"Linux\"" && prod == "\"scsi_debug\"") {
			dev = blk
		}
		if (sect == "mp" && wid == "\"" w "\"") {
			mp = blk
		}
		blk = ""; vend = ""; prod = ""; wid = ""
	}
	/^defaults \{/ { top = "defaults"; next }
	/^devices \{/ { top = "devices"; next }
	/^multipaths \{/ { top = "multipaths"; next }
	/^[a-z_]+ \{/ { top = "other"; next }
	/^\}/ { top = ""; next }
	top == "devices" && $1 == "device" && $2 == "{" { sect = "device"; blk = ""; next }
	top == "multipaths" && $1 == "multipath" && $2 == "{" { sect = "mp"; blk = ""; next }
	/^\t\}/ { flush(); sect = ""; next }
	{
		k = $1; v = $0; sub(/^[ \t]*[^ \t]+[ \t]*/, "", v)
		if (top == "defaults") { print "t:defaults:" k "\t" v; next }
		if (sect == "") next
		if (k == "vendor") vend = v
		if (k == "product") prod = v
		if (k == "wwid") wid = v
		blk = blk "t:" sect ":" k "\t" v "\n"
	}
	END { printf "%s%s", dev, mp }' "$1" | sort
}

# table_records FILE : `dmsetup table` output: table:MAP<TAB>table (one map per line).
table_records() {
	awk '{ n = $1; sub(/:$/, "", n); v = $0; sub(/^[^ ]+ /, "", v); print "table:" n "\t" v }' "$1" | sort
}

# ll_records STATE FILE : the fields of `multipath -ll` output FILE, named
# ll:STATE:MAP:FIELD, ll:STATE:MAP:pgN:FIELD, ll:STATE:MAP:pgN:DEV:FIELD (spacing and the tree
# drawing dropped).
ll_records() {
	awk -v s="$1" '
	function q(name,   r) {	# value of name=VALUE or name='"'"'VALUE'"'"' on this line
		if (match($0, name "='"'"'[^'"'"']*'"'"'")) {
			return substr($0, RSTART + length(name) + 2, RLENGTH - length(name) - 3)
		}
		if (match($0, name "=[^ ]+")) {
			return substr($0, RSTART + length(name) + 1, RLENGTH - length(name) - 1)
		}
		return "(none)"
	}
	function out(f, v) { print "ll:" s ":" map ":" f "\t" v }
	/^(create|reload|rename|switchpg): / { out_action = $1; sub(/:$/, "", out_action); sub(/^[a-z]+: /, "") }
	/ (dm-[0-9]+|undef) / && $0 !~ /^[ |`]/ {
		if ($2 ~ /^\(/) {
			map = $1; wwid = $2; gsub(/[()]/, "", wwid); i = 3
		} else {
			map = $1; wwid = $1; i = 2
		}
		pg = 0
		if (out_action != "") { out("action", out_action); out_action = "" }
		out("wwid", wwid); out("dm", $i)
		v = ""; for (j = i + 1; j <= NF; j++) v = v (v == "" ? "" : " ") $j
		out("vendor_product", v)
		next
	}
	/^size=/ {
		out("size", q("size")); out("features", q("features"))
		out("hwhandler", q("hwhandler")); out("wp", q("wp"))
		next
	}
	/policy=/ {
		pg++; p = "pg" pg
		out(p ":policy", q("policy")); out(p ":prio", q("prio")); out(p ":status", q("status"))
		next
	}
	/[0-9]+:[0-9]+:[0-9]+:[0-9]+ / {
		line = $0; sub(/^[ |`+-]*/, "", line); n = split(line, f, /[ \t]+/)
		d = p ":" f[2]
		out(d ":hcil", f[1]); out(d ":devt", f[3]); out(d ":dm_state", f[4])
		out(d ":checker_state", f[5]); out(d ":dev_state", f[6])
		if (n > 6) { v = ""; for (j = 7; j <= n; j++) v = v " " f[j]; out(d ":extra", v) }
		next
	}
	NF { print "ll:" s ":unparsed\t" $0 }' "$2" | sort
}

# deliberate NAME : the reason when NAME is a listed deliberate difference, else 1.
deliberate() {
	local entry
	for entry in "${DELIBERATE[@]}"; do
		# shellcheck disable=SC2053
		if [[ $1 == ${entry%%$'\t'*} ]]; then
			printf '%s\n' "${entry#*$'\t'}"
			return 0
		fi
	done
	return 1
}

# compare WHAT REF_RECORDS OUR_RECORDS ONE_SIDED : every record name on both sides has the
# same value, unless deliberate; ONE_SIDED=ignore logs records only one side has, =fail
# counts them as differences. Appends to DIFFS.
DIFFS=""
compare() {
	local what=$1 ref=$2 ours=$3 one=$4 name rv ov why n=0
	while IFS=$'\t' read -r name rv ov; do
		n=$((n + 1))
		[ "$rv" = "$ov" ] && continue
		if why=$(deliberate "$name"); then
			log "deliberate: $name: Debian '$rv', ours '$ov' ($why)"
		else
			log "DIFFERENT: $name: Debian '$rv', ours '$ov'"
			DIFFS="$DIFFS
  $name: Debian '$rv', ours '$ov'"
		fi
	done < <(join -t $'\t' "$ref" "$ours")
	log "$what: $n records on both sides compared"
	while IFS=$'\t' read -r name rv; do
		if [ "$one" = ignore ]; then
			log "only Debian's prints $name ($rv): not compared"
		elif why=$(deliberate "$name"); then
			log "deliberate: $name only in Debian's ($rv) ($why)"
		else
			log "DIFFERENT: $name only in Debian's: '$rv'"
			DIFFS="$DIFFS
  $name only in Debian's: '$rv'"
		fi
	done < <(join -t $'\t' -v 1 "$ref" "$ours")
	while IFS=$'\t' read -r name ov; do
		if [ "$one" = ignore ]; then
			log "only ours prints $name ($ov): not compared"
		elif why=$(deliberate "$name"); then
			log "deliberate: $name only in ours ($ov) ($why)"
		else
			log "DIFFERENT: $name only in ours: '$ov'"
			DIFFS="$DIFFS
  $name only in ours: '$ov'"
		fi
	done < <(join -t $'\t' -v 2 "$ref" "$ours")
}

# show FILE : print FILE into the log, indented.
show() { sed 's/^/    /' "$1"; }

# load_records FILE : the tables FILE (strace of a multipath run) shows loaded, before the
# kernel normalised them (a round-robin repeat count above 1 becomes 1, for instance):
# load:MAP<TAB>size and parameters, one record per map (several loads joined by " ; ").
load_records() {
	awk '/DM_TABLE_LOAD/ && /target_type="multipath"/ {
		n = ""; t = ""; l = ""
		if (match($0, /name="[^"]*"/)) n = substr($0, RSTART + 6, RLENGTH - 7)
		if (match($0, /length=[0-9]+/)) l = substr($0, RSTART + 7, RLENGTH - 7)
		if (match($0, /string="[^"]*"/)) t = substr($0, RSTART + 8, RLENGTH - 9)
		tab[n] = (tab[n] != "" ? tab[n] " ; " : "") l " " t
	}
	END { for (n in tab) print "load:" n "\t" tab[n] }' "$1" | sort
}

# stderr_records STATE FILE : the messages of FILE (stderr; Debian's time stamps dropped),
# named ll-stderr:STATE:MESSAGE.
stderr_records() {
	sed -E 's/^[0-9]+\.[0-9]+ \| //' "$2" | awk -v s="$1" 'NF { print "ll-stderr:" s ":" $0 "\tprinted" }' | sort -u
}

# create_maps WHO BINARY : create the maps from scratch with BINARY -v2 (nothing left from
# the other side: maps, bindings, wwids), keep its output and the dm tables.
create_maps() {
	local who=$1 bin=$2 rc=0
	dm_remove_all
	rm -f /etc/multipath/bindings /etc/multipath/wwids
	udevadm settle --timeout=30
	log "+ $bin -v2 (under strace: the tables it loads)"
	strace -f -qq -v -s 4096 -e trace=ioctl -o "$R/$who-create.strace" \
		"$bin" -v2 >"$R/$who-create.txt" 2>"$R/$who-create.err" || rc=$?
	show "$R/$who-create.txt"
	show "$R/$who-create.err"
	[ "$rc" = 0 ] || fail "$bin -v2 exited $rc"
	udevadm settle --timeout=30
	dmsetup table | sort >"$R/$who-table.txt"
	log "dmsetup table:"
	show "$R/$who-table.txt"
	[ "$(grep -c ' multipath ' "$R/$who-table.txt")" = 2 ] || fail "$who: not 2 multipath maps"
}

# list_maps STATE : `multipath -ll` of both on the maps STATE (ref or ours) created.
list_maps() {
	local st=$1 who bin
	for who in ref ours; do
		bin=$REF
		[ "$who" = ours ] && bin=$OURS
		"$bin" -ll >"$R/$who-ll-on-$st.txt" 2>"$R/$who-ll-on-$st.err" ||
			fail "$who multipath -ll failed: $(cat "$R/$who-ll-on-$st.err")"
		log "multipath -ll of $who on the maps of $st:"
		show "$R/$who-ll-on-$st.txt"
		show "$R/$who-ll-on-$st.err"
	done
}

R=$LOGDIR
step "1. multipath -t"
"$REF" -t >"$R/ref-t.txt" 2>&1 || fail "Debian's multipath -t failed: $(tail -3 "$R/ref-t.txt")"
"$OURS" -t >"$R/ours-t.txt" 2>&1 || fail "our multipath -t failed: $(tail -3 "$R/ours-t.txt")"
conf_records "$R/ref-t.txt" >"$R/ref-t.rec"
conf_records "$R/ours-t.txt" >"$R/ours-t.rec"
grep -q '^t:device:' "$R/ref-t.rec" || fail "no scsi_debug device entry in Debian's -t"
grep -q '^t:mp:alias' "$R/ref-t.rec" || fail "no multipaths entry in Debian's -t"
compare "multipath -t" "$R/ref-t.rec" "$R/ours-t.rec" ignore

step "2. Debian's multipath creates the maps"
create_maps ref "$REF"
list_maps ref

step "Maps, bindings and wwids removed; our multipath creates the maps"
create_maps ours "$OURS"
list_maps ours

step "Compare the dm tables"
table_records "$R/ref-table.txt" >"$R/ref-table.rec"
table_records "$R/ours-table.txt" >"$R/ours-table.rec"
compare "dm tables" "$R/ref-table.rec" "$R/ours-table.rec" fail

step "Compare the tables multipath loaded (strace), before the kernel normalised them"
load_records "$R/ref-create.strace" >"$R/ref-load.rec"
load_records "$R/ours-create.strace" >"$R/ours-load.rec"
show "$R/ref-load.rec"
[ "$(wc -l <"$R/ref-load.rec")" = 2 ] || fail "no 2 table loads in Debian's strace (see ref-create.strace)"
compare "loaded tables" "$R/ref-load.rec" "$R/ours-load.rec" fail

step "Compare what multipath -v2 printed of the maps it created (stdout)"
ll_records create "$R/ref-create.txt" >"$R/ref-create.rec"
ll_records create "$R/ours-create.txt" >"$R/ours-create.rec"
compare "multipath -v2 output" "$R/ref-create.rec" "$R/ours-create.rec" fail

step "3. Compare multipath -ll"
for st in ref ours; do
	for who in ref ours; do
		ll_records "$st" "$R/$who-ll-on-$st.txt" >"$R/$who-ll-on-$st.rec"
		stderr_records "$st" "$R/$who-ll-on-$st.err" >>"$R/$who-ll-on-$st.rec"
		sort -o "$R/$who-ll-on-$st.rec" "$R/$who-ll-on-$st.rec"
	done
	[ "$(grep -c ':hcil' "$R/ref-ll-on-$st.rec")" = 4 ] || fail "Debian's -ll shows no 4 paths"
	compare "multipath -ll on the maps of $st" "$R/ref-ll-on-$st.rec" "$R/ours-ll-on-$st.rec" fail
done

[ -z "$DIFFS" ] || fail "differences from Debian's multipath-tools 0.9.4 not listed as deliberate:$DIFFS"
log "no difference beyond the ${#DELIBERATE[@]} deliberate one(s)"
