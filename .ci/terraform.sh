#!/usr/bin/env bash
# Prints the path of a terraform binary: the one on PATH, else one built from the Go module proxy
# into ./bin (terraform v1.8.5 is the newest that builds that way; tests needing newer features skip).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if command -v terraform >/dev/null 2>&1; then
  command -v terraform
  exit 0
fi
if [ ! -x "$root/bin/terraform" ]; then
  echo "terraform not found on PATH: building v1.8.5 from the Go module proxy (a few minutes)..." >&2
  GOBIN="$root/bin" go install github.com/hashicorp/terraform@v1.8.5 >&2
fi
echo "$root/bin/terraform"
