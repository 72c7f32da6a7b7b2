package aks_test

import (
	"fmt"
	"net/http"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

// poolArguments renders HCL arguments in a stable order; blocks are written as given.
type poolArguments map[string]string

func (a poolArguments) with(changes poolArguments) poolArguments {
	out := poolArguments{}
	for k, v := range a {
		out[k] = v
	}
	for k, v := range changes {
		if v == "" {
			delete(out, k)
		} else {
			out[k] = v
		}
	}
	return out
}

func (a poolArguments) hcl() string {
	keys := make([]string, 0, len(a))
	for k := range a {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	fmt.Fprintln(&b, `resource "aks_node_pool" "test" {`)
	for _, k := range keys {
		if strings.HasPrefix(a[k], "{") && (k == "upgrade_settings" || k == "timeouts") {
			fmt.Fprintf(&b, "  %s %s\n", k, a[k])
			continue
		}
		fmt.Fprintf(&b, "  %s = %s\n", k, a[k])
	}
	fmt.Fprintln(&b, "}")
	return b.String()
}

// Every attribute's change is planned as the table says (update in place or replace), and
// mapped onto the calls it needs: an update is one PUT (or none for provider-side settings, or the
// node image upgrade call), a replacement a DELETE and a PUT.
func TestAccNodePool_eachAttributeUpdateOrReplace(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{Windows: true, SubnetID: subnetID("vnet-aks-demo", "snet-system")})
	other := createCluster(t, srv, testCluster{Name: "aks-other", Windows: true, SubnetID: subnetID("vnet-aks-demo", "snet-system")})

	type change struct {
		what      string
		set       poolArguments
		action    plancheck.ResourceActionType
		calls     string // "put", "none", "image", "replace"
		preConfig func() // in place of emptying the journal before the step
	}
	base := poolArguments{
		"cluster_id":           fmt.Sprintf("%q", cluster),
		"name":                 `"attrs"`,
		"node_count":           "1",
		"vm_size":              `"Standard_D4s_v3"`,
		"orchestrator_version": `"1.32"`,
		"os_sku":               `"Ubuntu"`,
		"os_disk_type":         `"Managed"`,
		"vnet_subnet_id":       fmt.Sprintf("%q", subnetID("vnet-aks-demo", "snet-user")),
	}
	const released = "AKSAzureLinux-V2gen2-209901.01.0"
	changes := []change{
		{what: "mode System", set: poolArguments{"mode": `"System"`}, action: plancheck.ResourceActionUpdate, calls: "put"},
		{what: "mode User", set: poolArguments{"mode": `"User"`}, action: plancheck.ResourceActionUpdate, calls: "put"},
		{what: "node_count", set: poolArguments{"node_count": "2"}, action: plancheck.ResourceActionUpdate, calls: "put"},
		{what: "auto_scaling_enabled", set: poolArguments{"auto_scaling_enabled": "true", "min_count": "1", "max_count": "3"}, action: plancheck.ResourceActionUpdate, calls: "put"},
		{what: "max_count", set: poolArguments{"max_count": "4"}, action: plancheck.ResourceActionUpdate, calls: "put"},
		{what: "min_count", set: poolArguments{"min_count": "2"}, action: plancheck.ResourceActionUpdate, calls: "put"},
		{what: "autoscaling off", set: poolArguments{"auto_scaling_enabled": "false", "min_count": "", "max_count": ""}, action: plancheck.ResourceActionUpdate, calls: "put"},
		{what: "orchestrator_version", set: poolArguments{"orchestrator_version": `"1.33"`}, action: plancheck.ResourceActionUpdate, calls: "put"},
		{what: "os_sku Ubuntu to AzureLinux", set: poolArguments{"os_sku": `"AzureLinux"`}, action: plancheck.ResourceActionUpdate, calls: "put"},
		{what: "fips_enabled", set: poolArguments{"fips_enabled": "true"}, action: plancheck.ResourceActionUpdate, calls: "put"},
		{what: "node_labels", set: poolArguments{"node_labels": `{ team = "payments" }`}, action: plancheck.ResourceActionUpdate, calls: "put"},
		{what: "node_taints", set: poolArguments{"node_taints": `["dedicated=web:NoSchedule"]`}, action: plancheck.ResourceActionUpdate, calls: "put"},
		{what: "tags", set: poolArguments{"tags": `{ env = "test" }`}, action: plancheck.ResourceActionUpdate, calls: "put"},
		{what: "upgrade_settings", set: poolArguments{"upgrade_settings": `{
    max_surge                = "33%"
    drain_timeout_in_minutes = 45
  }`}, action: plancheck.ResourceActionUpdate, calls: "put"},
		{what: "ignore_pod_disruption_budget_on_delete", set: poolArguments{"ignore_pod_disruption_budget_on_delete": "true"}, action: plancheck.ResourceActionUpdate, calls: "none"},
		{what: "timeouts", set: poolArguments{"timeouts": `{
    update = "30m"
  }`}, action: plancheck.ResourceActionUpdate, calls: "none"},
		{
			what: "node_image_version latest", set: poolArguments{"node_image_version": `"latest"`}, action: plancheck.ResourceActionUpdate, calls: "image",
			preConfig: releaseNodeImage(t, srv, "AzureLinux", released),
		},
		{what: "vm_size", set: poolArguments{"vm_size": `"Standard_D2s_v3"`}, action: plancheck.ResourceActionReplace, calls: "replace"},
		{what: "os_disk_size_gb", set: poolArguments{"os_disk_size_gb": "40"}, action: plancheck.ResourceActionReplace, calls: "replace"},
		{what: "os_disk_type", set: poolArguments{"os_disk_type": `"Ephemeral"`}, action: plancheck.ResourceActionReplace, calls: "replace"},
		{what: "kubelet_disk_type", set: poolArguments{"kubelet_disk_type": `"Temporary"`}, action: plancheck.ResourceActionReplace, calls: "replace"},
		{what: "max_pods", set: poolArguments{"max_pods": "110"}, action: plancheck.ResourceActionReplace, calls: "replace"},
		{what: "zones", set: poolArguments{"zones": `["1", "2"]`}, action: plancheck.ResourceActionReplace, calls: "replace"},
		{what: "host_encryption_enabled", set: poolArguments{"host_encryption_enabled": "true"}, action: plancheck.ResourceActionReplace, calls: "replace"},
		{what: "vnet_subnet_id", set: poolArguments{"vnet_subnet_id": fmt.Sprintf("%q", subnetID("vnet-aks-demo", "snet-pods"))}, action: plancheck.ResourceActionReplace, calls: "replace"},
		{what: "pod_subnet_id", set: poolArguments{"pod_subnet_id": fmt.Sprintf("%q", subnetID("vnet-aks-demo", "snet-windows"))}, action: plancheck.ResourceActionReplace, calls: "replace"},
		{what: "priority", set: poolArguments{"priority": `"Spot"`}, action: plancheck.ResourceActionReplace, calls: "replace"},
		{what: "eviction_policy", set: poolArguments{"eviction_policy": `"Deallocate"`}, action: plancheck.ResourceActionReplace, calls: "replace"},
		{what: "spot_max_price", set: poolArguments{"spot_max_price": "0.5"}, action: plancheck.ResourceActionReplace, calls: "replace"},
		{what: "name", set: poolArguments{"name": `"attrs2"`}, action: plancheck.ResourceActionReplace, calls: "replace"},
		{what: "os_type (and a Windows os_sku)", set: poolArguments{
			"os_type": `"Windows"`, "os_sku": `"Windows2022"`, "fips_enabled": "", "kubelet_disk_type": "", "priority": "", "eviction_policy": "",
			"spot_max_price": "", "node_image_version": "", "pod_subnet_id": "",
		}, action: plancheck.ResourceActionReplace, calls: "replace"},
		{what: "cluster_id", set: poolArguments{"cluster_id": fmt.Sprintf("%q", other)}, action: plancheck.ResourceActionReplace, calls: "replace"},
	}

	steps := []resource.TestStep{{
		Config:           base.hcl(),
		ConfigPlanChecks: expectPlan(poolAddress, plancheck.ResourceActionCreate),
	}}
	current := base
	for _, c := range changes {
		current = current.with(c.set)
		pre := srv.ResetJournal
		if c.preConfig != nil {
			pre = c.preConfig // which empties the journal too
		}
		steps = append(steps, resource.TestStep{
			PreConfig:         pre,
			Config:            current.hcl(),
			ConfigPlanChecks:  expectPlan(poolAddress, c.action),
			ConfigStateChecks: []statecheck.StateCheck{changeCalls(srv, c.what, c.calls)},
		})
	}
	acctest.Test(t, steps)
}

// changeCalls checks the writes of one applied change: "put" one agentPools PUT, "none" no
// write, "image" one upgradeNodeImageVersion, "replace" one DELETE and one PUT; nothing else.
func changeCalls(srv *emulator.Server, what, calls string) acctest.JournalCheck {
	puts := acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodPut, `/agentPools/[^/]+$`), 1)
	writes := func(n int) acctest.JournalCheck { return acctest.ExpectCalls(srv, acctest.Writes(), n) }
	var checks []acctest.JournalCheck
	switch calls {
	case "put":
		checks = []acctest.JournalCheck{puts, writes(1)}
	case "none":
		checks = []acctest.JournalCheck{writes(0)}
	case "image":
		checks = []acctest.JournalCheck{acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodPost, `/upgradeNodeImageVersion$`), 1), writes(1)}
	case "replace":
		checks = []acctest.JournalCheck{puts, acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodDelete, `/agentPools/[^/]+$`), 1), writes(2)}
	default:
		panic("unknown calls " + calls)
	}
	return acctest.All(checks...).Named(what + ": want " + calls)
}
