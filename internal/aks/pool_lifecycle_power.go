package aks

// Starting and stopping a node pool: the power state is sent on its own, as Microsoft's
// AgentPools_Start / AgentPools_Stop requests do ({"properties": {"powerState": {"code": ...}}}),
// ordered around the other changes of the same apply so that none is made on a stopped pool:
// a start first, a stop last.

import (
	"context"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"

	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

// powerStateAttribute names the power state's change in a poolChange list.
const powerStateAttribute = "power_state"

// updatePoolInOrder applies changes to the pool: one PUT when the power state doesn't change;
// otherwise a start, then the other changes, or the other changes, then a stop. It returns the
// last PUT's result; Accepted is true when any PUT was accepted (the pool has changed).
func updatePoolInOrder(ctx context.Context, coord *aksapi.Client, id aksapi.PoolID, changes []poolChange) (aksapi.PutResult, error) {
	power, rest := splitPowerChange(changes)
	if power == nil {
		return coord.UpdatePool(ctx, id, applyPoolChanges(rest))
	}
	steps := []func(*armcontainerservice.AgentPool) error{applyPoolChanges(rest), powerOnly(*power)}
	if *power == armcontainerservice.CodeRunning {
		steps[0], steps[1] = steps[1], steps[0]
	}
	if len(rest) == 0 {
		steps = []func(*armcontainerservice.AgentPool) error{powerOnly(*power)}
	}
	var result aksapi.PutResult
	accepted := false
	for _, step := range steps {
		var err error
		result, err = coord.UpdatePool(ctx, id, step)
		accepted = accepted || result.Accepted
		if err != nil {
			result.Accepted = accepted
			return result, err
		}
	}
	return result, nil
}

// splitPowerChange takes the power state's change out of changes.
func splitPowerChange(changes []poolChange) (*armcontainerservice.Code, []poolChange) {
	var power *armcontainerservice.Code
	rest := make([]poolChange, 0, len(changes))
	for _, c := range changes {
		if c.attribute != powerStateAttribute {
			rest = append(rest, c)
			continue
		}
		probe := &poolProperties{}
		c.apply(probe)
		if probe.PowerState != nil {
			power = probe.PowerState.Code
		}
	}
	return power, rest
}

// powerOnly is the body of a start or stop: the power state alone (the pool's ETag, read by
// UpdatePool, still guards it), so AKS changes nothing else, as with `az aks nodepool stop/start`.
func powerOnly(code armcontainerservice.Code) func(*armcontainerservice.AgentPool) error {
	return func(p *armcontainerservice.AgentPool) error {
		etag := (*string)(nil)
		if p.Properties != nil {
			etag = p.Properties.ETag
		}
		p.Properties = &armcontainerservice.ManagedClusterAgentPoolProfileProperties{
			ETag:       etag,
			PowerState: &armcontainerservice.PowerState{Code: &code},
		}
		return nil
	}
}

// stopAfterCreate stops a pool just created when the plan wants it stopped: AKS creates every
// pool running. On failure the result is Accepted, as the pool exists.
func stopAfterCreate(ctx context.Context, coord *aksapi.Client, id aksapi.PoolID, s nodePoolSettings, created aksapi.PutResult) (aksapi.PutResult, error) {
	if s.PowerState.ValueString() != rules.PowerStateStopped {
		return created, nil
	}
	if created.Pool != nil && created.Pool.Properties != nil && created.Pool.Properties.PowerState != nil &&
		created.Pool.Properties.PowerState.Code != nil && *created.Pool.Properties.PowerState.Code == armcontainerservice.CodeStopped {
		return created, nil
	}
	result, err := coord.UpdatePool(ctx, id, powerOnly(armcontainerservice.CodeStopped))
	result.Accepted = true
	return result, err
}
