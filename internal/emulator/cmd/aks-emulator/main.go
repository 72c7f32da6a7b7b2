// Command aks-emulator runs the local Azure emulator (Entra ID, cloud
// metadata, ARM, Microsoft.Network, Compute resource SKUs and AKS) on a
// loopback HTTPS port until SIGINT or SIGTERM.
//
// On start it prints the shell lines a client needs (and writes them to
// -env-file): source them and run terraform, the Azure CLI's REST calls or
// any ARM client with custom-cloud support against the emulator.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "aks-emulator:", err)
		os.Exit(1)
	}
}

// run serves until ctx ends (SIGINT or SIGTERM in main).
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("aks-emulator", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8443", "listen address; 127.0.0.1:0 picks a free port")
	seed := fs.String("seed", "", "JSON file that extends (or, with \"mode\":\"replace\", replaces) the built-in seed")
	statePath := fs.String("state", "", "file persisting every resource across restarts (atomic writes); its folder also keeps the CA and keys")
	stateDir := fs.String("state-dir", "", "folder for the CA, signing keys, client certificate and CA bundle (default: the -state file's folder, else a temporary folder)")
	envFile := fs.String("env-file", "", "also write the environment lines to this file")
	lro := fs.Duration("lro-duration", 2*time.Second, "how long long-running operations take")
	verbose := fs.Bool("v", false, "log every request to stderr")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: aks-emulator [flags]\n\nRuns a local Azure emulator (Entra ID, ARM, AKS, Compute SKUs, Network) over HTTPS.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments: %s", strings.Join(fs.Args(), " "))
	}
	dir := *stateDir
	if dir == "" && *statePath != "" {
		dir = filepath.Dir(*statePath)
	}
	// The env file hands SSL_CERT_FILE (in this folder) to terraform, which may run from another
	// folder (-chdir, a module's directory): the path must be absolute.
	if dir != "" {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return err
		}
		dir = abs
	}
	opts := emulator.Options{
		Addr:        *addr,
		StateDir:    dir,
		StateFile:   *statePath,
		SeedFile:    *seed,
		LRODuration: *lro,
	}
	if *verbose {
		logger := log.New(stderr, "", log.LstdFlags|log.Lmicroseconds)
		opts.Logf = logger.Printf
	}
	srv, err := emulator.Start(ctx, opts)
	if err != nil {
		return err
	}
	lines := envLines(srv)
	if *envFile != "" {
		if err := os.WriteFile(*envFile, []byte(lines), 0o600); err != nil {
			srv.Close()
			return err
		}
	}
	fmt.Fprint(stdout, lines)
	fmt.Fprintf(stderr, "aks-emulator: serving %s (control API %s/_emulator/); Ctrl-C stops\n", srv.URL(), srv.URL())
	<-ctx.Done()
	return srv.Close()
}

// envLines renders the client environment as shell export lines.
func envLines(srv *emulator.Server) string {
	env := srv.Env()
	keys := make([]string, 0, len(env))
	for k := range env {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var sb strings.Builder
	fmt.Fprintf(&sb, "# aks-emulator at %s: source this file, then run terraform.\n", srv.URL())
	for _, k := range keys {
		fmt.Fprintf(&sb, "export %s=%s\n", k, shellQuote(env[k]))
	}
	fmt.Fprintf(&sb, "# client certificate instead of the secret: ARM_CLIENT_CERTIFICATE_PATH=%s ARM_CLIENT_CERTIFICATE_PASSWORD=%s\n",
		shellQuote(srv.ClientCertificatePath()), shellQuote(srv.ClientCertificatePassword()))
	return sb.String()
}

func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
