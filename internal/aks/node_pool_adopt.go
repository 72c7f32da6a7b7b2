package aks

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
)

// When the answer to a create is lost (the connection drops after AKS accepted the PUT), azcore
// sends the PUT again, with the same If-None-Match: *, and AKS answers 412: the pool exists. It
// is this create's own pool, not a foreign one, when it holds exactly what was sent; such a pool
// is adopted, not reported as "already exists" (which would orphan it). A pool that differs from
// what was sent is someone else's and stays an error.

// errForeignPool is ownCreate's answer for a pool that is not this create's.
var errForeignPool = errors.New("the pool is not the one this create sent")

// ownCreate settles the create of body whose PUT ended in 412: when the pool AKS holds is what was
// sent, it waits for the pool's operation to end and returns the outcome as CreateOrUpdatePool
// would (Accepted, and the operation's failure if it failed).
func ownCreate(ctx context.Context, coord *aksapi.Client, id aksapi.PoolID, body armcontainerservice.AgentPool) (aksapi.PutResult, error) {
	pool, err := coord.GetPool(ctx, id)
	if err != nil {
		return aksapi.PutResult{}, err
	}
	if !holdsWhatWasSent(body, *pool) {
		return aksapi.PutResult{}, errForeignPool
	}
	tflog.Info(ctx, "the answer to the pool's create was lost and the retry found the pool: it holds exactly what was sent, so it is this create's own and is adopted",
		map[string]any{"pool": id.String()})
	settled, err := coord.SettledPool(ctx, id)
	if err != nil {
		return aksapi.PutResult{Accepted: true}, err
	}
	if state := settled.Properties.ProvisioningState; state != nil && !strings.EqualFold(*state, "Succeeded") {
		return aksapi.PutResult{Accepted: true}, fmt.Errorf("creating agent pool %s of cluster %s: the operation ended %s", id.Name, id.Cluster.Name, *state)
	}
	return aksapi.PutResult{Pool: settled, Accepted: true}, nil
}

// holdsWhatWasSent reports whether every value of the sent body is in the pool AKS holds: AKS adds
// defaults and read-only fields to what it was sent, and spells IDs in its own letter case, but
// never changes a value it accepted.
func holdsWhatWasSent(sent, held armcontainerservice.AgentPool) bool {
	s, err1 := asJSONValue(sent.Properties)
	h, err2 := asJSONValue(held.Properties)
	return err1 == nil && err2 == nil && jsonSubset(s, h)
}

func asJSONValue(v any) (any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var out any
	return out, json.Unmarshal(b, &out)
}

// jsonSubset reports whether want is in got: objects key by key (got may have more keys), lists
// element by element, strings ignoring letter case, everything else equal.
func jsonSubset(want, got any) bool {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return false
		}
		for k, v := range w {
			if !jsonSubset(v, g[k]) {
				return false
			}
		}
		return true
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return false
		}
		for i := range w {
			if !jsonSubset(w[i], g[i]) {
				return false
			}
		}
		return true
	case string:
		g, ok := got.(string)
		return ok && strings.EqualFold(w, g)
	default:
		return want == got
	}
}
