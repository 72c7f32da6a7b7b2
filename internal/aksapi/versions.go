package aksapi

import (
	"context"
	"fmt"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// ListKubernetesVersions returns the Kubernetes versions AKS offers for new clusters in a location
// (ManagedClusters_ListKubernetesVersions), in AKS's order.
func (c *Client) ListKubernetesVersions(ctx context.Context, subscriptionID, location string) ([]*armcontainerservice.KubernetesVersion, error) {
	f, err := c.factory(subscriptionID)
	if err != nil {
		return nil, err
	}
	resp, err := f.NewManagedClustersClient().ListKubernetesVersions(ctx, location, nil)
	if err != nil {
		return nil, fmt.Errorf("listing the Kubernetes versions offered in %s: %w", location, asAPIError(err))
	}
	return resp.Values, nil
}
