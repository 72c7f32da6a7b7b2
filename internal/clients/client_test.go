package clients

import (
	"context"
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/cloud"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"

	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
)

type staticCredential struct{}

func (staticCredential) GetToken(context.Context, policy.TokenRequestOptions) (azcore.AccessToken, error) {
	return azcore.AccessToken{Token: "t"}, nil
}

func TestNew(t *testing.T) {
	options := &arm.ClientOptions{ClientOptions: policy.ClientOptions{Cloud: cloud.AzurePublic}}
	client, err := New("00000000-0000-4000-8000-000000000002", "tenant", cloud.AzurePublic, staticCredential{}, options, "1.0.0", "1.11.4", aksapi.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if client.AKS == nil || client.VMSizes == nil {
		t.Errorf("client factories missing: %+v", client)
	}
	if client.ARMOptions != options || client.SubscriptionID != "00000000-0000-4000-8000-000000000002" {
		t.Errorf("client = %+v, want the given options and subscription", client)
	}

	if _, err := New("", "tenant", cloud.AzurePublic, staticCredential{}, options, "1.0.0", "1.11.4", aksapi.Options{}); err == nil {
		t.Error("New without a subscription succeeded")
	}
}

func TestFromProviderData(t *testing.T) {
	if c, err := FromProviderData(nil); c != nil || err != nil {
		t.Errorf("FromProviderData(nil) = %v, %v; want nil, nil (provider not configured yet)", c, err)
	}
	want := &Client{SubscriptionID: "s"}
	if c, err := FromProviderData(want); c != want || err != nil {
		t.Errorf("FromProviderData(client) = %v, %v", c, err)
	}
	if _, err := FromProviderData("not a client"); err == nil || !strings.Contains(err.Error(), "string") {
		t.Errorf("FromProviderData(string) error = %v, want one naming the type", err)
	}
}
