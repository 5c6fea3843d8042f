# tests/test_discovery.c replaces libudev with a fake, and the SG_IO of vpd_vendor.
WRAP_test_discovery := -Wl,--wrap=udev_device_get_property_value \
	-Wl,--wrap=udev_device_get_properties_list_entry -Wl,--wrap=udev_list_entry_get_next \
	-Wl,--wrap=udev_list_entry_get_name -Wl,--wrap=udev_enumerate_new \
	-Wl,--wrap=udev_enumerate_add_match_subsystem -Wl,--wrap=udev_enumerate_add_match_property \
	-Wl,--wrap=udev_enumerate_scan_devices -Wl,--wrap=udev_enumerate_get_list_entry \
	-Wl,--wrap=udev_enumerate_unref -Wl,--wrap=udev_device_new_from_syspath \
	-Wl,--wrap=udev_device_get_sysname -Wl,--wrap=udev_device_get_devtype \
	-Wl,--wrap=udev_device_unref -Wl,--wrap=udev_device_get_is_initialized \
	-Wl,--wrap=prio_dev_open -Wl,--wrap=scsi_inquiry_vpd
