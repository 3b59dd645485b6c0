#!/usr/bin/env bash
# Builds and lints the Bicep templates with the Bicep CLI from NuGet (Azure.Bicep.CommandLine.linux-x64), and fails on any
# error or warning: `bicep build main.bicep`, `bicep lint` on every .bicep file, `bicep build-params` on each .bicepparam.
# Needs only the .NET SDK: the CLI is restored from the machine's NuGet feed once, then kept under .tools/ (git-ignored).
set -euo pipefail

readonly BICEP_PACKAGE="Azure.Bicep.CommandLine.linux-x64"
readonly BICEP_VERSION="0.49.2"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tools="$here/.tools"
bicep_dir="$tools/bicep-$BICEP_VERSION"
bicep="$bicep_dir/bicep"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

temp_dirs=()
cleanup() { if ((${#temp_dirs[@]})); then rm -rf "${temp_dirs[@]}"; fi; }
trap cleanup EXIT

# Sets $temp_dir to a new temporary folder, removed on exit (not called in $(...), whose subshell would lose the list).
new_temp_dir() {
  temp_dir="$(mktemp -d "${TMPDIR:-/tmp}/backoffice-bicep.XXXXXX")"
  temp_dirs+=("$temp_dir")
}

# The CLI is kept in a folder named for its version, stamped once it was checked, so a cached run starts no extra process.
is_cached() {
  [[ -x "$bicep" && -f "$bicep_dir/verified" ]]
}

# Restores the package into a throwaway project outside the repository (so the repository's central package management
# and build props do not apply), then copies the CLI into .tools/ atomically, so an interrupted run leaves no half file.
fetch_bicep() {
  command -v dotnet >/dev/null || { echo "lint.sh: the .NET SDK (dotnet) is required to fetch the Bicep CLI" >&2; exit 2; }
  echo "Fetching $BICEP_PACKAGE $BICEP_VERSION from NuGet..."
  local work sdk_major found staging
  new_temp_dir
  work="$temp_dir"
  sdk_major="$(dotnet --version | cut -d. -f1)"
  cat >"$work/fetch-bicep.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net$sdk_major.0</TargetFramework>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="$BICEP_PACKAGE" Version="$BICEP_VERSION" />
  </ItemGroup>
</Project>
EOF
  (cd "$work" && dotnet restore fetch-bicep.csproj --packages "$work/packages" --nologo -v quiet)
  found="$(find "$work/packages" -type f -name bicep -path "*/tools/*" | head -n 1)"
  [[ -n "$found" ]] || { echo "lint.sh: no bicep executable in the restored package" >&2; exit 2; }
  mkdir -p "$tools"
  staging="$(mktemp -d "$tools/.bicep-$BICEP_VERSION.XXXXXX")"
  temp_dirs+=("$staging")
  cp "$found" "$staging/bicep"
  chmod +x "$staging/bicep"
  "$staging/bicep" --version | grep -q "version $BICEP_VERSION " || { echo "lint.sh: the restored CLI is not $BICEP_VERSION" >&2; exit 2; }
  echo "$BICEP_VERSION" >"$staging/verified"
  rm -rf "$bicep_dir"
  chmod 755 "$staging"
  mv "$staging" "$bicep_dir"
}

start=$SECONDS
if is_cached; then echo "Using the cached Bicep CLI $BICEP_VERSION ($bicep)"; else fetch_bicep; echo "Using the Bicep CLI $BICEP_VERSION ($bicep)"; fi

failed=()

# Runs one check; it fails on a non-zero exit code and on any diagnostic line saying Warning or Error.
check() {
  local label="$1" output status=0
  shift
  output="$("$@" 2>&1)" || status=$?
  if [[ -n "$output" ]]; then printf '%s\n' "$output"; fi
  if ((status != 0)); then
    failed+=("$label (exit code $status)")
  elif grep -Eiq '(^|[^[:alnum:]])(warning|error)([^[:alnum:]]|$)' <<<"$output"; then
    failed+=("$label (diagnostics)")
  else
    echo "ok: $label"
  fi
}

cd "$here"
new_temp_dir
out="$temp_dir"

check "bicep build main.bicep" "$bicep" build main.bicep --outdir "$out"

# One process per step (the CLI takes seconds to start): --pattern covers every file, each diagnostic names its file.
mapfile -t bicep_files < <(find . -path ./.tools -prune -o -type f -name '*.bicep' -print | sed 's|^\./||' | sort)
printf 'linting: %s\n' "${bicep_files[@]}"
check "bicep lint (${#bicep_files[@]} files)" "$bicep" lint --pattern '**/*.bicep'

mapfile -t param_files < <(find . -path ./.tools -prune -o -type f -name '*.bicepparam' -print | sed 's|^\./||' | sort)
printf 'building: %s\n' "${param_files[@]}"
check "bicep build-params (${#param_files[@]} files)" "$bicep" build-params --pattern '**/*.bicepparam' --outdir "$out"

# app-settings.txt lists every setting the templates give the apps (':' for '__'), for the tests that compare it with what
# the apps read: it must name exactly the environment variables main.bicep sets.
compare_settings() {
  diff -u --label "app-settings.txt" --label "environment variables in main.bicep" \
    <(grep -v '^[[:space:]]*$' app-settings.txt | sort -u) \
    <(grep -oE "\{ name: '[A-Za-z0-9_]+', (value|secretRef):" main.bicep | sed -E "s/^\{ name: '([^']+)'.*/\1/; s/__/:/g" | sort -u)
}
check "app-settings.txt matches main.bicep" compare_settings

elapsed=$((SECONDS - start))
if ((${#failed[@]})); then
  printf 'FAILED: %s\n' "${failed[@]}" >&2
  echo "Bicep lint failed after ${elapsed}s." >&2
  exit 1
fi
echo "Bicep: ${#bicep_files[@]} templates and ${#param_files[@]} parameter files clean, no warnings (${elapsed}s)."
