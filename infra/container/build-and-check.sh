#!/usr/bin/env bash
# Builds the platform's one image as an OCI archive with the .NET SDK's container support (no Docker daemon), then checks
# that it starts: unpacked and run with runc on the host's network, it must answer its health probes in Production.
# Usage: infra/container/build-and-check.sh [archive path]   (default artifacts/backoffice-host.tar). Run as root (apt, runc).
set -euo pipefail
cd "$(dirname "$0")/../.."
archive=$(realpath -m "${1:-artifacts/backoffice-host.tar}")
work=$(mktemp -d)
registry_pid="" container=""
cleanup() {
  [ -n "$container" ] && { runc kill "$container" KILL 2>/dev/null || true; runc delete -f "$container" 2>/dev/null || true; }
  [ -n "$registry_pid" ] && kill "$registry_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# runc and umoci unpack need root (CI runs as root; elsewhere run it with sudo).
[ "$(id -u)" -eq 0 ] || { echo "infra/container/build-and-check.sh needs root: runc and umoci run the image." >&2; exit 1; }

need=""
for tool in docker-registry skopeo umoci mmdebstrap runc jq python3; do command -v "$tool" >/dev/null || need="$need $tool"; done
if [ -n "$need" ]; then
  echo "Installing$need..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-registry skopeo umoci mmdebstrap runc jq python3 >/dev/null
fi

# A registry of our own on loopback holds the base image; "localhost" makes the SDK speak plain HTTP to it.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port)
printf 'version: 0.1\nlog: {level: warn}\nstorage: {filesystem: {rootdirectory: %s}}\nhttp: {addr: 127.0.0.1:%s}\n' "$work/registry" "$port" > "$work/registry.yml"
docker-registry serve "$work/registry.yml" >"$work/registry.log" 2>&1 &
registry_pid=$!
for _ in $(seq 1 50); do curl -fsS "http://127.0.0.1:$port/v2/" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fsS "http://127.0.0.1:$port/v2/" >/dev/null || { cat "$work/registry.log" >&2; exit 1; }

echo "Building the base image..."
base="localhost:$port/backoffice-base:bookworm"
bash infra/container/base-image.sh "$work/base" "$base"

echo "Publishing the platform image to $archive..."
mkdir -p "$(dirname "$archive")"
rm -f "$archive"
dotnet publish src/Host/BackOffice.Host.csproj -c Release -r linux-x64 --self-contained true -t:PublishContainer \
  -p:ContainerBaseImage="$base" -p:ContainerArchiveOutputPath="$archive" \
  -p:ContainerRepository=backoffice -p:ContainerImageTag=ci -p:ContainerImageFormat=OCI --artifacts-path "$work/artifacts" \
  -nologo -v:q

echo "Starting the image..."
mkdir -p "$work/image"
tar -xf "$archive" -C "$work/image"
umoci unpack --image "$work/image:ci" "$work/bundle" >/dev/null
http_port=$(free_port)
# No terminal; the host's network, so the probe reaches it on loopback; a volume for the embedded store; Production settings.
jq --arg port "$http_port" '.process.terminal = false
  | .linux.namespaces |= map(select(.type != "network"))
  | .mounts += [{"destination": "/home/app/data", "type": "tmpfs", "source": "tmpfs", "options": ["nosuid", "nodev", "mode=1777"]}]
  | .process.env += ["ASPNETCORE_ENVIRONMENT=Production", "ASPNETCORE_HTTP_PORTS=\($port)", "Platform__Roles=All",
      "Auth__ProviderDirectoryId=11111111-1111-1111-1111-111111111111", "Storage__Sqlite__DataFolder=/home/app/data"]' \
  "$work/bundle/config.json" > "$work/config.json"
mv "$work/config.json" "$work/bundle/config.json"
container="backoffice-check-$$"
runc run -b "$work/bundle" "$container" >"$work/container.log" 2>&1 &
ready=""
for _ in $(seq 1 120); do
  # Only an answer from our running container counts, not from something else on the port.
  if runc state "$container" 2>/dev/null | grep -q '"running"' \
    && curl -fsS -m 2 "http://127.0.0.1:$http_port/health/ready" >/dev/null 2>&1; then ready=yes; break; fi
  sleep 0.5
done
if [ -z "$ready" ] || ! curl -fsS -m 5 "http://127.0.0.1:$http_port/health/live" >/dev/null; then
  echo "The image did not become ready:" >&2; cat "$work/container.log" >&2; exit 1
fi
echo "The image starts and answers its health probes: $(du -h "$archive" | cut -f1) at $archive"
