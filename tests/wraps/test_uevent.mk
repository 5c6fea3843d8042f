# tests/test_uevent.c replaces the libudev monitor and devices with a fake.
WRAP_test_uevent := -Wl,--wrap=udev_monitor_new_from_netlink \
	-Wl,--wrap=udev_monitor_filter_add_match_subsystem_devtype \
	-Wl,--wrap=udev_monitor_set_receive_buffer_size -Wl,--wrap=udev_monitor_enable_receiving \
	-Wl,--wrap=udev_monitor_get_fd -Wl,--wrap=udev_monitor_unref \
	-Wl,--wrap=udev_monitor_receive_device -Wl,--wrap=udev_device_get_action \
	-Wl,--wrap=udev_device_get_sysname -Wl,--wrap=udev_device_get_devpath \
	-Wl,--wrap=udev_device_get_devtype -Wl,--wrap=udev_device_get_devnum \
	-Wl,--wrap=udev_device_get_seqnum -Wl,--wrap=udev_device_get_property_value \
	-Wl,--wrap=udev_device_unref
