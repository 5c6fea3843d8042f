# tests/test_pr.c answers SG_IO from canned results (PERSISTENT RESERVE IN/OUT).
WRAP_test_pr := -Wl,--wrap=ioctl
