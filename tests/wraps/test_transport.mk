# tests/test_transport.c models the kernel's rules for FC remote port timeouts behind
# sysfs_attr_write (a write in the wrong order is refused as on a real rport), and fakes
# device-mapper for the map creates and reloads that set the timeouts.
WRAP_test_transport := -Wl,--wrap=sysfs_attr_write,--wrap=devmapper_create_map \
	-Wl,--wrap=devmapper_reload_map,--wrap=devmapper_get_info
