package emulator

import (
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// Stopping and starting agent pools through properties.powerState.code, as
// AKS answers them (learn.microsoft.com/azure/aks/start-stop-nodepools; the
// rules are aksrules' power_state*.go):
//   - a stop runs as provisioningState "Stopping" and the pool reads count 0
//     with the autoscaler off from its first answer on (AgentPools_Stop.json:
//     "count": 0, "enableAutoScaling": false, "provisioningState": "Stopping");
//     "Stopping the node pool will stop its Cluster Autoscaler, and starts it
//     back when starting the node pool";
//   - a start runs as "Starting" and the pool runs again with the count and
//     autoscaler it had (AgentPools_Start.json sends only the power state and
//     answers "count": 50 with the autoscaler on, its bounds 3–55). A start
//     that sets a count or turns the autoscaler on uses those;
//   - while stopped, a PUT that sets a count or autoscaler other than the
//     stopped view's (0, off) changes what the start restores. AKS documents
//     no answer for it (unverified); the GET→PUT round trip of
//     `az aks nodepool update` on a stopped pool sends the stopped view and
//     changes nothing.

// poolResume is the scale a stopped pool runs again with.
type poolResume struct {
	Count             *int32 `json:"count,omitempty"`
	EnableAutoScaling *bool  `json:"enableAutoScaling,omitempty"`
	MinCount          *int32 `json:"minCount,omitempty"`
	MaxCount          *int32 `json:"maxCount,omitempty"`
}

func stopped(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) bool {
	return p != nil && p.PowerState != nil && strings.EqualFold(string(deref(p.PowerState.Code)), string(armcontainerservice.CodeStopped))
}

// powerAction names the provisioning state of a power change of old to p, or "".
func powerAction(old, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) string {
	switch {
	case stopped(p) && !stopped(old):
		return "Stopping"
	case !stopped(p) && stopped(old):
		return "Starting"
	}
	return ""
}

// sendsScale reports whether p asks for a scale other than the stopped view's.
func sendsScale(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) bool {
	return deref(p.Count) != 0 || deref(p.EnableAutoScaling)
}

func resumeOf(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *poolResume {
	return &poolResume{Count: p.Count, EnableAutoScaling: p.EnableAutoScaling, MinCount: p.MinCount, MaxCount: p.MaxCount}
}

// applyPowerState shapes rec, the pool a PUT stores over prev (nil on
// create), for its power state. The caller holds db.mu.
func applyPowerState(rec, prev *poolRecord) {
	p := rec.Pool.Properties
	var old *armcontainerservice.ManagedClusterAgentPoolProfileProperties
	if prev != nil {
		old = prev.Pool.Properties
	}
	switch {
	case stopped(p):
		resume := resumeOf(p)
		if stopped(old) && !sendsScale(p) && prev.Resume != nil {
			resume = prev.Resume
		}
		rec.Resume = resume
		if p.Count != nil {
			p.Count = to.Ptr[int32](0)
		}
		p.EnableAutoScaling, p.MinCount, p.MaxCount = to.Ptr(false), nil, nil
	case stopped(old):
		if r := prev.Resume; r != nil && !sendsScale(p) {
			p.Count, p.EnableAutoScaling, p.MinCount, p.MaxCount = r.Count, r.EnableAutoScaling, r.MinCount, r.MaxCount
		}
		rec.Resume = nil
	}
}
