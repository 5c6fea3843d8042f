# shellcheck shell=bash
# bench/guest/sampler.sh - part "sampler" of the bench (issue 10, item 3), sourced by main.sh.
#
# NOT MEASURED YET: it needs io_err_stat in our daemon (see flaky.sh). Ours only: Debian's
# marginal path sampler has 1024 shared IO slots (32 paths of 32 reads), so it cannot take
# 64 paths at once.
#
# What it will do: 64 LUNs x 2 paths; 64 paths flap at once so io_err_stat samples all of
# them; it then reads, per sampled path, the reads issued (the io_err_stat counters the daemon
# shows, or /sys/block/sdX/stat) over the sample time against the nominal cadence, the CPU
# time of the io_err_stat thread (/proc/PID/task/TID/stat, thread found by its name), and
# whether every verdict came within sample time + 1 s of the sample's start (daemon log).
# raw.tsv keys: sp_reads_ratio (achieved / nominal, median over paths), sp_cpu_s,
# sp_late_verdicts.

part_sampler() {
	bnote "sampler-scale part (issue 10 item 3): not measured, io_err_stat is not wired into multipathd yet"
	return 0
}
