package aks

import (
	"reflect"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func ptr[T any](v T) *T { return &v }

// apiAnswer is shaped like KubernetesVersions_List.json: minors out of order, patches in a map.
func apiAnswer() []*armcontainerservice.KubernetesVersion {
	official := &armcontainerservice.KubernetesVersionCapabilities{SupportPlan: []*armcontainerservice.KubernetesSupportPlan{
		ptr(armcontainerservice.KubernetesSupportPlanKubernetesOfficial),
	}}
	lts := &armcontainerservice.KubernetesVersionCapabilities{SupportPlan: []*armcontainerservice.KubernetesSupportPlan{
		ptr(armcontainerservice.KubernetesSupportPlanKubernetesOfficial),
		ptr(armcontainerservice.KubernetesSupportPlanAKSLongTermSupport),
	}}
	return []*armcontainerservice.KubernetesVersion{
		{Version: ptr("1.10"), Capabilities: official, PatchVersions: map[string]*armcontainerservice.KubernetesPatchVersion{"1.10.2": {}}},
		{Version: ptr("1.34"), IsPreview: ptr(true), Capabilities: official, PatchVersions: map[string]*armcontainerservice.KubernetesPatchVersion{"1.34.0": {}}},
		{Version: ptr("1.9"), Capabilities: lts, PatchVersions: map[string]*armcontainerservice.KubernetesPatchVersion{
			"1.9.10": {}, "1.9.9": {}, "1.9.11": {},
		}},
		{Version: ptr("1.33"), IsDefault: ptr(true), PatchVersions: map[string]*armcontainerservice.KubernetesPatchVersion{"1.33.3": {}, "1.33.2": {}}},
		nil,
	}
}

func TestFlattenKubernetesVersions_GAOnly(t *testing.T) {
	got := flattenKubernetesVersions(apiAnswer(), false)

	want := []kubernetesVersionModel{
		{Version: types.StringValue("1.9"), PatchVersions: strs("1.9.9", "1.9.10", "1.9.11"), IsPreview: types.BoolValue(false), IsDefault: types.BoolValue(false), SupportPlans: strs("KubernetesOfficial", "AKSLongTermSupport")},
		{Version: types.StringValue("1.10"), PatchVersions: strs("1.10.2"), IsPreview: types.BoolValue(false), IsDefault: types.BoolValue(false), SupportPlans: strs("KubernetesOfficial")},
		{Version: types.StringValue("1.33"), PatchVersions: strs("1.33.2", "1.33.3"), IsPreview: types.BoolValue(false), IsDefault: types.BoolValue(true), SupportPlans: strs()},
	}
	if !reflect.DeepEqual(got.Versions, want) {
		t.Errorf("versions =\n%v\nwant\n%v", got.Versions, want)
	}
	if got.DefaultVersion.ValueString() != "1.33.3" {
		t.Errorf("default_version = %s, want 1.33.3 (latest patch of the default minor)", got.DefaultVersion)
	}
	if got.LatestVersion.ValueString() != "1.33.3" {
		t.Errorf("latest_version = %s, want 1.33.3 (preview 1.34.0 excluded)", got.LatestVersion)
	}
}

func TestFlattenKubernetesVersions_IncludePreview(t *testing.T) {
	got := flattenKubernetesVersions(apiAnswer(), true)
	var minors []string
	for _, v := range got.Versions {
		minors = append(minors, v.Version.ValueString())
	}
	if want := []string{"1.9", "1.10", "1.33", "1.34"}; !reflect.DeepEqual(minors, want) {
		t.Errorf("minors = %v, want %v", minors, want)
	}
	if last := got.Versions[len(got.Versions)-1]; !last.IsPreview.ValueBool() {
		t.Errorf("1.34 is_preview = %s, want true", last.IsPreview)
	}
	if got.LatestVersion.ValueString() != "1.34.0" || got.DefaultVersion.ValueString() != "1.33.3" {
		t.Errorf("latest/default = %s/%s, want 1.34.0/1.33.3", got.LatestVersion, got.DefaultVersion)
	}
}

func TestFlattenKubernetesVersions_Empty(t *testing.T) {
	got := flattenKubernetesVersions(nil, false)
	if got.Versions == nil || len(got.Versions) != 0 {
		t.Errorf("versions = %#v, want an empty, non-null list", got.Versions)
	}
	if !got.DefaultVersion.IsNull() || !got.LatestVersion.IsNull() {
		t.Errorf("default/latest = %s/%s, want null", got.DefaultVersion, got.LatestVersion)
	}
}

func TestCompareVersions(t *testing.T) {
	ordered := []string{"1.9", "1.9.2", "1.9.10", "1.10.0", "1.10.1-rc1", "1.10.1", "2.0.0"}
	for i := range ordered {
		for j := range ordered {
			got := compareVersions(ordered[i], ordered[j])
			want := 0
			switch {
			case i < j:
				want = -1
			case i > j:
				want = 1
			}
			if got != want {
				t.Errorf("compareVersions(%s, %s) = %d, want %d", ordered[i], ordered[j], got, want)
			}
		}
	}
}

func TestNormalizeLocation(t *testing.T) {
	for in, want := range map[string]string{"East US": "eastus", "eastus": "eastus", " West Europe ": "westeurope"} {
		if got := normalizeLocation(in); got != want {
			t.Errorf("normalizeLocation(%q) = %q, want %q", in, got, want)
		}
	}
}

func strs(values ...string) []types.String {
	out := []types.String{}
	for _, v := range values {
		out = append(out, types.StringValue(v))
	}
	return out
}
