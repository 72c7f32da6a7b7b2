package bench

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// Options configure Run.
type Options struct {
	Repo      string    // the repository's root (where go.mod is)
	Terraform string    // the terraform binary
	Runs      int       // repetitions of each read-only command (validate, plan, refresh)
	WriteRuns int       // repetitions of each apply and destroy (2 s operations: slow)
	Keep      bool      // keep the working folder (its path is logged)
	Log       io.Writer // progress lines
}

// harness is one run of the benchmark: its binaries, emulator and folders.
type harness struct {
	opts Options
	work string // every file of the run
	emu  *emulator
	tf   *terraform
	info []string // the header lines of the report
}

// Run builds everything, runs every scenario and writes the report to out.
func Run(ctx context.Context, opts Options, out io.Writer) error {
	work, err := os.MkdirTemp("", "aks-bench-")
	if err != nil {
		return err
	}
	h := &harness{opts: opts, work: work}
	defer h.cleanup()
	if err := h.build(ctx); err != nil {
		return err
	}
	if err := h.start(ctx); err != nil {
		return err
	}
	start := time.Now()
	rep, err := h.scenarios(ctx)
	if err != nil {
		return err
	}
	h.info = append(h.info, fmt.Sprintf("measured in %s", time.Since(start).Round(time.Second)))
	rep.Info = h.info
	rep.write(out)
	return nil
}

func (h *harness) logf(format string, args ...any) {
	if h.opts.Log != nil {
		fmt.Fprintf(h.opts.Log, "aks-bench: "+format+"\n", args...)
	}
}

func (h *harness) cleanup() {
	if h.emu != nil {
		h.emu.stop()
	}
	if h.opts.Keep {
		h.logf("kept %s", h.work)
		return
	}
	_ = os.RemoveAll(h.work)
}

// Where the binaries go: real/ holds the providers terraform runs through
// the wrappers in wrap/<name>/, bin/ the emulator.
func (h *harness) path(parts ...string) string {
	return filepath.Join(append([]string{h.work}, parts...)...)
}

// build compiles the provider, the minimal provider and the emulator from
// the repository, and puts a copy of this binary in each wrapper folder.
func (h *harness) build(ctx context.Context) error {
	builds := []struct{ out, pkg string }{
		{h.path("real", "terraform-provider-aks"), "."},
		{h.path("real", "terraform-provider-minimal"), "./internal/bench/testdata/minimalprovider"},
		{h.path("bin", "aks-emulator"), "./internal/emulator/cmd/aks-emulator"},
	}
	for _, b := range builds {
		h.logf("go build %s", b.pkg)
		cmd := exec.CommandContext(ctx, "go", "build", "-trimpath", "-o", b.out, b.pkg)
		cmd.Dir = h.opts.Repo
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("go build %s: %w\n%s", b.pkg, err, out)
		}
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	for _, name := range []string{"aks", "minimal"} {
		if err := copyFile(self, h.path("wrap", name, "terraform-provider-"+name)); err != nil {
			return err
		}
	}
	h.info = append(h.info, "commit "+h.gitDescribe(ctx), runtime.Version()+" "+runtime.GOOS+"/"+runtime.GOARCH,
		fmt.Sprintf("%d CPUs", runtime.NumCPU()))
	return nil
}

// start runs the emulator (2 s operations, as in Azure's fastest case and
// the emulator's default) and prepares terraform's CLI config.
func (h *harness) start(ctx context.Context) error {
	if err := os.MkdirAll(h.path("emulator"), 0o755); err != nil {
		return err
	}
	emu, err := startEmulator(ctx, h.path("bin", "aks-emulator"), h.path("emulator"), writeOperations)
	if err != nil {
		return err
	}
	h.emu = emu
	rc := cliConfig(map[string]string{
		"registry.terraform.io/aksforge/aks":  h.path("wrap", "aks"),
		"registry.terraform.io/bench/minimal": h.path("wrap", "minimal"),
	})
	if err := os.WriteFile(h.path("terraformrc"), []byte(rc), 0o600); err != nil {
		return err
	}
	h.tf = newTerraform(h.opts.Terraform, h.work, h.path("terraformrc"), h.path("real"), emu)
	h.info = append(h.info, h.tf.version(ctx), fmt.Sprintf("median of %d runs (%d for apply and destroy)", h.opts.Runs, h.opts.WriteRuns))
	return nil
}

// writeOperations is how long each measured create, update and delete takes.
const writeOperations = 2 * time.Second

func (h *harness) gitDescribe(ctx context.Context) string {
	cmd := exec.CommandContext(ctx, "git", "describe", "--tags", "--always", "--dirty")
	cmd.Dir = h.opts.Repo
	out, err := cmd.Output()
	if err != nil {
		return "unknown"
	}
	return strings.TrimSpace(string(out))
}

// workspace writes a terraform configuration into its own folder under work/tf.
func (h *harness) workspace(name, config string) (string, error) {
	dir := h.path("tf", name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	return dir, os.WriteFile(filepath.Join(dir, "main.tf"), []byte(config), 0o600)
}

func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o755)
}
