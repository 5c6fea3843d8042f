# io_err_stat runs against a fake kernel and a fake clock (see the test).
WRAP_test_io_err_stat := -Wl,--wrap=io_setup,--wrap=io_submit,--wrap=io_getevents \
	-Wl,--wrap=io_cancel,--wrap=io_destroy,--wrap=open,--wrap=close,--wrap=ioctl,--wrap=free \
	-Wl,--wrap=clock_gettime
