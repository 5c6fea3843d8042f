# The directio checker and aio_group run against a fake kernel (see the test).
WRAP_test_directio := -Wl,--wrap=io_setup,--wrap=io_submit,--wrap=io_getevents \
	-Wl,--wrap=io_cancel,--wrap=io_destroy,--wrap=open,--wrap=close,--wrap=ioctl,--wrap=free
