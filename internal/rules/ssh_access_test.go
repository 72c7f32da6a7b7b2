package rules

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestCheckSSHAccessPoolType(t *testing.T) {
	disabled := with(userPool(), func(p *Pool) { p.SSHAccess = str("Disabled") })
	vms := &ExistingPool{Name: "userpool", VMSetType: "VirtualMachines"}
	expectDiags(t, checkSSHAccessPoolType(path.Empty(), disabled, vms),
		errAt("security_profile.ssh_access", "SSH can only be disabled on scale set pools", "VirtualMachines", `ssh_access = "LocalUser"`))
	expectDiags(t, checkSSHAccessPoolType(path.Empty(), disabled, &ExistingPool{Name: "userpool", VMSetType: VMSetTypeScaleSets}))
	expectDiags(t, checkSSHAccessPoolType(path.Empty(), disabled, nil)) // a new scale set pool
	newVMs := with(disabled, func(p *Pool) { p.Type = str("VirtualMachines") })
	expectDiags(t, checkSSHAccessPoolType(path.Empty(), newVMs, nil),
		errAt("security_profile.ssh_access", "SSH can only be disabled on scale set pools", "VirtualMachines"))
	expectDiags(t, checkSSHAccessPoolType(path.Empty(), with(newVMs, func(p *Pool) { p.Type = types.StringUnknown() }), nil))
	expectDiags(t, checkSSHAccessPoolType(path.Empty(), with(userPool(), func(p *Pool) { p.SSHAccess = str("LocalUser") }), vms))
}

// The hardware rules run from CheckPool and CheckPoolInCluster.
func TestPoolHardwareGroupsAreListed(t *testing.T) {
	kata := with(userPool(), func(p *Pool) { p.WorkloadRuntime = str("KataVmIsolation"); p.OSSKU = str("Ubuntu") })
	expectDiags(t, CheckPool(t.Context(), path.Empty(), kata, nil, "eastus"),
		errAt("os_sku", "Pod Sandboxing needs Azure Linux"),
		errAt("vm_size", "VM size can't host Pod Sandboxing"))
	disabled := with(userPool(), func(p *Pool) { p.SSHAccess = str("Disabled") })
	expectDiags(t, checkInCluster(disabled, &ExistingPool{Name: "userpool", VMSetType: "VirtualMachines", Mode: "User", OSType: "Linux"}, demoCluster()),
		errAt("security_profile.ssh_access", "SSH can only be disabled on scale set pools"))
}
