// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The built-in hardware table and blacklist, written in multipath.conf
 * syntax and loaded by the same parser as the file, so that `multipath -t`
 * prints them back verbatim. Entries are matched by vendor/product regex;
 * the configuration file's devices section refines or overrides them.
 *
 * Each entry's comment names where its values come from. An admin replacing
 * multipath-tools keeps the behaviour they had: for every array that
 * multipath-tools 0.9.4 (Debian 12) has a built-in entry for, the entry here
 * matches the same vendor/product strings and sets the same values, as that
 * version applies them (observed by running its `multipath -t` with an empty
 * multipath.conf). Where a vendor document cited in the comment says
 * otherwise, the document's value is kept and the comment says how and why it
 * differs from 0.9.4. Entries for arrays 0.9.4 has no entry for keep their
 * document's values or, where no vendor document was found, only what
 * multipath.conf(5) documents for the array's mode: ALUA (group_by_prio,
 * alua, failback immediate), active/active (multibus), NVMe ANA
 * (group_by_prio, ana, failback immediate), or the mode's own
 * checker/prioritizer (rdac, hp_sw, emc_clariion, hds, datacore, cciss_tur).
 *
 * Every entry that matches a device applies, and for each keyword the last
 * matching entry in the table that sets it wins: the generic NVMe entry comes
 * first so that the NVMe array entries refine it, and HITACHI ^DF comes
 * before ^DF600F. Keywords no entry sets take the defaults section's value.
 * hwtable_samples[] holds, per entry, an INQUIRY vendor/product the entry
 * must match (tests/test_hwtable.c).
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
	/* any NVMe namespace: values as multipath-tools 0.9.4 applies them (observed with
	 * `multipath -t`); no vendor document (multipath.conf(5) documents uid_attribute ID_WWN
	 * for NVMe). It comes first: a later entry matching the same device wins for the keywords
	 * it sets, so every NVMe array entry below refines it. 0.9.4 sets no prio here
	 * (detect_prio finds ana) */
	"	device {\n"
	"		vendor \"NVM[eE]\"\n"
	"		product \".*\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker none\n"
	"		failback immediate\n"
	"		uid_attribute ID_WWN\n"
	"	}\n"
	/* Red Hat KB 139193 "How do I configure device-mapper-multipath for EMC CLARiiON or VNX
	 * with ALUA mode" (https://access.redhat.com/solutions/139193), quoting Dell EMC Host
	 * Connectivity Guide for Linux P/N 300-003-865 rev. A47: vendor, product,
	 * product_blacklist, path_checker, hardware_handler, prio. This differs from
	 * multipath-tools 0.9.4 on purpose: 0.9.4 matches product ^(RAID|DISK|VRAID) with the emc
	 * hardware handler and the emc prioritizer (PNR mode), the guide sets ALUA mode.
	 * group_by_prio, failback immediate, no_path_retry 60 and detect_checker no (which keeps
	 * the guide's emc_clariion checker in ALUA mode) are values as multipath-tools 0.9.4
	 * applies them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"^DGC\"\n"
	"		product \".*\"\n"
	"		product_blacklist \"LUNZ\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker emc_clariion\n"
	"		detect_checker no\n"
	"		prio alua\n"
	"		hardware_handler \"1 alua\"\n"
	"		failback immediate\n"
	"		no_path_retry 60\n"
	"	}\n"
	/* Symmetrix/VMAX/PowerMax: no vendor document found; (Dell EMC Host Connectivity Guide for
	 * Linux not in the corpora); values as multipath-tools 0.9.4 applies them (observed with
	 * `multipath -t`) */
	"	device {\n"
	"		vendor \"EMC\"\n"
	"		product \"SYMMETRIX\"\n"
	"		path_grouping_policy multibus\n"
	"		no_path_retry 6\n"
	"	}\n"
	/* PowerMax over NVMe: no vendor document found; values as multipath-tools 0.9.4 applies
	 * them (observed with `multipath -t`); with the generic NVMe entry */
	"	device {\n"
	"		vendor \"NVME\"\n"
	"		product \"EMC PowerMax\"\n"
	"		no_path_retry queue\n"
	"	}\n"
	/* no vendor document found; values as multipath-tools 0.9.4 applies them (observed with
	 * `multipath -t`) */
	"	device {\n"
	"		vendor \"EMC\"\n"
	"		product \"Invista\"\n"
	"		product_blacklist \"LUNZ\"\n"
	"		path_grouping_policy multibus\n"
	"		no_path_retry 5\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic active-active defaults */
	"	device {\n"
	"		vendor \"EMC\"\n"
	"		product \"Celerra\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* no vendor document found; (EMC XtremIO Host Configuration Guide P/N 302-001-521 found,
	 * its multipath.conf section was not); values as multipath-tools 0.9.4 applies them
	 * (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"XtremIO\"\n"
	"		product \"XtremApp\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* no vendor document found; (Dell PowerStore Host Configuration Guide not in the corpora);
	 * values as multipath-tools 0.9.4 applies them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"DellEMC\"\n"
	"		product \"PowerStore\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		hardware_handler \"1 alua\"\n"
	"		failback immediate\n"
	"		no_path_retry 3\n"
	"		fast_io_fail_tmo 15\n"
	"	}\n"
	/* PowerStore over NVMe (any vendor string): no vendor document found; values as
	 * multipath-tools 0.9.4 applies them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \".*\"\n"
	"		product \"dellemc-powerstore\"\n"
	"		no_path_retry 3\n"
	"	}\n"
	/* PowerVault ME4/ME5: no vendor document found; values as multipath-tools 0.9.4 applies
	 * them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"DellEMC\"\n"
	"		product \"^ME\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		hardware_handler \"1 alua\"\n"
	"		failback immediate\n"
	"	}\n"
	/* Dell EMC SC Series with Red Hat Enterprise Linux 7x (CML1071), 3.6.2 "Multipath
	 * queueing": the built-in COMPELNT settings (one group, queue_if_no_path) are to be left
	 * as they are
	 * (http://38.142.81.21:8001/manual/dell/storage-solution-resources/5-4-3-2-1-developers-guide-english/page-41.html).
	 * This differs from multipath-tools 0.9.4, which groups by priority with failback
	 * immediate (observed with `multipath -t`): the guide asks for one group; no_path_retry
	 * queue is the same in both */
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
	/* PowerVault MD3xxx (every model string starts with MD3): an LSI/Engenio RDAC controller;
	 * no document of its vendor found (NetApp's [E-Series] values for the family add
	 * detect_prio and retain_attached_hw_handler yes, the defaults anyway); values as
	 * multipath-tools 0.9.4 applies them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"DELL\"\n"
	"		product \"^MD3\"\n"
	"		product_blacklist \"Universal Xport\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		prio rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		features \"2 pg_init_retries 50\"\n"
	"	}\n"
	/* HP 3PAR Red Hat Enterprise Linux and Oracle Linux Implementation Guide
	 * (http://www.manualshelf.com/manual/hp/hp-3par-inform-s800-4x500gb-nearline-magazine-ltu/hp-3par-redhat-and-oracle-linux-implementation-guide/page-54.html):
	 * its device section as reproduced in public set-up notes (group_by_prio, 1 alua, alua,
	 * failback immediate, rr_weight uniform, no_path_retry 18, rr_min_io_rq 1, detect_prio
	 * yes, fast_io_fail_tmo 10 left as a comment); vpd_vendor hp3par as multipath.conf(5)
	 * documents it. dev_loss_tmo infinity, which the guide does not set, and the other values
	 * are values as multipath-tools 0.9.4 applies them (observed with `multipath -t`); 0.9.4
	 * does not set the guide's rr_weight, rr_min_io_rq and detect_prio, whose values are the
	 * defaults */
	"	device {\n"
	"		vendor \"3PARdata\"\n"
	"		product \"VV\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		detect_prio yes\n"
	"		hardware_handler \"1 alua\"\n"
	"		failback immediate\n"
	"		rr_weight uniform\n"
	"		rr_min_io_rq 1\n"
	"		no_path_retry 18\n"
	"		fast_io_fail_tmo 10\n"
	"		dev_loss_tmo infinity\n"
	"		vpd_vendor hp3par\n"
	"	}\n"
	/* Alletra over NVMe: no vendor document found; values as multipath-tools 0.9.4 applies
	 * them (observed with `multipath -t`); with the generic NVMe entry */
	"	device {\n"
	"		vendor \"NVME\"\n"
	"		product \"HPE Alletra\"\n"
	"		no_path_retry queue\n"
	"	}\n"
	/* MSA 1040-2060: no vendor document found; (HPE MSA best-practice guides not in the
	 * corpora); values as multipath-tools 0.9.4 applies them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"(HP|HPE)\"\n"
	"		product \"MSA [12]0[456]0 (SAN|SAS|FC|iSCSI)\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 18\n"
	"	}\n"
	/* no vendor document found; multipath.conf(5) generic ALUA defaults for the MSA
	 * 1060/2060/2062 model strings without a port type, which 0.9.4 does not match; for "MSA
	 * 2060 SAN" the entry above adds 0.9.4's no_path_retry 18 (HPE MSA best-practice guides
	 * not in the corpora) */
	"	device {\n"
	"		vendor \"HPE\"\n"
	"		product \"MSA [12]06[02]\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* P2000 G3: no vendor document found; values as multipath-tools 0.9.4 applies them
	 * (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"HP\"\n"
	"		product \"(P2000 G3 FC|P2000G3 FC/iSCSI|P2000 G3 SAS|P2000 G3 iSCSI)\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 18\n"
	"	}\n"
	/* MSA2000 G1 active/active: no vendor document found; values as multipath-tools 0.9.4
	 * applies them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"HP\"\n"
	"		product \"(MSA2[02]12fc|MSA2012i)\"\n"
	"		path_grouping_policy multibus\n"
	"		no_path_retry 18\n"
	"	}\n"
	/* MSA2000 G2 ALUA: no vendor document found; values as multipath-tools 0.9.4 applies them
	 * (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"HP\"\n"
	"		product \"(MSA2012sa|MSA23(12|24)(fc|i|sa)|MSA2000s VOLUME)\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 18\n"
	"	}\n"
	/* active/passive HP StorageWorks array: hp_sw checker, handler and prioritizer as
	 * multipath.conf(5) documents them for these arrays [HPDM] HP Device Mapper Multipath
	 * Enablement Kit for HP StorageWorks Disk Arrays, table 3 "HP recommended configuration
	 * parameters" (no_path_retry 12); the same values as multipath-tools 0.9.4 applies
	 * (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"(COMPAQ|HP)\"\n"
	"		product \"(MSA|HSV)1[01]0\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker hp_sw\n"
	"		prio hp_sw\n"
	"		hardware_handler \"1 hp_sw\"\n"
	"		no_path_retry 12\n"
	"	}\n"
	/* EVA: [HPDM] HP Device Mapper Multipath Enablement Kit for HP StorageWorks Disk Arrays,
	 * table 3 "HP recommended configuration parameters" (no_path_retry 12) and its EVA
	 * (HSV101) example: group_by_prio, tur, alua, rr_weight uniform, rr_min_io 100, failback
	 * immediate, no_path_retry 12. The product regex and the other values are values as
	 * multipath-tools 0.9.4 applies them (observed with `multipath -t`); 0.9.4 does not set
	 * the guide's rr_weight uniform (the default) and rr_min_io 100 (bio-based maps only) */
	"	device {\n"
	"		vendor \"(COMPAQ|HP)\"\n"
	"		product \"(HSV1[01]1|HSV2[01]0|HSV3[046]0|HSV4[05]0)\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		rr_weight uniform\n"
	"		rr_min_io 100\n"
	"		no_path_retry 12\n"
	"	}\n"
	/* EVA P6000: no vendor document found; values as multipath-tools 0.9.4 applies them
	 * (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"HP\"\n"
	"		product \"(HSVX700|HSVX740)\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		hardware_handler \"1 alua\"\n"
	"		failback immediate\n"
	"		no_path_retry 12\n"
	"	}\n"
	/* [HPDM] HP Device Mapper Multipath Enablement Kit for HP StorageWorks Disk Arrays, table
	 * 3 "HP recommended configuration parameters" (no_path_retry 12) with ALUA grouping;
	 * vendor regex and values as multipath-tools 0.9.4 applies them (observed with `multipath
	 * -t`) */
	"	device {\n"
	"		vendor \"(COMPAQ|HP)\"\n"
	"		product \"MSA VOLUME\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 12\n"
	"	}\n"
	/* [HPDM] HP Device Mapper Multipath Enablement Kit for HP StorageWorks Disk Arrays, table
	 * 3 "HP recommended configuration parameters" (no_path_retry 12) with multibus for this
	 * active/active array; the same values as multipath-tools 0.9.4 applies (observed with
	 * `multipath -t`) */
	"	device {\n"
	"		vendor \"HP\"\n"
	"		product \"A6189A\"\n"
	"		path_grouping_policy multibus\n"
	"		no_path_retry 12\n"
	"	}\n"
	/* active/passive HP StorageWorks array: hp_sw checker, handler and prioritizer as
	 * multipath.conf(5) documents them for these arrays; no vendor document found for HSG80
	 * queueing: no_path_retry queue as multipath-tools 0.9.4 applies it (observed with
	 * `multipath -t`) */
	"	device {\n"
	"		vendor \"DEC\"\n"
	"		product \"HSG80\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker hp_sw\n"
	"		prio hp_sw\n"
	"		hardware_handler \"1 hp_sw\"\n"
	"		no_path_retry queue\n"
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
	"		prio hp_sw\n"
	"		hardware_handler \"1 hp_sw\"\n"
	"		no_path_retry 12\n"
	"	}\n"
	/* Smart Array (cciss/hpsa) logical volumes: no vendor document found; values as
	 * multipath-tools 0.9.4 applies them (observed with `multipath -t`) (0.9.4 keeps the
	 * default checker, not cciss_tur) */
	"	device {\n"
	"		vendor \"HP\"\n"
	"		product \"LOGICAL VOLUME\"\n"
	"		path_grouping_policy multibus\n"
	"		no_path_retry 12\n"
	"	}\n"
	/* no HPE document found (only a public Nimble set-up README, which adds service-time 0,
	 * fast_io_fail_tmo 5, dev_loss_tmo infinity and no_path_retry 30); values as
	 * multipath-tools 0.9.4 applies them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"Nimble\"\n"
	"		product \"Server\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		hardware_handler \"1 alua\"\n"
	"		failback immediate\n"
	"		no_path_retry queue\n"
	"	}\n"
	/* StoreVirtual/LeftHand: no vendor document found; values as multipath-tools 0.9.4 applies
	 * them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"LEFTHAND\"\n"
	"		product \"(P4000|iSCSIDisk|FCDISK)\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 18\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic ALUA defaults */
	"	device {\n"
	"		vendor \"LEFTHAND\"\n"
	"		product \"p4000\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* SAN Volume Controller / Storage Virtualize: values as multipath-tools 0.9.4 applies them
	 * (observed with `multipath -t`). [SVC] (IBM test notes without an address) sets
	 * no_path_retry 5, rr_min_io_rq 1 and dev_loss_tmo 120; 0.9.4 queues while no path is
	 * left, and an admin replacing it keeps that */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^2145\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry queue\n"
	"	}\n"
	/* Storage Virtualize over NVMe: no vendor document found; values as multipath-tools 0.9.4
	 * applies them (observed with `multipath -t`); with the generic NVMe entry */
	"	device {\n"
	"		vendor \"NVME\"\n"
	"		product \"IBM[ ]+2145\"\n"
	"		no_path_retry queue\n"
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
	"		rr_min_io_rq 1\n"
	"		no_path_retry 5\n"
	"		dev_loss_tmo 120\n"
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
	"		rr_min_io_rq 1\n"
	"		no_path_retry 5\n"
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
	"		rr_min_io_rq 1\n"
	"		no_path_retry 5\n"
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
	"		rr_min_io_rq 1\n"
	"		no_path_retry 5\n"
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
	"		rr_min_io_rq 1\n"
	"		no_path_retry 5\n"
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
	"		rr_min_io_rq 1\n"
	"		no_path_retry 5\n"
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
	"		rr_min_io_rq 1\n"
	"		no_path_retry 5\n"
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
	"		rr_min_io_rq 1\n"
	"		no_path_retry 5\n"
	"		dev_loss_tmo 120\n"
	"	}\n"
	/* Texas Memory RamSan / IBM FlashSystem 710-900: no vendor document found; values as
	 * multipath-tools 0.9.4 applies them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"(TMS|IBM)\"\n"
	"		product \"(RamSan|FlashSystem)\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* FlashSystem over NVMe: no vendor document found; values as multipath-tools 0.9.4 applies
	 * them (observed with `multipath -t`); with the generic NVMe entry */
	"	device {\n"
	"		vendor \"NVMe\"\n"
	"		product \"FlashSystem\"\n"
	"		no_path_retry fail\n"
	"	}\n"
	/* DS8000: no vendor document found; (IBM DS8000 Host Systems Attachment Guide not in the
	 * corpora); values as multipath-tools 0.9.4 applies them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^2107900\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		failback immediate\n"
	"		no_path_retry queue\n"
	"	}\n"
	/* DS6000: no vendor document found; values as multipath-tools 0.9.4 applies them (observed
	 * with `multipath -t`) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1750500\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry queue\n"
	"	}\n"
	/* ESS: no vendor document found; values as multipath-tools 0.9.4 applies them (observed
	 * with `multipath -t`) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^2105\"\n"
	"		path_grouping_policy multibus\n"
	"		no_path_retry queue\n"
	"	}\n"
	/* XIV: no vendor document found; (IBM XIV Host Attachment Kit documents not in the
	 * corpora); values as multipath-tools 0.9.4 applies them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"(XIV|IBM)\"\n"
	"		product \"(NEXTRA|2810XIV)\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		failback 15\n"
	"		no_path_retry queue\n"
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
	/* DS4100 (FAStT100): an LSI/Engenio RDAC controller; no document of its vendor found
	 * (NetApp's [E-Series] values for the family add detect_prio and
	 * retain_attached_hw_handler yes, the defaults anyway); values as multipath-tools 0.9.4
	 * applies them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1722-600\"\n"
	"		product_blacklist \"Universal Xport\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		prio rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		features \"2 pg_init_retries 50\"\n"
	"	}\n"
	/* DS4100: an LSI/Engenio RDAC controller; no document of its vendor found (NetApp's
	 * [E-Series] values for the family add detect_prio and retain_attached_hw_handler yes, the
	 * defaults anyway); values as multipath-tools 0.9.4 applies them (observed with `multipath
	 * -t`) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1724\"\n"
	"		product_blacklist \"Universal Xport\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		prio rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		features \"2 pg_init_retries 50\"\n"
	"	}\n"
	/* DS3000: an LSI/Engenio RDAC controller; no document of its vendor found (NetApp's
	 * [E-Series] values for the family add detect_prio and retain_attached_hw_handler yes, the
	 * defaults anyway); values as multipath-tools 0.9.4 applies them (observed with `multipath
	 * -t`) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1726\"\n"
	"		product_blacklist \"Universal Xport\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		prio rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		features \"2 pg_init_retries 50\"\n"
	"	}\n"
	/* DS4400/DS4500: an LSI/Engenio RDAC controller; no document of its vendor found (NetApp's
	 * [E-Series] values for the family add detect_prio and retain_attached_hw_handler yes, the
	 * defaults anyway); values as multipath-tools 0.9.4 applies them (observed with `multipath
	 * -t`) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1742\"\n"
	"		product_blacklist \"Universal Xport\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		prio rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		features \"2 pg_init_retries 50\"\n"
	"	}\n"
	/* DS3512/DS3524: an LSI/Engenio RDAC controller; no document of its vendor found (NetApp's
	 * [E-Series] values for the family add detect_prio and retain_attached_hw_handler yes, the
	 * defaults anyway); values as multipath-tools 0.9.4 applies them (observed with `multipath
	 * -t`) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1746\"\n"
	"		product_blacklist \"Universal Xport\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		prio rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		features \"2 pg_init_retries 50\"\n"
	"	}\n"
	/* DS3950: an LSI/Engenio RDAC controller; no document of its vendor found (NetApp's
	 * [E-Series] values for the family add detect_prio and retain_attached_hw_handler yes, the
	 * defaults anyway); values as multipath-tools 0.9.4 applies them (observed with `multipath
	 * -t`) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1813\"\n"
	"		product_blacklist \"Universal Xport\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		prio rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		features \"2 pg_init_retries 50\"\n"
	"	}\n"
	/* DS4200/DS4700: an LSI/Engenio RDAC controller; no document of its vendor found (NetApp's
	 * [E-Series] values for the family add detect_prio and retain_attached_hw_handler yes, the
	 * defaults anyway); values as multipath-tools 0.9.4 applies them (observed with `multipath
	 * -t`) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1814\"\n"
	"		product_blacklist \"Universal Xport\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		prio rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		features \"2 pg_init_retries 50\"\n"
	"	}\n"
	/* DS4800: an LSI/Engenio RDAC controller; no document of its vendor found (NetApp's
	 * [E-Series] values for the family add detect_prio and retain_attached_hw_handler yes, the
	 * defaults anyway); values as multipath-tools 0.9.4 applies them (observed with `multipath
	 * -t`) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1815\"\n"
	"		product_blacklist \"Universal Xport\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		prio rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		features \"2 pg_init_retries 50\"\n"
	"	}\n"
	/* DS5100/DS5300: an LSI/Engenio RDAC controller; no document of its vendor found (NetApp's
	 * [E-Series] values for the family add detect_prio and retain_attached_hw_handler yes, the
	 * defaults anyway); values as multipath-tools 0.9.4 applies them (observed with `multipath
	 * -t`) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1818\"\n"
	"		product_blacklist \"Universal Xport\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		prio rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		features \"2 pg_init_retries 50\"\n"
	"	}\n"
	/* FAStT200: an LSI/Engenio RDAC controller; no document of its vendor found (NetApp's
	 * [E-Series] values for the family add detect_prio and retain_attached_hw_handler yes, the
	 * defaults anyway); values as multipath-tools 0.9.4 applies them (observed with `multipath
	 * -t`) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^3526\"\n"
	"		product_blacklist \"Universal Xport\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		prio rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		features \"2 pg_init_retries 50\"\n"
	"	}\n"
	/* no IBM document found; an LSI/Engenio RDAC controller: the values NetApp documents for
	 * that family in [E-Series] SANtricity Linux express configuration */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1745\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		prio rdac\n"
	"		detect_prio yes\n"
	"		hardware_handler \"1 rdac\"\n"
	"		retain_attached_hw_handler yes\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		features \"2 pg_init_retries 50\"\n"
	"	}\n"
	/* FAStT200/FAStT500: an LSI/Engenio RDAC controller; no document of its vendor found
	 * (NetApp's [E-Series] values for the family add detect_prio and
	 * retain_attached_hw_handler yes, the defaults anyway); values as multipath-tools 0.9.4
	 * applies them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^(3542|3552)\"\n"
	"		product_blacklist \"Universal Xport\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		prio rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		features \"2 pg_init_retries 50\"\n"
	"	}\n"
	/* no IBM document found; an LSI/Engenio RDAC controller: the values NetApp documents for
	 * that family in [E-Series] SANtricity Linux express configuration */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^1723\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		prio rdac\n"
	"		detect_prio yes\n"
	"		hardware_handler \"1 rdac\"\n"
	"		retain_attached_hw_handler yes\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		features \"2 pg_init_retries 50\"\n"
	"	}\n"
	/* Nseries: no vendor document found; values as multipath-tools 0.9.4 applies them
	 * (observed with `multipath -t`) (ALUA, not the RDAC values this entry had) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"1820N00\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry queue\n"
	"	}\n"
	/* Power virtual NVDISK: no vendor document found; values as multipath-tools 0.9.4 applies
	 * them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"3303[ ]+NVDISK\"\n"
	"		no_path_retry 60\n"
	"	}\n"
	/* Power virtual NVDISK (AIX vendor string): no vendor document found; values as
	 * multipath-tools 0.9.4 applies them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"AIX\"\n"
	"		product \"NVDISK\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		hardware_handler \"1 alua\"\n"
	"		failback immediate\n"
	"		no_path_retry 60\n"
	"	}\n"
	/* Power virtual SCSI disk: no vendor document found; values as multipath-tools 0.9.4
	 * applies them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"AIX\"\n"
	"		product \"VDASD\"\n"
	"		path_grouping_policy multibus\n"
	"		no_path_retry 60\n"
	"	}\n"
	/* DCS9900: no vendor document found; values as multipath-tools 0.9.4 applies them
	 * (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^(DCS9900|2851)\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* Power RAID adapters (ipr): no vendor document found; values as multipath-tools 0.9.4
	 * applies them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"^IPR\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		hardware_handler \"1 alua\"\n"
	"		failback immediate\n"
	"		no_path_retry queue\n"
	"	}\n"
	/* no vendor document found; values as multipath-tools 0.9.4 applies them (observed with
	 * `multipath -t`) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"ProFibre 4000R\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* DASDs: no vendor document found; values as multipath-tools 0.9.4 applies them (observed
	 * with `multipath -t`) (the product_blacklist matches the product itself: 0.9.4 keeps such
	 * devices out of maps) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"S/390 DASD ECKD\"\n"
	"		product_blacklist \"S/390\"\n"
	"		path_grouping_policy multibus\n"
	"		path_checker directio\n"
	"		no_path_retry queue\n"
	"		uid_attribute ID_UID\n"
	"	}\n"
	/* DASDs: no vendor document found; values as multipath-tools 0.9.4 applies them (observed
	 * with `multipath -t`) (as the ECKD entry) */
	"	device {\n"
	"		vendor \"IBM\"\n"
	"		product \"S/390 DASD FBA\"\n"
	"		product_blacklist \"S/390\"\n"
	"		path_grouping_policy multibus\n"
	"		path_checker directio\n"
	"		no_path_retry queue\n"
	"		uid_attribute ID_UID\n"
	"	}\n"
	/* ONTAP LUNs: NetApp ONTAP SAN host configuration
	 * (https://docs.netapp.com/us-en/ontap-sanhost/hu_rhel_94.html) found, its multipath
	 * values not seen; IBM Cloud's published "Sample multipath.conf" for NetApp-based LUNs
	 * (IBM-Bluemix-Docs/sap-hana-qrg, rhel-sample.md) agrees on group_by_prio, failback
	 * immediate, queue_if_no_path with pg_init_retries 50, flush_on_last_del and dev_loss_tmo
	 * infinity, but sets prio alua; values as multipath-tools 0.9.4 applies them (observed
	 * with `multipath -t`), with the ontap prioritizer and user_friendly_names no */
	"	device {\n"
	"		vendor \"NETAPP\"\n"
	"		product \"LUN\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio ontap\n"
	"		failback immediate\n"
	"		no_path_retry queue\n"
	"		features \"2 pg_init_retries 50\"\n"
	"		dev_loss_tmo infinity\n"
	"		flush_on_last_del yes\n"
	"		user_friendly_names no\n"
	"	}\n"
	/* ONTAP over NVMe: no vendor document found; values as multipath-tools 0.9.4 applies them
	 * (observed with `multipath -t`); with the generic NVMe entry */
	"	device {\n"
	"		vendor \"NVME\"\n"
	"		product \"^NetApp ONTAP Controller\"\n"
	"		no_path_retry queue\n"
	"	}\n"
	/* [E-Series] NetApp SANtricity Linux express configuration, "Updating the devices section
	 * of the multipath.conf file": every value below except product_blacklist, which is values
	 * as multipath-tools 0.9.4 applies them (observed with `multipath -t`). The guide's
	 * detect_prio yes and retain_attached_hw_handler yes differ from 0.9.4 only in being set
	 * here: 0.9.4 leaves them to the defaults, which are yes too */
	"	device {\n"
	"		vendor \"(NETAPP|LSI|ENGENIO)\"\n"
	"		product \"INF-01-00\"\n"
	"		product_blacklist \"Universal Xport\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		prio rdac\n"
	"		detect_prio yes\n"
	"		hardware_handler \"1 rdac\"\n"
	"		retain_attached_hw_handler yes\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		features \"2 pg_init_retries 50\"\n"
	"	}\n"
	/* no LSI/Engenio document found; an LSI/Engenio RDAC controller: the values NetApp
	 * documents for that family in [E-Series] SANtricity Linux express configuration */
	"	device {\n"
	"		vendor \"(LSI|ENGENIO)\"\n"
	"		product \"^1532\"\n"
	"		product_blacklist \"Universal Xport\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		prio rdac\n"
	"		detect_prio yes\n"
	"		hardware_handler \"1 rdac\"\n"
	"		retain_attached_hw_handler yes\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		features \"2 pg_init_retries 50\"\n"
	"	}\n"
	/* no LSI/Engenio document found; an LSI/Engenio RDAC controller: the values NetApp
	 * documents for that family in [E-Series] SANtricity Linux express configuration */
	"	device {\n"
	"		vendor \"(LSI|ENGENIO)\"\n"
	"		product \"^1932\"\n"
	"		product_blacklist \"Universal Xport\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		prio rdac\n"
	"		detect_prio yes\n"
	"		hardware_handler \"1 rdac\"\n"
	"		retain_attached_hw_handler yes\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		features \"2 pg_init_retries 50\"\n"
	"	}\n"
	/* no LSI/Engenio document found; an LSI/Engenio RDAC controller: the values NetApp
	 * documents for that family in [E-Series] SANtricity Linux express configuration */
	"	device {\n"
	"		vendor \"(LSI|ENGENIO)\"\n"
	"		product \"^26[0-9]{2}\"\n"
	"		product_blacklist \"Universal Xport\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		prio rdac\n"
	"		detect_prio yes\n"
	"		hardware_handler \"1 rdac\"\n"
	"		retain_attached_hw_handler yes\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		features \"2 pg_init_retries 50\"\n"
	"	}\n"
	/* no LSI/Engenio document found; an LSI/Engenio RDAC controller: the values NetApp
	 * documents for that family in [E-Series] SANtricity Linux express configuration */
	"	device {\n"
	"		vendor \"(LSI|ENGENIO)\"\n"
	"		product \"^BladeCtlr\"\n"
	"		product_blacklist \"Universal Xport\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		prio rdac\n"
	"		detect_prio yes\n"
	"		hardware_handler \"1 rdac\"\n"
	"		retain_attached_hw_handler yes\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		features \"2 pg_init_retries 50\"\n"
	"	}\n"
	/* SolidFire: no vendor document found; values as multipath-tools 0.9.4 applies them
	 * (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"SolidFir\"\n"
	"		product \"SSD SAN\"\n"
	"		path_grouping_policy multibus\n"
	"		no_path_retry 24\n"
	"	}\n"
	/* HP "Device Mapper Multipath Enablement Kit for HP StorageWorks Disk Arrays": XP OPEN-*
	 * LUNs multibus
	 * (http://38.142.81.21:8001/manual/red-hat/enterprise-linux-4-dm-multipath/technical-data-english/page-17.html);
	 * no Hitachi document found; the same as multipath-tools 0.9.4 applies (observed with
	 * `multipath -t`) */
	"	device {\n"
	"		vendor \"(HITACHI|HP|HPE)\"\n"
	"		product \"^OPEN-\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* AMS/DF: no vendor document found; values as multipath-tools 0.9.4 applies them (observed
	 * with `multipath -t`) (the hds prioritizer); DF600F below refines it */
	"	device {\n"
	"		vendor \"HITACHI\"\n"
	"		product \"^DF\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio hds\n"
	"		failback immediate\n"
	"		no_path_retry queue\n"
	"	}\n"
	/* AMS DF600F: no vendor document found; values as multipath-tools 0.9.4 applies them
	 * (observed with `multipath -t`); it comes after ^DF, so a DF600F gets multibus here and
	 * the rest from ^DF, as in 0.9.4 */
	"	device {\n"
	"		vendor \"HITACHI\"\n"
	"		product \"^DF600F\"\n"
	"		path_grouping_policy multibus\n"
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
	/* OceanStor: Huawei SAN Storage Host Connectivity Guide for Red Hat
	 * (https://support.huawei.com/enterprise/en/doc/EDOC1000150157/4e3423a1/multipath-connectivity)
	 * found, its multipath.conf values not seen; values as multipath-tools 0.9.4 applies them
	 * (observed with `multipath -t`) (no prio: detect_prio finds alua in the "Asymmetric" host
	 * access mode) */
	"	device {\n"
	"		vendor \"HUAWEI\"\n"
	"		product \"XSG1\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		failback immediate\n"
	"		no_path_retry 15\n"
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
	/* OceanStor over NVMe: no vendor document found; values as multipath-tools 0.9.4 applies
	 * them (observed with `multipath -t`); with the generic NVMe entry */
	"	device {\n"
	"		vendor \"NVM[eE]\"\n"
	"		product \"Huawei-XSG1\"\n"
	"		path_checker directio\n"
	"		no_path_retry 12\n"
	"	}\n"
	/* ETERNUS DX: no vendor document found; values as multipath-tools 0.9.4 applies them
	 * (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"FUJITSU\"\n"
	"		product \"ETERNUS_DX(H|L|M|400|8000)\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 10\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic ALUA defaults */
	"	device {\n"
	"		vendor \"FUJITSU\"\n"
	"		product \"^ETERNUS_AF\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* ETERNUS E2000-E4000: no vendor document found; values as multipath-tools 0.9.4 applies
	 * them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"FUJITSU\"\n"
	"		product \"E[234]000\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 10\n"
	"	}\n"
	/* ETERNUS E6000/E8000: no vendor document found; values as multipath-tools 0.9.4 applies
	 * them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"FUJITSU\"\n"
	"		product \"E[68]000\"\n"
	"		path_grouping_policy multibus\n"
	"		no_path_retry 10\n"
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
	"		path_checker rdac\n"
	"		prio rdac\n"
	"		detect_prio yes\n"
	"		hardware_handler \"1 rdac\"\n"
	"		retain_attached_hw_handler yes\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		features \"2 pg_init_retries 50\"\n"
	"	}\n"
	/* ETERNUS AB/HB (AHB model string): an LSI/Engenio RDAC controller; no document of its
	 * vendor found (NetApp's [E-Series] values for the family add detect_prio and
	 * retain_attached_hw_handler yes, the defaults anyway); values as multipath-tools 0.9.4
	 * applies them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"FUJITSU\"\n"
	"		product \"ETERNUS_AHB\"\n"
	"		product_blacklist \"Universal Xport\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		prio rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		features \"2 pg_init_retries 50\"\n"
	"	}\n"
	/* no vendor document found; values are multipath.conf(5) generic ALUA defaults */
	"	device {\n"
	"		vendor \"FUJITSU\"\n"
	"		product \"^ETERNUS_HB\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* no vendor document found; group_by_serial as multipath.conf(5) documents it; the same as
	 * multipath-tools 0.9.4 applies (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"FSC\"\n"
	"		product \"CentricStor\"\n"
	"		path_grouping_policy group_by_serial\n"
	"	}\n"
	/* ThinkSystem DE: an LSI/Engenio RDAC controller; no document of its vendor found
	 * (NetApp's [E-Series] values for the family add detect_prio and
	 * retain_attached_hw_handler yes, the defaults anyway); values as multipath-tools 0.9.4
	 * applies them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"LENOVO\"\n"
	"		product \"DE_Series\"\n"
	"		product_blacklist \"Universal Xport\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		prio rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		features \"2 pg_init_retries 50\"\n"
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
	/* no vendor document found; (INFINIDAT host documentation not in the corpora); values as
	 * multipath-tools 0.9.4 applies them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"NFINIDAT\"\n"
	"		product \"InfiniBox\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_selector \"round-robin 0\"\n"
	"		prio alua\n"
	"		failback 30\n"
	"		rr_weight priorities\n"
	"		rr_min_io 1\n"
	"		rr_min_io_rq 1\n"
	"		no_path_retry fail\n"
	"		fast_io_fail_tmo 15\n"
	"		dev_loss_tmo 15\n"
	"		flush_on_last_del yes\n"
	"	}\n"
	/* Pure Storage "Linux Recommended Settings"
	 * (https://support.purestorage.com/Solutions/Linux/Reference/Linux_Recommended_Settings):
	 * its notice to set detect_prio no, and its device section as reproduced in public set-up
	 * notes: service-time 0, group_by_prio, alua, 1 alua, failback immediate, tur,
	 * fast_io_fail_tmo 10, dev_loss_tmo 60, no_path_retry 0, rr_min_io_rq 1 (tur is the
	 * built-in default checker, so not repeated here). multipath-tools 0.9.4 applies the same
	 * grouping, prioritizer, handler, failback and fast_io_fail_tmo (observed with `multipath
	 * -t`) and leaves the rest to the defaults; of the guide's additions only dev_loss_tmo 60
	 * and detect_prio no change what a default configuration does */
	"	device {\n"
	"		vendor \"PURE\"\n"
	"		product \"FlashArray\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_selector \"service-time 0\"\n"
	"		prio alua\n"
	"		detect_prio no\n"
	"		hardware_handler \"1 alua\"\n"
	"		failback immediate\n"
	"		rr_min_io_rq 1\n"
	"		no_path_retry 0\n"
	"		fast_io_fail_tmo 10\n"
	"		dev_loss_tmo 60\n"
	"	}\n"
	/* FlashArray over NVMe: Pure Storage "Linux Recommended Settings"
	 * (https://support.purestorage.com/Solutions/Linux/Reference/Linux_Recommended_Settings),
	 * NVMe device section; only partly seen in the corpora (its product string in published
	 * checks of that section). This differs from multipath-tools 0.9.4, which sets only
	 * no_path_retry 10 on top of its generic NVMe entry (observed with `multipath -t`): Pure's
	 * section fails IO at once (no_path_retry 0) and uses queue-length 0 */
	"	device {\n"
	"		vendor \"NVME\"\n"
	"		product \"Pure Storage FlashArray\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_selector \"queue-length 0\"\n"
	"		prio ana\n"
	"		failback immediate\n"
	"		no_path_retry 0\n"
	"		features 0\n"
	"		fast_io_fail_tmo 10\n"
	"		dev_loss_tmo 60\n"
	"		user_friendly_names no\n"
	"	}\n"
	/* ZFS Storage Appliance: no vendor document found; values as multipath-tools 0.9.4 applies
	 * them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"SUN\"\n"
	"		product \"(Sun Storage|ZFS Storage|COMSTAR)\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* StorEdge 3000: no vendor document found; values as multipath-tools 0.9.4 applies them
	 * (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"SUN\"\n"
	"		product \"StorEdge 3\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* no vendor document found; multipath.conf(5) generic active-active defaults for the
	 * StorageTek T4 (the rest of the former "StorEdge 3510|T4" entry; 0.9.4 has no T4 entry) */
	"	device {\n"
	"		vendor \"SUN\"\n"
	"		product \"T4\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* StorageTek OPENstorage D: an LSI/Engenio RDAC controller; no document of its vendor
	 * found (NetApp's [E-Series] values for the family add detect_prio and
	 * retain_attached_hw_handler yes, the defaults anyway); values as multipath-tools 0.9.4
	 * applies them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"STK\"\n"
	"		product \"OPENstorage\"\n"
	"		product_blacklist \"Universal Xport\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		prio rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		features \"2 pg_init_retries 50\"\n"
	"	}\n"
	/* StorageTek FLEXLINE 380: an LSI/Engenio RDAC controller; no document of its vendor found
	 * (NetApp's [E-Series] values for the family add detect_prio and
	 * retain_attached_hw_handler yes, the defaults anyway); values as multipath-tools 0.9.4
	 * applies them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"STK\"\n"
	"		product \"FLEXLINE 380\"\n"
	"		product_blacklist \"Universal Xport\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		prio rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		features \"2 pg_init_retries 50\"\n"
	"	}\n"
	/* StorageTek 6580/6780: an LSI/Engenio RDAC controller; no document of its vendor found
	 * (NetApp's [E-Series] values for the family add detect_prio and
	 * retain_attached_hw_handler yes, the defaults anyway); values as multipath-tools 0.9.4
	 * applies them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"SUN\"\n"
	"		product \"STK6580_6780\"\n"
	"		product_blacklist \"Universal Xport\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		prio rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		features \"2 pg_init_retries 50\"\n"
	"	}\n"
	/* StorageTek CSM100/CSM200: an LSI/Engenio RDAC controller; no document of its vendor
	 * found (NetApp's [E-Series] values for the family add detect_prio and
	 * retain_attached_hw_handler yes, the defaults anyway); values as multipath-tools 0.9.4
	 * applies them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"SUN\"\n"
	"		product \"CSM[12]00_R\"\n"
	"		product_blacklist \"Universal Xport\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		prio rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		features \"2 pg_init_retries 50\"\n"
	"	}\n"
	/* StorageTek 2500 (LCSM100): an LSI/Engenio RDAC controller; no document of its vendor
	 * found (NetApp's [E-Series] values for the family add detect_prio and
	 * retain_attached_hw_handler yes, the defaults anyway); values as multipath-tools 0.9.4
	 * applies them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"SUN\"\n"
	"		product \"LCSM100_[IEFS]\"\n"
	"		product_blacklist \"Universal Xport\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		prio rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		features \"2 pg_init_retries 50\"\n"
	"	}\n"
	/* Sun Storage 6180: an LSI/Engenio RDAC controller; no document of its vendor found
	 * (NetApp's [E-Series] values for the family add detect_prio and
	 * retain_attached_hw_handler yes, the defaults anyway); values as multipath-tools 0.9.4
	 * applies them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"SUN\"\n"
	"		product \"SUN_6180\"\n"
	"		product_blacklist \"Universal Xport\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		prio rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		features \"2 pg_init_retries 50\"\n"
	"	}\n"
	/* Sun Storage 2500-M2/6000 ArrayStorage: an LSI/Engenio RDAC controller; no document of
	 * its vendor found (NetApp's [E-Series] values for the family add detect_prio and
	 * retain_attached_hw_handler yes, the defaults anyway); values as multipath-tools 0.9.4
	 * applies them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"SUN\"\n"
	"		product \"ArrayStorage\"\n"
	"		product_blacklist \"Universal Xport\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		prio rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		features \"2 pg_init_retries 50\"\n"
	"	}\n"
	/* Oracle FS1: no vendor document found; values as multipath-tools 0.9.4 applies them
	 * (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"^Oracle\"\n"
	"		product \"^Oracle FS\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* Pillar Axiom: no vendor document found; values as multipath-tools 0.9.4 applies them
	 * (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"^Pillar\"\n"
	"		product \"^Axiom\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* StorageTek BladeCtlr: an LSI/Engenio RDAC controller; no document of its vendor found
	 * (NetApp's [E-Series] values for the family add detect_prio and
	 * retain_attached_hw_handler yes, the defaults anyway); values as multipath-tools 0.9.4
	 * applies them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"STK\"\n"
	"		product \"BladeCtlr\"\n"
	"		product_blacklist \"Universal Xport\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		prio rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		features \"2 pg_init_retries 50\"\n"
	"	}\n"
	/* no vendor document found; values as multipath-tools 0.9.4 applies them (observed with
	 * `multipath -t`) (ALUA, not the datacore prioritizer this entry had) */
	"	device {\n"
	"		vendor \"DataCore\"\n"
	"		product \"SANmelody\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry queue\n"
	"	}\n"
	/* DataCore Host Configuration Guide, XenServer host settings, "With ALUA"
	 * (https://docs.datacore.com/FAQ/HCG-Citrix/Host-Configuration-Guide-Citrix/XenServer-Host-Settings.htm):
	 * tur, group_by_prio, failback immediate, round-robin 0, alua. no_path_retry queue, which
	 * the guide does not set, is values as multipath-tools 0.9.4 applies them (observed with
	 * `multipath -t`); the guide's round-robin 0 differs from 0.9.4, which leaves the selector
	 * to the default (service-time 0) */
	"	device {\n"
	"		vendor \"DataCore\"\n"
	"		product \"Virtual Disk\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_selector \"round-robin 0\"\n"
	"		path_checker tur\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry queue\n"
	"	}\n"
	/* Kaminario K2: no vendor document found; values as multipath-tools 0.9.4 applies them
	 * (observed with `multipath -t`) */
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
	/* the Linux kernel's LIO target (implicit ALUA): no vendor document found; values as
	 * multipath-tools 0.9.4 applies them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"(LIO-ORG|SUSE)\"\n"
	"		product \".*\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		hardware_handler \"1 alua\"\n"
	"		failback immediate\n"
	"		no_path_retry 12\n"
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
	/* no vendor document found; values as multipath-tools 0.9.4 applies them (observed with
	 * `multipath -t`) */
	"	device {\n"
	"		vendor \"APPLE\"\n"
	"		product \"Xserve RAID\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* SGI TP9100: no vendor document found; values as multipath-tools 0.9.4 applies them
	 * (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"SGI\"\n"
	"		product \"TP9100\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* SGI TP9300-9700: an LSI/Engenio RDAC controller; no document of its vendor found
	 * (NetApp's [E-Series] values for the family add detect_prio and
	 * retain_attached_hw_handler yes, the defaults anyway); values as multipath-tools 0.9.4
	 * applies them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"SGI\"\n"
	"		product \"TP9[3457]00\"\n"
	"		product_blacklist \"Universal Xport\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		prio rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		features \"2 pg_init_retries 50\"\n"
	"	}\n"
	/* SGI InfiniteStorage: an LSI/Engenio RDAC controller; no document of its vendor found
	 * (NetApp's [E-Series] values for the family add detect_prio and
	 * retain_attached_hw_handler yes, the defaults anyway); values as multipath-tools 0.9.4
	 * applies them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"SGI\"\n"
	"		product \"IS\"\n"
	"		product_blacklist \"Universal Xport\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		path_checker rdac\n"
	"		prio rdac\n"
	"		hardware_handler \"1 rdac\"\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"		features \"2 pg_init_retries 50\"\n"
	"	}\n"
	/* SGI (DDN-built) DD4A/DD6A: no vendor document found; values as multipath-tools 0.9.4
	 * applies them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"SGI\"\n"
	"		product \"^DD[46]A-\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* DDN: no vendor document found; values as multipath-tools 0.9.4 applies them (observed
	 * with `multipath -t`) */
	"	device {\n"
	"		vendor \"DDN\"\n"
	"		product \"SAN DataDirector\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* DDN EF3010: no vendor document found; values as multipath-tools 0.9.4 applies them
	 * (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"DDN\"\n"
	"		product \"^EF3010\"\n"
	"		path_grouping_policy multibus\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* DDN EF3015/S2A/SFA: no vendor document found; values as multipath-tools 0.9.4 applies
	 * them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"DDN\"\n"
	"		product \"^(EF3015|S2A|SFA)\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* NexentaStor: no vendor document found; values as multipath-tools 0.9.4 applies them
	 * (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"NEXENTA\"\n"
	"		product \"COMSTAR\"\n"
	"		path_grouping_policy group_by_serial\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* Tegile IntelliFlash: no vendor document found; values as multipath-tools 0.9.4 applies
	 * them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"TEGILE\"\n"
	"		product \"(ZEBI-(FC|ISCSI)|INTELLIFLASH)\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		hardware_handler \"1 alua\"\n"
	"		failback immediate\n"
	"		no_path_retry 10\n"
	"	}\n"
	/* Eurologic: no vendor document found; values as multipath-tools 0.9.4 applies them
	 * (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"(EUROLOGC|EuroLogc)\"\n"
	"		product \"FC2502\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* NEC iStorage: no vendor document found; values as multipath-tools 0.9.4 applies them
	 * (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"NEC\"\n"
	"		product \"DISK ARRAY\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		hardware_handler \"1 alua\"\n"
	"		failback immediate\n"
	"	}\n"
	/* Pivot3 RAIGE: no vendor document found; values as multipath-tools 0.9.4 applies them
	 * (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"PIVOT3\"\n"
	"		product \"RAIGE VOLUME\"\n"
	"		path_grouping_policy multibus\n"
	"		no_path_retry queue\n"
	"	}\n"
	/* NexGen/Pivot3 vSTAC: no vendor document found; values as multipath-tools 0.9.4 applies
	 * them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"(NexGen|Pivot3)\"\n"
	"		product \"(TierStore|vSTAC)\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry queue\n"
	"	}\n"
	/* Intel Modular Server (Promise-built): no vendor document found; values as
	 * multipath-tools 0.9.4 applies them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"(Intel|INTEL)\"\n"
	"		product \"Multi-Flex\"\n"
	"		product_blacklist \"VTrak V-LUN\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		hardware_handler \"1 alua\"\n"
	"		failback immediate\n"
	"		no_path_retry queue\n"
	"	}\n"
	/* Kove XPD: no vendor document found; values as multipath-tools 0.9.4 applies them
	 * (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"KOVE\"\n"
	"		product \"XPD\"\n"
	"		path_grouping_policy multibus\n"
	"	}\n"
	/* Nexsan E-Series/BEAST: no vendor document found; values as multipath-tools 0.9.4 applies
	 * them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"NEXSAN\"\n"
	"		product \"NXS-B0\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 15\n"
	"	}\n"
	/* Nexsan SATABeast: no vendor document found; values as multipath-tools 0.9.4 applies them
	 * (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"NEXSAN\"\n"
	"		product \"SATAB\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 15\n"
	"	}\n"
	/* Nexsan NST/Unity: no vendor document found; values as multipath-tools 0.9.4 applies them
	 * (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"Nexsan\"\n"
	"		product \"(NestOS|NST5000)\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		hardware_handler \"1 alua\"\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* Violin 6000 (without ALUA): no vendor document found; values as multipath-tools 0.9.4
	 * applies them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"VIOLIN\"\n"
	"		product \"SAN ARRAY$\"\n"
	"		path_grouping_policy group_by_serial\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* Violin 6000 with ALUA: no vendor document found; values as multipath-tools 0.9.4 applies
	 * them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"VIOLIN\"\n"
	"		product \"SAN ARRAY ALUA\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		hardware_handler \"1 alua\"\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* Violin Concerto: no vendor document found; values as multipath-tools 0.9.4 applies them
	 * (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"VIOLIN\"\n"
	"		product \"CONCERTO ARRAY\"\n"
	"		path_grouping_policy multibus\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* Xiotech ISE: no vendor document found; values as multipath-tools 0.9.4 applies them
	 * (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"(XIOTECH|XIOtech)\"\n"
	"		product \"ISE\"\n"
	"		path_grouping_policy multibus\n"
	"		no_path_retry 12\n"
	"	}\n"
	/* Xiotech IGLU: no vendor document found; values as multipath-tools 0.9.4 applies them
	 * (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"(XIOTECH|XIOtech)\"\n"
	"		product \"IGLU DISK\"\n"
	"		path_grouping_policy multibus\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* Xiotech Magnitude: no vendor document found; values as multipath-tools 0.9.4 applies
	 * them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"(XIOTECH|XIOtech)\"\n"
	"		product \"Magnitude\"\n"
	"		path_grouping_policy multibus\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* Vexata VX: no vendor document found; values as multipath-tools 0.9.4 applies them
	 * (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"Vexata\"\n"
	"		product \"VX\"\n"
	"		path_grouping_policy multibus\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* Infortrend: no vendor document found; values as multipath-tools 0.9.4 applies them
	 * (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"^IFT\"\n"
	"		product \".*\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* Dot Hill SANnet II: no vendor document found; values as multipath-tools 0.9.4 applies
	 * them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"DotHill\"\n"
	"		product \"SANnet\"\n"
	"		path_grouping_policy multibus\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* Dot Hill R/Evolution: no vendor document found; values as multipath-tools 0.9.4 applies
	 * them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"DotHill\"\n"
	"		product \"R/Evo\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* Dot Hill AssuredSAN: no vendor document found; values as multipath-tools 0.9.4 applies
	 * them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"DotHill\"\n"
	"		product \"^DH\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* AccelStor NeoSapphire: no vendor document found; values as multipath-tools 0.9.4 applies
	 * them (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"AStor\"\n"
	"		product \"NeoSapphire\"\n"
	"		path_grouping_policy multibus\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* Inspur MCS: no vendor document found; values as multipath-tools 0.9.4 applies them
	 * (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"INSPUR\"\n"
	"		product \"MCS\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"	}\n"
	/* MacroSAN: no vendor document found; values as multipath-tools 0.9.4 applies them
	 * (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"MacroSAN\"\n"
	"		product \"LU\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* Promise VTrak: no vendor document found; values as multipath-tools 0.9.4 applies them
	 * (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"Promise\"\n"
	"		product \"VTrak\"\n"
	"		product_blacklist \"VTrak V-LUN\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		hardware_handler \"1 alua\"\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
	"	}\n"
	/* Promise Vess: no vendor document found; values as multipath-tools 0.9.4 applies them
	 * (observed with `multipath -t`) */
	"	device {\n"
	"		vendor \"Promise\"\n"
	"		product \"Vess\"\n"
	"		product_blacklist \"Vess V-LUN\"\n"
	"		path_grouping_policy group_by_prio\n"
	"		prio alua\n"
	"		hardware_handler \"1 alua\"\n"
	"		failback immediate\n"
	"		no_path_retry 30\n"
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
	{"NVMe", "Generic NVMe"},
	{"DGC", "VRAID"},
	{"EMC", "SYMMETRIX"},
	{"NVME", "EMC PowerMax_8000"},
	{"EMC", "Invista"},
	{"EMC", "Celerra"},
	{"XtremIO", "XtremApp"},
	{"DellEMC", "PowerStore"},
	{"NVME", "dellemc-powerstore"},
	{"DellEMC", "ME4"},
	{"COMPELNT", "Compellent Vol"},
	{"EQLOGIC", "100E-00"},
	{"DELL", "MD32xx"},
	{"3PARdata", "VV"},
	{"NVME", "HPE Alletra 9000"},
	{"HPE", "MSA 2050 SAN"},
	{"HPE", "MSA 2060"},
	{"HP", "P2000 G3 FC"},
	{"HP", "MSA2012fc"},
	{"HP", "MSA2324fc"},
	{"HP", "HSV110"},
	{"HP", "HSV210"},
	{"HP", "HSVX740"},
	{"HP", "MSA VOLUME"},
	{"HP", "A6189A"},
	{"DEC", "HSG80"},
	{"COMPAQ", "MSA1000"},
	{"HP", "LOGICAL VOLUME"},
	{"Nimble", "Server"},
	{"LEFTHAND", "iSCSIDisk"},
	{"LEFTHAND", "p4000"},
	{"IBM", "2145"},
	{"NVME", "IBM     2145"},
	{"IBM", "2076"},
	{"IBM", "4662"},
	{"IBM", "4666"},
	{"IBM", "9846"},
	{"IBM", "9848"},
	{"IBM", "2072"},
	{"IBM", "2071"},
	{"IBM", "2073"},
	{"IBM", "FlashSystem-9840"},
	{"NVMe", "FlashSystem"},
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
	{"IBM", "1746"},
	{"IBM", "1813"},
	{"IBM", "1814"},
	{"IBM", "1815"},
	{"IBM", "1818"},
	{"IBM", "3526"},
	{"IBM", "1745"},
	{"IBM", "3542"},
	{"IBM", "1723-DS3500"},
	{"IBM", "1820N00"},
	{"IBM", "3303      NVDISK"},
	{"AIX", "NVDISK"},
	{"AIX", "VDASD"},
	{"IBM", "DCS9900"},
	{"IBM", "IPR-0   5EC2F100"},
	{"IBM", "ProFibre 4000R"},
	{"IBM", "S/390 DASD ECKD"},
	{"IBM", "S/390 DASD FBA"},
	{"NETAPP", "LUN C-Mode"},
	{"NVME", "NetApp ONTAP Controller"},
	{"NETAPP", "INF-01-00"},
	{"LSI", "1532"},
	{"LSI", "1932"},
	{"LSI", "2600"},
	{"LSI", "BladeCtlr B"},
	{"SolidFir", "SSD SAN"},
	{"HITACHI", "OPEN-V"},
	{"HITACHI", "DF500F"},
	{"HITACHI", "DF600F-CM"},
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
	{"FUJITSU", "ETERNUS_AHB"},
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
	{"SUN", "T4"},
	{"STK", "OPENstorage D280"},
	{"STK", "FLEXLINE 380"},
	{"SUN", "STK6580_6780"},
	{"SUN", "CSM200_R"},
	{"SUN", "LCSM100_F"},
	{"SUN", "SUN_6180"},
	{"SUN", "ArrayStorage"},
	{"Oracle", "Oracle FS1-2"},
	{"Pillar", "Axiom 600"},
	{"STK", "BladeCtlr BC82"},
	{"DataCore", "SANmelody"},
	{"DataCore", "Virtual Disk"},
	{"KMNRIO", "K2"},
	{"KMNRIO", "K2-Vol"},
	{"LIO-ORG", "FILEIO"},
	{"SCST_FIO", "disk01"},
	{"IET", "VIRTUAL-DISK"},
	{"APPLE", "Xserve RAID"},
	{"SGI", "TP9100"},
	{"SGI", "TP9500"},
	{"SGI", "IS500"},
	{"SGI", "DD4A-7600"},
	{"DDN", "SAN DataDirector"},
	{"DDN", "EF3010"},
	{"DDN", "SFA14K"},
	{"NEXENTA", "COMSTAR"},
	{"TEGILE", "INTELLIFLASH"},
	{"EUROLOGC", "FC2502"},
	{"NEC", "DISK ARRAY"},
	{"PIVOT3", "RAIGE VOLUME"},
	{"Pivot3", "vSTAC"},
	{"Intel", "Multi-Flex"},
	{"KOVE", "XPD"},
	{"NEXSAN", "NXS-B0"},
	{"NEXSAN", "SATAB"},
	{"Nexsan", "NST5000"},
	{"VIOLIN", "SAN ARRAY"},
	{"VIOLIN", "SAN ARRAY ALUA"},
	{"VIOLIN", "CONCERTO ARRAY"},
	{"XIOTECH", "ISE"},
	{"XIOtech", "IGLU DISK"},
	{"XIOTECH", "Magnitude"},
	{"Vexata", "VX100"},
	{"IFT", "DS 3000"},
	{"DotHill", "SANnet"},
	{"DotHill", "R/Evo 5730"},
	{"DotHill", "DH3824"},
	{"AStor", "NeoSapphire"},
	{"INSPUR", "MCS"},
	{"MacroSAN", "LU"},
	{"Promise", "VTrak E610f"},
	{"Promise", "Vess R2600"},
	{"VMware", "Virtual disk"},
	{NULL, NULL},
};
