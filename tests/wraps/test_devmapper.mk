# tests/test_devmapper.c runs devmapper.c against a fake libdevmapper, counts the mutexes held
# (pthread_mutex_lock/unlock), never sleeps (nanosleep), and fakes /dev/mapper/control (stat,
# fopen of /proc/misc, open, ioctl).
WRAP_test_devmapper := -Wl,--wrap=dm_task_create,--wrap=dm_task_destroy,--wrap=dm_task_set_name \
	-Wl,--wrap=dm_task_set_uuid,--wrap=dm_task_set_newname,--wrap=dm_task_set_message \
	-Wl,--wrap=dm_task_set_sector,--wrap=dm_task_set_ro,--wrap=dm_task_no_flush \
	-Wl,--wrap=dm_task_set_add_node \
	-Wl,--wrap=dm_task_deferred_remove,--wrap=dm_task_add_target,--wrap=dm_task_run \
	-Wl,--wrap=dm_task_get_errno,--wrap=dm_task_get_info,--wrap=dm_task_get_uuid \
	-Wl,--wrap=dm_task_get_names,--wrap=dm_get_next_target,--wrap=dm_task_set_cookie \
	-Wl,--wrap=dm_udev_get_sync_support,--wrap=dm_udev_set_sync_support,--wrap=dm_udev_wait \
	-Wl,--wrap=dm_udev_wait_immediate,--wrap=dm_task_update_nodes,--wrap=dm_driver_version \
	-Wl,--wrap=dm_log_with_errno_init,--wrap=pthread_mutex_lock,--wrap=pthread_mutex_unlock \
	-Wl,--wrap=nanosleep,--wrap=stat,--wrap=fopen,--wrap=open,--wrap=ioctl
