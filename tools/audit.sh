#!/usr/bin/env bash
# Dependency audit: NuGet packages (every project, transitive ones included) and the committed npm lock files.
# Fails on a high or critical advisory. A feed that serves no advisory data cannot pass or fail a package: the
# script says so plainly for that feed and checks what it can, rather than reporting "no vulnerabilities".
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
status=0

# --- NuGet -----------------------------------------------------------------------------------------------------
# `dotnet list package --vulnerable` answers "no vulnerable packages" from a feed without advisory data, which would
# be a false pass: first ask each source's service index for its VulnerabilityInfo resource.
sources="$(dotnet nuget list source --format short 2>/dev/null | awk '$1 ~ /^E/ { print $2 }')"
with_data=""
for source in $sources; do
  if node -e '
    fetch(process.argv[1]).then(r => r.json()).then(index => {
      process.exit((index.resources || []).some(r => String(r["@type"]).startsWith("VulnerabilityInfo")) ? 0 : 1);
    }).catch(() => process.exit(2));' "$source"; then
    with_data="$with_data $source"
  else
    echo "NuGet audit: $source serves no vulnerability data (no VulnerabilityInfo resource in its service index); packages from it are not checked here."
  fi
done
if [ -n "$with_data" ]; then
  report="$(dotnet list SharedServicesPipeline.sln package --vulnerable --include-transitive --format json)"
  found="$(printf '%s' "$report" | node -e '
    let text = ""; process.stdin.on("data", d => text += d).on("end", () => {
      const hits = new Set();
      for (const project of JSON.parse(text).projects || [])
        for (const framework of project.frameworks || [])
          for (const pkg of [...(framework.topLevelPackages || []), ...(framework.transitivePackages || [])])
            for (const v of pkg.vulnerabilities || [])
              if (/^(high|critical)$/i.test(v.severity)) hits.add(`${pkg.id} ${pkg.resolvedVersion}: ${v.severity} ${v.advisoryurl}`);
      console.log([...hits].join("\n"));
    });')"
  if [ -n "$found" ]; then
    echo "NuGet audit: high or critical advisories:"; echo "$found"; status=1
  else
    echo "NuGet audit:$with_data: no high or critical advisory for any package, transitive ones included."
  fi
fi

# --- npm -------------------------------------------------------------------------------------------------------
for lock in tools/test-services/package-lock.json dashboard/package-lock.json; do
  dir="$(dirname "$lock")"
  set +e
  json="$(npm audit --prefix "$dir" --package-lock-only --audit-level=high --json 2>/dev/null)"
  set -e
  verdict="$(printf '%s' "$json" | node -e '
    let text = ""; process.stdin.on("data", d => text += d).on("end", () => {
      let audit; try { audit = JSON.parse(text); } catch { console.log("unavailable: npm audit printed no report"); return; }
      if (audit.error) { console.log(`unavailable: ${audit.error.summary || audit.error.code || "the audit endpoint returned an error"}`); return; }
      const v = (audit.metadata || {}).vulnerabilities || {};
      console.log(`${(v.high || 0) + (v.critical || 0)} high or critical (${v.total || 0} in all)`);
    });')"
  case "$verdict" in
    unavailable*) echo "npm audit $lock: the registry ($(npm config get registry)) serves no advisory data here (${verdict#unavailable: }); not checked." ;;
    0\ *) echo "npm audit $lock: $verdict." ;;
    *) echo "npm audit $lock: $verdict:"; npm audit --prefix "$dir" --package-lock-only --audit-level=high || true; status=1 ;;
  esac
done

exit "$status"
