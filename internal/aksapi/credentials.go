package aksapi

import (
	"context"
	"fmt"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// ListClusterCredentials returns the first kubeconfig of the cluster's user credentials, or of its
// administrator's (static, local account) credentials when admin is true. The caller must keep the
// answer out of logs: it is the kubeconfig itself.
func (c *Client) ListClusterCredentials(ctx context.Context, cluster ClusterID, admin bool) ([]byte, error) {
	f, err := c.factory(cluster.SubscriptionID)
	if err != nil {
		return nil, err
	}
	client := f.NewManagedClustersClient()
	var results armcontainerservice.CredentialResults
	if admin {
		resp, err := client.ListClusterAdminCredentials(ctx, cluster.ResourceGroup, cluster.Name, nil)
		if err != nil {
			return nil, fmt.Errorf("listing the admin credentials of managed cluster %s: %w", cluster.Name, asAPIError(err))
		}
		results = resp.CredentialResults
	} else {
		resp, err := client.ListClusterUserCredentials(ctx, cluster.ResourceGroup, cluster.Name, nil)
		if err != nil {
			return nil, fmt.Errorf("listing the user credentials of managed cluster %s: %w", cluster.Name, asAPIError(err))
		}
		results = resp.CredentialResults
	}
	for _, kc := range results.Kubeconfigs {
		if kc != nil && len(kc.Value) > 0 {
			return kc.Value, nil
		}
	}
	return nil, fmt.Errorf("AKS returned no kubeconfig for cluster %s", cluster.Name)
}
