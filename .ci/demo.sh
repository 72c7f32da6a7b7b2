#!/usr/bin/env bash
# `make demo`: build the provider and the emulator, start the emulator on loopback, and run
# examples/quickstart with the freshly built provider through a throwaway dev_overrides CLI config.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

demo="$root/.demo"
rm -rf "$demo"
mkdir -p "$demo/bin" "$demo/emulator" "$demo/work"

tf="$(bash .ci/tools.sh terraform)"

echo "==> building the provider and the emulator"
go build -trimpath -o "$demo/bin/terraform-provider-aks" .
go build -trimpath -o "$demo/bin/aks-emulator" ./internal/emulator/cmd/aks-emulator

echo "==> starting the emulator"
"$demo/bin/aks-emulator" -addr 127.0.0.1:0 -state "$demo/emulator/state.json" \
  -env-file "$demo/emulator/env" -lro-duration "${DEMO_LRO_DURATION:-2s}" >"$demo/emulator/log" 2>&1 &
emulator_pid=$!
cleanup() {
  kill "$emulator_pid" 2>/dev/null || true
  wait "$emulator_pid" 2>/dev/null || true
}
trap cleanup EXIT

for _ in $(seq 1 100); do
  [ -s "$demo/emulator/env" ] && break
  kill -0 "$emulator_pid" 2>/dev/null || { cat "$demo/emulator/log"; echo "emulator exited"; exit 1; }
  sleep 0.1
done
[ -s "$demo/emulator/env" ] || { cat "$demo/emulator/log"; echo "emulator did not start"; exit 1; }
set -a
# shellcheck disable=SC1091
source "$demo/emulator/env"
set +a
echo "    emulator at https://$ARM_METADATA_HOSTNAME (env in .demo/emulator/env)"

# dev_overrides make terraform run the freshly built binary. `terraform init` still resolves the
# provider through an installation method, and this machine has no registry access: a filesystem
# mirror holding the same binary lets init succeed offline.
mirror="$demo/mirror/registry.terraform.io/aksforge/aks/0.1.0/$(go env GOOS)_$(go env GOARCH)"
mkdir -p "$mirror"
cp "$demo/bin/terraform-provider-aks" "$mirror/terraform-provider-aks_v0.1.0"
cat >"$demo/terraformrc" <<RC
provider_installation {
  dev_overrides {
    "registry.terraform.io/aksforge/aks" = "$demo/bin"
  }
  filesystem_mirror {
    path    = "$demo/mirror"
    include = ["registry.terraform.io/aksforge/aks"]
  }
}
RC
export TF_CLI_CONFIG_FILE="$demo/terraformrc"
export TF_IN_AUTOMATION=1

cp -R examples/quickstart/. "$demo/work/"
cd "$demo/work"

echo "==> terraform init"
"$tf" init -input=false -no-color >"$demo/init.log" 2>&1 || { cat "$demo/init.log"; exit 1; }

echo "==> terraform apply"
"$tf" apply -input=false -auto-approve -no-color

echo "==> terraform output"
"$tf" output -no-color

echo "==> a second plan is empty"
set +e
"$tf" plan -input=false -detailed-exitcode -no-color >"$demo/plan.log" 2>&1
code=$?
set -e
if [ "$code" -ne 0 ]; then
  cat "$demo/plan.log"
  echo "the second plan is not empty (exit $code)"
  exit 1
fi
echo "    no changes"

if [ "${DEMO_KEEP:-}" != "1" ]; then
  echo "==> terraform destroy"
  "$tf" destroy -input=false -auto-approve -no-color >"$demo/destroy.log" 2>&1 || { cat "$demo/destroy.log"; exit 1; }
  echo "    destroyed"
fi
