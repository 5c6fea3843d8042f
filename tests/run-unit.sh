#!/bin/bash
# Run the cmocka unit test binaries given as arguments; print each one's
# result and a closing "N passed, N failed" line (counted in test cases).
passed=0 failed=0 broken=()
for t in "$@"; do
	out=$("$t" 2>&1)
	rc=$?
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' <<<"$out" | awk '{s+=$1} END {print s+0}')
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' <<<"$out" | awk '{s+=$1} END {print s+0}')
	if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
		f=1 # crashed or failed outside a test case
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	if [ "$rc" = 0 ]; then
		printf '  ok    %-28s %3d tests\n' "${t##*/}" "$p"
	else
		printf '  FAIL  %s (exit %d)\n' "${t##*/}" "$rc"
		printf '%s\n' "$out" | grep -v '^\[ \(RUN\|      OK\) ' | sed 's/^/        /'
		broken+=("${t##*/}")
	fi
done
echo "unit: $passed passed, $failed failed"
# make check adds up the unit and VM results from this file
[ -n "${MPT_RESULTS:-}" ] && echo "unit $passed $failed" >>"$MPT_RESULTS"
[ "${#broken[@]}" = 0 ]
