package rules

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestCheckOrchestratorVersion(t *testing.T) {
	at := func(v string) Pool { return Pool{Name: str("p"), OrchestratorVersion: str(v)} }
	running := &ExistingPool{Name: "p", Mode: "User", OrchestratorVersion: "1.31.11"}
	tests := []struct {
		name    string
		pool    Pool
		current *ExistingPool
		wants   []want
	}{
		{"same as control plane", at("1.33.3"), nil, nil},
		{"alias of the control plane's minor", at("1.33"), nil, nil},
		{"three minors behind", at("1.30.14"), nil, nil},
		{"unset", Pool{Name: str("p")}, nil, nil},
		{"invalid is the validator's", at("latest"), nil, nil},
		{"above the control plane", at("1.34.0"), nil,
			[]want{errAt("orchestrator_version", "Node pool version above the control plane", `"1.34.0" is newer than the control plane's 1.33.3`, "upgrade the cluster's control plane first")}},
		{"patch above the control plane", at("1.33.4"), nil,
			[]want{errAt("orchestrator_version", "Node pool version above the control plane")}},
		{"four minors behind", at("1.29.15"), nil,
			[]want{errAt("orchestrator_version", "Node pool version too far behind the control plane", "4 minor versions behind", "1.30 or later")}},
		{"other major", at("2.0"), nil,
			[]want{errAt("orchestrator_version", "Node pool and control plane majors differ", "1.x")}},
		{"upgrade", at("1.32.7"), running, nil},
		{"same minor alias is no downgrade", at("1.31"), running, nil},
		{"downgrade", at("1.30.14"), running,
			[]want{errAt("orchestrator_version", "Node pool downgrade", `"1.30.14" is lower than the version the pool runs, 1.31.11`, "create a new pool")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			expectDiags(t, checkOrchestratorVersion(path.Empty(), tt.pool, tt.current, demoCluster()), tt.wants...)
		})
	}
	// Without a known control plane version, only the downgrade rule runs.
	expectDiags(t, checkOrchestratorVersion(path.Empty(), at("1.40"), nil, Cluster{}))
	expectDiags(t, checkOrchestratorVersion(path.Empty(), at("1.30"), running, Cluster{KubernetesVersion: "bad"}),
		errAt("orchestrator_version", "Node pool downgrade"))
}

func TestCheckPoolVersionAtCreation(t *testing.T) {
	at := path.Root("default_node_pool").AtName("orchestrator_version")
	v := types.StringValue
	expectDiags(t, CheckPoolVersionAtCreation(at, v("1.33"), v("1.33.3")))
	expectDiags(t, CheckPoolVersionAtCreation(at, v("1.33.3"), v("1.33.3")))
	expectDiags(t, CheckPoolVersionAtCreation(at, types.StringNull(), v("1.33.3")))
	expectDiags(t, CheckPoolVersionAtCreation(at, v("1.33.3"), types.StringUnknown()))
	expectDiags(t, CheckPoolVersionAtCreation(at, v("1.32.7"), v("1.33.3")),
		errAt("default_node_pool.orchestrator_version", "Pool version differs from the control plane at creation", `kubernetes_version = "1.33.3"`))
	expectDiags(t, CheckPoolVersionAtCreation(at, v("1.33.2"), v("1.33.3")),
		errAt("default_node_pool.orchestrator_version", "Pool version differs from the control plane at creation"))
	expectDiags(t, CheckPoolVersionAtCreation(at, v("1.33"), types.StringNull()),
		errAt("default_node_pool.orchestrator_version", "Pool version without a control plane version"))
}
