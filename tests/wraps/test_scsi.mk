# tests/test_scsi.c answers SG_IO from canned results and counts the pauses
# between retries without sleeping.
WRAP_test_scsi := -Wl,--wrap=ioctl,--wrap=nanosleep
