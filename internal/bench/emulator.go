package bench

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// emulator is a running aks-emulator process and a client for its control API.
type emulator struct {
	cmd  *exec.Cmd
	done chan struct{}     // closed when the process has exited
	err  error             // how it exited, once done is closed
	env  map[string]string // ARM_* and SSL_CERT_FILE, from its -env-file
	base string            // https://host:port
	http *http.Client
}

// startEmulator runs the emulator binary on a free loopback port, its state
// and CA in dir, with lro as the duration of long-running operations, and
// waits for the env file it writes once it serves.
func startEmulator(ctx context.Context, binary, dir string, lro time.Duration) (*emulator, error) {
	envFile := filepath.Join(dir, "env")
	log, err := os.Create(filepath.Join(dir, "log"))
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, binary, "-addr", "127.0.0.1:0", "-state", filepath.Join(dir, "state.json"),
		"-env-file", envFile, "-lro-duration", lro.String())
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		log.Close()
		return nil, err
	}
	e := &emulator{cmd: cmd, done: make(chan struct{})}
	go func() {
		e.err = cmd.Wait()
		log.Close()
		close(e.done)
	}()
	deadline := time.After(30 * time.Second)
	for {
		if data, err := os.ReadFile(envFile); err == nil && len(data) > 0 {
			if err := e.connect(data); err != nil {
				e.stop()
				return nil, err
			}
			return e, nil
		}
		select {
		case <-e.done:
			return nil, fmt.Errorf("the emulator exited (%v); see %s", e.err, log.Name())
		case <-deadline:
			e.stop()
			return nil, fmt.Errorf("the emulator did not start in 30s; see %s", log.Name())
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// connect reads the env file and builds a client that trusts the emulator's CA.
func (e *emulator) connect(envFile []byte) error {
	e.env = parseEnvFile(envFile)
	host, caFile := e.env["ARM_METADATA_HOSTNAME"], e.env["SSL_CERT_FILE"]
	if host == "" || caFile == "" {
		return errors.New("the emulator's env file lacks ARM_METADATA_HOSTNAME or SSL_CERT_FILE")
	}
	pem, err := os.ReadFile(caFile)
	if err != nil {
		return err
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		return fmt.Errorf("%s holds no certificate", caFile)
	}
	e.base = "https://" + host
	e.http = &http.Client{Timeout: time.Minute, Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	return nil
}

// parseEnvFile reads the `export KEY='value'` lines the emulator writes.
func parseEnvFile(data []byte) map[string]string {
	env := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		k, v, ok := strings.Cut(strings.TrimPrefix(strings.TrimSpace(line), "export "), "=")
		if !ok || strings.HasPrefix(k, "#") {
			continue
		}
		env[k] = unquoteShell(v)
	}
	return env
}

// unquoteShell undoes the emulator's single quoting: 'a'\”b' is a'b.
func unquoteShell(v string) string {
	if !strings.HasPrefix(v, "'") || !strings.HasSuffix(v, "'") || len(v) < 2 {
		return v
	}
	return strings.ReplaceAll(v[1:len(v)-1], `'\''`, "'")
}

// stop ends the emulator process and waits for it.
func (e *emulator) stop() {
	if e.cmd.Process != nil {
		_ = e.cmd.Process.Signal(os.Interrupt)
	}
	select {
	case <-e.done:
	case <-time.After(10 * time.Second):
		_ = e.cmd.Process.Kill()
		<-e.done
	}
}

// control calls the control API; out, when not nil, receives the JSON answer.
func (e *emulator) control(method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, e.base+"/_emulator/"+path, body)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := e.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode >= 300 {
		return fmt.Errorf("%s /_emulator/%s: %s: %s", method, path, resp.Status, data)
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(data, out)
}

// resetJournal empties the journal before a measured command.
func (e *emulator) resetJournal() error { return e.control(http.MethodDelete, "journal", nil, nil) }

// journal is every request since the last reset.
func (e *emulator) journal() ([]Call, error) {
	var calls []Call
	err := e.control(http.MethodGet, "journal", nil, &calls)
	return calls, err
}

// setOperations sets how long creating, updating and deleting take.
func (e *emulator) setOperations(d time.Duration) error {
	s := d.String()
	return e.control(http.MethodPost, "latency", map[string]string{"create": s, "update": s, "delete": s}, nil)
}
