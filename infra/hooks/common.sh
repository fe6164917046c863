# shellcheck shell=bash
# Shared by the azd hooks. Sourced, not run.

# Fails unless every named command is on PATH.
require_tools() {
  local missing=0 tool
  for tool in "$@"; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "error: '$tool' is required (see infra/README.md, Prerequisites)" >&2
      missing=1
    fi
  done
  return "$missing"
}

# Fails unless every named environment variable is set; azd sets them from main.bicep's outputs.
require_env() {
  local missing=0 name
  for name in "$@"; do
    if [[ -z "${!name:-}" ]]; then
      echo "error: $name is not set; run this through azd (azd provision / azd deploy)" >&2
      missing=1
    fi
  done
  return "$missing"
}

# retry ATTEMPTS SECONDS COMMAND...: runs COMMAND until it succeeds, sleeping between tries.
retry() {
  local attempts=$1 delay=$2 n=1
  shift 2
  until "$@"; do
    if (( n >= attempts )); then
      echo "error: gave up after $attempts attempts: $*" >&2
      return 1
    fi
    echo "  not yet (attempt $n/$attempts); retrying in ${delay}s" >&2
    sleep "$delay"
    n=$((n + 1))
  done
}
