package bench

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// allocateEnv makes the test binary a stand-in provider: it touches that
// many MiB, prints a line and exits 3.
const allocateEnv = "AKS_BENCH_TEST_ALLOCATE_MIB"

func TestMain(m *testing.M) {
	if mib := os.Getenv(allocateEnv); mib != "" {
		n, _ := strconv.Atoi(mib)
		buf := make([]byte, n<<20)
		for i := 0; i < len(buf); i += 4096 {
			buf[i] = 1
		}
		fmt.Println("stand-in provider", buf[len(buf)-4096])
		os.Exit(3)
	}
	if Wrapping() {
		os.Exit(Wrap())
	}
	os.Exit(m.Run())
}

func TestReadRSS(t *testing.T) {
	dir := t.TempDir()
	u, err := readRSS(filepath.Join(dir, "none"))
	if err != nil || u != (usage{}) {
		t.Errorf("missing file: %+v, %v; want nothing", u, err)
	}
	file := filepath.Join(dir, "rss")
	if err := os.WriteFile(file, []byte("terraform-provider-aks 1000 5\nterraform-provider-aks 3000 7\nterraform-provider-aks 2000 11\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	u, err = readRSS(file)
	if want := (usage{processes: 3, peakRSS: 3000, cpu: 23}); err != nil || u != want {
		t.Errorf("readRSS = %+v, %v; want %+v (the largest peak, the CPU summed)", u, err, want)
	}
	for _, bad := range []string{"terraform-provider-aks lots 1\n", "terraform-provider-aks 1000\n"} {
		if err := os.WriteFile(file, []byte(bad), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := readRSS(file); err == nil {
			t.Errorf("readRSS accepted %q", bad)
		}
	}
}

// TestWrap runs the test binary as terraform would run the wrapper: named
// terraform-provider-fake, with the wrapper's variables. Its "real provider"
// is a script that runs the test binary as a stand-in touching 64 MiB.
func TestWrap(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the stand-in provider is a shell script")
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	realDir, rss := filepath.Join(dir, "real"), filepath.Join(dir, "rss")
	if err := os.Mkdir(realDir, 0o755); err != nil {
		t.Fatal(err)
	}
	script := fmt.Sprintf("#!/bin/sh\n%s=64 exec %q \"$@\"\n", allocateEnv, self)
	if err := os.WriteFile(filepath.Join(realDir, "terraform-provider-fake"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(self, "-some", "argument")
	cmd.Args[0] = filepath.Join(dir, "wrap", "terraform-provider-fake")
	cmd.Env = append(os.Environ(), WrapEnv+"="+realDir, RSSEnv+"="+rss)
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	err = cmd.Run()
	if cmd.ProcessState == nil || cmd.ProcessState.ExitCode() != 3 {
		t.Fatalf("the wrapper ended with %v, want the provider's exit code 3", err)
	}
	if !strings.Contains(stdout.String(), "stand-in provider 1") {
		t.Errorf("the provider's output did not reach the wrapper's stdout: %q", stdout.String())
	}
	u, err := readRSS(rss)
	if err != nil || u.processes != 1 {
		t.Fatalf("readRSS = %+v, %v; want 1 process", u, err)
	}
	if u.peakRSS < 64<<20 || u.peakRSS > 1<<30 {
		t.Errorf("peak RSS = %d bytes, want at least the 64 MiB the provider touched", u.peakRSS)
	}
	if u.cpu <= 0 {
		t.Errorf("CPU time = %s, want some", u.cpu)
	}
	data, _ := os.ReadFile(rss)
	if !strings.HasPrefix(string(data), "terraform-provider-fake ") {
		t.Errorf("RSS line %q does not name the provider", data)
	}
}
