package aksapi

import (
	"context"
	"fmt"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// GetSnapshot reads the node pool snapshot with ARM ID id (Snapshots_Get, in the snapshot's own
// subscription), for the plan-time check that it fits the pool created from it. AKS's refusal
// (403, 404) comes back as an *APIError.
func (c *Client) GetSnapshot(ctx context.Context, id string) (*armcontainerservice.Snapshot, error) {
	parsed, err := arm.ParseResourceID(id)
	if err != nil || !strings.EqualFold(parsed.ResourceType.String(), "Microsoft.ContainerService/snapshots") {
		return nil, fmt.Errorf("%s is not a node pool snapshot ID", id)
	}
	f, err := c.factory(parsed.SubscriptionID)
	if err != nil {
		return nil, err
	}
	resp, err := f.NewSnapshotsClient().Get(ctx, parsed.ResourceGroupName, parsed.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("reading node pool snapshot %s: %w", id, asAPIError(err))
	}
	return &resp.Snapshot, nil
}
