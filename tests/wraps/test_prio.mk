WRAP_test_prio := -Wl,--wrap=ioctl
