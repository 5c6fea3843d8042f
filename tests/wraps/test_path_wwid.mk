# tests/test_path_wwid.c answers the fresh VPD page 0x83 read of recheck_wwid: open() of
# /dev/fake* opens /dev/null, SG_IO on it is answered by a fake.
WRAP_test_path_wwid := -Wl,--wrap=open,--wrap=ioctl
