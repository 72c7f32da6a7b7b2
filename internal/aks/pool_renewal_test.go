package aks

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A replaced pool gets AKS's choices again: the old pool's computed group values are not planned
// for it, while configured values and values with a default stay.
func TestUnknownUnconfiguredGroupValues(t *testing.T) {
	ctx := context.Background()
	plan := nodePoolSettings{}
	plan.GPUDriver = types.StringValue("Install") // computed, left to AKS
	plan.GPUInstanceProfile = types.StringValue("MIG2g")
	config := nodePoolSettings{}
	config.GPUDriver = types.StringNull()
	config.GPUInstanceProfile = types.StringValue("MIG2g")

	unknownUnconfiguredGroupValues(ctx, nodePoolKind, &plan, config)

	if !plan.GPUDriver.IsUnknown() {
		t.Errorf("gpu_driver = %s, want unknown: AKS chooses it again for the new pool", plan.GPUDriver)
	}
	if plan.GPUInstanceProfile.ValueString() != "MIG2g" {
		t.Errorf("gpu_instance_profile = %s, want the configured MIG2g", plan.GPUInstanceProfile)
	}

}

// State can't hold unknowns: a failed create records the groups' unknown values as null, and
// values holding an unknown inside too.
func TestNullUnknownGroupValues(t *testing.T) {
	ctx := context.Background()
	s := nodePoolSettings{}
	s.GPUDriver = types.StringUnknown()
	s.GPUInstanceProfile = types.StringValue("MIG2g")
	s.SecurityProfile = types.ObjectUnknown(securityProfileAttrTypes)
	s.PowerState = types.StringUnknown()

	nullUnknownGroupValues(ctx, &s)

	if !s.GPUDriver.IsNull() || !s.SecurityProfile.IsNull() || !s.PowerState.IsNull() {
		t.Errorf("unknowns left: gpu_driver %s, security_profile %s, power_state %s", s.GPUDriver, s.SecurityProfile, s.PowerState)
	}
	if s.GPUInstanceProfile.ValueString() != "MIG2g" {
		t.Errorf("gpu_instance_profile = %s, want the known MIG2g kept", s.GPUInstanceProfile)
	}
}
