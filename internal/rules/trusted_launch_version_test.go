package rules

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
)

func TestCheckHardwareVersions(t *testing.T) {
	kata := with(userPool(), func(p *Pool) { p.WorkloadRuntime = str("KataVmIsolation"); p.OSSKU = str("AzureLinux") })
	tl := secureBoot(userPool())
	old := demoCluster()
	old.KubernetesVersion = "1.26.3"
	expectDiags(t, checkHardwareVersions(path.Empty(), kata, nil, demoCluster()))
	expectDiags(t, checkHardwareVersions(path.Empty(), kata, nil, old),
		errAt("workload_runtime", "Pod Sandboxing needs Kubernetes 1.27.0 or later", "Kubernetes 1.26.3 (the control plane's version"))
	expectDiags(t, checkHardwareVersions(path.Empty(), with(kata, func(p *Pool) { p.OrchestratorVersion = str("1.27") }), nil, old))
	expectDiags(t, checkHardwareVersions(path.Empty(), with(tl, func(p *Pool) { p.OrchestratorVersion = str("1.25") }), nil, old)) // alias: latest patch
	expectDiags(t, checkHardwareVersions(path.Empty(), with(tl, func(p *Pool) { p.OrchestratorVersion = str("1.25.1") }), nil, old),
		errAt("security_profile.secure_boot_enabled", "Trusted Launch needs Kubernetes 1.25.2 or later", "Kubernetes 1.25.1 (orchestrator_version)"))
	current := &ExistingPool{Name: "userpool", OrchestratorVersion: "1.24.10"}
	expectDiags(t, checkHardwareVersions(path.Empty(), tl, current, demoCluster()),
		errAt("security_profile.secure_boot_enabled", "Trusted Launch needs Kubernetes 1.25.2 or later", "the pool's current version"))
	expectDiags(t, checkHardwareVersions(path.Empty(), userPool(), current, old))
}
