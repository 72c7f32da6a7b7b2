// Command aks-bench is `make bench`: it builds the provider, the emulator and
// a minimal framework provider, runs terraform against them and prints a
// markdown report of ratios measured in the same run (see package
// internal/bench). Terraform also starts this binary, as the wrapper that
// measures each provider process.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/aksforge/terraform-provider-aks/internal/bench"
)

func main() {
	if bench.Wrapping() {
		os.Exit(bench.Wrap())
	}
	opts := bench.Options{Log: os.Stderr}
	flag.StringVar(&opts.Repo, "repo", ".", "the repository's root")
	flag.StringVar(&opts.Terraform, "terraform", "terraform", "the terraform binary")
	flag.IntVar(&opts.Runs, "runs", 5, "repetitions of each validate, plan and refresh")
	flag.IntVar(&opts.WriteRuns, "write-runs", 3, "repetitions of each apply and destroy")
	flag.BoolVar(&opts.Keep, "keep", false, "keep the working folder")
	flag.Parse()
	if opts.Runs < 1 || opts.WriteRuns < 1 {
		fmt.Fprintln(os.Stderr, "aks-bench: -runs and -write-runs must be at least 1")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := bench.Run(ctx, opts, os.Stdout)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "aks-bench:", err)
		os.Exit(1)
	}
}
