package acctest

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Main is the TestMain of packages with acceptance tests:
//
//	func TestMain(m *testing.M) { acctest.Main(m) }
//
// It makes sure the terraform CLI reads a CLI configuration that exists: machines may set
// TF_CLI_CONFIG_FILE to a missing file (terraform warns, OpenTofu fails), and a user's own
// configuration (dev_overrides, credentials, mirrors) must not change test runs. It also turns
// off checkpoint calls, which could only time out on an offline machine.
func Main(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	cleanup, err := safeCLIConfig()
	if err != nil {
		fmt.Fprintf(os.Stderr, "acctest: %v\n", err)
		return 1
	}
	defer cleanup()
	if os.Getenv("CHECKPOINT_DISABLE") == "" {
		_ = os.Setenv("CHECKPOINT_DISABLE", "1")
	}
	return m.Run()
}

// safeCLIConfig points TF_CLI_CONFIG_FILE at an empty file unless it names a file that exists.
func safeCLIConfig() (func(), error) {
	if path := os.Getenv("TF_CLI_CONFIG_FILE"); path != "" {
		if _, err := os.Stat(path); err == nil {
			return func() {}, nil
		}
	}
	dir, err := os.MkdirTemp("", "aks-acctest-cli-")
	if err != nil {
		return nil, fmt.Errorf("creating a folder for an empty terraform CLI configuration: %w", err)
	}
	path := filepath.Join(dir, "terraform.rc")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		return nil, fmt.Errorf("writing an empty terraform CLI configuration: %w", err)
	}
	if err := os.Setenv("TF_CLI_CONFIG_FILE", path); err != nil {
		return nil, fmt.Errorf("setting TF_CLI_CONFIG_FILE: %w", err)
	}
	return func() { _ = os.RemoveAll(dir) }, nil
}
