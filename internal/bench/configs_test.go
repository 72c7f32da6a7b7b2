package bench

import (
	"strings"
	"testing"
)

func TestClustersHCL(t *testing.T) {
	hcl := clustersHCL(clusterNames("bench-m", 3), 9)
	for _, want := range []string{
		`clusters = ["bench-m00", "bench-m01", "bench-m02"]`,
		`setproduct(local.clusters, range(9))`,
		`format("p%02d", pair[1])`, // %% unescaped once
		`resource_group_name = "rg-aks-demo"`,
		`source = "aksforge/aks"`,
	} {
		if !strings.Contains(hcl, want) {
			t.Errorf("clustersHCL lacks %q:\n%s", want, hcl)
		}
	}
}

func TestPoolsHCL(t *testing.T) {
	id := clusterID("sub", "bench-apply")
	hcl := poolsHCL(id, "b", 10)
	for _, want := range []string{
		"count      = 10",
		`cluster_id = "/subscriptions/sub/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/managedClusters/bench-apply"`,
		`name       = format("b%02d", count.index)`,
	} {
		if !strings.Contains(hcl, want) {
			t.Errorf("poolsHCL lacks %q:\n%s", want, hcl)
		}
	}
	if strings.Contains(hcl, "aks_cluster") {
		t.Errorf("poolsHCL must not manage the cluster:\n%s", hcl)
	}
}

func TestCLIConfig(t *testing.T) {
	rc := cliConfig(map[string]string{"registry.terraform.io/z/z": "/w/z", "registry.terraform.io/a/a": "/w/a"})
	want := `provider_installation {
  dev_overrides {
    "registry.terraform.io/a/a" = "/w/a"
    "registry.terraform.io/z/z" = "/w/z"
  }
  direct {
    exclude = ["*/*/*"]
  }
}
`
	if rc != want {
		t.Errorf("cliConfig =\n%s\nwant\n%s", rc, want)
	}
}
