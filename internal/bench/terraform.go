package bench

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// terraform runs the terraform CLI with the harness's CLI config (dev_overrides
// pointing at the wrapper folders) and the emulator's environment.
type terraform struct {
	path string
	env  []string // the whole environment of every command
	rss  string   // the wrapper's RSS file, emptied before each command
	emu  *emulator
}

// newTerraform builds the environment every command runs with: the harness's
// own minus anything that could point terraform or the provider elsewhere
// (TF_*, ARM_*, AZURE_*), plus the CLI config, the wrapper's variables and
// the emulator's ARM_* and SSL_CERT_FILE.
func newTerraform(path, work, cliConfig, realBin string, emu *emulator) *terraform {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "TF_") || strings.HasPrefix(k, "ARM_") || strings.HasPrefix(k, "AZURE_") ||
			k == "SSL_CERT_FILE" || k == "CHECKPOINT_DISABLE" {
			continue
		}
		env = append(env, kv)
	}
	rss := filepath.Join(work, "rss")
	env = append(env, "TF_CLI_CONFIG_FILE="+cliConfig, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1",
		WrapEnv+"="+realBin, RSSEnv+"="+rss)
	for k, v := range emu.env {
		env = append(env, k+"="+v)
	}
	return &terraform{path: path, env: env, rss: rss, emu: emu}
}

// run runs one terraform command in dir and measures it: the wall time of
// the whole command, the provider processes' peak RSS and the emulator's
// journal of the command. Measured commands must run one at a time.
func (tf *terraform) run(ctx context.Context, dir string, args ...string) (Sample, error) {
	if err := os.Remove(tf.rss); err != nil && !errors.Is(err, os.ErrNotExist) {
		return Sample{}, err
	}
	if err := tf.emu.resetJournal(); err != nil {
		return Sample{}, err
	}
	wall, err := tf.exec(ctx, dir, args...)
	if err != nil {
		return Sample{}, err
	}
	u, err := readRSS(tf.rss)
	if err != nil {
		return Sample{}, err
	}
	s := Sample{Wall: wall, PeakRSS: u.peakRSS, CPU: u.cpu, Plugins: u.processes}
	calls, err := tf.emu.journal()
	if err != nil {
		return Sample{}, err
	}
	s.Calls = CountCalls(calls)
	return s, nil
}

// exec runs one terraform command in dir and times it. A failed command is
// an error carrying its output; `plan -detailed-exitcode` answering 2
// (changes) is one too, since every measured plan is a plan without changes.
func (tf *terraform) exec(ctx context.Context, dir string, args ...string) (time.Duration, error) {
	cmd := exec.CommandContext(ctx, tf.path, append(args, "-no-color")...)
	cmd.Dir, cmd.Env = dir, tf.env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return 0, fmt.Errorf("terraform %s in %s: %w\n%s", strings.Join(args, " "), dir, err, tail(out.String(), 4000))
	}
	return wall, nil
}

// tail is the end of a long output.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "..." + s[len(s)-n:]
}

// version is the first line of `terraform version`.
func (tf *terraform) version(ctx context.Context) string {
	cmd := exec.CommandContext(ctx, tf.path, "version")
	cmd.Env = tf.env
	out, err := cmd.Output()
	if err != nil {
		return "unknown"
	}
	line, _, _ := strings.Cut(string(out), "\n")
	return strings.TrimSpace(line)
}

// cliConfig is the CLI config every command uses: each provider of the
// benchmark comes from its wrapper folder (dev_overrides, so no registry and
// no `terraform init`), and nothing is installed from anywhere else.
func cliConfig(overrides map[string]string) string {
	var b strings.Builder
	b.WriteString("provider_installation {\n  dev_overrides {\n")
	for _, source := range sortedKeys(overrides) {
		fmt.Fprintf(&b, "    %q = %q\n", source, overrides[source])
	}
	b.WriteString("  }\n  direct {\n    exclude = [\"*/*/*\"]\n  }\n}\n")
	return b.String()
}
