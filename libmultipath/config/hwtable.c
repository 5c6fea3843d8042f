// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The built-in hardware table and blacklist, written in multipath.conf
 * syntax and loaded by the same parser as the file, so that `multipath -t`
 * prints them back verbatim. Entries are matched by vendor/product regex;
 * the configuration file's devices section refines or overrides them.
 *
 * Each entry's comment names the document its values were checked against,
 * and which of its values that document gives. Where no vendor document was
 * found, the comment says so and the entry keeps only what multipath.conf(5)
 * documents for the array's mode: ALUA (group_by_prio, alua, failback
 * immediate), active/active (multibus), NVMe ANA (group_by_prio, ana,
 * failback immediate), or the mode's own checker/prioritizer (rdac, hp_sw,
 * emc_clariion, hds, datacore, cciss_tur). Keywords an entry does not set take
 * the defaults section's value. hwtable_samples[] holds, per entry, an
 * INQUIRY vendor/product the entry must match (tests/test_hwtable.c).
 *
 * Documents cited by a short label:
 * [E-Series] NetApp SANtricity Linux express configuration, "Updating the
 *   devices section of the multipath.conf file",
 *   http://docs.netapp.com/ess-11/topic/com.netapp.doc.ssm-exp-ic-lin/GUID-0EADF803-C1CA-43E5-AF7D-A5EECE830815.html
 * [HPDM] HP, Device Mapper Multipath Enablement Kit for HP StorageWorks Disk
 *   Arrays, table 3 and examples,
 *   http://38.142.81.21:8001/manual/red-hat/enterprise-linux-4-dm-multipath/technical-data-english/page-14.html
 * [SVC] a multipath.conf for IBM 2145 "set for testing on an IBM FlashSystem
 *   storage system", in IBM test notes found by the code search (no address)
 * README.alua: device-mapper-multipath's README.alua, which says per array
 *   how ALUA is enabled (CLARiiON/VNX, 3PAR, Promise, E-Series, ONTAP, Huawei)
 *
 * scsi_debug, this project's test target, has no entry: tests configure it
 * in their own files.
 */
#include "config.h"

const char builtin_hwtable[] =
	/* multipath-tools' built-in blacklist: only SCSI disks, DASDs and NVMe
	 * namespaces, and only devices udev gave a SCSI or NVMe identifier */
	"blacklist {\n"
	"	devnode \"!^(sd[a-z]|dasd[a-z]|nvme[0-9])\"\n"
	"}\n"
	"blacklist_exceptions {\n"
	"	property \"(SCSI_IDENT_|ID_WWN)\"\n"
	"}\n"
	"devices {\n"
	/* Red Hat KB 139193 "How do I configure device-mapper-multipath for EMC CLARiiON or VNX
	 * with ALUA mode" (https://access.redhat.com/solutions/139193), quoting Dell EMC Host
	 * Connectivity Guide for Linux P/N 300-003-865 rev. A47: vendor, product,
	 * product_blacklist, path_checker, hardware_handler, prio. group_by_prio and failback
	 * are generic ALUA; no_path_retry 60 is not in the quoted part */
	"	device {\n"
	"		vendor \"^DGC\"\n"
	"		product \".*\"\n"
	"		product_blacklist \"LUNZ\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker emc_clariion\n"
	"		hardware_handler \"1 alua\"\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 60\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic active-active defaults
	 * (Dell EMC Host Connectivity Guide for Linux not in the corpora) */
	"	device {\n"
	"		vendor \"EMC\"\n"
	"		product \"SYMMETRIX\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic active-active defaults */
	"	device {\n"
	"		vendor \"EMC\"\n"
	"		product \"Invista\"\n"
	"		product_blacklist \"LUNZ\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic active-active defaults */
	"	device {\n"
	"		vendor \"EMC\"\n"
	"		product \"Celerra\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic active-active defaults
	 * (EMC XtremIO Host Configuration Guide P/N 302-001-521 found, its multipath.conf
	 * section was not) */
	"	device {\n"
	"		vendor \"XtremIO\"\n"
	"		product \"XtremApp\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic ALUA defaults (Dell
	 * PowerStore Host Configuration Guide not in the corpora) */
	"	device {\n"
	"		vendor \"DellEMC\"\n"
	"		product \"PowerStore\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic ALUA defaults */
	"	device {\n"
	"		vendor \"DellEMC\"\n"
	"		product \"ME4\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic ALUA defaults */
	"	device {\n"
	"		vendor \"DellEMC\"\n"
	"		product \"ME5\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* Dell EMC SC Series with Red Hat Enterprise Linux 7x (CML1071), 3.6.2 "Multipath
	 * queueing": the built-in COMPELNT settings (one group, queue_if_no_path) are to be left
	 * as they are
	 * (http://38.142.81.21:8001/manual/dell/storage-solution-resources/5-4-3-2-1-developers-guide-english/page-41.html) */
	"	device {\n"
	"		vendor \"COMPELNT\"\n"
	"		product \"Compellent Vol\"\n"
	"		path_grouping_policy multibus\n"
	"		no_path_retry queue\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic active-active defaults */
	"	device {\n"
	"		vendor \"EQLOGIC\"\n"
	"		product \"100E-00\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* no Dell document found; an LSI/Engenio RDAC controller: the values NetApp documents
	 * for that family in [E-Series] SANtricity Linux express configuration and XenServer's
	 * multipath.conf for DELL MD36xx (features, no_path_retry 30) */
	"	device {\n"
	"		vendor \"DELL\"\n"
	"		product \"^MD32xx$\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"	}\n"
	/* no Dell document found; an LSI/Engenio RDAC controller: the values NetApp documents
	 * for that family in [E-Series] SANtricity Linux express configuration and XenServer's
	 * multipath.conf for DELL MD36xx (features, no_path_retry 30) */
	"	device {\n"
	"		vendor \"DELL\"\n"
	"		product \"^MD32xxi$\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"	}\n"
	/* no Dell document found; an LSI/Engenio RDAC controller: the values NetApp documents
	 * for that family in [E-Series] SANtricity Linux express configuration and XenServer's
	 * multipath.conf for DELL MD36xx (features, no_path_retry 30) */
	"	device {\n"
	"		vendor \"DELL\"\n"
	"		product \"^MD36xxi$\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"	}\n"
	/* no Dell document found; an LSI/Engenio RDAC controller: the values NetApp documents
	 * for that family in [E-Series] SANtricity Linux express configuration and XenServer's
	 * multipath.conf for DELL MD36xx (features, no_path_retry 30) */
	"	device {\n"
	"		vendor \"DELL\"\n"
	"		product \"^MD36xxf$\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"	}\n"
	/* no Dell document found; an LSI/Engenio RDAC controller: the values NetApp documents
	 * for that family in [E-Series] SANtricity Linux express configuration and XenServer's
	 * multipath.conf for DELL MD36xx (features, no_path_retry 30) */
	"	device {\n"
	"		vendor \"DELL\"\n"
	"		product \"^MD34xx$\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"	}\n"
	/* no Dell document found; an LSI/Engenio RDAC controller: the values NetApp documents
	 * for that family in [E-Series] SANtricity Linux express configuration and XenServer's
	 * multipath.conf for DELL MD36xx (features, no_path_retry 30) */
	"	device {\n"
	"		vendor \"DELL\"\n"
	"		product \"^MD38xxf$\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"	}\n"
	/* no Dell document found; an LSI/Engenio RDAC controller: the values NetApp documents
	 * for that family in [E-Series] SANtricity Linux express configuration and XenServer's
	 * multipath.conf for DELL MD36xx (features, no_path_retry 30) */
	"	device {\n"
	"		vendor \"DELL\"\n"
	"		product \"^MD38xxi$\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"	}\n"
	/* no Dell document found; an LSI/Engenio RDAC controller: the values NetApp documents
	 * for that family in [E-Series] SANtricity Linux express configuration and XenServer's
	 * multipath.conf for DELL MD36xx (features, no_path_retry 30) */
	"	device {\n"
	"		vendor \"DELL\"\n"
	"		product \"^MD3000$\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"	}\n"
	/* no Dell document found; an LSI/Engenio RDAC controller: the values NetApp documents
	 * for that family in [E-Series] SANtricity Linux express configuration and XenServer's
	 * multipath.conf for DELL MD36xx (features, no_path_retry 30) */
	"	device {\n"
	"		vendor \"DELL\"\n"
	"		product \"^MD3000i$\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"	}\n"
	/* no Dell document found; an LSI/Engenio RDAC controller: the values NetApp documents
	 * for that family in [E-Series] SANtricity Linux express configuration and XenServer's
	 * multipath.conf for DELL MD36xx (features, no_path_retry 30) */
	"	device {\n"
	"		vendor \"DELL\"\n"
	"		product \"^MD3060e$\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"	}\n"
	/* no Dell document found; an LSI/Engenio RDAC controller: the values NetApp documents
	 * for that family in [E-Series] SANtricity Linux express configuration and XenServer's
	 * multipath.conf for DELL MD36xx (features, no_path_retry 30) */
	"	device {\n"
	"		vendor \"DELL\"\n"
	"		product \"^MD3[0-9]{3}\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"	}\n"
	/* HP 3PAR Red Hat Enterprise Linux and Oracle Linux Implementation Guide
	 * (http://www.manualshelf.com/manual/hp/hp-3par-inform-s800-4x500gb-nearline-magazine-ltu/hp-3par-redhat-and-oracle-linux-implementation-guide/page-54.html):
	 * its device section as reproduced in public set-up notes (group_by_prio, 1 alua, alua,
	 * failback immediate, rr_weight uniform, no_path_retry 18, rr_min_io_rq 1, detect_prio
	 * yes, fast_io_fail_tmo 10 left as a comment); vpd_vendor hp3par as multipath.conf(5)
	 * documents it */
	"	device {\n"
	"		vendor \"3PARdata\"\n"
	"		product \"VV\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		hardware_handler \"1 alua\"\n"
	"		prio alua\n"
	"		detect_prio yes\n"
	"		failback immediate\n"
	"		rr_weight uniform\n"
	"		rr_min_io_rq 1\n"
	"		no_path_retry 18\n"
	"		fast_io_fail_tmo 10\n"
	"		vpd_vendor hp3par\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic NVMe ANA defaults */
	"	device {\n"
	"		vendor \"NVME\"\n"
	"		product \"HPE Alletra\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio ana\n"
	"		failback immediate\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic ALUA defaults (HPE MSA
	 * best-practice guides not in the corpora) */
	"	device {\n"
	"		vendor \"HP\"\n"
	"		product \"MSA [12]0[456]0 (SAN|SAS|FC|iSCSI)\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic ALUA defaults (HPE MSA
	 * best-practice guides not in the corpora) */
	"	device {\n"
	"		vendor \"HPE\"\n"
	"		product \"MSA [12]0[456]0 (SAN|SAS|FC|iSCSI)\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic ALUA defaults (HPE MSA
	 * best-practice guides not in the corpora) */
	"	device {\n"
	"		vendor \"HP\"\n"
	"		product \"P2000 G3 (FC|SAS|iSCSI)\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic ALUA defaults (HPE MSA
	 * best-practice guides not in the corpora) */
	"	device {\n"
	"		vendor \"HPE\"\n"
	"		product \"MSA [12]06[02]\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* active/passive HP StorageWorks array: hp_sw checker, handler and prioritizer as
	 * multipath.conf(5) documents them for these arrays [HPDM] HP Device Mapper Multipath
	 * Enablement Kit for HP StorageWorks Disk Arrays, table 3 "HP recommended configuration
	 * parameters" (no_path_retry 12) */
	"	device {\n"
	"		vendor \"(COMPAQ|HP)\"\n"
	"		product \"(MSA|HSV)1[01]0\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker hp_sw\n"
	"		hardware_handler \"1 hp_sw\"\n"
	"		prio hp_sw\n"
	"		no_path_retry 12\n"
	"	}\n"
	/* [HPDM] HP Device Mapper Multipath Enablement Kit for HP StorageWorks Disk Arrays,
	 * table 3 "HP recommended configuration parameters" (no_path_retry 12) and its EVA
	 * (HSV101) example: group_by_prio, tur, alua, rr_weight uniform, rr_min_io 100, failback
	 * immediate, no_path_retry 12 */
	"	device {\n"
	"		vendor \"(COMPAQ|HP)\"\n"
	"		product \"HSV1[01]1|HSV2[01]0|HSV3[046]0|HSV4[05]0\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		rr_weight uniform\n"
	"		rr_min_io 100\n"
	"		no_path_retry 12\n"
	"	}\n"
	/* [HPDM] HP Device Mapper Multipath Enablement Kit for HP StorageWorks Disk Arrays,
	 * table 3 "HP recommended configuration parameters" (no_path_retry 12) with generic ALUA
	 * grouping */
	"	device {\n"
	"		vendor \"HP\"\n"
	"		product \"MSA VOLUME\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 12\n"
	"	}\n"
	/* [HPDM] HP Device Mapper Multipath Enablement Kit for HP StorageWorks Disk Arrays,
	 * table 3 "HP recommended configuration parameters" (no_path_retry 12) with multibus for
	 * this active/active array */
	"	device {\n"
	"		vendor \"HP\"\n"
	"		product \"A6189A\"\n"
	"		path_grouping_policy multibus\n"
	"		no_path_retry 12\n"
	"	}\n"
	/* active/passive HP StorageWorks array: hp_sw checker, handler and prioritizer as
	 * multipath.conf(5) documents them for these arrays no vendor document found for HSG80
	 * queueing; multipath.conf(5) default no_path_retry */
	"	device {\n"
	"		vendor \"DEC\"\n"
	"		product \"HSG80\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker hp_sw\n"
	"		hardware_handler \"1 hp_sw\"\n"
	"		prio hp_sw\n"
	"	}\n"
	/* active/passive HP StorageWorks array: hp_sw checker, handler and prioritizer as
	 * multipath.conf(5) documents them for these arrays [HPDM] HP Device Mapper Multipath
	 * Enablement Kit for HP StorageWorks Disk Arrays, table 3 "HP recommended configuration
	 * parameters" (no_path_retry 12) */
	"	device {\n"
	"		vendor \"(COMPAQ|HP)\"\n"
	"		product \"MSA1[05]00\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker hp_sw\n"
	"		hardware_handler \"1 hp_sw\"\n"
	"		prio hp_sw\n"
	"		no_path_retry 12\n"
	"	}\n"
	/* no vendor document found; the Smart Array (cciss) checker as multipath.conf(5)
	 * documents it, other values are the generic defaults */
	"	device {\n"
	"		vendor \"HP\"\n"
	"		product \"LOGICAL VOLUME\"\n"
	"		path_checker cciss_tur\n"
	"	}\n"
	/* no HPE document found; a public Nimble set-up README
	 * (https://github.com/brngates98/pve-nimble-plugin/blob/main/README.md#multipath-optional):
	 * group_by_prio, alua, 1 alua, service-time 0, tur, no_path_retry 30, failback
	 * immediate, fast_io_fail_tmo 5, dev_loss_tmo infinity */
	"	device {\n"
	"		vendor \"Nimble\"\n"
	"		product \"Server\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		hardware_handler \"1 alua\"\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		path_selector \"service-time 0\"\n"
	"		path_checker tur\n"
	"		no_path_retry 30\n"
	"		fast_io_fail_tmo 5\n"
	"		dev_loss_tmo infinity\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic ALUA defaults */
	"	device {\n"
	"		vendor \"LEFTHAND\"\n"
	"		product \"iSCSIDisk\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic ALUA defaults */
	"	device {\n"
	"		vendor \"LEFTHAND\"\n"
	"		product \"p4000\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* [SVC] multipath.conf for IBM 2145 (Storage Virtualize) as published in IBM FlashSystem
	 * Linux test notes: group_by_prio, alua, tur, failback immediate, no_path_retry 5,
	 * rr_min_io_rq 1, dev_loss_tmo 120 (IBM's own host page not in the corpora); all Storage
	 * Virtualize products share the 2145 software */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^2145\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 5\n"
	"		rr_min_io_rq 1\n"
	"		dev_loss_tmo 120\n"
	"	}\n"
	/* [SVC] multipath.conf for IBM 2145 (Storage Virtualize) as published in IBM FlashSystem
	 * Linux test notes: group_by_prio, alua, tur, failback immediate, no_path_retry 5,
	 * rr_min_io_rq 1, dev_loss_tmo 120 (IBM's own host page not in the corpora); all Storage
	 * Virtualize products share the 2145 software */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^2076\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 5\n"
	"		rr_min_io_rq 1\n"
	"		dev_loss_tmo 120\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic ALUA defaults
	 * (FlashSystem 710-900 run their own firmware, not Storage Virtualize) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^FlashSystem\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* [SVC] multipath.conf for IBM 2145 (Storage Virtualize) as published in IBM FlashSystem
	 * Linux test notes: group_by_prio, alua, tur, failback immediate, no_path_retry 5,
	 * rr_min_io_rq 1, dev_loss_tmo 120 (IBM's own host page not in the corpora); all Storage
	 * Virtualize products share the 2145 software */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^4662\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 5\n"
	"		rr_min_io_rq 1\n"
	"		dev_loss_tmo 120\n"
	"	}\n"
	/* [SVC] multipath.conf for IBM 2145 (Storage Virtualize) as published in IBM FlashSystem
	 * Linux test notes: group_by_prio, alua, tur, failback immediate, no_path_retry 5,
	 * rr_min_io_rq 1, dev_loss_tmo 120 (IBM's own host page not in the corpora); all Storage
	 * Virtualize products share the 2145 software */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^4666\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 5\n"
	"		rr_min_io_rq 1\n"
	"		dev_loss_tmo 120\n"
	"	}\n"
	/* [SVC] multipath.conf for IBM 2145 (Storage Virtualize) as published in IBM FlashSystem
	 * Linux test notes: group_by_prio, alua, tur, failback immediate, no_path_retry 5,
	 * rr_min_io_rq 1, dev_loss_tmo 120 (IBM's own host page not in the corpora); all Storage
	 * Virtualize products share the 2145 software */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^9846\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 5\n"
	"		rr_min_io_rq 1\n"
	"		dev_loss_tmo 120\n"
	"	}\n"
	/* [SVC] multipath.conf for IBM 2145 (Storage Virtualize) as published in IBM FlashSystem
	 * Linux test notes: group_by_prio, alua, tur, failback immediate, no_path_retry 5,
	 * rr_min_io_rq 1, dev_loss_tmo 120 (IBM's own host page not in the corpora); all Storage
	 * Virtualize products share the 2145 software */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^9848\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 5\n"
	"		rr_min_io_rq 1\n"
	"		dev_loss_tmo 120\n"
	"	}\n"
	/* [SVC] multipath.conf for IBM 2145 (Storage Virtualize) as published in IBM FlashSystem
	 * Linux test notes: group_by_prio, alua, tur, failback immediate, no_path_retry 5,
	 * rr_min_io_rq 1, dev_loss_tmo 120 (IBM's own host page not in the corpora); all Storage
	 * Virtualize products share the 2145 software */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^2072\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 5\n"
	"		rr_min_io_rq 1\n"
	"		dev_loss_tmo 120\n"
	"	}\n"
	/* [SVC] multipath.conf for IBM 2145 (Storage Virtualize) as published in IBM FlashSystem
	 * Linux test notes: group_by_prio, alua, tur, failback immediate, no_path_retry 5,
	 * rr_min_io_rq 1, dev_loss_tmo 120 (IBM's own host page not in the corpora); all Storage
	 * Virtualize products share the 2145 software */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^2071\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 5\n"
	"		rr_min_io_rq 1\n"
	"		dev_loss_tmo 120\n"
	"	}\n"
	/* [SVC] multipath.conf for IBM 2145 (Storage Virtualize) as published in IBM FlashSystem
	 * Linux test notes: group_by_prio, alua, tur, failback immediate, no_path_retry 5,
	 * rr_min_io_rq 1, dev_loss_tmo 120 (IBM's own host page not in the corpora); all Storage
	 * Virtualize products share the 2145 software */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^2073\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 5\n"
	"		rr_min_io_rq 1\n"
	"		dev_loss_tmo 120\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic active-active defaults
	 * (IBM DS8000 Host Systems Attachment Guide not in the corpora) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^2107900\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic ALUA defaults */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1750500\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic active-active defaults */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^2105\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic active-active defaults
	 * (IBM XIV Host Attachment Kit documents not in the corpora) */
	"	device {\n"
	"		vendor \"(XIV|IBM)\"\n"
	"		product \"(NEXTRA|2810XIV)\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic active-active defaults */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"2812XIV\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic active-active defaults */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^A9000\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* no IBM document found; an LSI/Engenio RDAC controller: the values NetApp documents for
	 * that family in [E-Series] SANtricity Linux express configuration */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1722\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"	}\n"
	/* no IBM document found; an LSI/Engenio RDAC controller: the values NetApp documents for
	 * that family in [E-Series] SANtricity Linux express configuration */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1724\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"	}\n"
	/* no IBM document found; an LSI/Engenio RDAC controller: the values NetApp documents for
	 * that family in [E-Series] SANtricity Linux express configuration */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1726\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"	}\n"
	/* no IBM document found; an LSI/Engenio RDAC controller: the values NetApp documents for
	 * that family in [E-Series] SANtricity Linux express configuration */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1742\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"	}\n"
	/* no IBM document found; an LSI/Engenio RDAC controller: the values NetApp documents for
	 * that family in [E-Series] SANtricity Linux express configuration */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1745\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"	}\n"
	/* no IBM document found; an LSI/Engenio RDAC controller: the values NetApp documents for
	 * that family in [E-Series] SANtricity Linux express configuration */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1746\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"	}\n"
	/* no IBM document found; an LSI/Engenio RDAC controller: the values NetApp documents for
	 * that family in [E-Series] SANtricity Linux express configuration */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1813\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"	}\n"
	/* no IBM document found; an LSI/Engenio RDAC controller: the values NetApp documents for
	 * that family in [E-Series] SANtricity Linux express configuration */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1814\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"	}\n"
	/* no IBM document found; an LSI/Engenio RDAC controller: the values NetApp documents for
	 * that family in [E-Series] SANtricity Linux express configuration */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1815\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"	}\n"
	/* no IBM document found; an LSI/Engenio RDAC controller: the values NetApp documents for
	 * that family in [E-Series] SANtricity Linux express configuration */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1818\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"	}\n"
	/* no IBM document found; an LSI/Engenio RDAC controller: the values NetApp documents for
	 * that family in [E-Series] SANtricity Linux express configuration */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^3526\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"	}\n"
	/* no IBM document found; an LSI/Engenio RDAC controller: the values NetApp documents for
	 * that family in [E-Series] SANtricity Linux express configuration */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^3542\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"	}\n"
	/* no IBM document found; an LSI/Engenio RDAC controller: the values NetApp documents for
	 * that family in [E-Series] SANtricity Linux express configuration */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1820N00\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic active-active defaults */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^3303[ ]+NVDISK\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic ALUA defaults */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^(DCS9900|2851)\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* no IBM document found; an LSI/Engenio RDAC controller: the values NetApp documents for
	 * that family in [E-Series] SANtricity Linux express configuration */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1723\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"	}\n"
	/* NetApp ONTAP SAN host configuration
	 * (https://docs.netapp.com/us-en/ontap-sanhost/hu_rhel_94.html) found, its multipath
	 * values not seen; values from IBM Cloud's published "Sample multipath.conf" for
	 * NetApp-based LUNs (IBM-Bluemix-Docs/sap-hana-qrg, rhel-sample.md): group_by_prio,
	 * alua, failback immediate, queue_if_no_path with pg_init_retries 50, flush_on_last_del
	 * yes and dev_loss_tmo infinity */
	"	device {\n"
	"		vendor \"NETAPP\"\n"
	"		product \"LUN\"\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry queue\n"
	"		flush_on_last_del always\n"
	"		dev_loss_tmo infinity\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic NVMe ANA defaults */
	"	device {\n"
	"		vendor \"NVME\"\n"
	"		product \"^NetApp ONTAP Controller\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio ana\n"
	"		failback immediate\n"
	"	}\n"
	/* [E-Series] NetApp SANtricity Linux express configuration, "Updating the devices
	 * section of the multipath.conf file": every value below */
	"	device {\n"
	"		vendor \"(NETAPP|LSI|ENGENIO)\"\n"
	"		product \"INF-01-00\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"		product_blacklist \"Universal Xport\"\n"
	"	}\n"
	/* no LSI/Engenio document found; an LSI/Engenio RDAC controller: the values NetApp
	 * documents for that family in [E-Series] SANtricity Linux express configuration */
	"	device {\n"
	"		vendor \"(LSI|ENGENIO)\"\n"
	"		product \"^1532\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"		product_blacklist \"Universal Xport\"\n"
	"	}\n"
	/* no LSI/Engenio document found; an LSI/Engenio RDAC controller: the values NetApp
	 * documents for that family in [E-Series] SANtricity Linux express configuration */
	"	device {\n"
	"		vendor \"(LSI|ENGENIO)\"\n"
	"		product \"^1932\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"		product_blacklist \"Universal Xport\"\n"
	"	}\n"
	/* no LSI/Engenio document found; an LSI/Engenio RDAC controller: the values NetApp
	 * documents for that family in [E-Series] SANtricity Linux express configuration */
	"	device {\n"
	"		vendor \"(LSI|ENGENIO)\"\n"
	"		product \"^26[0-9]{2}\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"		product_blacklist \"Universal Xport\"\n"
	"	}\n"
	/* no LSI/Engenio document found; an LSI/Engenio RDAC controller: the values NetApp
	 * documents for that family in [E-Series] SANtricity Linux express configuration */
	"	device {\n"
	"		vendor \"(LSI|ENGENIO)\"\n"
	"		product \"^BladeCtlr\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"		product_blacklist \"Universal Xport\"\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic active-active defaults */
	"	device {\n"
	"		vendor \"SolidFir\"\n"
	"		product \"SSD SAN\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* HP "Device Mapper Multipath Enablement Kit for HP StorageWorks Disk Arrays": XP OPEN-*
	 * LUNs multibus
	 * (http://38.142.81.21:8001/manual/red-hat/enterprise-linux-4-dm-multipath/technical-data-english/page-17.html);
	 * no Hitachi document found */
	"	device {\n"
	"		vendor \"(HITACHI|HP|HPE)\"\n"
	"		product \"^OPEN-\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic active-active defaults */
	"	device {\n"
	"		vendor \"HITACHI\"\n"
	"		product \"^DF600F\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* no vendor document found; the hds prioritizer as multipath.conf(5) documents it for
	 * Hitachi AMS/DF arrays, other values generic */
	"	device {\n"
	"		vendor \"HITACHI\"\n"
	"		product \"^DF\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio hds\n"
	"		failback immediate\n"
	"	}\n"
	/* no vendor document found; the hds prioritizer as multipath.conf(5) documents it for
	 * Hitachi AMS/DF arrays, other values generic */
	"	device {\n"
	"		vendor \"HITACHI\"\n"
	"		product \"^HUS\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio hds\n"
	"		failback immediate\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic active-active defaults */
	"	device {\n"
	"		vendor \"HITACHI\"\n"
	"		product \"^VSP\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* Huawei SAN Storage Host Connectivity Guide for Red Hat
	 * (https://support.huawei.com/enterprise/en/doc/EDOC1000150157/4e3423a1/multipath-connectivity)
	 * found, its multipath.conf values not seen; device-mapper-multipath README.alua (ALUA
	 * set-up per array): OceanStor host access mode "Asymmetric" is ALUA, so generic ALUA
	 * values */
	"	device {\n"
	"		vendor \"HUAWEI\"\n"
	"		product \"^XSG1\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* Huawei SAN Storage Host Connectivity Guide for Red Hat
	 * (https://support.huawei.com/enterprise/en/doc/EDOC1000150157/4e3423a1/multipath-connectivity)
	 * found, its multipath.conf values not seen; device-mapper-multipath README.alua (ALUA
	 * set-up per array): OceanStor host access mode "Asymmetric" is ALUA, so generic ALUA
	 * values */
	"	device {\n"
	"		vendor \"HUAWEI\"\n"
	"		product \"^S[0-9]{4}\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* Huawei SAN Storage Host Connectivity Guide for Red Hat
	 * (https://support.huawei.com/enterprise/en/doc/EDOC1000150157/4e3423a1/multipath-connectivity)
	 * found, its multipath.conf values not seen; device-mapper-multipath README.alua (ALUA
	 * set-up per array): OceanStor host access mode "Asymmetric" is ALUA, so generic ALUA
	 * values */
	"	device {\n"
	"		vendor \"HUAWEI\"\n"
	"		product \"^Dorado\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic NVMe ANA defaults */
	"	device {\n"
	"		vendor \"NVME\"\n"
	"		product \"Huawei-XSG1\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio ana\n"
	"		failback immediate\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic ALUA defaults */
	"	device {\n"
	"		vendor \"FUJITSU\"\n"
	"		product \"ETERNUS_DX(H|L|M|400|8000)\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic ALUA defaults */
	"	device {\n"
	"		vendor \"FUJITSU\"\n"
	"		product \"^ETERNUS_AF\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic ALUA defaults */
	"	device {\n"
	"		vendor \"FUJITSU\"\n"
	"		product \"E[234]000\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic active-active defaults */
	"	device {\n"
	"		vendor \"FUJITSU\"\n"
	"		product \"E[68]000\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic ALUA defaults */
	"	device {\n"
	"		vendor \"FUJITSU\"\n"
	"		product \"^ETERNUS_DX60\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* no Fujitsu document found; an LSI/Engenio RDAC controller: the values NetApp documents
	 * for that family in [E-Series] SANtricity Linux express configuration */
	"	device {\n"
	"		vendor \"FUJITSU\"\n"
	"		product \"^ETERNUS_AB\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic ALUA defaults */
	"	device {\n"
	"		vendor \"FUJITSU\"\n"
	"		product \"^ETERNUS_HB\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* no vendor document found; grouping by serial as multipath.conf(5) documents
	 * group_by_serial, other values generic */
	"	device {\n"
	"		vendor \"FSC\"\n"
	"		product \"CentricStor\"\n"
	"		path_grouping_policy group_by_serial\n"
	"	}\n"
	/* no Lenovo document found; an LSI/Engenio RDAC controller: the values NetApp documents
	 * for that family in [E-Series] SANtricity Linux express configuration */
	"	device {\n"
	"		vendor \"LENOVO\"\n"
	"		product \"DE_Series\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"		product_blacklist \"Universal Xport\"\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic ALUA defaults */
	"	device {\n"
	"		vendor \"LENOVO\"\n"
	"		product \"^DM\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic ALUA defaults */
	"	device {\n"
	"		vendor \"LENOVO\"\n"
	"		product \"^DS[246]200\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic ALUA defaults
	 * (INFINIDAT host documentation not in the corpora) */
	"	device {\n"
	"		vendor \"NFINIDAT\"\n"
	"		product \"InfiniBox\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* Pure Storage "Linux Recommended Settings"
	 * (https://support.purestorage.com/Solutions/Linux/Reference/Linux_Recommended_Settings):
	 * its notice to set detect_prio no, and its device section as reproduced in public
	 * set-up notes: service-time 0, group_by_prio, alua, 1 alua, failback immediate, tur,
	 * fast_io_fail_tmo 10, dev_loss_tmo 60, no_path_retry 0, rr_min_io_rq 1 (tur is the
	 * built-in default checker, so not repeated here) */
	"	device {\n"
	"		vendor \"PURE\"\n"
	"		product \"FlashArray\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		hardware_handler \"1 alua\"\n"
	"		prio alua\n"
	"		detect_prio no\n"
	"		failback immediate\n"
	"		path_selector \"service-time 0\"\n"
	"		rr_min_io_rq 1\n"
	"		no_path_retry 0\n"
	"		fast_io_fail_tmo 10\n"
	"		dev_loss_tmo 60\n"
	"	}\n"
	/* Pure Storage "Linux Recommended Settings"
	 * (https://support.purestorage.com/Solutions/Linux/Reference/Linux_Recommended_Settings),
	 * NVMe device section; only partly seen in the corpora (its product string in published
	 * checks of that section) */
	"	device {\n"
	"		vendor \"NVME\"\n"
	"		product \"Pure Storage FlashArray\"\n"
	"		path_selector \"queue-length 0\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio ana\n"
	"		failback immediate\n"
	"		fast_io_fail_tmo 10\n"
	"		user_friendly_names no\n"
	"		no_path_retry 0\n"
	"		features \"0\"\n"
	"		dev_loss_tmo 60\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic ALUA defaults */
	"	device {\n"
	"		vendor \"SUN\"\n"
	"		product \"(Sun Storage|ZFS Storage|COMSTAR)\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic active-active defaults */
	"	device {\n"
	"		vendor \"SUN\"\n"
	"		product \"(StorEdge 3510|T4)\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* no Sun/StorageTek document found; an LSI/Engenio RDAC controller: the values NetApp
	 * documents for that family in [E-Series] SANtricity Linux express configuration */
	"	device {\n"
	"		vendor \"(STK|SUN)\"\n"
	"		product \"(OPENstorage|FLEXLINE 380)\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"		product_blacklist \"Universal Xport\"\n"
	"	}\n"
	/* no Sun/StorageTek document found; an LSI/Engenio RDAC controller: the values NetApp
	 * documents for that family in [E-Series] SANtricity Linux express configuration */
	"	device {\n"
	"		vendor \"SUN\"\n"
	"		product \"(CSM[12]00_R|LCSM100_[IEFS]|STK6580_6780|SUN_6180|ArrayStorage)\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"		product_blacklist \"Universal Xport\"\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic ALUA defaults */
	"	device {\n"
	"		vendor \"(Oracle|ORACLE)\"\n"
	"		product \"^Oracle FS\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* no StorageTek document found; an LSI/Engenio RDAC controller: the values NetApp
	 * documents for that family in [E-Series] SANtricity Linux express configuration */
	"	device {\n"
	"		vendor \"STK\"\n"
	"		product \"BladeCtlr\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"		product_blacklist \"Universal Xport\"\n"
	"	}\n"
	/* no vendor document found; the datacore prioritizer as multipath.conf(5) documents it,
	 * other values generic */
	"	device {\n"
	"		vendor \"DataCore\"\n"
	"		product \"SANmelody\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio datacore\n"
	"		failback immediate\n"
	"	}\n"
	/* DataCore Host Configuration Guide, XenServer host settings, "With ALUA"
	 * (https://docs.datacore.com/FAQ/HCG-Citrix/Host-Configuration-Guide-Citrix/XenServer-Host-Settings.htm):
	 * tur, group_by_prio, failback immediate, round-robin 0, alua */
	"	device {\n"
	"		vendor \"DataCore\"\n"
	"		product \"Virtual Disk\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		path_checker tur\n"
	"		path_selector \"round-robin 0\"\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic active-active defaults */
	"	device {\n"
	"		vendor \"KMNRIO\"\n"
	"		product \"K2\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic active-active defaults */
	"	device {\n"
	"		vendor \"KMNRIO\"\n"
	"		product \"^K2-\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic ALUA defaults (LIO
	 * reports implicit ALUA) */
	"	device {\n"
	"		vendor \"LIO-ORG\"\n"
	"		product \".*\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic ALUA defaults */
	"	device {\n"
	"		vendor \"SCST_FIO|SCST_BIO\"\n"
	"		product \".*\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* no vendor document found; multipath.conf(5)'s iet prioritizer needs prio_args, so
	 * generic active-active values */
	"	device {\n"
	"		vendor \"IET\"\n"
	"		product \"VIRTUAL-DISK\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* multipath.conf(5): uid_attribute ID_WWN for NVMe, the ana prioritizer for NVMe ANA; no
	 * vendor document (generic NVMe) */
	"	device {\n"
	"		vendor \"NVM[eE]\"\n"
	"		product \".*\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		uid_attribute ID_WWN\n"
	"		path_checker none\n"
	"		prio ana\n"
	"		failback immediate\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic active-active defaults */
	"	device {\n"
	"		vendor \"APPLE\"\n"
	"		product \"Xserve RAID\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* no SGI document found; an LSI/Engenio RDAC controller: the values NetApp documents for
	 * that family in [E-Series] SANtricity Linux express configuration */
	"	device {\n"
	"		vendor \"SGI\"\n"
	"		product \"TP9[3457]00\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"		product_blacklist \"Universal Xport\"\n"
	"	}\n"
	/* no SGI document found; an LSI/Engenio RDAC controller: the values NetApp documents for
	 * that family in [E-Series] SANtricity Linux express configuration */
	"	device {\n"
	"		vendor \"SGI\"\n"
	"		product \"IS\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		detect_prio yes\n"
	"		prio rdac\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		no_path_retry 30\n"
	"		retain_attached_hw_handler yes\n"
	"		product_blacklist \"Universal Xport\"\n"
	"	}\n"
	/* no vendor document found; device-mapper-multipath README.alua (ALUA set-up per array):
	 * Promise VTrak/Vess LUN affinity with ALUA, so generic ALUA values */
	"	device {\n"
	"		vendor \"Promise\"\n"
	"		product \"VTrak\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		product_blacklist \"VTrak V-LUN\"\n"
	"	}\n"
	/* no vendor document found; device-mapper-multipath README.alua (ALUA set-up per array):
	 * Promise VTrak/Vess LUN affinity with ALUA, so generic ALUA values */
	"	device {\n"
	"		vendor \"Promise\"\n"
	"		product \"Vess\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		product_blacklist \"Vess V-LUN\"\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic active-active defaults */
	"	device {\n"
	"		vendor \"AIX\"\n"
	"		product \"VDASD\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic active-active defaults */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"S/390\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic active-active defaults */
	"	device {\n"
	"		vendor \"VMware\"\n"
	"		product \"Virtual disk\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	"}\n";

/* One INQUIRY vendor/product per device entry above, in order. */
const struct hwtable_sample hwtable_samples[] = {
	{"DGC", "VRAID"},
	{"EMC", "SYMMETRIX"},
	{"EMC", "Invista"},
	{"EMC", "Celerra"},
	{"XtremIO", "XtremApp"},
	{"DellEMC", "PowerStore"},
	{"DellEMC", "ME4"},
	{"DellEMC", "ME5"},
	{"COMPELNT", "Compellent Vol"},
	{"EQLOGIC", "100E-00"},
	{"DELL", "MD32xx"},
	{"DELL", "MD32xxi"},
	{"DELL", "MD36xxi"},
	{"DELL", "MD36xxf"},
	{"DELL", "MD34xx"},
	{"DELL", "MD38xxf"},
	{"DELL", "MD38xxi"},
	{"DELL", "MD3000"},
	{"DELL", "MD3000i"},
	{"DELL", "MD3060e"},
	{"DELL", "MD3800f"},
	{"3PARdata", "VV"},
	{"NVME", "HPE Alletra 9000"},
	{"HP", "MSA 2040 SAN"},
	{"HPE", "MSA 2050 SAN"},
	{"HP", "P2000 G3 FC"},
	{"HPE", "MSA 2060"},
	{"HP", "HSV110"},
	{"HP", "HSV210"},
	{"HP", "MSA VOLUME"},
	{"HP", "A6189A"},
	{"DEC", "HSG80"},
	{"COMPAQ", "MSA1000"},
	{"HP", "LOGICAL VOLUME"},
	{"Nimble", "Server"},
	{"LEFTHAND", "iSCSIDisk"},
	{"LEFTHAND", "p4000"},
	{"IBM", "2145"},
	{"IBM", "2076"},
	{"IBM", "FlashSystem-9840"},
	{"IBM", "4662"},
	{"IBM", "4666"},
	{"IBM", "9846"},
	{"IBM", "9848"},
	{"IBM", "2072"},
	{"IBM", "2071"},
	{"IBM", "2073"},
	{"IBM", "2107900"},
	{"IBM", "1750500"},
	{"IBM", "2105800"},
	{"IBM", "2810XIV"},
	{"IBM", "2812XIV"},
	{"IBM", "A9000"},
	{"IBM", "1722-600"},
	{"IBM", "1724"},
	{"IBM", "1726"},
	{"IBM", "1742"},
	{"IBM", "1745"},
	{"IBM", "1746"},
	{"IBM", "1813"},
	{"IBM", "1814"},
	{"IBM", "1815"},
	{"IBM", "1818"},
	{"IBM", "3526"},
	{"IBM", "3542"},
	{"IBM", "1820N00"},
	{"IBM", "3303      NVDISK"},
	{"IBM", "DCS9900"},
	{"IBM", "1723-DS3500"},
	{"NETAPP", "LUN C-Mode"},
	{"NVME", "NetApp ONTAP Controller"},
	{"NETAPP", "INF-01-00"},
	{"LSI", "1532"},
	{"LSI", "1932"},
	{"LSI", "2600"},
	{"LSI", "BladeCtlr B"},
	{"SolidFir", "SSD SAN"},
	{"HITACHI", "OPEN-V"},
	{"HITACHI", "DF600F-CM"},
	{"HITACHI", "DF500F"},
	{"HITACHI", "HUS110"},
	{"HITACHI", "VSP E990"},
	{"HUAWEI", "XSG1"},
	{"HUAWEI", "S5500T"},
	{"HUAWEI", "Dorado5000"},
	{"NVME", "Huawei-XSG1"},
	{"FUJITSU", "ETERNUS_DXM"},
	{"FUJITSU", "ETERNUS_AF650"},
	{"FUJITSU", "E4000"},
	{"FUJITSU", "E8000"},
	{"FUJITSU", "ETERNUS_DX60"},
	{"FUJITSU", "ETERNUS_AB"},
	{"FUJITSU", "ETERNUS_HB"},
	{"FSC", "CentricStor"},
	{"LENOVO", "DE_Series"},
	{"LENOVO", "DM5000F"},
	{"LENOVO", "DS4200"},
	{"NFINIDAT", "InfiniBox"},
	{"PURE", "FlashArray"},
	{"NVME", "Pure Storage FlashArray"},
	{"SUN", "ZFS Storage 7330"},
	{"SUN", "StorEdge 3510"},
	{"STK", "OPENstorage D280"},
	{"SUN", "LCSM100_F"},
	{"ORACLE", "Oracle FS1-2"},
	{"STK", "BladeCtlr BC82"},
	{"DataCore", "SANmelody"},
	{"DataCore", "Virtual Disk"},
	{"KMNRIO", "K2"},
	{"KMNRIO", "K2-Vol"},
	{"LIO-ORG", "FILEIO"},
	{"SCST_FIO", "disk01"},
	{"IET", "VIRTUAL-DISK"},
	{"NVMe", "Generic NVMe"},
	{"APPLE", "Xserve RAID"},
	{"SGI", "TP9500"},
	{"SGI", "IS500"},
	{"Promise", "VTrak E610f"},
	{"Promise", "Vess R2600"},
	{"AIX", "VDASD"},
	{"IBM", "S/390 DASD ECKD"},
	{"VMware", "Virtual disk"},
	{NULL, NULL},
};
