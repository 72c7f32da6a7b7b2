package bench

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// How the provider's peak RSS is measured: terraform starts the provider
// itself (several times per command), so the harness points dev_overrides
// at a folder whose terraform-provider-<name> is a copy of the harness's own
// binary. Started with WrapEnv set, that binary is the wrapper: it runs the
// real provider of the same name from the folder WrapEnv names, with the
// same arguments, environment and standard streams (terraform's plugin
// handshake goes straight through), waits for it, and appends the child's
// peak RSS (getrusage's ru_maxrss) to the file RSSEnv names.
const (
	WrapEnv = "AKS_BENCH_WRAP" // folder of the real provider binaries
	RSSEnv  = "AKS_BENCH_RSS"  // file the wrapper appends "<name> <maxrss KiB>" lines to
)

// Wrapping reports whether this process was started by terraform as a wrapped provider.
func Wrapping() bool {
	return os.Getenv(WrapEnv) != "" && strings.HasPrefix(filepath.Base(os.Args[0]), "terraform-provider-")
}

// Wrap runs the real provider as the wrapper and returns its exit code.
func Wrap() int {
	name := filepath.Base(os.Args[0])
	cmd := exec.Command(filepath.Join(os.Getenv(WrapEnv), name), os.Args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		fmt.Fprintln(os.Stderr, "aks-bench wrapper:", err)
		return 1
	}
	if rerr := recordRSS(os.Getenv(RSSEnv), name, cmd.ProcessState); rerr != nil {
		fmt.Fprintln(os.Stderr, "aks-bench wrapper:", rerr)
	}
	return cmd.ProcessState.ExitCode()
}

// recordRSS appends one line for a finished provider process.
func recordRSS(file, name string, ps *os.ProcessState) error {
	peak, ok := maxRSS(ps)
	if !ok || file == "" {
		return nil
	}
	f, err := os.OpenFile(file, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	// One short write with O_APPEND: lines of providers running at once don't interleave.
	_, err = fmt.Fprintf(f, "%s %d\n", name, peak)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// readRSS reads a wrapper file: how many provider processes ran and the
// largest peak RSS among them, in bytes. A missing file means none ran.
func readRSS(file string) (processes int, peak int64, err error) {
	f, err := os.Open(file)
	if errors.Is(err, os.ErrNotExist) {
		return 0, 0, nil
	}
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) != 2 {
			return 0, 0, fmt.Errorf("%s: malformed line %q", file, sc.Text())
		}
		bytes, err := strconv.ParseInt(fields[1], 10, 64)
		if err != nil {
			return 0, 0, fmt.Errorf("%s: %w", file, err)
		}
		processes++
		peak = max(peak, bytes)
	}
	return processes, peak, sc.Err()
}
