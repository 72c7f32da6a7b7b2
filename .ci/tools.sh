#!/usr/bin/env bash
# Prints the path of a pinned CLI that the tests and the demo run, building it into ./bin the first
# time from its Go module source:
#
#   bash .ci/tools.sh terraform   # Terraform $TERRAFORM_VERSION, what `make test` and `make demo` run
#   bash .ci/tools.sh tofu        # OpenTofu $TOFU_VERSION, which .ci/run also runs the suite with
#
# Why not `go install`: Terraform after 1.8.5 and every OpenTofu release have `replace` directives in
# go.mod, which `go install module@version` refuses. Both still build from the module itself, which
# `go mod download` fetches from the module proxy (or finds in the module cache):
#   - OpenTofu builds as it is (`go build ./cmd/tofu`).
#   - Terraform requires its remote-state backends and internal/legacy as nested modules that the proxy
#     does not serve. They are dropped from go.mod and from the backend list; the local backend, all
#     that the tests and the demo use, stays.
# Binaries are cached as bin/<name>-<version>/<name> and each call checks that `version` reports the pin, so
# a stale or broken binary fails loudly instead of testing the wrong CLI. Set TOOLS_REBUILD=1 to rebuild.
set -euo pipefail

TERRAFORM_VERSION=1.14.9
TOFU_VERSION=1.12.6

root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/bin"

die() {
  echo "tools.sh: $*" >&2
  exit 1
}

# The first line of `version`, e.g. "Terraform v1.14.9" or "OpenTofu v1.12.6".
reported_version() {
  TF_CLI_CONFIG_FILE=/dev/null CHECKPOINT_DISABLE=1 "$1" version 2>/dev/null | head -n1
}

verify() { # path, expected first line of `version`
  local got
  got="$(reported_version "$1" || true)"
  [ "$got" = "$2" ] || die "$1 reports '$got', want '$2' (delete it, or run with TOOLS_REBUILD=1)"
}

# Copies the module source of $1@$2 into the writable directory $3.
module_source() {
  local json dir
  # Outside any module, so that the project's go.mod and go.sum are not involved.
  json="$(cd "$3" && go mod download -json "$1@$2")" || die "go mod download $1@$2 failed: $json"
  dir="$(printf '%s\n' "$json" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  [ -n "$dir" ] && [ -d "$dir" ] || die "go mod download $1@$2 gave no module directory: $json"
  cp -R "$dir/." "$3"
  chmod -R u+w "$3"
}

# Terraform's remote-state backends that live in nested modules; internal/legacy is one too, and only
# those backends import it.
nested='backend/remote-state/(azure|consul|cos|gcs|kubernetes|oci|oss|pg|s3)|legacy'

strip_terraform_backends() { # source dir
  local mod="$1/go.mod" init="$1/internal/backend/init/init.go"
  sed -i -E "\#^[[:space:]]*(replace[[:space:]]+)?github\.com/hashicorp/terraform/internal/($nested)([[:space:]]|\$)#d" "$mod"
  sed -i -E '/^[[:space:]]*backend(Azure|Consul|Cos|GCS|Kubernetes|OCI|OSS|Pg|S3) "github\.com\/hashicorp\/terraform\//d' "$init"
  sed -i -E '/^[[:space:]]*"(azurerm|consul|cos|gcs|kubernetes|oci|oss|pg|s3)":[[:space:]]+func\(\)/d' "$init"
  # A new nested module or a renamed backend would break the build below; say what to change here.
  if grep -Eq "github\.com/hashicorp/terraform/internal/($nested)" "$mod" "$init" ||
    grep -Eq 'hashicorp/terraform/internal/[^ ]+ v0\.0\.0-00010101000000' "$mod"; then
    die "terraform $TERRAFORM_VERSION still needs nested modules after patching; update strip_terraform_backends"
  fi
  grep -q '"local":' "$init" || die "terraform $TERRAFORM_VERSION: the local backend is missing from $init"
}

tmp=""
cleanup() { [ -z "$tmp" ] || { chmod -R u+w "$tmp" 2>/dev/null || true; rm -rf "$tmp"; }; }
trap cleanup EXIT

build() { # name, version, out
  local name="$1" version="$2" out="$3" src start module pkg
  tmp="$(mktemp -d "${TMPDIR:-/tmp}/aks-tools-$name.XXXXXX")"
  src="$tmp/src"
  mkdir -p "$src"
  case "$name" in
  terraform) module=github.com/hashicorp/terraform pkg=. ;;
  tofu) module=github.com/opentofu/opentofu pkg=./cmd/tofu ;;
  esac
  start=$SECONDS
  echo "tools.sh: building $name $version from $module@v$version (once; cached in bin/)..." >&2
  module_source "$module" "v$version" "$src"
  if [ "$name" = terraform ]; then strip_terraform_backends "$src"; fi
  # version.dev=no drops the "-dev" suffix that source builds otherwise report.
  (cd "$src" && go build -trimpath \
    -ldflags "-s -w -X $module/version.dev=no" -o "$tmp/$name" "$pkg") >&2
  mkdir -p "$(dirname "$out")"
  mv "$tmp/$name" "$out"
  echo "tools.sh: built $name $version in $((SECONDS - start))s" >&2
}

name="${1:-}"
case "$name" in
terraform) version=$TERRAFORM_VERSION want="Terraform v$TERRAFORM_VERSION" ;;
tofu) version=$TOFU_VERSION want="OpenTofu v$TOFU_VERSION" ;;
*) die "usage: tools.sh terraform|tofu" ;;
esac
# A folder per version holding a binary with the usual name, so that tools which look the CLI up on
# PATH (tfplugindocs runs `terraform`) find the pinned one first.
out="$bin/$name-$version/$name"

if [ "${TOOLS_REBUILD:-}" = 1 ] || [ ! -x "$out" ]; then
  mkdir -p "$bin"
  # Two make targets (or CI steps) may ask at once: one builds, the other waits for it.
  exec 9>"$bin/.$name-$version.lock"
  command -v flock >/dev/null 2>&1 && flock 9
  if [ "${TOOLS_REBUILD:-}" = 1 ] || [ ! -x "$out" ]; then
    build "$name" "$version" "$out"
  fi
fi
verify "$out" "$want"
echo "$out"
