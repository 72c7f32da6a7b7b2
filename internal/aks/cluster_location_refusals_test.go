package aks_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
)

// A location that does not exist fails the plan at location, with or without kubernetes_version,
// after ARM refused the location's version list, and nothing is written.
func TestAccClusterLocation_unknownRefusedAtPlan(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	misspelt := func(extra string) string {
		return strings.Replace(clusterHCL("aks-nowhere", extra+"\n"+guideNetwork, guidePool), `location            = "eastus"`, `location            = "eastus9"`, 1)
	}
	want := regexp.MustCompile(`(?s)Location not found.*location = "eastus9" is not a region.*NoRegisteredProviderFound.*Fix: set location`)
	acctest.Test(t, []resource.TestStep{
		{PreConfig: srv.ResetJournal, Config: misspelt(guideVersion), PlanOnly: true, ExpectError: want},
		{Config: misspelt(""), PlanOnly: true, ExpectError: want},
		{
			PreConfig: func() {
				acctest.ExpectNoWrites(srv).Require(t)
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodGet, `/locations/eastus9/kubernetesVersions$`).AnsweredWith(http.StatusBadRequest), 2).Require(t)
			},
			Config: guideCluster(), PlanOnly: true, ExpectNonEmptyPlan: true,
		},
	})
}
