#!/bin/bash
# bench/plot.sh RUNDIR - draw RUNDIR/flaky.svg from the flaky part's data (host side; run.sh
# calls it when the guest wrote RUNDIR/bench/flaky.env). One panel per run (ours and
# Debian's, io_err accounting on and off): the flaky path's state in dm over time (red
# steps, right axis: up = active, down = failed) and fio's highest completion latency of
# each 250 ms (blue, left axis, log scale), with the flapping window shaded. Needs gnuplot
# (bench/install-deps.sh installs gnuplot-nox).
set -eu
RUNDIR=${1:?usage: plot.sh RUNDIR}
DIR=$RUNDIR/bench
OUT=$RUNDIR/flaky.svg
# shellcheck disable=SC1091
. "$DIR/flaky.env"
command -v gnuplot >/dev/null || {
	echo "plot.sh: gnuplot missing (bench/install-deps.sh installs it)" >&2
	exit 1
}

panel() { # TOOL MODE TITLE
	local state=$DIR/flaky-$1-$2-state.tsv lat=$DIR/flaky-$1-$2-lat.tsv
	echo "set title \"$3\""
	if [ ! -s "$state" ]; then
		echo "set label 1 'not measured' at graph 0.45, graph 0.5"
		echo "set yrange [0.01:100]"
		echo "plot 1 with lines lt nodraw notitle"
		echo "unset label 1"
		echo "set yrange [0.01:*]"
		return
	fi
	if [ -s "$lat" ]; then
		echo "plot '$lat' using 1:(\$2 > 0 ? \$2 : NaN) with lines lc rgb '#4477aa' title 'fio latency (max per 250 ms)', \\"
	else
		echo "plot \\"
	fi
	echo "     '$state' using 1:2 axes x1y2 with steps lw 2 lc rgb '#cc3311' title 'flaky path in dm'"
}

{
	cat <<-GP
	set terminal svg size 1100,1200 dynamic noenhanced font "sans,11" background rgb "white"
	set output "$OUT"
	set multiplot layout 4,1 title "Flaky path: offline $FL_OFF_MS ms of every $FL_PERIOD_MS ms for $FL_FLAP_S s (shaded), then healthy"
	set xrange [-5:$((FL_FLAP_S + FL_HEAL_S))]
	set xlabel "seconds since the flapping began"
	set ylabel "fio latency, ms"
	set logscale y
	set yrange [0.01:*]
	set y2range [-0.3:1.5]
	set y2tics ("failed" 0, "active" 1)
	set ytics nomirror
	set key top right
	set object 1 rect from 0, graph 0 to $FL_FLAP_S, graph 1 fc rgb "#eeeeee" fs solid 1.0 noborder behind
	GP
	panel ours on "ours, io_err accounting on (sample 10 s, recovery 20 s)"
	panel ours off "ours, io_err accounting off"
	panel ref on "Debian 0.9.4, marginal_path on (sample 120 s, its minimum; recheck gap 20 s)"
	panel ref off "Debian 0.9.4, marginal_path off"
	echo "unset multiplot"
} | gnuplot
echo "$OUT"
