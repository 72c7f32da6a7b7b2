package rules

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Max pods per node for Azure CNI and kubenet.
const (
	MinMaxPods = 10
	MaxMaxPods = 250
)

// MaxPods validates max_pods: 10-250 pods per node.
func MaxPods() validator.Int64 { return int64validator.Between(MinMaxPods, MaxMaxPods) }
