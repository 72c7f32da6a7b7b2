#!/usr/bin/env bash
# Runs an AKS lifecycle with hashicorp/azurerm, unchanged, against the local Azure emulator: the check
# that the emulator is a faithful Azure for a client other than this provider.
#
#   bash .ci/azurerm-lifecycle.sh /path/to/terraform-provider-azurerm
#
# The azurerm binary is built by whoever runs this, outside this repository; nothing here builds or
# fetches it, and this script is not part of `make test` or .ci/run. Steps: a cluster; add a node
# pool; scale it; relabel it; add an ARM64 pool; destroy. After each apply a second plan shows
# whether azurerm sees drift, and the emulator's journal lists the calls each step made.
#
# EMULATOR_SRC=dir builds the emulator from another checkout (default: this one).
# AZURERM_LRO_DURATION (default 1s) is how long the emulator's long-running operations take.
# AZURERM_KEEP=1 keeps the work folder; AZURERM_TF_LOG=DEBUG writes terraform's log beside it.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

azurerm="${1:-}"
if [ -z "$azurerm" ] || [ ! -x "$azurerm" ]; then
  echo "usage: $0 /path/to/terraform-provider-azurerm (an executable built from hashicorp/terraform-provider-azurerm)" >&2
  exit 2
fi
azurerm="$(cd "$(dirname "$azurerm")" && pwd)/$(basename "$azurerm")"
emulator_src="$(cd "${EMULATOR_SRC:-$root}" && pwd)"
command -v jq >/dev/null || { echo "jq is needed to read the emulator's journal" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/azurerm-lifecycle.XXXXXX")"
mkdir -p "$work/bin" "$work/plugins" "$work/emulator" "$work/config"
tf="$(cd "$root" && bash .ci/terraform.sh)"

echo "==> terraform: $("$tf" version | head -1)"
echo "==> azurerm: $azurerm"
echo "==> building the emulator from $emulator_src ($(git -C "$emulator_src" log -1 --format='%h %s' 2>/dev/null || echo 'not a git checkout'))"
(cd "$emulator_src" && go build -trimpath -o "$work/bin/aks-emulator" ./internal/emulator/cmd/aks-emulator) || exit 1

"$work/bin/aks-emulator" -addr 127.0.0.1:0 -state-dir "$work/emulator" -env-file "$work/emulator/env" \
  -lro-duration "${AZURERM_LRO_DURATION:-1s}" >"$work/emulator/log" 2>&1 &
emulator_pid=$!
cleanup() {
  kill "$emulator_pid" 2>/dev/null || true
  wait "$emulator_pid" 2>/dev/null || true
  if [ "${AZURERM_KEEP:-}" = "1" ]; then echo "kept $work"; else rm -rf "$work"; fi
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
control="https://$ARM_METADATA_HOSTNAME/_emulator"
echo "==> emulator at https://$ARM_METADATA_HOSTNAME"

# azurerm runs from the given binary through dev_overrides: no `terraform init`, no registry.
ln -s "$azurerm" "$work/plugins/terraform-provider-azurerm"
cat >"$work/terraformrc" <<RC
provider_installation {
  dev_overrides {
    "registry.terraform.io/hashicorp/azurerm" = "$work/plugins"
  }
  direct {}
}
RC
export TF_CLI_CONFIG_FILE="$work/terraformrc" TF_IN_AUTOMATION=1
if [ -n "${AZURERM_TF_LOG:-}" ]; then export TF_LOG="$AZURERM_TF_LOG" TF_LOG_PATH="$work/terraform.log"; fi

# The configuration of a step: the provider as the offline-testing guide shows it, plus the
# resources of that step. surge=yes sets upgrade_settings { max_surge = "10%" } on every pool, the
# value AKS fills in, which silences azurerm's known diff (hashicorp/terraform-provider-azurerm#24020).
config() {
  local pool_count="$1" labels="$2" arm64="$3" surge="$4" in_default="" in_pool=""
  if [ "$surge" = "yes" ]; then
    in_default=$'\n\n    upgrade_settings {\n      max_surge = "10%"\n    }'
    in_pool=$'\n  upgrade_settings {\n    max_surge = "10%"\n  }'
  fi
  cat <<HCL
terraform {
  required_providers {
    azurerm = {
      source = "hashicorp/azurerm"
    }
  }
}

# metadata_host, the credentials and the subscription come from ARM_METADATA_HOSTNAME, ARM_CLIENT_ID,
# ARM_CLIENT_SECRET, ARM_TENANT_ID and ARM_SUBSCRIPTION_ID; the emulator's CA from SSL_CERT_FILE.
provider "azurerm" {
  features {}
  resource_provider_registrations = "none"
}

# In the emulator's built-in seed.
data "azurerm_resource_group" "test" {
  name = "rg-aks-test"
}

resource "azurerm_kubernetes_cluster" "test" {
  name                = "aks-azurerm"
  location            = data.azurerm_resource_group.test.location
  resource_group_name = data.azurerm_resource_group.test.name
  dns_prefix          = "aks-azurerm"

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_DS2_v2"
    node_count = 2${in_default}
  }

  identity {
    type = "SystemAssigned"
  }

  # Required since azurerm 5.0: AKS creates and scales the pools declared here (Manual).
  node_provisioning_profile {
    mode = "Manual"
  }
}
HCL
  if [ "$pool_count" -gt 0 ]; then
    cat <<HCL

resource "azurerm_kubernetes_cluster_node_pool" "user" {
  name                  = "user"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.test.id
  vm_size               = "Standard_DS2_v2"
  node_count            = $pool_count
HCL
    if [ -n "$labels" ]; then echo "  node_labels           = { $labels }"; fi
    if [ -n "$in_pool" ]; then echo "${in_pool#$'\n'}"; fi
    echo "}"
  fi
  if [ "$arm64" = "yes" ]; then
    cat <<HCL

resource "azurerm_kubernetes_cluster_node_pool" "arm64" {
  name                  = "arm64"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.test.id
  vm_size               = "Standard_D4ps_v5"
  node_count            = 1
HCL
    if [ -n "$in_pool" ]; then echo "${in_pool#$'\n'}"; fi
    echo "}"
  fi
}

# known_diff_only reads a plan as JSON and succeeds when every change is azurerm's known diff: an
# in-place update whose only difference is removing upgrade_settings { max_surge = "10%" }, which
# AKS filled in (hashicorp/terraform-provider-azurerm#24020). It prints each change it judged.
known_diff_only() {
  jq -e -r '
    def strip: del(.upgrade_settings) | if .default_node_pool then .default_node_pool |= map(del(.upgrade_settings)) else . end;
    def surges: [(.upgrade_settings // [])[], ((.default_node_pool // [])[] | (.upgrade_settings // [])[])] | map(.max_surge);
    [.resource_changes[] | select(.change.actions != ["no-op"] and .change.actions != ["read"])
      | {address, actions: .change.actions,
         known: (.change.actions == ["update"] and (.change.before | strip) == (.change.after | strip)
                 and (.change.before | surges | all(. == "10%")) and (.change.after | surges | length == 0))}]
    | (.[] | "      \(.address) \(.actions | join(",")): \(if .known then "only upgrade_settings { max_surge = \"10%\" } removed (azurerm #24020)" else "OTHER CHANGES" end)"),
      (if all(.known) then empty else error("changes other than azurerm #24020") end)'
}

# calls prints the journal since the last call (method, path, api-version, status, error code),
# repeated calls counted, then clears it.
calls() {
  curl -fsS --cacert "$SSL_CERT_FILE" "$control/journal" |
    jq -r '.[] | "\(.method) \(.path)\(if .apiVersion then "?api-version=" + .apiVersion else "" end) -> \(.status)\(if .errorCode then " " + .errorCode else "" end)"' |
    uniq -c | sed 's/^/      /'
  curl -fsS --cacert "$SSL_CERT_FILE" -X DELETE "$control/journal" >/dev/null
}

summary=()
failed=0
step() {
  local name="$1" pool_count="$2" labels="$3" arm64="$4" surge="$5" out code
  echo
  echo "==> step $name"
  config "$pool_count" "$labels" "$arm64" "$surge" >"$work/config/main.tf"
  cp "$work/config/main.tf" "$work/step-$name.tf"
  "$tf" fmt -check "$work/config/main.tf" >/dev/null || { echo "    (the generated configuration is not formatted)"; }
  out="$("$tf" -chdir="$work/config" apply -input=false -auto-approve -no-color 2>&1)"
  code=$?
  echo "$out" | grep -Ev '^\s*$' | sed 's/^/    /'
  echo "    calls of the apply:"
  calls
  if [ "$code" -ne 0 ]; then
    summary+=("$name: apply FAILED (exit $code)")
    failed=1
    return 1
  fi
  echo "  -- second plan"
  out="$("$tf" -chdir="$work/config" plan -input=false -detailed-exitcode -no-color -out="$work/second.tfplan" 2>&1)"
  code=$?
  echo "$out" | grep -Ev '^\s*$' | sed 's/^/    /'
  echo "    calls of the second plan:"
  calls
  case "$code" in
    0) summary+=("$name: apply ok, second plan empty") ;;
    2)
      echo "    the second plan's changes:"
      if "$tf" -chdir="$work/config" show -json "$work/second.tfplan" | known_diff_only; then
        summary+=("$name: apply ok, second plan: only azurerm's known diff (#24020)")
      else
        summary+=("$name: apply ok, second plan NOT empty beyond azurerm #24020")
        failed=1
      fi
      ;;
    *) summary+=("$name: apply ok, second plan FAILED (exit $code)"); failed=1 ;;
  esac
}

curl -fsS --cacert "$SSL_CERT_FILE" -X DELETE "$control/journal" >/dev/null
step "a-cluster" 0 "" no no &&
  step "b-add-pool" 1 "" no no &&
  step "c-scale-pool" 3 "" no no &&
  step "d-relabel-pool" 3 'team = "payments"' no no &&
  step "e-arm64-pool" 3 'team = "payments"' yes no &&
  step "e2-max-surge-set" 3 'team = "payments"' yes yes

echo
echo "==> step f-destroy"
out="$("$tf" -chdir="$work/config" destroy -input=false -auto-approve -no-color 2>&1)"
code=$?
echo "$out" | grep -Ev '^\s*$' | sed 's/^/    /'
echo "    calls of the destroy:"
calls
state="$(curl -fsS --cacert "$SSL_CERT_FILE" "$control/state")"
if [ "$code" -eq 0 ] && grep -Eq '"managedClusters":(\{\}|null)' <<<"$state" && grep -Eq '"agentPools":(\{\}|null)' <<<"$state"; then
  summary+=("f-destroy: ok, the emulator holds no cluster and no pool")
else
  summary+=("f-destroy: FAILED (exit $code, or resources left in the emulator)")
  failed=1
fi

echo
echo "==> summary"
printf '    %s\n' "${summary[@]}"
exit "$failed"
