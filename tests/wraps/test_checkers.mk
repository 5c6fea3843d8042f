# A fake sg node (open/close/read/write of /dev/sgN), SG_IO and BLKSSZGET
# answers, and a settable CLOCK_MONOTONIC (see the test).
WRAP_test_checkers := -Wl,--wrap=ioctl,--wrap=open,--wrap=close,--wrap=read,--wrap=write \
	-Wl,--wrap=clock_gettime
