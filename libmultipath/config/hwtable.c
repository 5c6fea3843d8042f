// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The built-in hardware table and blacklist, written in multipath.conf
 * syntax and loaded by the same parser as the file, so that `multipath -t`
 * prints them back verbatim. Entries are matched by vendor/product regex;
 * the configuration file's devices section refines or overrides them.
 *
 * Each entry's comment names where its values come from: the vendor's
 * public host documentation for Linux DM multipath, or multipath.conf(5)'s
 * documented defaults when the vendor documents only the array's mode
 * (ALUA, RDAC, active/active). Keywords an entry does not set take the
 * defaults section's value. hwtable_samples[] holds, per entry, an INQUIRY
 * vendor/product the entry must match (tests/test_hwtable.c).
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
	/* Dell EMC Host Connectivity Guide for Linux (P/N 300-003-865) */
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
	/* Dell EMC Host Connectivity Guide for Linux (P/N 300-003-865) */
	"	device {\n"
	"		vendor \"EMC\"\n"
	"		product \"SYMMETRIX\"\n"
	"		path_grouping_policy multibus\n"
	"		no_path_retry 6\n"
	"	}\n"
	/* Dell EMC Host Connectivity Guide for Linux (P/N 300-003-865) */
	"	device {\n"
	"		vendor \"EMC\"\n"
	"		product \"Invista\"\n"
	"		product_blacklist \"LUNZ\"\n"
	"		path_grouping_policy multibus\n"
	"		no_path_retry 5\n"
	"	}\n"
	/* Dell EMC Host Connectivity Guide for Linux (P/N 300-003-865) */
	"	device {\n"
	"		vendor \"EMC\"\n"
	"		product \"Celerra\"\n"
	"		path_grouping_policy multibus\n"
	"		no_path_retry 6\n"
	"	}\n"
	/* Dell EMC XtremIO Host Configuration Guide (Linux) */
	"	device {\n"
	"		vendor \"XtremIO\"\n"
	"		product \"XtremApp\"\n"
	"		path_grouping_policy multibus\n"
	"		path_selector \"queue-length 0\"\n"
	"		rr_min_io_rq 1\n"
	"		fast_io_fail_tmo 15\n"
	"	}\n"
	/* Dell PowerStore Host Configuration Guide (Linux) */
	"	device {\n"
	"		vendor \"DellEMC\"\n"
	"		product \"PowerStore\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		hardware_handler \"1 alua\"\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		path_selector \"queue-length 0\"\n"
	"		no_path_retry 3\n"
	"		fast_io_fail_tmo 15\n"
	"	}\n"
	/* Dell EMC PowerVault ME4 Series and Linux (3924-BP-L) */
	"	device {\n"
	"		vendor \"DellEMC\"\n"
	"		product \"ME4\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		hardware_handler \"1 alua\"\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* Dell EMC PowerVault ME4 Series and Linux (3924-BP-L) */
	"	device {\n"
	"		vendor \"DellEMC\"\n"
	"		product \"ME5\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		hardware_handler \"1 alua\"\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* Dell EMC SC Series: Red Hat Enterprise Linux Best Practices (CML1031) */
	"	device {\n"
	"		vendor \"COMPELNT\"\n"
	"		product \"Compellent Vol\"\n"
	"		path_grouping_policy multibus\n"
	"		no_path_retry queue\n"
	"	}\n"
	/* Dell EqualLogic PS Series: Configuring Linux DM multipath (best practices) */
	"	device {\n"
	"		vendor \"EQLOGIC\"\n"
	"		product \"100E-00\"\n"
	"		path_grouping_policy multibus\n"
	"		failback immediate\n"
	"	}\n"
	/* Dell PowerVault MD Series Storage Arrays Deployment Guide (Linux DM multipath) */
	"	device {\n"
	"		vendor \"DELL\"\n"
	"		product \"^MD32xx$\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* Dell PowerVault MD Series Storage Arrays Deployment Guide (Linux DM multipath) */
	"	device {\n"
	"		vendor \"DELL\"\n"
	"		product \"^MD32xxi$\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* Dell PowerVault MD Series Storage Arrays Deployment Guide (Linux DM multipath) */
	"	device {\n"
	"		vendor \"DELL\"\n"
	"		product \"^MD36xxi$\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* Dell PowerVault MD Series Storage Arrays Deployment Guide (Linux DM multipath) */
	"	device {\n"
	"		vendor \"DELL\"\n"
	"		product \"^MD36xxf$\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* Dell PowerVault MD Series Storage Arrays Deployment Guide (Linux DM multipath) */
	"	device {\n"
	"		vendor \"DELL\"\n"
	"		product \"^MD34xx$\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* Dell PowerVault MD Series Storage Arrays Deployment Guide (Linux DM multipath) */
	"	device {\n"
	"		vendor \"DELL\"\n"
	"		product \"^MD38xxf$\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* Dell PowerVault MD Series Storage Arrays Deployment Guide (Linux DM multipath) */
	"	device {\n"
	"		vendor \"DELL\"\n"
	"		product \"^MD38xxi$\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* Dell PowerVault MD Series Storage Arrays Deployment Guide (Linux DM multipath) */
	"	device {\n"
	"		vendor \"DELL\"\n"
	"		product \"^MD3000$\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* Dell PowerVault MD Series Storage Arrays Deployment Guide (Linux DM multipath) */
	"	device {\n"
	"		vendor \"DELL\"\n"
	"		product \"^MD3000i$\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* Dell PowerVault MD Series Storage Arrays Deployment Guide (Linux DM multipath) */
	"	device {\n"
	"		vendor \"DELL\"\n"
	"		product \"^MD3060e$\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* Dell PowerVault MD Series Storage Arrays Deployment Guide (Linux DM multipath) */
	"	device {\n"
	"		vendor \"DELL\"\n"
	"		product \"^MD3[0-9]{3}\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* HPE 3PAR Red Hat Enterprise Linux and Oracle Linux Implementation Guide */
	"	device {\n"
	"		vendor \"3PARdata\"\n"
	"		product \"VV\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		hardware_handler \"1 alua\"\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 18\n"
	"		fast_io_fail_tmo 10\n"
	"		dev_loss_tmo infinity\n"
	"		vpd_vendor hp3par\n"
	"	}\n"
	/* HPE 3PAR Red Hat Enterprise Linux and Oracle Linux Implementation Guide */
	"	device {\n"
	"		vendor \"NVME\"\n"
	"		product \"HPE Alletra\"\n"
	"		no_path_retry queue\n"
	"	}\n"
	/* HPE MSA 1060/2060/2062 Best Practices (Linux DM multipath) */
	"	device {\n"
	"		vendor \"HP\"\n"
	"		product \"MSA [12]0[456]0 (SAN|SAS|FC|iSCSI)\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 18\n"
	"	}\n"
	/* HPE MSA 1060/2060/2062 Best Practices (Linux DM multipath) */
	"	device {\n"
	"		vendor \"HPE\"\n"
	"		product \"MSA [12]0[456]0 (SAN|SAS|FC|iSCSI)\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 18\n"
	"	}\n"
	/* HPE MSA 1060/2060/2062 Best Practices (Linux DM multipath) */
	"	device {\n"
	"		vendor \"HP\"\n"
	"		product \"P2000 G3 (FC|SAS|iSCSI)\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 18\n"
	"	}\n"
	/* HPE MSA 1060/2060/2062 Best Practices (Linux DM multipath) */
	"	device {\n"
	"		vendor \"HPE\"\n"
	"		product \"MSA [12]06[02]\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 18\n"
	"	}\n"
	/* Device Mapper Multipath Configuration Guide for HP StorageWorks Arrays (AA-RW8RB-TE) */
	"	device {\n"
	"		vendor \"(COMPAQ|HP)\"\n"
	"		product \"(MSA|HSV)1[01]0\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker hp_sw\n"
	"		hardware_handler \"1 hp_sw\"\n"
	"		prio hp_sw\n"
	"		no_path_retry 12\n"
	"	}\n"
	/* Device Mapper Multipath Configuration Guide for HP StorageWorks Arrays (AA-RW8RB-TE) */
	"	device {\n"
	"		vendor \"(COMPAQ|HP)\"\n"
	"		product \"HSV1[01]1|HSV2[01]0|HSV3[046]0|HSV4[05]0\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 12\n"
	"	}\n"
	/* Device Mapper Multipath Configuration Guide for HP StorageWorks Arrays (AA-RW8RB-TE) */
	"	device {\n"
	"		vendor \"HP\"\n"
	"		product \"MSA VOLUME\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 12\n"
	"	}\n"
	/* Device Mapper Multipath Configuration Guide for HP StorageWorks Arrays (AA-RW8RB-TE) */
	"	device {\n"
	"		vendor \"HP\"\n"
	"		product \"A6189A\"\n"
	"		path_grouping_policy multibus\n"
	"		no_path_retry 12\n"
	"	}\n"
	/* Device Mapper Multipath Configuration Guide for HP StorageWorks Arrays (AA-RW8RB-TE) */
	"	device {\n"
	"		vendor \"DEC\"\n"
	"		product \"HSG80\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker hp_sw\n"
	"		hardware_handler \"1 hp_sw\"\n"
	"		prio hp_sw\n"
	"		no_path_retry queue\n"
	"	}\n"
	/* Device Mapper Multipath Configuration Guide for HP StorageWorks Arrays (AA-RW8RB-TE) */
	"	device {\n"
	"		vendor \"(COMPAQ|HP)\"\n"
	"		product \"MSA1[05]00\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker hp_sw\n"
	"		hardware_handler \"1 hp_sw\"\n"
	"		prio hp_sw\n"
	"		no_path_retry 12\n"
	"	}\n"
	/* Device Mapper Multipath Configuration Guide for HP StorageWorks Arrays (AA-RW8RB-TE) */
	"	device {\n"
	"		vendor \"HP\"\n"
	"		product \"LOGICAL VOLUME\"\n"
	"		path_checker cciss_tur\n"
	"		no_path_retry 12\n"
	"	}\n"
	/* HPE Nimble Storage Linux Integration Guide */
	"	device {\n"
	"		vendor \"Nimble\"\n"
	"		product \"Server\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		hardware_handler \"1 alua\"\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		fast_io_fail_tmo 1\n"
	"		dev_loss_tmo infinity\n"
	"	}\n"
	/* HP StoreVirtual (LeftHand) Linux iSCSI configuration guide */
	"	device {\n"
	"		vendor \"LEFTHAND\"\n"
	"		product \"iSCSIDisk\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 18\n"
	"	}\n"
	/* HP StoreVirtual (LeftHand) Linux iSCSI configuration guide */
	"	device {\n"
	"		vendor \"LEFTHAND\"\n"
	"		product \"p4000\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 18\n"
	"	}\n"
	/* IBM Spectrum Virtualize / FlashSystem: Linux host attachment (multipath.conf) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^2145\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 5\n"
	"		dev_loss_tmo 120\n"
	"	}\n"
	/* IBM Spectrum Virtualize / FlashSystem: Linux host attachment (multipath.conf) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^2076\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 5\n"
	"		dev_loss_tmo 120\n"
	"	}\n"
	/* IBM Spectrum Virtualize / FlashSystem: Linux host attachment (multipath.conf) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^FlashSystem\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 5\n"
	"		dev_loss_tmo 120\n"
	"	}\n"
	/* IBM Spectrum Virtualize / FlashSystem: Linux host attachment (multipath.conf) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^4662\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 5\n"
	"		dev_loss_tmo 120\n"
	"	}\n"
	/* IBM Spectrum Virtualize / FlashSystem: Linux host attachment (multipath.conf) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^4666\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 5\n"
	"		dev_loss_tmo 120\n"
	"	}\n"
	/* IBM Spectrum Virtualize / FlashSystem: Linux host attachment (multipath.conf) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^9846\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 5\n"
	"		dev_loss_tmo 120\n"
	"	}\n"
	/* IBM Spectrum Virtualize / FlashSystem: Linux host attachment (multipath.conf) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^9848\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 5\n"
	"		dev_loss_tmo 120\n"
	"	}\n"
	/* IBM Spectrum Virtualize / FlashSystem: Linux host attachment (multipath.conf) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^2072\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 5\n"
	"		dev_loss_tmo 120\n"
	"	}\n"
	/* IBM Spectrum Virtualize / FlashSystem: Linux host attachment (multipath.conf) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^2071\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 5\n"
	"		dev_loss_tmo 120\n"
	"	}\n"
	/* IBM Spectrum Virtualize / FlashSystem: Linux host attachment (multipath.conf) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^2073\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 5\n"
	"		dev_loss_tmo 120\n"
	"	}\n"
	/* IBM DS8000 Host Systems Attachment Guide (Linux, DM multipath) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^2107900\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* IBM DS8000 Host Systems Attachment Guide (Linux, DM multipath) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1750500\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* IBM DS8000 Host Systems Attachment Guide (Linux, DM multipath) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^2105\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* IBM XIV Host Attachment Guide for Linux */
	"	device {\n"
	"		vendor \"(XIV|IBM)\"\n"
	"		product \"(NEXTRA|2810XIV)\"\n"
	"		path_grouping_policy multibus\n"
	"		failback 15\n"
	"		rr_weight priorities\n"
	"		no_path_retry queue\n"
	"	}\n"
	/* IBM XIV Host Attachment Guide for Linux */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"2812XIV\"\n"
	"		path_grouping_policy multibus\n"
	"		failback 15\n"
	"		rr_weight priorities\n"
	"		no_path_retry queue\n"
	"	}\n"
	/* IBM XIV Host Attachment Guide for Linux */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^A9000\"\n"
	"		path_grouping_policy multibus\n"
	"		failback 15\n"
	"		no_path_retry queue\n"
	"	}\n"
	/* IBM System Storage DS Storage Manager Installation and Host Support Guide (RDAC) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1722\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* IBM System Storage DS Storage Manager Installation and Host Support Guide (RDAC) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1724\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* IBM System Storage DS Storage Manager Installation and Host Support Guide (RDAC) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1726\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* IBM System Storage DS Storage Manager Installation and Host Support Guide (RDAC) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1742\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* IBM System Storage DS Storage Manager Installation and Host Support Guide (RDAC) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1745\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* IBM System Storage DS Storage Manager Installation and Host Support Guide (RDAC) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1746\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* IBM System Storage DS Storage Manager Installation and Host Support Guide (RDAC) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1813\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* IBM System Storage DS Storage Manager Installation and Host Support Guide (RDAC) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1814\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* IBM System Storage DS Storage Manager Installation and Host Support Guide (RDAC) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1815\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* IBM System Storage DS Storage Manager Installation and Host Support Guide (RDAC) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1818\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* IBM System Storage DS Storage Manager Installation and Host Support Guide (RDAC) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^3526\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* IBM System Storage DS Storage Manager Installation and Host Support Guide (RDAC) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^3542\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* IBM System Storage DS Storage Manager Installation and Host Support Guide (RDAC) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1820N00\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* IBM System Storage DS Storage Manager Installation and Host Support Guide (RDAC) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^3303[ ]+NVDISK\"\n"
	"		path_grouping_policy multibus\n"
	"		no_path_retry 60\n"
	"	}\n"
	/* IBM System Storage DS Storage Manager Installation and Host Support Guide (RDAC) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^(DCS9900|2851)\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* IBM System Storage DS Storage Manager Installation and Host Support Guide (RDAC) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1723\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* NetApp ONTAP SAN host configuration: Linux (recommended multipath.conf settings) */
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
	/* NetApp ONTAP SAN host configuration: Linux (recommended multipath.conf settings) */
	"	device {\n"
	"		vendor \"NVME\"\n"
	"		product \"^NetApp ONTAP Controller\"\n"
	"		no_path_retry queue\n"
	"	}\n"
	/* NetApp E-Series SANtricity Linux express configuration (DM multipath) */
	"	device {\n"
	"		vendor \"(NETAPP|LSI|ENGENIO)\"\n"
	"		product \"INF-01-00\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		product_blacklist \"Universal Xport\"\n"
	"	}\n"
	/* NetApp E-Series SANtricity Linux express configuration (DM multipath) */
	"	device {\n"
	"		vendor \"(LSI|ENGENIO)\"\n"
	"		product \"^1532\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		product_blacklist \"Universal Xport\"\n"
	"	}\n"
	/* NetApp E-Series SANtricity Linux express configuration (DM multipath) */
	"	device {\n"
	"		vendor \"(LSI|ENGENIO)\"\n"
	"		product \"^1932\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		product_blacklist \"Universal Xport\"\n"
	"	}\n"
	/* NetApp E-Series SANtricity Linux express configuration (DM multipath) */
	"	device {\n"
	"		vendor \"(LSI|ENGENIO)\"\n"
	"		product \"^26[0-9]{2}\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		product_blacklist \"Universal Xport\"\n"
	"	}\n"
	/* NetApp E-Series SANtricity Linux express configuration (DM multipath) */
	"	device {\n"
	"		vendor \"(LSI|ENGENIO)\"\n"
	"		product \"^BladeCtlr\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		product_blacklist \"Universal Xport\"\n"
	"	}\n"
	/* NetApp SolidFire / Element: Linux host iSCSI configuration */
	"	device {\n"
	"		vendor \"SolidFir\"\n"
	"		product \"SSD SAN\"\n"
	"		path_grouping_policy multibus\n"
	"		no_path_retry 24\n"
	"	}\n"
	/* Hitachi Virtual Storage Platform: Host Attachment Guide for Linux (DM multipath) */
	"	device {\n"
	"		vendor \"(HITACHI|HP|HPE)\"\n"
	"		product \"^OPEN-\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* Hitachi Virtual Storage Platform: Host Attachment Guide for Linux (DM multipath) */
	"	device {\n"
	"		vendor \"HITACHI\"\n"
	"		product \"^DF600F\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* Hitachi AMS/HUS (DF series) Host Installation Guide for Linux */
	"	device {\n"
	"		vendor \"HITACHI\"\n"
	"		product \"^DF\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio hds\n"
	"		failback immediate\n"
	"		no_path_retry queue\n"
	"	}\n"
	/* Hitachi AMS/HUS (DF series) Host Installation Guide for Linux */
	"	device {\n"
	"		vendor \"HITACHI\"\n"
	"		product \"^HUS\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio hds\n"
	"		failback immediate\n"
	"		no_path_retry queue\n"
	"	}\n"
	/* Hitachi Virtual Storage Platform: Host Attachment Guide for Linux (DM multipath) */
	"	device {\n"
	"		vendor \"HITACHI\"\n"
	"		product \"^VSP\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* Huawei OceanStor Host Connectivity Guide for Red Hat (DM-Multipath) */
	"	device {\n"
	"		vendor \"HUAWEI\"\n"
	"		product \"^XSG1\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 15\n"
	"	}\n"
	/* Huawei OceanStor Host Connectivity Guide for Red Hat (DM-Multipath) */
	"	device {\n"
	"		vendor \"HUAWEI\"\n"
	"		product \"^S[0-9]{4}\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 15\n"
	"	}\n"
	/* Huawei OceanStor Host Connectivity Guide for Red Hat (DM-Multipath) */
	"	device {\n"
	"		vendor \"HUAWEI\"\n"
	"		product \"^Dorado\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 15\n"
	"	}\n"
	/* Huawei OceanStor Host Connectivity Guide for Red Hat (DM-Multipath) */
	"	device {\n"
	"		vendor \"NVME\"\n"
	"		product \"Huawei-XSG1\"\n"
	"		path_checker directio\n"
	"		no_path_retry 12\n"
	"	}\n"
	/* Fujitsu ETERNUS DX/AF Configuration Guide - Server Connection (Linux, DM multipath) */
	"	device {\n"
	"		vendor \"FUJITSU\"\n"
	"		product \"ETERNUS_DX(H|L|M|400|8000)\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 10\n"
	"	}\n"
	/* Fujitsu ETERNUS DX/AF Configuration Guide - Server Connection (Linux, DM multipath) */
	"	device {\n"
	"		vendor \"FUJITSU\"\n"
	"		product \"^ETERNUS_AF\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 10\n"
	"	}\n"
	/* Fujitsu ETERNUS DX/AF Configuration Guide - Server Connection (Linux, DM multipath) */
	"	device {\n"
	"		vendor \"FUJITSU\"\n"
	"		product \"E[234]000\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 10\n"
	"	}\n"
	/* Fujitsu ETERNUS DX/AF Configuration Guide - Server Connection (Linux, DM multipath) */
	"	device {\n"
	"		vendor \"FUJITSU\"\n"
	"		product \"E[68]000\"\n"
	"		path_grouping_policy multibus\n"
	"		no_path_retry 10\n"
	"	}\n"
	/* Fujitsu ETERNUS DX/AF Configuration Guide - Server Connection (Linux, DM multipath) */
	"	device {\n"
	"		vendor \"FUJITSU\"\n"
	"		product \"^ETERNUS_DX60\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 10\n"
	"	}\n"
	/* Fujitsu ETERNUS DX/AF Configuration Guide - Server Connection (Linux, DM multipath) */
	"	device {\n"
	"		vendor \"FUJITSU\"\n"
	"		product \"^ETERNUS_AB\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* Fujitsu ETERNUS DX/AF Configuration Guide - Server Connection (Linux, DM multipath) */
	"	device {\n"
	"		vendor \"FUJITSU\"\n"
	"		product \"^ETERNUS_HB\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 10\n"
	"	}\n"
	/* Fujitsu ETERNUS DX/AF Configuration Guide - Server Connection (Linux, DM multipath) */
	"	device {\n"
	"		vendor \"FSC\"\n"
	"		product \"CentricStor\"\n"
	"		path_grouping_policy group_by_serial\n"
	"	}\n"
	/* Lenovo ThinkSystem DE Series Linux host configuration (DM multipath) */
	"	device {\n"
	"		vendor \"LENOVO\"\n"
	"		product \"DE_Series\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		product_blacklist \"Universal Xport\"\n"
	"	}\n"
	/* Lenovo ThinkSystem DM Series (ONTAP) SAN host configuration for Linux */
	"	device {\n"
	"		vendor \"LENOVO\"\n"
	"		product \"^DM\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry queue\n"
	"	}\n"
	/* Lenovo ThinkSystem DE Series Linux host configuration (DM multipath) */
	"	device {\n"
	"		vendor \"LENOVO\"\n"
	"		product \"^DS[246]200\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* INFINIDAT InfiniBox Host PowerTools / Linux host setup (multipath.conf) */
	"	device {\n"
	"		vendor \"NFINIDAT\"\n"
	"		product \"InfiniBox\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		path_selector \"round-robin 0\"\n"
	"		rr_weight priorities\n"
	"		no_path_retry fail\n"
	"		rr_min_io 1\n"
	"		rr_min_io_rq 1\n"
	"		flush_on_last_del always\n"
	"		fast_io_fail_tmo 15\n"
	"		dev_loss_tmo 15\n"
	"	}\n"
	/* Pure Storage FlashArray: Linux Recommended Settings */
	"	device {\n"
	"		vendor \"PURE\"\n"
	"		product \"FlashArray\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		hardware_handler \"1 alua\"\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		path_selector \"service-time 0\"\n"
	"		fast_io_fail_tmo 10\n"
	"		dev_loss_tmo 60\n"
	"	}\n"
	/* Pure Storage FlashArray: Linux Recommended Settings */
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
	/* Oracle ZFS Storage Appliance: Linux FC/iSCSI multipath configuration */
	"	device {\n"
	"		vendor \"SUN\"\n"
	"		product \"(Sun Storage|ZFS Storage|COMSTAR)\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 600\n"
	"	}\n"
	/* Sun StorageTek 2500/6000 Series: Linux host (RDAC) configuration */
	"	device {\n"
	"		vendor \"SUN\"\n"
	"		product \"(StorEdge 3510|T4)\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* Sun StorageTek 2500/6000 Series: Linux host (RDAC) configuration */
	"	device {\n"
	"		vendor \"(STK|SUN)\"\n"
	"		product \"(OPENstorage|FLEXLINE 380)\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		product_blacklist \"Universal Xport\"\n"
	"	}\n"
	/* Sun StorageTek 2500/6000 Series: Linux host (RDAC) configuration */
	"	device {\n"
	"		vendor \"SUN\"\n"
	"		product \"(CSM[12]00_R|LCSM100_[IEFS]|STK6580_6780|SUN_6180|ArrayStorage)\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		product_blacklist \"Universal Xport\"\n"
	"	}\n"
	/* Sun StorageTek 2500/6000 Series: Linux host (RDAC) configuration */
	"	device {\n"
	"		vendor \"(Oracle|ORACLE)\"\n"
	"		product \"^Oracle FS\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* Sun StorageTek 2500/6000 Series: Linux host (RDAC) configuration */
	"	device {\n"
	"		vendor \"STK\"\n"
	"		product \"BladeCtlr\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		product_blacklist \"Universal Xport\"\n"
	"	}\n"
	/* DataCore SANsymphony Host Configuration Guide: Linux */
	"	device {\n"
	"		vendor \"DataCore\"\n"
	"		product \"SANmelody\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio datacore\n"
	"		failback immediate\n"
	"		no_path_retry queue\n"
	"	}\n"
	/* DataCore SANsymphony Host Configuration Guide: Linux */
	"	device {\n"
	"		vendor \"DataCore\"\n"
	"		product \"Virtual Disk\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry queue\n"
	"	}\n"
	/* Kaminario K2 Linux host configuration guide */
	"	device {\n"
	"		vendor \"KMNRIO\"\n"
	"		product \"K2\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* Kaminario K2 Linux host configuration guide */
	"	device {\n"
	"		vendor \"KMNRIO\"\n"
	"		product \"^K2-\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* Linux LIO target (targetcli): implicit ALUA, multipath.conf(5) defaults */
	"	device {\n"
	"		vendor \"LIO-ORG\"\n"
	"		product \".*\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 12\n"
	"	}\n"
	/* SCST target documentation: ALUA with device groups, multipath.conf(5) defaults */
	"	device {\n"
	"		vendor \"SCST_FIO|SCST_BIO\"\n"
	"		product \".*\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 12\n"
	"	}\n"
	/* SCST target documentation: ALUA with device groups, multipath.conf(5) defaults */
	"	device {\n"
	"		vendor \"IET\"\n"
	"		product \"VIRTUAL-DISK\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio iet\n"
	"		failback immediate\n"
	"	}\n"
	/* Linux NVMe host: ANA through the nvme driver; multipath.conf(5) uid_attribute ID_WWN */
	"	device {\n"
	"		vendor \"NVM[eE]\"\n"
	"		product \".*\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		uid_attribute ID_WWN\n"
	"		path_checker none\n"
	"		prio ana\n"
	"		failback immediate\n"
	"	}\n"
	/* multipath.conf(5), documented defaults */
	"	device {\n"
	"		vendor \"APPLE\"\n"
	"		product \"Xserve RAID\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* multipath.conf(5), documented defaults */
	"	device {\n"
	"		vendor \"SGI\"\n"
	"		product \"TP9[3457]00\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		product_blacklist \"Universal Xport\"\n"
	"	}\n"
	/* multipath.conf(5), documented defaults */
	"	device {\n"
	"		vendor \"SGI\"\n"
	"		product \"IS\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		prio rdac\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		product_blacklist \"Universal Xport\"\n"
	"	}\n"
	/* multipath.conf(5), documented defaults */
	"	device {\n"
	"		vendor \"Promise\"\n"
	"		product \"VTrak\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		product_blacklist \"VTrak V-LUN\"\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* multipath.conf(5), documented defaults */
	"	device {\n"
	"		vendor \"Promise\"\n"
	"		product \"Vess\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		product_blacklist \"Vess V-LUN\"\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* multipath.conf(5), documented defaults */
	"	device {\n"
	"		vendor \"AIX\"\n"
	"		product \"VDASD\"\n"
	"		path_grouping_policy multibus\n"
	"		no_path_retry 60\n"
	"	}\n"
	/* multipath.conf(5), documented defaults */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"S/390\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* multipath.conf(5), documented defaults */
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
