package aksapi

import (
	"context"
	"fmt"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// ListClusters lists the managed clusters of a subscription (ManagedClusters_List), or of one of
// its resource groups when resourceGroup is not empty (ManagedClusters_ListByResourceGroup),
// following every page. It reads ARM directly: `terraform query` wants what exists now.
func (c *Client) ListClusters(ctx context.Context, subscriptionID, resourceGroup string) ([]*armcontainerservice.ManagedCluster, error) {
	f, err := c.factory(subscriptionID)
	if err != nil {
		return nil, err
	}
	client := f.NewManagedClustersClient()
	var clusters []*armcontainerservice.ManagedCluster
	collect := func(values []*armcontainerservice.ManagedCluster) {
		for _, mc := range values {
			if mc != nil {
				clusters = append(clusters, mc)
			}
		}
	}
	if resourceGroup == "" {
		pager := client.NewListPager(nil)
		for pager.More() {
			page, err := pager.NextPage(ctx)
			if err != nil {
				return nil, fmt.Errorf("listing the managed clusters of subscription %s: %w", subscriptionID, asAPIError(err))
			}
			collect(page.Value)
		}
		return clusters, nil
	}
	pager := client.NewListByResourceGroupPager(resourceGroup, nil)
	for pager.More() {
		page, err := pager.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("listing the managed clusters of resource group %s: %w", resourceGroup, asAPIError(err))
		}
		collect(page.Value)
	}
	return clusters, nil
}
