#!/bin/bash
# tests/vm/setup.sh - prepare everything the real-kernel VM tests need.
#
# What it does (each step only when needed, so a second run takes well under a second):
#   1. installs the host packages the harness uses (apt-get update only if something is missing);
#   2. downloads Debian's stock kernel (the package linux-image-amd64 depends on) with
#      `apt-get download`, unpacks it with `dpkg-deb -x` into the cache and runs `depmod -b`;
#   3. builds a tiny busybox initramfs (guest/initramfs-init + the 9p/overlay modules);
#   4. downloads and unpacks (never installs) Debian's multipath-tools and kpartx packages,
#      the reference implementation for side-by-side comparisons inside the guest.
#
# Environment:
#   MPT_VM_CACHE    cache directory (default /var/cache/mpt-vm). The guest sees it through the
#                   read-only root share, so it must not live under a directory the guest
#                   mounts over (/tmp, /run, /dev, /proc, /sys).
#   MPT_VM_REFRESH  set to 1 to re-resolve package versions even when the cache looks complete.
#
# Output: a single line on success. Everything the VM scripts need is recorded in
# $MPT_VM_CACHE/vm.env.
set -eu -o pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${MPT_VM_CACHE:-/var/cache/mpt-vm}

die() { echo "setup.sh: $*" >&2; exit 1; }

case $CACHE in
/*) ;;
*) die "MPT_VM_CACHE must be an absolute path (got '$CACHE')" ;;
esac
case "$CACHE/" in
/tmp/* | /run/* | /dev/* | /proc/* | /sys/* | /var/tmp/*)
	die "MPT_VM_CACHE=$CACHE is hidden inside the guest (it mounts tmpfs there); pick another place" ;;
"$HERE"/out/*)
	die "MPT_VM_CACHE must not live under $HERE/out (the guest mounts over it)" ;;
*[[:space:]]*)
	die "MPT_VM_CACHE must not contain white space" ;;
esac

# Host packages. The guest runs the host's own binaries (root file system shared over 9p), so
# everything a scenario calls must be installed here: udevd, dmsetup, fio, sg3-utils ... plus
# the shared libraries Debian's multipathd needs (it is unpacked, not installed), and
# open-iscsi (iscsid, iscsiadm) and iproute2 for the iSCSI-over-loopback paths (lib.sh
# iscsi_*); the host never runs iscsid, only the guest does; strace for scenario 63 (the
# tables each multipath loaded) and the bench.
PACKAGES="qemu-system-x86 busybox-static kmod udev fio sg3-utils dmsetup jq xz-utils
	libaio1 libedit2 libjson-c5 liburcu8 libdevmapper1.02.1 open-iscsi iproute2 strace"

# The stamp says which inputs the cache was built from; when it matches, we are done.
inputs_hash() {
	cat "$HERE/setup.sh" "$HERE/guest/initramfs-init" | md5sum | cut -d' ' -f1
}

missing_packages() {
	# dpkg-query prints "name status" for each known package; unknown ones go to stderr.
	local installed p
	# shellcheck disable=SC2086 # one argument per package
	installed=$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' $PACKAGES 2>/dev/null |
		awk '$2 == "installed" { printf " %s", $1 }')
	for p in $PACKAGES; do
		case "$installed " in
		*" $p "*) ;;
		*) printf '%s ' "$p" ;;
		esac
	done
}

HASH=$(inputs_hash)
if [ -z "${MPT_VM_REFRESH:-}" ] && [ -f "$CACHE/vm.env" ] &&
	grep -qx "MPT_VM_STAMP=$HASH" "$CACHE/vm.env" && [ -z "$(missing_packages)" ]; then
	# shellcheck disable=SC1091
	. "$CACHE/vm.env"
	if [ -f "$MPT_VM_KERNEL" ] && [ -f "$MPT_VM_INITRD" ]; then
		echo "vm setup: ready (kernel $MPT_VM_KVER, multipath-tools $MPT_VM_REF_VERSION, cache $CACHE)"
		exit 0
	fi
fi

[ "$(id -u)" = 0 ] || die "must run as root the first time (apt-get, $CACHE)"

# 1. packages -----------------------------------------------------------------------------
MISSING=$(missing_packages)
if [ -n "$MISSING" ]; then
	echo "vm setup: installing $MISSING" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $MISSING >&2
fi

mkdir -p "$CACHE/debs"
cd "$CACHE/debs"

# apt-get download as root warns that the _apt sandbox user cannot write here; say so openly.
apt_download() {
	apt-get download -q -o APT::Sandbox::User=root "$@" >/dev/null
}

# Newest downloaded .deb of a package (apt-get download names them NAME_VERSION_ARCH.deb).
deb_of() {
	ls -t "$CACHE/debs/$1"_*.deb 2>/dev/null | head -n1
}

# 2. kernel -------------------------------------------------------------------------------
KPKG=$(apt-cache depends linux-image-amd64 2>/dev/null |
	awk '$1 == "Depends:" && $2 ~ /^linux-image-/ { print $2; exit }')
[ -n "$KPKG" ] || die "cannot find the kernel package linux-image-amd64 depends on (apt-get update?)"
KPKG_VERSION=$(apt-cache policy "$KPKG" | awk '$1 == "Candidate:" { print $2 }')
KDIR=$CACHE/kernel

if [ "$(cat "$KDIR/.package" 2>/dev/null)" != "$KPKG $KPKG_VERSION" ]; then
	echo "vm setup: downloading $KPKG $KPKG_VERSION" >&2
	rm -f "$CACHE/debs/$KPKG"_*.deb
	apt_download "$KPKG"
	DEB=$(deb_of "$KPKG")
	[ -n "$DEB" ] || die "apt-get download $KPKG produced no .deb"
	rm -rf "$KDIR" "$KDIR.new" "$CACHE"/vmlinux-*
	dpkg-deb -x "$DEB" "$KDIR.new"
	mv "$KDIR.new" "$KDIR"
	echo "$KPKG $KPKG_VERSION" >"$KDIR/.package"
	rm -f "$DEB" # 70 MB we no longer need: the unpacked tree is what we use
fi
KVER=$(cd "$KDIR/boot" && ls vmlinuz-* | head -n1 | sed 's/^vmlinuz-//')
[ -n "$KVER" ] || die "no vmlinuz in $KDIR/boot"
if [ ! -s "$KDIR/lib/modules/$KVER/modules.dep" ] ||
	[ "$KDIR/lib/modules/$KVER/modules.dep" -ot "$KDIR/.package" ]; then
	depmod -b "$KDIR" "$KVER"
fi

# Booting the bzImage makes the guest decompress its xz payload first: 4 s under TCG. The
# payload is the ELF vmlinux, which has a PVH entry point (CONFIG_PVH) that qemu can start
# directly, so we unpack it once here. Without PVH support the bzImage is used.
KERNEL=$KDIR/boot/vmlinuz-$KVER
VMLINUX=$CACHE/vmlinux-$KVER
if [ ! -s "$VMLINUX" ] && grep -qx 'CONFIG_PVH=y' "$KDIR/boot/config-$KVER"; then
	# Try each place where a compressed stream starts until one gives an ELF file.
	for magic in '\xfd7zXZ\x00:xz -dcq' '\x28\xb5\x2f\xfd:zstd -dcq' '\x1f\x8b\x08:gzip -dcq'; do
		tool=${magic#*:}
		command -v "${tool%% *}" >/dev/null || continue
		for off in $(LC_ALL=C grep -obUaP "${magic%%:*}" "$KERNEL" | cut -d: -f1); do
			tail -c +$((off + 1)) "$KERNEL" | $tool >"$VMLINUX.new" 2>/dev/null || true
			if [ "$(head -c 4 "$VMLINUX.new" | od -An -c | tr -d ' ')" = '177ELF' ]; then
				mv "$VMLINUX.new" "$VMLINUX"
				break 2
			fi
		done
	done
	rm -f "$VMLINUX.new"
fi
[ -s "$VMLINUX" ] && [ "${MPT_VM_PVH:-1}" = 1 ] && KERNEL=$VMLINUX

# 3. initramfs ----------------------------------------------------------------------------
# Contents: static busybox, our /init, and the modules needed to reach the root file system
# (virtio PCI transport, 9p over virtio, overlayfs), loaded by /init in the order listed in
# /modules/order (dependencies first, as `modprobe --show-depends` gives them).
INITRD=$CACHE/initramfs.cpio
STAGE=$CACHE/initramfs.d
rm -rf "$STAGE"
mkdir -p "$STAGE"/bin "$STAGE"/dev "$STAGE"/proc "$STAGE"/sys "$STAGE"/modules \
	"$STAGE"/lower "$STAGE"/upper "$STAGE"/newroot
cp /bin/busybox "$STAGE/bin/busybox"
install -m 0755 "$HERE/guest/initramfs-init" "$STAGE/init"
mknod -m 600 "$STAGE/dev/console" c 5 1
mknod -m 666 "$STAGE/dev/null" c 1 3
: >"$STAGE/modules/order"
for mod in virtio_pci 9pnet_virtio 9p overlay; do
	# Lines look like "insmod /path/to/mod.ko [params]"; builtin modules print "builtin ...".
	modprobe -d "$KDIR" -S "$KVER" --show-depends "$mod" |
		awk '$1 == "insmod" { print $2 }' |
		while read -r ko; do
			base=${ko##*/}
			grep -qx "$base" "$STAGE/modules/order" && continue
			cp "$ko" "$STAGE/modules/$base"
			echo "$base" >>"$STAGE/modules/order"
		done
done
(cd "$STAGE" && find . -mindepth 1 | LC_ALL=C sort | busybox cpio -o -H newc 2>/dev/null) >"$INITRD.new"
mv "$INITRD.new" "$INITRD"
rm -rf "$STAGE"

# 4. reference multipath-tools ------------------------------------------------------------
# multipath-tools 0.9.4 in Debian 12 carries the binaries (multipath, multipathd, multipathc,
# mpathpersist), the libraries (libmultipath.so.0, libmpathutil.so.0, libmpathcmd.so.0 ...)
# and the checker/prioritizer plugins (lib/multipath/); kpartx is a separate package it
# depends on. Both are unpacked into one tree; lib.sh's ref_install copies it into the guest.
REF=$CACHE/multipath-tools
REF_VERSION=$(apt-cache policy multipath-tools | awk '$1 == "Candidate:" { print $2 }')
[ -n "$REF_VERSION" ] && [ "$REF_VERSION" != "(none)" ] || die "apt does not know multipath-tools"
if [ "$(cat "$REF/.package" 2>/dev/null)" != "multipath-tools $REF_VERSION" ]; then
	echo "vm setup: downloading multipath-tools and kpartx $REF_VERSION" >&2
	rm -f "$CACHE"/debs/multipath-tools_*.deb "$CACHE"/debs/kpartx_*.deb
	apt_download multipath-tools kpartx
	rm -rf "$REF" "$REF.new"
	for p in multipath-tools kpartx; do
		DEB=$(deb_of "$p")
		[ -n "$DEB" ] || die "apt-get download $p produced no .deb"
		dpkg-deb -x "$DEB" "$REF.new"
	done
	mv "$REF.new" "$REF"
	echo "multipath-tools $REF_VERSION" >"$REF/.package"
fi

cat >"$CACHE/vm.env.new" <<ENV
# written by tests/vm/setup.sh; sourced by run.sh, demo.sh and the guest
MPT_VM_STAMP=$HASH
MPT_VM_CACHE=$CACHE
MPT_VM_KVER=$KVER
MPT_VM_KERNEL=$KERNEL
MPT_VM_INITRD=$INITRD
MPT_VM_MODULES=$KDIR/lib/modules/$KVER
MPT_VM_REF=$REF
MPT_VM_REF_VERSION=$REF_VERSION
ENV
mv "$CACHE/vm.env.new" "$CACHE/vm.env"
echo "vm setup: ready (kernel $KVER, multipath-tools $REF_VERSION, cache $CACHE)"
