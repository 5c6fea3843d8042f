# tests/test_configure.c fakes device-mapper at configure.c's boundary (devmapper.h), so the
# create / reload / rename / no-op decisions and the take-over of a map another process
# created run without a kernel.
WRAP_test_configure := -Wl,--wrap=devmapper_create_map,--wrap=devmapper_reload_map \
	-Wl,--wrap=devmapper_rename_map,--wrap=devmapper_list_maps,--wrap=devmapper_get_info \
	-Wl,--wrap=devmapper_get_table,--wrap=devmapper_get_status
# devmapper_remove_map: the partition maps configure_flush_partitions() removes;
# usleep: configure_take_over() waits for a map another process is still loading
WRAP_test_configure += -Wl,--wrap=devmapper_remove_map,--wrap=usleep
