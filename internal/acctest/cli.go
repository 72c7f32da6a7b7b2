package acctest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// The command lines acceptance tests can run: .ci/run runs the whole suite with both.
const (
	Terraform = "Terraform"
	OpenTofu  = "OpenTofu"
)

// CLI is the terraform-compatible command line that terraform-plugin-testing runs: the binary
// TF_ACC_TERRAFORM_PATH names, else terraform on PATH.
type CLI struct {
	Path    string
	Name    string // Terraform or OpenTofu
	Version *version.Version
}

func (c CLI) String() string { return c.Name + " " + c.Version.String() }

// Feature is a provider-protocol feature that only some CLI versions have.
type Feature string

// The features provider code and tests depend on. featureVersions says which CLI versions have them.
const (
	FeatureProviderFunctions Feature = "provider-defined functions"
	// OpenTofu 1.12 sends a null function argument with no data, which the framework cannot decode.
	FeatureNullFunctionArguments Feature = "null provider-function arguments"
	FeatureMoveResourceState     Feature = "moved blocks between resource types"
	// OpenTofu 1.12 keeps the source resource's identity after a move instead of the identity the
	// target provider answers, so a moved state whose source carries another identity shape fails.
	FeatureMoveTakesTargetIdentity Feature = "moved blocks that take the target's identity"
	FeatureEphemeralResources      Feature = "ephemeral resources"
	FeatureWriteOnly               Feature = "write-only arguments"
	FeatureResourceIdentity        Feature = "resource identity"
	FeatureListResources           Feature = "list resources (query)"
	FeatureActions                 Feature = "actions"
)

// The first Terraform and OpenTofu release with each feature; an empty OpenTofu version means no
// OpenTofu release has it. Sources are in docs/guides/terraform-versions.md; keep the two in step.
var featureVersions = map[Feature]struct{ terraform, opentofu string }{
	FeatureProviderFunctions:       {"1.8.0", "1.7.0"},
	FeatureNullFunctionArguments:   {"1.8.0", ""},
	FeatureMoveResourceState:       {"1.8.0", "1.10.0"},
	FeatureMoveTakesTargetIdentity: {"1.12.0", ""},
	FeatureEphemeralResources:      {"1.10.0", "1.11.0"},
	FeatureWriteOnly:               {"1.11.0", "1.11.0"},
	FeatureResourceIdentity:        {"1.12.0", "1.12.0"},
	FeatureListResources:           {"1.14.0", ""},
	FeatureActions:                 {"1.14.0", ""},
}

// RequireFeature is for acceptance tests of a feature that not every CLI has. Its contract:
//
//   - The CLI has the feature: it returns and the test runs.
//   - The CLI is Terraform, or an OpenTofu series that has the feature, but older than the first
//     release with it: the test FAILS. The suite's CLIs are pinned (.ci/tools.sh) to versions
//     that have every feature they are tested for, so an old CLI is a set-up mistake to fix, not
//     a reason to pass quietly.
//   - The CLI is an OpenTofu version whose series has no such feature at all (actions and list
//     resources in OpenTofu 1.12): the test is skipped as not applicable, with a message that
//     starts "not applicable:" and names the feature and the CLI. .ci/run counts these skips and
//     prints them; nothing else in the suite may skip.
//   - The CLI cannot be run or is neither Terraform nor OpenTofu: the test fails.
//
// Call it at the start of the test (after PreCheck), before starting an emulator.
func RequireFeature(t *testing.T, feature Feature) {
	t.Helper()
	cli, err := TestCLI()
	if err != nil {
		t.Fatalf("acctest: %v", err)
	}
	skip, err := featureCheck(cli, feature)
	switch {
	case err != nil:
		t.Fatalf("acctest: %v", err)
	case skip != "":
		t.Skip(skip)
	}
}

// FeatureCheck is RequireFeature as a TerraformVersionCheck, for a resource.TestCase's
// TerraformVersionChecks: the same contract, run by terraform-plugin-testing before the first step.
func FeatureCheck(feature Feature) tfversion.TerraformVersionCheck {
	return featureVersionCheck{feature: feature}
}

type featureVersionCheck struct{ feature Feature }

func (c featureVersionCheck) CheckTerraformVersion(_ context.Context, _ tfversion.CheckTerraformVersionRequest, resp *tfversion.CheckTerraformVersionResponse) {
	cli, err := TestCLI()
	if err != nil {
		resp.Error = err
		return
	}
	resp.Skip, resp.Error = featureCheck(cli, c.feature)
}

// featureCheck decides what a test of feature does on cli: run (both empty), skip with a reason,
// or fail with an error.
func featureCheck(cli CLI, feature Feature) (string, error) {
	needed, ok := featureVersions[feature]
	if !ok {
		return "", fmt.Errorf("unknown CLI feature %q: add it to featureVersions", feature)
	}
	first := needed.terraform
	if cli.Name == OpenTofu {
		if needed.opentofu == "" {
			return fmt.Sprintf("not applicable: %s has no %s (Terraform has them from %s)", cli, feature, needed.terraform), nil
		}
		first = needed.opentofu
	} else if cli.Name != Terraform {
		return "", fmt.Errorf("%s is neither Terraform nor OpenTofu", cli.Path)
	}
	if cli.Version.Core().LessThan(version.Must(version.NewVersion(first))) {
		return "", fmt.Errorf("%s has no %s, which need %s %s or later: run the suite with the pinned CLI (make test, .ci/tools.sh)",
			cli, feature, cli.Name, first)
	}
	return "", nil
}

var testCLI struct {
	once sync.Once
	cli  CLI
	err  error
}

// TestCLI reports which CLI the acceptance tests of this process run, asking it once.
func TestCLI() (CLI, error) {
	testCLI.once.Do(func() { testCLI.cli, testCLI.err = detectCLI() })
	return testCLI.cli, testCLI.err
}

func detectCLI() (CLI, error) {
	path := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if path == "" {
		found, err := exec.LookPath("terraform")
		if err != nil {
			return CLI{}, fmt.Errorf("TF_ACC_TERRAFORM_PATH is not set and there is no terraform on PATH")
		}
		path = found
	}
	cmd := exec.Command(path, "version")
	cmd.Env = append(os.Environ(), "CHECKPOINT_DISABLE=1")
	out, err := cmd.Output()
	if err != nil {
		return CLI{}, fmt.Errorf("running %s version: %w", path, err)
	}
	cli, err := parseVersionOutput(string(out))
	cli.Path = path
	if err != nil {
		return cli, fmt.Errorf("%s version: %w", path, err)
	}
	return cli, nil
}

// The first line of `terraform version` ("Terraform v1.14.9") or `tofu version` ("OpenTofu v1.12.6").
// `version -json` would not tell them apart: both report "terraform_version".
var versionLine = regexp.MustCompile(`^(Terraform|OpenTofu) v(\S+)$`)

func parseVersionOutput(out string) (CLI, error) {
	first, _, _ := strings.Cut(strings.TrimSpace(out), "\n")
	m := versionLine.FindStringSubmatch(strings.TrimSpace(first))
	if m == nil {
		return CLI{}, fmt.Errorf("unrecognised version output %q", first)
	}
	v, err := version.NewVersion(m[2])
	if err != nil {
		return CLI{}, fmt.Errorf("unrecognised version %q: %w", m[2], err)
	}
	return CLI{Name: m[1], Version: v}, nil
}
