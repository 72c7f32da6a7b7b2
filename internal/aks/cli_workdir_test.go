package aks_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/go-version"
	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
)

// cliWorkdir runs the real terraform CLI (TF_ACC_TERRAFORM_PATH, else terraform on PATH) in a
// folder of its own, with providers served from this test process and reattached, as
// terraform-plugin-testing serves them. It drives what terraform-plugin-testing can't: starting
// from a state file written by another provider (moved blocks from azurerm), and
// `terraform query -generate-config-out` followed by a plan of the generated configuration.
type cliWorkdir struct {
	t        *testing.T
	dir      string
	bin      string
	reattach string
	version  *version.Version
}

// providerServer serves one provider for a cliWorkdir.
type providerServer func() (tfprotov6.ProviderServer, error)

// newCLIWorkdir starts the providers, keyed by their address without host
// ("aksforge/aks", "hashicorp/azurerm"), and checks that the CLI has feature (acctest.RequireFeature).
func newCLIWorkdir(t *testing.T, feature acctest.Feature, providers map[string]providerServer) *cliWorkdir {
	t.Helper()
	bin := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if bin == "" {
		bin = "terraform"
	}
	w := &cliWorkdir{t: t, dir: t.TempDir(), bin: bin}
	acctest.RequireFeature(t, feature)
	w.readVersion()
	reattach := map[string]any{}
	for address, factory := range providers {
		config := serveForReattach(t, address, factory)
		// Terraform and OpenTofu look providers up under their own registry hosts.
		for _, host := range []string{"registry.terraform.io", "registry.opentofu.org"} {
			reattach[host+"/"+address] = config
		}
	}
	raw, err := json.Marshal(reattach)
	if err != nil {
		t.Fatal(err)
	}
	w.reattach = string(raw)
	return w
}

// readVersion records the CLI's version, for checks that depend on it.
func (w *cliWorkdir) readVersion() {
	w.t.Helper()
	out, err := exec.Command(w.bin, "version", "-json").Output()
	if err != nil {
		w.t.Fatalf("%s version: %v", w.bin, err)
	}
	var v struct {
		Version string `json:"terraform_version"`
	}
	if err := json.Unmarshal(out, &v); err != nil {
		w.t.Fatalf("%s version -json: %v", w.bin, err)
	}
	got, err := version.NewVersion(v.Version)
	if err != nil {
		w.t.Fatal(err)
	}
	w.version = got
}

// serveForReattach serves the provider in this process until the test ends and returns its
// reattach configuration, in the shape TF_REATTACH_PROVIDERS takes.
func serveForReattach(t *testing.T, address string, factory providerServer) any {
	t.Helper()
	server, err := factory()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	configCh := make(chan *plugin.ReattachConfig)
	closeCh := make(chan struct{})
	served := make(chan error, 1)
	go func() {
		served <- tf6server.Serve("registry.terraform.io/"+address, func() tfprotov6.ProviderServer { return server },
			tf6server.WithDebug(ctx, configCh, closeCh), tf6server.WithLoggingSink(t))
	}()
	var config *plugin.ReattachConfig
	select {
	case config = <-configCh:
	case err := <-served: // it stopped before serving
		cancel()
		t.Fatalf("serving %s: %v", address, err)
	}
	t.Cleanup(func() {
		cancel()
		<-closeCh // closed when the server has stopped
		if err := <-served; err != nil {
			t.Errorf("serving %s: %v", address, err)
		}
	})
	type addr struct{ Network, String string }
	return struct {
		Protocol        string
		ProtocolVersion int
		Pid             int
		Test            bool
		Addr            addr
	}{string(config.Protocol), config.ProtocolVersion, config.Pid, config.Test, addr{config.Addr.Network(), config.Addr.String()}}
}

// write writes a file of the working directory.
func (w *cliWorkdir) write(name, content string) {
	w.t.Helper()
	if err := os.WriteFile(filepath.Join(w.dir, name), []byte(content), 0o600); err != nil {
		w.t.Fatal(err)
	}
}

// read reads a file of the working directory.
func (w *cliWorkdir) read(name string) string {
	w.t.Helper()
	raw, err := os.ReadFile(filepath.Join(w.dir, name))
	if err != nil {
		w.t.Fatal(err)
	}
	return string(raw)
}

// run runs the CLI with args and fails the test if it fails.
func (w *cliWorkdir) run(args ...string) string {
	w.t.Helper()
	out, err := w.try(args...)
	if err != nil {
		w.t.Fatalf("terraform %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

// try runs the CLI with args and returns its combined output.
func (w *cliWorkdir) try(args ...string) (string, error) {
	cmd := exec.Command(w.bin, args...)
	cmd.Dir = w.dir
	cmd.Env = append(os.Environ(), "TF_REATTACH_PROVIDERS="+w.reattach, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
}

// plan runs terraform plan into a plan file and returns it as terraform show -json reads it.
func (w *cliWorkdir) plan() *tfjson.Plan {
	w.t.Helper()
	w.run("plan", "-input=false", "-no-color", "-out=tfplan")
	var plan tfjson.Plan
	if err := json.Unmarshal([]byte(w.run("show", "-json", "tfplan")), &plan); err != nil {
		w.t.Fatal(err)
	}
	return &plan
}

// expectNoChanges fails the test unless every resource of the plan is a no-op (an import or a
// move counts as no change: the object is left as it is).
func expectNoChanges(t *testing.T, plan *tfjson.Plan) {
	t.Helper()
	if len(plan.ResourceChanges) == 0 {
		t.Fatal("the plan has no resources")
	}
	for _, rc := range plan.ResourceChanges {
		if !rc.Change.Actions.NoOp() {
			before, _ := json.MarshalIndent(rc.Change.Before, "", "  ")
			after, _ := json.MarshalIndent(rc.Change.After, "", "  ")
			t.Errorf("%s: planned %v, want no change\nbefore: %s\nafter: %s", rc.Address, rc.Change.Actions, before, after)
		}
	}
}

// aksProvider is the provider under test, for a cliWorkdir.
var aksProvider = map[string]providerServer{"aksforge/aks": acctest.ProtoV6ProviderFactories["aks"]}

// expectStateIdentity fails the test unless the state records the resource at address with
// the identity want (Terraform 1.12 and later record identities; older ones are not checked).
func expectStateIdentity(t *testing.T, w *cliWorkdir, address string, want map[string]string) {
	t.Helper()
	var state struct {
		Resources []struct {
			Mode, Type, Name string
			Instances        []struct {
				Identity map[string]any `json:"identity"`
			}
		}
	}
	if err := json.Unmarshal([]byte(w.read("terraform.tfstate")), &state); err != nil {
		t.Fatal(err)
	}
	for _, r := range state.Resources {
		if r.Mode != "managed" || r.Type+"."+r.Name != address {
			continue
		}
		if len(r.Instances) != 1 {
			t.Fatalf("%s: %d instances in the state", address, len(r.Instances))
		}
		got := r.Instances[0].Identity
		if got == nil {
			if !w.version.LessThan(version.Must(version.NewVersion("1.12.0"))) {
				t.Errorf("%s: Terraform %s recorded no identity", address, w.version)
			}
			return
		}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s: identity %s = %v, want %q", address, k, got[k], v)
			}
		}
		if len(got) != len(want) {
			t.Errorf("%s: identity %v, want %v", address, got, want)
		}
		return
	}
	t.Fatalf("%s is not in the state", address)
}
