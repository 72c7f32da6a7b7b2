package aks

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestExpandClusterCreate(t *testing.T) {
	ctx := context.Background()
	plan := guidePlan(t)
	plan.WindowsProfile = &windowsProfileModel{AdminUsername: types.StringValue("azureuser"), AdminPassword: types.StringNull()}
	plan.AzureRBACEnabled = types.BoolValue(true)
	mc, diags := expandCluster(ctx, plan, "Wo-Passw0rd!")
	requireNoErrors(t, diags)

	if got := string(*mc.Identity.Type); got != "SystemAssigned" {
		t.Errorf("identity when unset = %s, want SystemAssigned", got)
	}
	if mc.Properties.NetworkProfile != nil {
		t.Errorf("an unset network profile must leave AKS's defaults, sent %+v", mc.Properties.NetworkProfile)
	}
	if mc.SKU != nil {
		t.Errorf("an unset sku_tier must leave AKS's default, sent %+v", mc.SKU)
	}
	if got := *mc.Properties.WindowsProfile.AdminPassword; got != "Wo-Passw0rd!" {
		t.Errorf("windows password sent = %q", got)
	}
	if aad := mc.Properties.AADProfile; aad == nil || !*aad.Managed || !*aad.EnableAzureRBAC {
		t.Errorf("Azure RBAC needs managed Entra ID integration, sent %+v", aad)
	}
	if len(mc.Properties.AgentPoolProfiles) != 1 {
		t.Fatalf("want the default pool inline, got %d profiles", len(mc.Properties.AgentPoolProfiles))
	}
	raw, err := json.Marshal(mc.Properties.AgentPoolProfiles[0])
	if err != nil {
		t.Fatal(err)
	}
	var profile map[string]any
	if err := json.Unmarshal(raw, &profile); err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]any{"name": "nodepool1", "mode": "System", "osType": "Linux", "count": float64(2), "vmSize": "Standard_DS2_v2", "type": "VirtualMachineScaleSets"} {
		if profile[key] != want {
			t.Errorf("profile %s = %v, want %v", key, profile[key], want)
		}
	}
	for _, unset := range []string{"orchestratorVersion", "osDiskType", "maxPods", "nodeImageVersion"} {
		if _, ok := profile[unset]; ok {
			t.Errorf("profile sends %s although the plan leaves it to AKS", unset)
		}
	}
}

func TestWindowsPasswordChange(t *testing.T) {
	plain := func(pw string) *windowsProfileModel {
		return &windowsProfileModel{AdminUsername: types.StringValue("u"), AdminPassword: types.StringValue(pw), AdminPasswordWO: types.StringNull(), AdminPasswordWOVersion: types.Int64Null()}
	}
	writeOnly := func(pw string, version int64) *windowsProfileModel {
		return &windowsProfileModel{AdminUsername: types.StringValue("u"), AdminPassword: types.StringNull(), AdminPasswordWO: types.StringValue(pw), AdminPasswordWOVersion: types.Int64Value(version)}
	}
	stateOf := func(m *windowsProfileModel) *windowsProfileModel {
		s := *m
		s.AdminPasswordWO = types.StringNull() // never in the state
		return &s
	}
	if got := windowsPasswordChange(plain("a"), plain("a"), plain("a")); got != nil {
		t.Errorf("unchanged password sent again")
	}
	if got := windowsPasswordChange(plain("a"), plain("b"), plain("b")); got == nil || *got != "b" {
		t.Errorf("changed password not sent: %v", got)
	}
	plan := writeOnly("c", 1)
	if got := windowsPasswordChange(stateOf(plan), stateOf(plan), plan); got != nil {
		t.Errorf("write-only password sent again with the same version")
	}
	next := writeOnly("d", 2)
	if got := windowsPasswordChange(stateOf(plan), stateOf(next), next); got == nil || *got != "d" {
		t.Errorf("write-only password not sent with a new version: %v", got)
	}
	if got := windowsPasswordToSend(stateOf(next), next); got != "d" {
		t.Errorf("create sends %q", got)
	}
}
