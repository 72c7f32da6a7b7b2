package bench

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// How the provider's peak RSS is measured: terraform starts the provider
// itself (several times per command), so the harness points dev_overrides
// at a folder whose terraform-provider-<name> is a copy of the harness's own
// binary. Started with WrapEnv set, that binary is the wrapper: it runs the
// real provider of the same name from the folder WrapEnv names, with the
// same arguments, environment and standard streams (terraform's plugin
// handshake goes straight through), waits for it, and appends the child's
// peak RSS (getrusage's ru_maxrss) and CPU time to the file RSSEnv names.
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

// recordRSS appends one line for a finished provider process: its name,
// peak RSS in bytes and CPU time (user + system) in nanoseconds.
func recordRSS(file, name string, ps *os.ProcessState) error {
	if file == "" {
		return nil
	}
	peak, _ := maxRSS(ps) // 0 where the system can't tell
	f, err := os.OpenFile(file, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	// One short write with O_APPEND: lines of providers running at once don't interleave.
	_, err = fmt.Fprintf(f, "%s %d %d\n", name, peak, int64(ps.UserTime()+ps.SystemTime()))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// usage is what the provider processes of one command used.
type usage struct {
	processes int           // how many ran
	peakRSS   int64         // bytes: the largest peak RSS among them
	cpu       time.Duration // user + system time, all of them together
}

// readRSS reads a wrapper file. A missing file means no provider ran.
func readRSS(file string) (usage, error) {
	var u usage
	data, err := os.ReadFile(file)
	if errors.Is(err, os.ErrNotExist) {
		return u, nil
	}
	if err != nil {
		return u, err
	}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if line == "" {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) != 3 {
			return usage{}, fmt.Errorf("%s: malformed line %q", file, line)
		}
		peak, err1 := strconv.ParseInt(fields[1], 10, 64)
		cpu, err2 := strconv.ParseInt(fields[2], 10, 64)
		if err := errors.Join(err1, err2); err != nil {
			return usage{}, fmt.Errorf("%s: %w", file, err)
		}
		u.processes++
		u.peakRSS = max(u.peakRSS, peak)
		u.cpu += time.Duration(cpu)
	}
	return u, nil
}
