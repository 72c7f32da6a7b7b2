#!/usr/bin/env bash
# The offline-testing guide's example, run for real: build the provider and the emulator, start the
# emulator on loopback, and run `terraform test` of examples/offline-testing/module with the freshly
# built provider (a throwaway dev_overrides CLI config). Nothing reaches Azure or the registry.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

work="$(mktemp -d "${TMPDIR:-/tmp}/aks-offline-test.XXXXXX")"
mkdir -p "$work/bin" "$work/emulator" "$work/module"

tf="$(bash .ci/terraform.sh)"

echo "==> building the provider and the emulator"
go build -trimpath -o "$work/bin/terraform-provider-aks" .
go build -trimpath -o "$work/bin/aks-emulator" ./internal/emulator/cmd/aks-emulator

echo "==> starting the emulator"
"$work/bin/aks-emulator" -addr 127.0.0.1:0 -state-dir "$work/emulator" -env-file "$work/emulator/env" \
  -lro-duration "${OFFLINE_TEST_LRO_DURATION:-200ms}" >"$work/emulator/log" 2>&1 &
emulator_pid=$!
cleanup() {
  kill "$emulator_pid" 2>/dev/null || true
  wait "$emulator_pid" 2>/dev/null || true
  if [ "${OFFLINE_TEST_KEEP:-}" = "1" ]; then
    echo "    kept $work"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

for _ in $(seq 1 100); do
  [ -s "$work/emulator/env" ] && break
  kill -0 "$emulator_pid" 2>/dev/null || { cat "$work/emulator/log"; echo "emulator exited"; exit 1; }
  sleep 0.1
done
[ -s "$work/emulator/env" ] || { cat "$work/emulator/log"; echo "emulator did not start"; exit 1; }
set -a
# shellcheck disable=SC1091
source "$work/emulator/env"
set +a
echo "    emulator at https://$ARM_METADATA_HOSTNAME"

# dev_overrides run the freshly built binary; `terraform init` still resolves the provider through
# an installation method, so a filesystem mirror holding the same binary lets it succeed offline.
mirror="$work/mirror/registry.terraform.io/aksforge/aks/0.1.0/$(go env GOOS)_$(go env GOARCH)"
mkdir -p "$mirror"
cp "$work/bin/terraform-provider-aks" "$mirror/terraform-provider-aks_v0.1.0"
cat >"$work/terraformrc" <<RC
provider_installation {
  dev_overrides {
    "registry.terraform.io/aksforge/aks" = "$work/bin"
  }
  filesystem_mirror {
    path    = "$work/mirror"
    include = ["registry.terraform.io/aksforge/aks"]
  }
}
RC
export TF_CLI_CONFIG_FILE="$work/terraformrc"
export TF_IN_AUTOMATION=1

cp -R examples/offline-testing/module/. "$work/module/"
cd "$work/module"

echo "==> terraform init"
"$tf" init -input=false -no-color >"$work/init.log" 2>&1 || { cat "$work/init.log"; exit 1; }

echo "==> terraform test"
"$tf" test -no-color

# terraform test destroys what its runs created: the emulator holds no cluster and no pool again
# (the built-in seed has none).
echo "==> nothing is left behind"
state="$(curl -fsS --cacert "$SSL_CERT_FILE" "https://$ARM_METADATA_HOSTNAME/_emulator/state")"
for kind in managedClusters agentPools; do
  if ! grep -Eq "\"$kind\":(\{\}|null)" <<<"$state"; then
    echo "terraform test left $kind behind:"
    grep -Eo "\"/subscriptions/[^\"]*/$kind/[^\"/]*\"" <<<"$state" | sort -u
    exit 1
  fi
done
echo "    the emulator holds no cluster and no node pool"
