# tests/test_blacklist.c fakes the udev property list.
WRAP_test_blacklist := -Wl,--wrap=udev_device_get_properties_list_entry \
	-Wl,--wrap=udev_list_entry_get_next -Wl,--wrap=udev_list_entry_get_name \
	-Wl,--wrap=udev_device_get_is_initialized
