package rules

import (
	"context"
	"errors"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/skudata"
	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

// failingLister makes a live catalogue whose fetch fails.
type failingLister struct{}

func (failingLister) ListSKUs(context.Context, string) ([]skudata.SKU, error) {
	return nil, errors.New("AuthorizationFailed")
}

func TestLookupVMSize(t *testing.T) {
	ctx := context.Background()
	size, found, d := lookupVMSize(ctx, path.Empty(), userPool(), vmsizes.Embedded(), "eastus")
	expectDiags(t, d)
	if !found || size.Name != "Standard_DS2_v2" {
		t.Errorf("found=%v size=%s", found, size.Name)
	}
	_, found, d = lookupVMSize(ctx, path.Empty(), with(userPool(), func(p *Pool) { p.VMSize = types.StringNull() }), vmsizes.Embedded(), "eastus")
	expectDiags(t, d)
	if found {
		t.Error("no vm_size: nothing to find")
	}
	unknownSize := with(userPool(), func(p *Pool) { p.VMSize = str("Standard_Z9_v99") })
	_, found, d = lookupVMSize(ctx, path.Empty(), unknownSize, vmsizes.Embedded(), "eastus")
	if found {
		t.Error("an unknown size must not be found")
	}
	expectDiags(t, d, warnAt("vm_size", "Unknown VM size", `vm_size = "Standard_Z9_v99"`, "embedded VM size catalogue", "were not checked", "az vm list-skus"))
	_, _, d = lookupVMSize(ctx, path.Empty(), unknownSize, vmsizes.New(failingLister{}), "eastus")
	expectDiags(t, d, warnAt("vm_size", "Unknown VM size", "Compute Resource SKUs API lists in eastus", "could not be fetched: AuthorizationFailed"))
	// The region's live list was read: a size missing from it is an error.
	_, _, d = lookupVMSize(ctx, path.Empty(), unknownSize, vmsizes.New(emptyLister{}), "eastus")
	expectDiags(t, d, errAt("vm_size", "VM size not offered in the cluster's region", "lists in eastus", "az vm list-skus --location eastus"))
}

// emptyLister makes a live catalogue whose fetch succeeds with no sizes.
type emptyLister struct{}

func (emptyLister) ListSKUs(context.Context, string) ([]skudata.SKU, error) { return nil, nil }
