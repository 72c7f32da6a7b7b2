package main

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"flag"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestHelp(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"-h"}, &stdout, &stderr)
	if !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("-h: %v", err)
	}
	for _, f := range []string{"-addr", "-seed", "-state", "-env-file", "-lro-duration"} {
		if !strings.Contains(stderr.String(), f) {
			t.Errorf("usage lacks %s:\n%s", f, stderr.String())
		}
	}
}

func TestRunWritesEnvAndServes(t *testing.T) {
	dir := t.TempDir()
	envFile := filepath.Join(dir, "emulator.env")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr bytes.Buffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-state", filepath.Join(dir, "state.json"), "-env-file", envFile, "-lro-duration", "10ms"}, &stdout, &stderr)
	}()
	var env map[string]string
	for deadline := time.Now().Add(20 * time.Second); ; {
		if raw, err := os.ReadFile(envFile); err == nil && len(raw) > 0 {
			env = parseEnv(string(raw))
			break
		}
		select {
		case err := <-done:
			t.Fatalf("run ended early: %v\n%s", err, stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatal("no env file")
		}
		time.Sleep(20 * time.Millisecond)
	}
	for _, k := range []string{"ARM_METADATA_HOSTNAME", "ARM_TENANT_ID", "ARM_CLIENT_ID", "ARM_CLIENT_SECRET", "ARM_SUBSCRIPTION_ID", "SSL_CERT_FILE"} {
		if env[k] == "" {
			t.Errorf("env file lacks %s", k)
		}
	}
	// SSL_CERT_FILE is all a client needs to trust the emulator
	bundle, err := os.ReadFile(env["SSL_CERT_FILE"])
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(bundle)
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	resp, err := client.Get("https://" + env["ARM_METADATA_HOSTNAME"] + "/metadata/endpoints?api-version=2022-09-01")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("metadata: %d", resp.StatusCode)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("run: %v", err)
	}
	if !strings.Contains(stdout.String(), "export ARM_METADATA_HOSTNAME=") {
		t.Errorf("stdout lacks the env lines:\n%s", stdout.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "ca.pem")); err != nil {
		t.Errorf("the CA is not kept in the state folder: %v", err)
	}
}

// parseEnv reads "export K='v'" lines.
func parseEnv(s string) map[string]string {
	out := map[string]string{}
	for _, line := range strings.Split(s, "\n") {
		line, ok := strings.CutPrefix(line, "export ")
		if !ok {
			continue
		}
		k, v, _ := strings.Cut(line, "=")
		out[k] = strings.Trim(v, "'")
	}
	return out
}
