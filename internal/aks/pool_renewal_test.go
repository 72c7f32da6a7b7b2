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
