package emulator

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/network/armnetwork/v7"
	"github.com/google/uuid"
)

// Seed is what the emulator starts from (and returns to on Reset): identities,
// subscriptions, resource groups, virtual networks, the Kubernetes versions
// catalogue and the latest node images. The VM size catalogue is not part of
// it: it comes from internal/skudata.
//
// A seed file (Options.SeedFile, -seed) has the same JSON shape. With
// "mode": "replace" it replaces the built-in seed; otherwise (the default,
// "extend") its lists are added to the built-in ones, entries with the same
// key replacing built-in ones, and its kubernetesVersions / nodeImages, when
// present, replace the built-in catalogue.
type Seed struct {
	Mode               string                  `json:"mode,omitempty"`
	Tenants            []SeedTenant            `json:"tenants,omitempty"`
	Subscriptions      []SeedSubscription      `json:"subscriptions,omitempty"`
	ResourceGroups     []SeedResourceGroup     `json:"resourceGroups,omitempty"`
	VirtualNetworks    []SeedVirtualNetwork    `json:"virtualNetworks,omitempty"`
	KubernetesVersions []SeedKubernetesVersion `json:"kubernetesVersions,omitempty"`
	// NodeImages maps an OS SKU (Ubuntu, Ubuntu2204, AzureLinux, Windows2022, ...) to its latest node image version.
	NodeImages map[string]string `json:"nodeImages,omitempty"`
	// The resources agent pools reference by ID (seed_resources.go).
	CapacityReservationGroups []SeedResource `json:"capacityReservationGroups,omitempty"`
	HostGroups                []SeedResource `json:"hostGroups,omitempty"`
	ProximityPlacementGroups  []SeedResource `json:"proximityPlacementGroups,omitempty"`
	PublicIPPrefixes          []SeedResource `json:"publicIPPrefixes,omitempty"`
	ApplicationSecurityGroups []SeedResource `json:"applicationSecurityGroups,omitempty"`
	Snapshots                 []SeedSnapshot `json:"snapshots,omitempty"`
}

// SeedTenant is an Entra ID tenant and the service principals registered in it.
type SeedTenant struct {
	ID                string                 `json:"id"`
	ServicePrincipals []SeedServicePrincipal `json:"servicePrincipals,omitempty"`
}

// SeedServicePrincipal is an application's service principal: a client ID
// with a secret, optionally the emulator-generated client certificate, and
// federated credentials.
type SeedServicePrincipal struct {
	ClientID    string `json:"clientId"`
	ObjectID    string `json:"objectId,omitempty"`
	DisplayName string `json:"displayName,omitempty"`
	// ClientSecrets accepted for the client-credentials grant.
	ClientSecrets []string `json:"clientSecrets,omitempty"`
	// Certificate: when true, the emulator's generated client certificate is registered on this principal.
	Certificate bool `json:"certificate,omitempty"`
	// FederatedCredentials trust assertions from an OIDC issuer for a subject.
	FederatedCredentials []SeedFederatedCredential `json:"federatedCredentials,omitempty"`
}

// SeedFederatedCredential trusts tokens whose issuer, subject and audience
// match. An empty Issuer means the emulator's own OIDC issuer; empty Audiences
// mean ["api://AzureADTokenExchange"].
type SeedFederatedCredential struct {
	Name      string   `json:"name,omitempty"`
	Issuer    string   `json:"issuer,omitempty"`
	Subject   string   `json:"subject"`
	Audiences []string `json:"audiences,omitempty"`
}

// SeedSubscription is a subscription of a tenant. Every principal of the
// tenant can use it. Providers maps a resource provider namespace to its
// registration state; namespaces not listed are "Registered".
type SeedSubscription struct {
	ID          string            `json:"id"`
	DisplayName string            `json:"displayName,omitempty"`
	TenantID    string            `json:"tenantId"`
	Providers   map[string]string `json:"providers,omitempty"`
}

// SeedResourceGroup is a resource group.
type SeedResourceGroup struct {
	SubscriptionID string            `json:"subscriptionId"`
	Name           string            `json:"name"`
	Location       string            `json:"location"`
	Tags           map[string]string `json:"tags,omitempty"`
}

// SeedVirtualNetwork is a virtual network with its subnets.
type SeedVirtualNetwork struct {
	SubscriptionID  string       `json:"subscriptionId"`
	ResourceGroup   string       `json:"resourceGroup"`
	Name            string       `json:"name"`
	Location        string       `json:"location"`
	AddressPrefixes []string     `json:"addressPrefixes"`
	Subnets         []SeedSubnet `json:"subnets,omitempty"`
}

// SeedSubnet is a subnet of a seeded virtual network.
type SeedSubnet struct {
	Name          string `json:"name"`
	AddressPrefix string `json:"addressPrefix"`
}

// SeedKubernetesVersion is one patch version offered in every location.
type SeedKubernetesVersion struct {
	Version   string `json:"version"`
	IsDefault bool   `json:"isDefault,omitempty"`
	IsPreview bool   `json:"isPreview,omitempty"`
	// LTS marks the minor as offering AKS long-term support (capabilities.supportPlan).
	LTS bool `json:"lts,omitempty"`
}

// DefaultFederatedSubjects are the subjects the default service principal's
// federated credentials trust from the emulator's own issuer: a GitHub
// Actions branch and an HCP Terraform apply run.
var DefaultFederatedSubjects = []string{
	"repo:aksforge/demo:ref:refs/heads/main",
	"repo:aksforge/demo:environment:demo",
	"organization:aksforge:project:demo:workspace:demo:run_phase:plan",
	"organization:aksforge:project:demo:workspace:demo:run_phase:apply",
}

// DefaultSeed returns the built-in seed (see internal/ARCHITECTURE.md).
func DefaultSeed() *Seed {
	var feds []SeedFederatedCredential
	for i, sub := range DefaultFederatedSubjects {
		feds = append(feds, SeedFederatedCredential{Name: fmt.Sprintf("emulator-%d", i+1), Subject: sub})
	}
	return &Seed{
		Tenants: []SeedTenant{{
			ID: DefaultTenantID,
			ServicePrincipals: []SeedServicePrincipal{{
				ClientID:             DefaultClientID,
				ObjectID:             "00000000-0000-4000-8000-000000000004",
				DisplayName:          "aks-emulator-terraform",
				ClientSecrets:        []string{DefaultClientSecret},
				Certificate:          true,
				FederatedCredentials: feds,
			}},
		}},
		Subscriptions: []SeedSubscription{{
			ID:          DefaultSubscriptionID,
			DisplayName: "AKS Emulator Subscription",
			TenantID:    DefaultTenantID,
		}},
		ResourceGroups: []SeedResourceGroup{
			{SubscriptionID: DefaultSubscriptionID, Name: "rg-aks-demo", Location: "eastus"},
			{SubscriptionID: DefaultSubscriptionID, Name: "rg-aks-test", Location: "eastus"},
		},
		VirtualNetworks: []SeedVirtualNetwork{
			{
				SubscriptionID: DefaultSubscriptionID, ResourceGroup: "rg-aks-demo", Name: "vnet-aks-demo", Location: "eastus",
				AddressPrefixes: []string{"10.10.0.0/16"},
				Subnets: []SeedSubnet{
					{Name: "snet-system", AddressPrefix: "10.10.0.0/22"},
					{Name: "snet-user", AddressPrefix: "10.10.4.0/22"},
					{Name: "snet-pods", AddressPrefix: "10.10.8.0/22"},
					{Name: "snet-windows", AddressPrefix: "10.10.12.0/22"},
				},
			},
			{
				SubscriptionID: DefaultSubscriptionID, ResourceGroup: "rg-aks-demo", Name: "vnet-other", Location: "eastus",
				AddressPrefixes: []string{"10.20.0.0/16"},
				Subnets:         []SeedSubnet{{Name: "snet-other", AddressPrefix: "10.20.0.0/22"}},
			},
		},
		KubernetesVersions: []SeedKubernetesVersion{
			{Version: "1.28.14", LTS: true},
			{Version: "1.28.15", LTS: true},
			{Version: "1.29.14"},
			{Version: "1.29.15"},
			{Version: "1.30.13"},
			{Version: "1.30.14"},
			{Version: "1.31.10"},
			{Version: "1.31.11"},
			{Version: "1.32.6"},
			{Version: "1.32.7"},
			{Version: "1.33.2"},
			{Version: "1.33.3", IsDefault: true},
			{Version: "1.34.0", IsPreview: true},
		},
		// Node image names follow AKS's published naming (<distro>-<variant>-<date>); the dates are examples.
		NodeImages: map[string]string{
			"Ubuntu":      "AKSUbuntu-2204gen2containerd-202507.21.0",
			"Ubuntu2204":  "AKSUbuntu-2204gen2containerd-202507.21.0",
			"Ubuntu2404":  "AKSUbuntu-2404gen2containerd-202507.21.0",
			"AzureLinux":  "AKSAzureLinux-V3gen2-202507.21.0",
			"AzureLinux3": "AKSAzureLinux-V3gen2-202507.21.0",
			"CBLMariner":  "AKSCBLMariner-V2gen2-202507.21.0",
			"Windows2019": "AKSWindows-2019-containerd-17763.7558.250714",
			"Windows2022": "AKSWindows-2022-containerd-20348.3932.250714",
		},
		CapacityReservationGroups: []SeedResource{demoResource("crg1")},
		HostGroups:                []SeedResource{demoResource("hostgroup1")},
		ProximityPlacementGroups:  []SeedResource{demoResource("ppg1")},
		PublicIPPrefixes:          []SeedResource{demoResource("prefix1")},
		ApplicationSecurityGroups: []SeedResource{demoResource("asg1")},
		Snapshots: []SeedSnapshot{{
			SubscriptionID: DefaultSubscriptionID, ResourceGroup: "rg-aks-demo", Name: "snapshot1", Location: "eastus",
			OSType: "Linux", OSSKU: "Ubuntu", VMSize: "Standard_DS2_v2", EnableFIPS: true,
		}},
	}
}

// loadSeed returns the built-in seed, replaced or extended by the file at path ("" = none).
func loadSeed(path string) (*Seed, error) {
	base := DefaultSeed()
	if path == "" {
		return base, nil
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("emulator: seed: %w", err)
	}
	var file Seed
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.DisallowUnknownFields() // a typo in a seed file should fail loudly, not be ignored
	if err := dec.Decode(&file); err != nil {
		return nil, fmt.Errorf("emulator: seed %s: %w", path, err)
	}
	var out *Seed
	switch strings.ToLower(file.Mode) {
	case "replace":
		out = &file
	case "", "extend":
		out = base.extend(&file)
	default:
		return nil, fmt.Errorf("emulator: seed %s: mode %q is neither \"extend\" nor \"replace\"", path, file.Mode)
	}
	if err := out.validate(); err != nil {
		return nil, fmt.Errorf("emulator: seed %s: %w", path, err)
	}
	return out, nil
}

// extend merges other into a copy of s: list entries with the same key replace s's.
func (s *Seed) extend(other *Seed) *Seed {
	out := *s
	out.Tenants = mergeByKey(s.Tenants, other.Tenants, func(t SeedTenant) string { return t.ID })
	out.Subscriptions = mergeByKey(s.Subscriptions, other.Subscriptions, func(x SeedSubscription) string { return x.ID })
	out.ResourceGroups = mergeByKey(s.ResourceGroups, other.ResourceGroups, func(x SeedResourceGroup) string {
		return x.SubscriptionID + "/" + x.Name
	})
	out.VirtualNetworks = mergeByKey(s.VirtualNetworks, other.VirtualNetworks, func(x SeedVirtualNetwork) string {
		return x.SubscriptionID + "/" + x.ResourceGroup + "/" + x.Name
	})
	out.extendResources(s, other)
	if len(other.KubernetesVersions) > 0 {
		out.KubernetesVersions = other.KubernetesVersions
	}
	if len(other.NodeImages) > 0 {
		out.NodeImages = map[string]string{}
		for k, v := range s.NodeImages {
			out.NodeImages[k] = v
		}
		for k, v := range other.NodeImages {
			out.NodeImages[k] = v
		}
	}
	return &out
}

func mergeByKey[T any](base, add []T, key func(T) string) []T {
	out := append([]T(nil), base...)
	for _, a := range add {
		replaced := false
		for i := range out {
			if strings.EqualFold(key(out[i]), key(a)) {
				out[i] = a
				replaced = true
				break
			}
		}
		if !replaced {
			out = append(out, a)
		}
	}
	return out
}

func (s *Seed) validate() error {
	tenants := map[string]bool{}
	for _, t := range s.Tenants {
		if t.ID == "" {
			return fmt.Errorf("a tenant has no id")
		}
		tenants[strings.ToLower(t.ID)] = true
	}
	subs := map[string]bool{}
	for _, sub := range s.Subscriptions {
		if !tenants[strings.ToLower(sub.TenantID)] {
			return fmt.Errorf("subscription %s: unknown tenant %q", sub.ID, sub.TenantID)
		}
		subs[strings.ToLower(sub.ID)] = true
	}
	for _, rg := range s.ResourceGroups {
		if !subs[strings.ToLower(rg.SubscriptionID)] || rg.Name == "" || rg.Location == "" {
			return fmt.Errorf("resource group %q: needs a known subscriptionId, a name and a location", rg.Name)
		}
	}
	for _, vn := range s.VirtualNetworks {
		found := false
		for _, rg := range s.ResourceGroups {
			if strings.EqualFold(rg.SubscriptionID, vn.SubscriptionID) && strings.EqualFold(rg.Name, vn.ResourceGroup) {
				found = true
			}
		}
		if !found {
			return fmt.Errorf("virtual network %q: resource group %q is not seeded", vn.Name, vn.ResourceGroup)
		}
	}
	if err := s.validateResources(); err != nil {
		return err
	}
	if len(s.KubernetesVersions) == 0 {
		return fmt.Errorf("kubernetesVersions is empty: AKS offers at least one version")
	}
	defaults := 0
	for _, v := range s.KubernetesVersions {
		if _, ok := parseVersion(v.Version); !ok {
			return fmt.Errorf("kubernetes version %q is not MAJOR.MINOR.PATCH", v.Version)
		}
		if v.IsDefault {
			defaults++
		}
	}
	if defaults != 1 {
		return fmt.Errorf("exactly one kubernetes version must be isDefault, found %d", defaults)
	}
	return nil
}

// seedState builds the resources of the seed.
func (db *store) seedState() *state {
	st := newState()
	for _, rg := range db.seed.ResourceGroups {
		id := rgID(rg.SubscriptionID, rg.Name)
		r := &resourceGroup{ID: id, Name: rg.Name, Type: "Microsoft.Resources/resourceGroups", Location: normLocation(rg.Location), Tags: rg.Tags}
		r.Properties.ProvisioningState = "Succeeded"
		st.ResourceGroups[key(id)] = r
	}
	for _, vn := range db.seed.VirtualNetworks {
		id := vnetID(vn.SubscriptionID, vn.ResourceGroup, vn.Name)
		v := &armnetwork.VirtualNetwork{
			ID: to.Ptr(id), Name: to.Ptr(vn.Name), Type: to.Ptr(vnetType), Location: to.Ptr(normLocation(vn.Location)), Etag: networkETag(),
			Properties: &armnetwork.VirtualNetworkPropertiesFormat{
				AddressSpace:      &armnetwork.AddressSpace{AddressPrefixes: to.SliceOfPtrs(vn.AddressPrefixes...)},
				ProvisioningState: to.Ptr(armnetwork.ProvisioningStateSucceeded),
				ResourceGUID:      to.Ptr(uuid.NewString()),
				Subnets:           []*armnetwork.Subnet{},
			},
		}
		for _, sn := range vn.Subnets {
			v.Properties.Subnets = append(v.Properties.Subnets, &armnetwork.Subnet{
				ID: to.Ptr(id + "/subnets/" + sn.Name), Name: to.Ptr(sn.Name), Type: to.Ptr(subnetType), Etag: networkETag(),
				Properties: &armnetwork.SubnetPropertiesFormat{
					AddressPrefix:     to.Ptr(sn.AddressPrefix),
					ProvisioningState: to.Ptr(armnetwork.ProvisioningStateSucceeded),
				},
			})
		}
		st.VNets[key(id)] = v
	}
	for sku, v := range db.seed.NodeImages {
		st.NodeImages[strings.ToLower(sku)] = v
	}
	db.seed.seedResources(st)
	for _, sub := range db.seed.Subscriptions {
		for ns, state := range sub.Providers {
			m := st.Registrations[strings.ToLower(sub.ID)]
			if m == nil {
				m = map[string]string{}
				st.Registrations[strings.ToLower(sub.ID)] = m
			}
			m[strings.ToLower(ns)] = state
		}
	}
	return st
}
