#!/usr/bin/env bash
# Makes the base image's root file system without any registry: Debian bookworm (minbase + ca-certificates)
# by debootstrap from the given mirror, the host's extra certificate authorities trusted inside, apt set to
# the same mirror without recommends, no package lists or archives kept. Needs root.
# Usage: rootfs.sh <dir> <mirror> [extra CA files...]
set -euo pipefail
root=$1 mirror=$2; shift 2

# Unmounts whatever is mounted below the root (debootstrap may leave /proc mounted).
unmount_in() {
  local m
  for m in $(awk -v r="$root/" 'index($2, r) == 1 {print $2}' /proc/mounts | sort -r); do umount -l "$m" || true; done
}

unmount_in
rm -rf --one-file-system "$root" && mkdir -p "$root"
debootstrap --variant=minbase --include=ca-certificates bookworm "$root" "$mirror"
unmount_in
echo "deb $mirror bookworm main" >"$root/etc/apt/sources.list"
printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' >"$root/etc/apt/apt.conf.d/90cem"
if (($#)); then cp "$@" "$root/usr/local/share/ca-certificates/" && chroot "$root" update-ca-certificates; fi
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
