# SG_IO and BLKSSZGET answers are canned (see the test).
WRAP_test_checkers := -Wl,--wrap=ioctl
