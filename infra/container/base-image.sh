#!/usr/bin/env bash
# Builds the platform's base image (a minimal Debian root: libc, libstdc++, OpenSSL, ICU, CA certificates, time zones and
# an unprivileged "app" user, no shell) and pushes it to the registry given, so `dotnet publish /t:PublishContainer` can
# build on it where Microsoft's registry is out of reach. In Azure the same base comes from the team's registry.
# Usage: base-image.sh <work dir> <registry host:port>/<repository>:<tag>
set -euo pipefail
work=$1 target=$2
mkdir -p "$work"
rootfs="$work/rootfs.tar" layout="$work/oci-base"
rm -rf "$rootfs" "$layout"
# The extract variant only unpacks packages (no maintainer scripts, so no shell is needed in the image);
# the hooks do the little those scripts would have done.
mmdebstrap --quiet --variant=extract \
  --include=libc6,libgcc-s1,libstdc++6,libssl3,zlib1g,libicu72,ca-certificates,tzdata,base-files,base-passwd \
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-exclude=/usr/share/info/*' \
  --customize-hook='rm -rf "$1"/var/cache/apt/* "$1"/var/lib/apt/lists/* "$1"/var/log/*' \
  --customize-hook='cp "$1"/usr/share/base-passwd/passwd.master "$1"/etc/passwd; cp "$1"/usr/share/base-passwd/group.master "$1"/etc/group' \
  --customize-hook='echo "app:x:1654:1654:app:/home/app:/usr/sbin/nologin" >> "$1"/etc/passwd; echo "app:x:1654:" >> "$1"/etc/group; mkdir -p "$1"/home/app; chown 1654:1654 "$1"/home/app' \
  --customize-hook='cat "$1"/usr/share/ca-certificates/mozilla/*.crt > "$1"/etc/ssl/certs/ca-certificates.crt' \
  bookworm "$rootfs"
umoci init --layout "$layout"
umoci new --image "$layout:base"
umoci raw add-layer --image "$layout:base" "$rootfs"
# APP_UID makes the SDK run the app as that user, as on Microsoft's images; Kestrel listens on 8080 as there too.
umoci config --image "$layout:base" --os linux --architecture amd64 \
  --config.env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  --config.env APP_UID=1654 --config.env ASPNETCORE_HTTP_PORTS=8080 \
  --config.env DOTNET_RUNNING_IN_CONTAINER=true --config.workingdir /
skopeo copy -q --dest-tls-verify=false "oci:$layout:base" "docker://$target"
