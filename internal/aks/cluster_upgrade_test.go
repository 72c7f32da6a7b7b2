package aks_test

import (
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
)

// A Kubernetes upgrade moves the control plane first (a cluster PUT changing only the version,
// the pool profile as read), then the default pool, which follows because its
// orchestrator_version is unset.
func TestAccCluster_kubernetesUpgrade(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	old := clusterHCL("aks-demo", `  kubernetes_version = "1.32.7"`+"\n"+guideNetwork, guidePool)
	upgraded := clusterHCL("aks-demo", `  kubernetes_version = "1.33.3"`+"\n"+guideNetwork, guidePool)
	acctest.Test(t, []resource.TestStep{
		{
			Config: old,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(clusterAddress, defaultPool("orchestrator_version"), knownvalue.StringExact("1.32.7")),
			},
		},
		{
			PreConfig: srv.ResetJournal,
			Config:    upgraded,
			ConfigPlanChecks: expectPlan(clusterAddress, plancheck.ResourceActionUpdate,
				plancheck.ExpectKnownValue(clusterAddress, defaultPool("orchestrator_version"), knownvalue.StringExact("1.33.3")),
			),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(clusterAddress, tfjsonpath.New("current_kubernetes_version"), knownvalue.StringExact("1.33.3")),
				statecheck.ExpectKnownValue(clusterAddress, defaultPool("orchestrator_version"), knownvalue.StringExact("1.33.3")),
				statecheck.ExpectKnownValue(clusterAddress, defaultPool("current_orchestrator_version"), knownvalue.StringExact("1.33.3")),
				acctest.ExpectWrites(srv, "PUT aks-demo", "PUT aks-demo/agentPools/nodepool1"),
				// The control plane moves to 1.33.3 with the pool's profile untouched at 1.32.7.
				acctest.ExpectOne(srv, clusterPut,
					acctest.BodyValue(properties("kubernetesVersion"), knownvalue.StringExact("1.33.3")),
					acctest.BodyValue(poolProfile("orchestratorVersion"), knownvalue.StringExact("1.32.7")),
				),
				acctest.ExpectOne(srv, acctest.ARMCall(http.MethodPut, `/agentPools/nodepool1$`),
					acctest.BodyValue(properties("orchestratorVersion"), knownvalue.StringExact("1.33.3")),
				),
			},
		},
	})
}

// node_image_version = "latest" on the default pool: when AKS releases a newer node image the
// plan shows it, and apply upgrades the node image alone (no version change, no rotation).
func TestAccCluster_defaultPoolNodeImageLatest(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	const newImage = "AKSUbuntu-2204gen2containerd-202612.01.0"
	config := clusterHCL("aks-demo", guideVersion+"\n"+guideNetwork, guidePool+"\n    node_image_version = \"latest\"")
	acctest.Test(t, []resource.TestStep{
		{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(clusterAddress, defaultPool("node_image_version"), knownvalue.StringExact("latest")),
				statecheck.ExpectKnownValue(clusterAddress, defaultPool("current_node_image_version"), knownvalue.NotNull()),
			},
		},
		{
			// Nothing newer: nothing planned.
			Config:   config,
			PlanOnly: true,
		},
		{
			PreConfig: releaseNodeImage(t, srv, "Ubuntu", newImage),
			Config:    config,
			ConfigPlanChecks: expectPlan(clusterAddress, plancheck.ResourceActionUpdate,
				plancheck.ExpectKnownValue(clusterAddress, defaultPool("current_node_image_version"), knownvalue.StringExact(newImage)),
			),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(clusterAddress, defaultPool("current_node_image_version"), knownvalue.StringExact(newImage)),
				acctest.ExpectWrites(srv, "POST aks-demo/agentPools/nodepool1/upgradeNodeImageVersion"),
			},
		},
	})
}
