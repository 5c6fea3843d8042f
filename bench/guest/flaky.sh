# shellcheck shell=bash
# bench/guest/flaky.sh - part "flaky" of the bench (issue 10, item 1), sourced by main.sh.
#
# NOT MEASURED YET: it needs io_err_stat wired into our daemon (the reinstate and path-failed
# seams of multipathd/checker.c and dispatch.c), which has not landed. Until then part_flaky
# records a note and no figure; nothing here may print a number it did not measure.
#
# What it will do (the plan the table and bench/README.md are written for):
#   - sd_create 1 2: one LUN, two paths; the second one flaps (path_flap sdX 300 1000 120)
#     under fio (random 4k reads through the map, fio --write_lat_log for the picture),
#     then stays healthy for 180 s;
#   - four runs: ours with io_err_stat (path_io_err_sample_time 10, recovery 20), ours
#     without, Debian's with marginal_path_* (sample time 120 s: its minimum), Debian's without;
#   - a sampler in the guest writes the flaky path's dm state (dmsetup status) every 100 ms
#     to flaky-TOOL-MODE-dmstate.tsv; DM_ACTION uevents go to uevents-*.log;
#   - figures per run (raw.tsv keys, TOOL ours|ref, and the MODE in the key): fl_trans_MODE
#     (dm fail/reinstate transitions), fl_isolate_s_MODE (first failure to stable isolation),
#     fl_return_s_MODE (end of flapping to reinstatement), fl_fio_err_MODE, fl_p99_ms_MODE,
#     fl_p999_ms_MODE;
#   - the host's bench/plot.sh (gnuplot, installed by bench/install-deps.sh then) draws
#     flaky.svg from those .tsv files: one panel per run, dm state and fio latency over time.

part_flaky() {
	bnote "flaky-path part (issue 10 item 1): not measured, io_err_stat is not wired into multipathd yet"
	return 0
}
