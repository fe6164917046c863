#!/usr/bin/env bash
# Builds and lints every Bicep file under infra/ with the Bicep CLI pinned in
# infra/bicep/Bicep.proj (NuGet Azure.Bicep.CommandLine.linux-x64). Fails on any error or
# warning: `bicep lint` reports findings on stderr and still exits 0, so they are counted.
set -euo pipefail

infra_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
proj="$infra_dir/bicep/Bicep.proj"

dotnet restore "$proj" --nologo --verbosity quiet >/dev/null
bicep="$(dotnet msbuild "$proj" -nologo -getProperty:BicepPath | tr -d '\r')"
bicep="${bicep//\\//}" # the package's props join with a backslash
if [[ ! -x "$bicep" ]]; then
  echo "infra/build.sh: Bicep CLI not found at '$bicep' (restore of $proj failed?)" >&2
  exit 1
fi
echo "Bicep: $("$bicep" --version)"

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

errors=0
warnings=0
failed=0
files=0
while IFS= read -r -d '' file; do
  files=$((files + 1))
  rel="${file#"$infra_dir"/}"
  for verb in build lint; do
    log="$out/diag.txt"
    if [[ $verb == build ]]; then
      "$bicep" build "$file" --outdir "$out" >/dev/null 2>"$log" || failed=$((failed + 1))
    else
      "$bicep" lint "$file" >/dev/null 2>"$log" || failed=$((failed + 1))
    fi
    e=$(grep -c ' : Error ' "$log" || true)
    w=$(grep -c ' : Warning ' "$log" || true)
    errors=$((errors + e))
    warnings=$((warnings + w))
    if [[ -s "$log" ]]; then cat "$log" >&2; fi
    printf '%-5s %-45s %d error(s), %d warning(s)\n' "$verb" "$rel" "$e" "$w"
  done
done < <(find "$infra_dir" -name '*.bicep' -not -path '*/bin/*' -not -path '*/obj/*' -print0 | sort -z)

echo "Bicep files: $files; errors: $errors; warnings: $warnings; failed commands: $failed"
if (( files == 0 || errors > 0 || warnings > 0 || failed > 0 )); then
  exit 1
fi
