package aksapi

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

func TestGetSnapshot(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	if _, err := env.coord.GetSnapshot(ctx, "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/snapshots/disk1"); err == nil ||
		!strings.Contains(err.Error(), "not a node pool snapshot ID") {
		t.Errorf("disk snapshot ID: %v", err)
	}
	if n := len(env.calls(http.MethodGet, "")); n != 0 {
		t.Errorf("a malformed ID made %d calls", n)
	}
	// A snapshot that doesn't exist is AKS's 404, as an *APIError.
	missing := "/subscriptions/" + emulator.DefaultSubscriptionID + "/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/snapshots/nosuchsnapshot"
	_, err := env.coord.GetSnapshot(ctx, missing)
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusNotFound || !strings.Contains(err.Error(), "nosuchsnapshot") {
		t.Errorf("missing snapshot: %v", err)
	}
}
