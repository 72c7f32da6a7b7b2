package acctest

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

func cli(name, v string) CLI {
	return CLI{Path: "/bin/" + name, Name: name, Version: version.Must(version.NewVersion(v))}
}

func TestFeatureCheck(t *testing.T) {
	cases := []struct {
		cli     CLI
		feature Feature
		skip    string // substring of the skip reason; empty: no skip
		fail    string // substring of the error; empty: no failure
	}{
		{cli: cli(Terraform, "1.14.9"), feature: FeatureActions},
		{cli: cli(Terraform, "1.14.0"), feature: FeatureListResources},
		{cli: cli(Terraform, "1.14.0-rc1"), feature: FeatureActions},
		{cli: cli(Terraform, "1.14.9"), feature: FeatureEphemeralResources},
		{cli: cli(Terraform, "1.13.4"), feature: FeatureActions, fail: "Terraform 1.13.4 has no actions, which need Terraform 1.14.0 or later"},
		{cli: cli(Terraform, "1.9.8"), feature: FeatureEphemeralResources, fail: "need Terraform 1.10.0"},
		{cli: cli(Terraform, "1.10.5"), feature: FeatureWriteOnly, fail: "need Terraform 1.11.0"},
		{cli: cli(Terraform, "1.11.4"), feature: FeatureResourceIdentity, fail: "need Terraform 1.12.0"},
		{cli: cli(OpenTofu, "1.12.6"), feature: FeatureEphemeralResources},
		{cli: cli(OpenTofu, "1.12.6"), feature: FeatureWriteOnly},
		{cli: cli(OpenTofu, "1.12.6"), feature: FeatureResourceIdentity},
		{cli: cli(OpenTofu, "1.12.6"), feature: FeatureProviderFunctions},
		{cli: cli(OpenTofu, "1.12.6"), feature: FeatureMoveResourceState},
		{cli: cli(OpenTofu, "1.10.7"), feature: FeatureEphemeralResources, fail: "need OpenTofu 1.11.0"},
		{cli: cli(OpenTofu, "1.11.5"), feature: FeatureResourceIdentity, fail: "need OpenTofu 1.12.0"},
		{cli: cli(OpenTofu, "1.12.6"), feature: FeatureActions, skip: "not applicable: OpenTofu 1.12.6 has no actions"},
		{cli: cli(OpenTofu, "1.12.6"), feature: FeatureListResources, skip: "not applicable: OpenTofu 1.12.6 has no list resources"},
		{cli: cli("Other", "2.0.0"), feature: FeatureActions, fail: "neither Terraform nor OpenTofu"},
		{cli: cli(Terraform, "1.14.9"), feature: Feature("time travel"), fail: "unknown CLI feature"},
	}
	for _, tc := range cases {
		t.Run(tc.cli.String()+"/"+string(tc.feature), func(t *testing.T) {
			skip, err := featureCheck(tc.cli, tc.feature)
			if tc.fail == "" && err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if tc.fail != "" && (err == nil || !strings.Contains(err.Error(), tc.fail)) {
				t.Fatalf("error = %v, want one containing %q", err, tc.fail)
			}
			if tc.fail != "" && skip != "" {
				t.Fatalf("a failing check also skips: %q", skip)
			}
			if tc.skip == "" && skip != "" {
				t.Fatalf("unexpected skip: %q", skip)
			}
			if tc.skip != "" && !strings.Contains(skip, tc.skip) {
				t.Fatalf("skip = %q, want one containing %q", skip, tc.skip)
			}
		})
	}
}

// Every feature has a Terraform version, and OpenTofu versions parse where there are any.
func TestFeatureVersionsParse(t *testing.T) {
	for feature, v := range featureVersions {
		if _, err := version.NewVersion(v.terraform); err != nil {
			t.Errorf("%s: Terraform version %q: %v", feature, v.terraform, err)
		}
		if v.opentofu == "" {
			continue
		}
		if _, err := version.NewVersion(v.opentofu); err != nil {
			t.Errorf("%s: OpenTofu version %q: %v", feature, v.opentofu, err)
		}
	}
}

func TestParseVersionOutput(t *testing.T) {
	cases := []struct {
		out, name, version string
	}{
		{out: "Terraform v1.14.9\non linux_amd64\n", name: Terraform, version: "1.14.9"},
		{out: "OpenTofu v1.12.6\non linux_amd64\n", name: OpenTofu, version: "1.12.6"},
		{out: "Terraform v1.15.0-alpha20260101\non linux_amd64\n+ provider registry.terraform.io/hashicorp/aks v0.1.0\n", name: Terraform, version: "1.15.0-alpha20260101"},
	}
	for _, tc := range cases {
		got, err := parseVersionOutput(tc.out)
		if err != nil {
			t.Fatalf("%q: %v", tc.out, err)
		}
		if got.Name != tc.name || got.Version.String() != tc.version {
			t.Errorf("%q: got %s %s, want %s %s", tc.out, got.Name, got.Version, tc.name, tc.version)
		}
	}
	for _, bad := range []string{"", "terraform 1.14.9", "Terraform vnext\n", "Pulumi v3.0.0"} {
		if got, err := parseVersionOutput(bad); err == nil {
			t.Errorf("%q: parsed as %s, want an error", bad, got)
		}
	}
}

// FeatureCheck gives terraform-plugin-testing the same answer as RequireFeature, for the CLI of
// this process. Run by make test with the pinned Terraform and by .ci/run with OpenTofu too.
func TestAccFeatureCheckUsesTheTestCLI(t *testing.T) {
	PreCheck(t)
	cli, err := TestCLI()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("acceptance tests run %s (%s)", cli, cli.Path)
	for feature := range featureVersions {
		var resp tfversion.CheckTerraformVersionResponse
		FeatureCheck(feature).CheckTerraformVersion(context.Background(), tfversion.CheckTerraformVersionRequest{}, &resp)
		skip, err := featureCheck(cli, feature)
		if resp.Skip != skip || (resp.Error == nil) != (err == nil) {
			t.Errorf("%s on %s: FeatureCheck gave skip %q error %v, featureCheck skip %q error %v", feature, cli, resp.Skip, resp.Error, skip, err)
		}
	}
}
