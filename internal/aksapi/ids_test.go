package aksapi

import (
	"strings"
	"testing"
)

func TestParseClusterID(t *testing.T) {
	tests := []struct {
		name    string
		id      string
		want    ClusterID
		wantErr string
	}{
		{
			name: "canonical",
			id:   "/subscriptions/sub/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/managedClusters/aks1",
			want: ClusterID{SubscriptionID: "sub", ResourceGroup: "rg-aks-demo", Name: "aks1"},
		},
		{
			name: "any letter case, as ARM accepts",
			id:   "/SUBSCRIPTIONS/sub/resourcegroups/RG/providers/microsoft.containerservice/MANAGEDCLUSTERS/Aks1",
			want: ClusterID{SubscriptionID: "sub", ResourceGroup: "RG", Name: "Aks1"},
		},
		{
			name:    "an agent pool is not a cluster",
			id:      "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1/agentPools/p",
			wantErr: "is not a managed cluster ID",
		},
		{
			name:    "another resource type",
			id:      "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet",
			wantErr: "got resource type Microsoft.Network/virtualNetworks",
		},
		{
			name:    "not an ID",
			id:      "aks1",
			wantErr: "is not an ARM resource ID",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseClusterID(tt.id)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("ParseClusterID(%q) error = %v, want it to contain %q", tt.id, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseClusterID(%q): %v", tt.id, err)
			}
			if got != tt.want {
				t.Fatalf("ParseClusterID(%q) = %+v, want %+v", tt.id, got, tt.want)
			}
		})
	}
}

func TestClusterIDKeyIgnoresCase(t *testing.T) {
	a := ClusterID{SubscriptionID: "SUB", ResourceGroup: "Rg", Name: "AKS"}
	b := ClusterID{SubscriptionID: "sub", ResourceGroup: "rg", Name: "aks"}
	if a.Key() != b.Key() {
		t.Fatalf("keys differ: %q vs %q", a.Key(), b.Key())
	}
	if a.String() == b.String() {
		t.Fatalf("String must keep the given spelling")
	}
}

func TestParsePoolID(t *testing.T) {
	id := "/subscriptions/sub/resourcegroups/rg/providers/Microsoft.ContainerService/managedclusters/aks1/agentpools/mynodepool"
	got, err := ParsePoolID(id)
	if err != nil {
		t.Fatal(err)
	}
	want := PoolID{Cluster: ClusterID{SubscriptionID: "sub", ResourceGroup: "rg", Name: "aks1"}, Name: "mynodepool"}
	if got != want {
		t.Fatalf("ParsePoolID = %+v, want %+v", got, want)
	}
	if s := got.String(); s != "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1/agentPools/mynodepool" {
		t.Fatalf("String() = %q", s)
	}
	for _, bad := range []string{
		"/subscriptions/sub/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1",
		"/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/vmss/virtualMachines/0",
		"",
	} {
		if _, err := ParsePoolID(bad); err == nil {
			t.Errorf("ParsePoolID(%q) accepted a non-pool ID", bad)
		}
	}
}
