package aks_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

// The Windows administrator password as a write-only argument (Terraform 1.11+): sent to AKS at
// creation and when its version changes, never stored in the state.
func TestAccCluster_windowsPasswordWriteOnly(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	windows := func(password string, version int) string {
		return clusterHCL("aks-demo", guideVersion+"\n"+guideNetwork+fmt.Sprintf(`
  windows_profile {
    admin_username            = "azureuser"
    admin_password_wo         = %q
    admin_password_wo_version = %d
  }`, password, version), guidePool)
	}
	first, second := "Emulator-Only-Passw0rd!", "Rotated-Emulator-Passw0rd#2"
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.FeatureCheck(acctest.FeatureWriteOnly)},
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: windows(first, 1),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("windows_profile").AtMapKey("admin_username"), knownvalue.StringExact("azureuser")),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("windows_profile").AtMapKey("admin_password_wo"), knownvalue.Null()),
					statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("windows_profile").AtMapKey("admin_password_wo_version"), knownvalue.Int64Exact(1)),
					notInState{values: []string{first}},
					expectPasswordSent(srv, first),
				},
			},
			{
				// The same version: nothing to send.
				Config:   windows(first, 1),
				PlanOnly: true,
			},
			{
				// AKS refuses the PUT carrying the new password: the state must not claim it was
				// set, so the next plan still sends it.
				PreConfig: func() {
					srv.AddFault(emulator.Fault{Method: http.MethodPut, Path: `/managedClusters/aks-demo$`, Count: 1, Status: http.StatusBadRequest,
						Code: "InvalidParameter", Message: "Injected refusal of the cluster update."})
				},
				Config:      windows(second, 2),
				ExpectError: regexp.MustCompile(`Injected refusal`),
			},
			{
				Config:             windows(second, 2),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
			{
				PreConfig:        srv.ResetJournal,
				Config:           windows(second, 2),
				ConfigPlanChecks: expectPlan(clusterAddress, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					notInState{values: []string{first, second}},
					acctest.ExpectWrites(srv, "PUT aks-demo"),
					expectPasswordSent(srv, second),
				},
			},
		},
	})
}

// expectPasswordSent checks that the step's one cluster PUT sent a Windows password. The emulator
// journals secrets redacted, so only their presence shows (the value, when the journal keeps it,
// must be the configured one).
func expectPasswordSent(srv *emulator.Server, password string) acctest.JournalCheck {
	sent := regexp.MustCompile(`^` + regexp.QuoteMeta(password) + `$|(?i)redacted`)
	return acctest.ExpectOne(srv, clusterPut,
		acctest.BodyValue(properties("windowsProfile").AtMapKey("adminPassword"), knownvalue.StringRegexp(sent)))
}

// notInState fails when any of the values appears anywhere in the state.
type notInState struct{ values []string }

func (c notInState) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	raw, err := json.Marshal(req.State)
	if err != nil {
		resp.Error = err
		return
	}
	for _, v := range c.values {
		if strings.Contains(string(raw), v) {
			resp.Error = fmt.Errorf("a write-only value (%d characters) is in the state", len(v))
			return
		}
	}
}
