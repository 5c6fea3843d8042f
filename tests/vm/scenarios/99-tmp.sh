#!/bin/bash
# timeout: 900
. "$(dirname "$0")/../lib.sh"
vm_load_modules
vm_start_udev
modprobe scsi_debug vpd_use_hostno=0 add_host=2 num_tgts=1 max_luns=24 dev_size_mb=8
sleep 5; udevadm settle --timeout=300
ls /sys/block | wc -l
cat >/etc/multipath.conf <<CONF
defaults { user_friendly_names yes
 find_multipaths greedy
 polling_interval 5 }
overrides { path_grouping_policy multibus
 path_checker tur
 detect_checker no
 prio alua
 no_path_retry fail }
CONF
mkdir -p /etc/multipath; rm -f /etc/multipath/bindings /etc/multipath/wwids
t0=$EPOCHREALTIME
strace -f -tt -T -o $LOGDIR/strace.txt $MPT_TOP/build/bin/multipath > $LOGDIR/mp.out 2>&1
t1=$EPOCHREALTIME
log "multipath took $(echo "$t1 - $t0" | bc)"
strace -c -f -o $LOGDIR/strace-c.txt true
awk '{ if (match($0, /<([0-9.]+)>$/, m) && m[1] > 0.2) print }' $LOGDIR/strace.txt | head -50
log PASS
