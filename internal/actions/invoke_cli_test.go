package actions_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
)

// terraform-plugin-testing 1.16 has no step that invokes an action, so the -invoke tests run the
// CLI themselves: `terraform apply -invoke=action.<type>.<name>`, the way a user starts an
// action by hand, whose output shows the action's progress messages.

// terraformWithActions returns the CLI of the acceptance tests once acctest.RequireFeature has
// checked that it has actions (Terraform 1.14+; not applicable under OpenTofu, which has none).
func terraformWithActions(t *testing.T) string {
	t.Helper()
	acctest.PreCheck(t)
	acctest.RequireFeature(t, acctest.FeatureActions)
	cli, err := acctest.TestCLI()
	if err != nil {
		t.Fatal(err)
	}
	return cli.Path
}

// serveProvider serves the aks provider in-process, as terraform-plugin-testing does, and returns
// the TF_REATTACH_PROVIDERS value that points the CLI at it.
func serveProvider(t *testing.T) string {
	t.Helper()
	// The provider's logs would go to the test's own stderr; the CLI's output is what counts here.
	for _, name := range []string{"TF_LOG", "TF_LOG_PROVIDER", "TF_LOG_PROVIDER_AKS", "TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK"} {
		t.Setenv(name, "off")
	}
	server, err := acctest.ProtoV6ProviderFactories["aks"]()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	reattach := make(chan *plugin.ReattachConfig)
	closed := make(chan struct{})
	go func() {
		err := tf6server.Serve("registry.terraform.io/hashicorp/aks", func() tfprotov6.ProviderServer { return server },
			tf6server.WithDebug(ctx, reattach, closed), tf6server.WithoutLogStderrOverride())
		if err != nil {
			t.Errorf("serving the provider: %v", err)
		}
	}()
	config := <-reattach
	t.Cleanup(func() {
		cancel()
		<-closed
	})
	raw, err := json.Marshal(map[string]any{"registry.terraform.io/hashicorp/aks": map[string]any{
		"Protocol": string(config.Protocol), "ProtocolVersion": config.ProtocolVersion, "Pid": config.Pid, "Test": true,
		"Addr": map[string]string{"Network": config.Addr.Network(), "String": config.Addr.String()},
	}})
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// invoke writes config into a fresh working directory and runs `terraform init` and
// `terraform apply -invoke=address -auto-approve` with the provider served in-process. It
// returns apply's output (stdout and stderr) and whether it succeeded.
func invoke(t *testing.T, bin, reattach, config, address string) (string, bool) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) (string, error) {
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "TF_REATTACH_PROVIDERS="+reattach, "TF_IN_AUTOMATION=1", "NO_COLOR=1")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	if out, err := run("init", "-input=false", "-no-color"); err != nil {
		t.Fatalf("terraform init: %v\n%s", err, out)
	}
	out, err := run("apply", "-input=false", "-no-color", "-auto-approve", "-invoke="+address)
	return out, err == nil
}

// expectOutput fails unless every want is in out, in that order.
func expectOutput(t *testing.T, out string, want ...string) {
	t.Helper()
	rest := out
	for _, w := range want {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Fatalf("the CLI's output lacks %q (after the earlier expectations); it was:\n%s", w, out)
		}
		rest = rest[i+len(w):]
	}
}
