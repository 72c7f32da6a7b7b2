package aks_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
)

// Invalid configurations fail at plan time with the attribute, the rule and the fix, and the
// emulator sees no write.
func TestAccNodePool_invalidConfigurationsFailAtPlan(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	managed := createCluster(t, srv, testCluster{Name: "aks-demo"})
	subnets := createCluster(t, srv, testCluster{Name: "aks-subnets", SubnetID: subnetID("vnet-aks-demo", "snet-system")})
	defender := createCluster(t, srv, testCluster{Name: "aks-defender", KubernetesVersion: "1.28.15", Defender: true})
	srv.ResetJournal()

	snetUser := subnetID("vnet-aks-demo", "snet-user")
	snetOther := subnetID("vnet-other", "snet-other")
	cases := []struct {
		name    string
		cluster string
		pool    string
		args    string
		want    string
	}{
		{"upper-case name", managed, "MyPool", ``, `(?s)name.*lowercase`},
		{"name starting with a digit", managed, "1pool", ``, `(?s)name.*not a lowercase letter`},
		{"name with a hyphen", managed, "my-pool", ``, `(?s)name.*lowercase letters and digits`},
		{"Linux name of 13 characters", managed, "abcdefghijklm", ``, `(?s)name.*12`},
		{"Windows name of 7 characters", managed, "winpool", `os_type = "Windows"`, `(?s)name.*Windows.*6`},
		{"unknown mode", managed, "badmode", `mode = "Primary"`, `(?s)mode.*System.*User`},
		{"unknown os_type", managed, "bados", `os_type = "Darwin"`, `(?s)os_type.*Linux.*Windows`},
		{"os_sku not in the API", managed, "mariner", `os_sku = "CBLMariner"`, `(?s)os_sku.*AzureLinux`},
		{"Windows os_sku on Linux", managed, "mixed", `os_sku = "Windows2022"`, `(?s)os_sku.*Windows2022.*Linux`},
		{"Linux os_sku on Windows", managed, "mixedw", "os_type = \"Windows\"\n  os_sku = \"Ubuntu\"", `(?s)os_sku.*Ubuntu.*Windows`},
		{"Windows System pool", managed, "sysw", "mode = \"System\"\n  os_type = \"Windows\"", `(?s)(mode|os_type).*System.*Linux`},
		{"System pool without nodes", managed, "sysempty", "mode = \"System\"\n  node_count = 0", `(?s)node_count.*System.*at least (one|1)`},
		{"Spot System pool", managed, "sysspot", "mode = \"System\"\n  priority = \"Spot\"", `(?s)priority.*Spot.*System`},
		{"System pool autoscaling from 0", managed, "sysauto", "mode = \"System\"\n  auto_scaling_enabled = true\n  min_count = 0\n  max_count = 3", `(?s)min_count.*System`},
		{"autoscaling without max_count", managed, "nomax", "auto_scaling_enabled = true\n  min_count = 1", `(?s)max_count`},
		{"min_count above max_count", managed, "minmax", "auto_scaling_enabled = true\n  min_count = 5\n  max_count = 3", `(?s)min_count.*max_count`},
		{"node_count outside the autoscaler range", managed, "outside", "auto_scaling_enabled = true\n  min_count = 1\n  max_count = 3\n  node_count = 5", `(?s)node_count.*min_count.*max_count`},
		{"bounds without autoscaling", managed, "noauto", "min_count = 1\n  max_count = 3", `(?s)(min_count|max_count).*auto_scaling_enabled`},
		{"eviction_policy without Spot", managed, "evict", `eviction_policy = "Delete"`, `(?s)eviction_policy.*Spot`},
		{"spot_max_price without Spot", managed, "price", `spot_max_price = 0.5`, `(?s)spot_max_price.*Spot`},
		{"spot_max_price with six decimals", managed, "price6", "priority = \"Spot\"\n  spot_max_price = 0.123456", `(?s)spot_max_price.*6 decimals.*at most 5`},
		{"ARM64 with FIPS on Ubuntu", managed, "armfips", "vm_size = \"Standard_D2pds_v5\"\n  fips_enabled = true", `(?s)fips_enabled.*Azure Linux`},
		{"ARM64 Windows pool", managed, "armwin", "os_type = \"Windows\"\n  vm_size = \"Standard_D2pds_v5\"", `(?s)(vm_size|os_type).*(ARM64|Arm64).*Windows`},
		{"Ephemeral OS disk larger than the cache", managed, "ephbig", "vm_size = \"Standard_DS2_v2\"\n  os_disk_type = \"Ephemeral\"", `(?s)os_disk_type.*92341796864 bytes`},
		{"Ephemeral OS disk of 200 GB on Standard_D4s_v3", managed, "ephsize", "vm_size = \"Standard_D4s_v3\"\n  os_disk_type = \"Ephemeral\"\n  os_disk_size_gb = 200", `(?s)os_disk_size_gb.*Standard_D4s_v3`},
		{"Ephemeral OS disk on a size without local disk", managed, "ephnone", "vm_size = \"Standard_D2s_v5\"\n  os_disk_type = \"Ephemeral\"", `(?s)os_disk_type.*Standard_D2s_v5`},
		{"OS disk under 30 GB", managed, "tiny", `os_disk_size_gb = 20`, `(?s)os_disk_size_gb.*30`},
		{"pod subnet in another VNet", subnets, "podvnet", fmt.Sprintf("vnet_subnet_id = %q\n  pod_subnet_id = %q", snetUser, snetOther), `(?s)pod_subnet_id.*virtual network`},
		{"node subnet in another VNet than the cluster's", subnets, "othervnet", fmt.Sprintf("vnet_subnet_id = %q", snetOther), `(?s)vnet_subnet_id.*vnet-other`},
		{"custom subnet on a cluster with managed networking", managed, "mixing", fmt.Sprintf("vnet_subnet_id = %q", snetUser), `(?s)vnet_subnet_id.*managed`},
		{"Windows pool on a cluster without a Windows profile", managed, "win", "os_type = \"Windows\"\n  vm_size = \"Standard_D4s_v3\"", `(?s)os_type.*Windows profile`},
		{"ARM64 on a Defender cluster below 1.29", defender, "armdef", "vm_size = \"Standard_D2pds_v5\"\n  orchestrator_version = \"1.28\"", `(?s)vm_size.*Defender.*1\.29`},
		{"orchestrator_version not a version", managed, "badver", `orchestrator_version = "v1.33"`, `(?s)orchestrator_version.*major\.minor`},
		{"orchestrator_version above the control plane", managed, "newer", `orchestrator_version = "1.34"`, `(?s)orchestrator_version.*control plane`},
		{"orchestrator_version more than three minors behind", managed, "older", `orchestrator_version = "1.28"`, `(?s)orchestrator_version.*(three|3) minor`},
		{"max_pods below 10", managed, "pods", `max_pods = 5`, `(?s)max_pods.*10`},
		{"max_pods above 250", managed, "podsmax", `max_pods = 300`, `(?s)max_pods.*250`},
		{"malformed taint", managed, "taint", `node_taints = ["nope"]`, `(?s)node_taints.*key=value:Effect`},
		{"taint with an unknown effect", managed, "effect", `node_taints = ["a=b:Sometimes"]`, `(?s)node_taints.*NoSchedule`},
		{"reserved label prefix", managed, "label", `node_labels = { "kubernetes.azure.com/mode" = "x" }`, `(?s)node_labels.*kubernetes\.azure\.com`},
		{"invalid label key", managed, "labelkey", `node_labels = { "bad key" = "x" }`, `(?s)Invalid node label key.*"bad key".*Fix`},
		{"unknown zone", managed, "zone", `zones = ["4"]`, `(?s)zones.*must be one of.*"4"`},
		{"cluster_id of another resource type", managed, "wrongid", ``, `(?s)cluster_id.*managedClusters`},
		{"vnet_subnet_id of another resource type", managed, "subnetid", fmt.Sprintf("vnet_subnet_id = %q", managed), `(?s)vnet_subnet_id.*subnets`},
		{"max_surge neither count nor percentage", managed, "surge", "upgrade_settings {\n    max_surge = \"lots\"\n  }", `(?s)max_surge = "lots" is neither a whole number of nodes nor a percentage`},
		{"node image pinned at creation", managed, "pinned", `node_image_version = "AKSUbuntu-2204gen2containerd-202401.01.0"`, `(?s)node_image_version.*latest`},
	}
	if len(cases) < 30 {
		t.Fatalf("only %d invalid configurations", len(cases))
	}

	var steps []resource.TestStep
	for i, c := range cases {
		cluster := c.cluster
		if c.name == "cluster_id of another resource type" {
			cluster = snetUser
		}
		previous := ""
		if i > 0 {
			previous = cases[i-1].name
		}
		steps = append(steps, resource.TestStep{
			PreConfig: func() {
				if err := acctest.ExpectNoWrites(srv).Err(); err != nil {
					t.Fatalf("after %q: %v", previous, err)
				}
			},
			Config:      poolConfig(cluster, c.pool, "  "+c.args),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(strings.ReplaceAll(c.want, " ", `\s+`)), // terraform wraps messages
		})
	}
	acctest.Test(t, steps)
	if err := acctest.ExpectNoWrites(srv).Err(); err != nil {
		t.Fatalf("after %q: %v", cases[len(cases)-1].name, err)
	}
}
