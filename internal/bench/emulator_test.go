package bench

import (
	"os"
	"slices"
	"testing"
)

func TestParseEnvFile(t *testing.T) {
	env := parseEnvFile([]byte(`# aks-emulator at https://127.0.0.1:1234: source this file, then run terraform.
export ARM_CLIENT_SECRET='it'\''s secret'
export ARM_METADATA_HOSTNAME='127.0.0.1:1234'
export SSL_CERT_FILE='/tmp/x/ca-bundle.pem'
# client certificate instead of the secret: ARM_CLIENT_CERTIFICATE_PATH='/tmp/x/client.pfx'
`))
	want := map[string]string{
		"ARM_CLIENT_SECRET":     "it's secret",
		"ARM_METADATA_HOSTNAME": "127.0.0.1:1234",
		"SSL_CERT_FILE":         "/tmp/x/ca-bundle.pem",
	}
	if len(env) != len(want) {
		t.Errorf("parseEnvFile = %v, want %v", env, want)
	}
	for k, v := range want {
		if env[k] != v {
			t.Errorf("%s = %q, want %q", k, env[k], v)
		}
	}
}

func TestTerraformEnvironment(t *testing.T) {
	t.Setenv("TF_CLI_CONFIG_FILE", "/users/own.rc")
	t.Setenv("ARM_CLIENT_ID", "someone-else")
	t.Setenv("TF_LOG", "trace")
	tf := newTerraform("terraform", "/w", "/w/terraformrc", "/w/real",
		&emulator{env: map[string]string{"ARM_CLIENT_ID": "emulator"}})
	for _, want := range []string{"TF_CLI_CONFIG_FILE=/w/terraformrc", "ARM_CLIENT_ID=emulator", WrapEnv + "=/w/real", RSSEnv + "=/w/rss"} {
		if !slices.Contains(tf.env, want) {
			t.Errorf("environment lacks %s", want)
		}
	}
	for _, unwanted := range []string{"TF_CLI_CONFIG_FILE=/users/own.rc", "ARM_CLIENT_ID=someone-else", "TF_LOG=trace"} {
		if slices.Contains(tf.env, unwanted) {
			t.Errorf("environment keeps %s", unwanted)
		}
	}
	if home := os.Getenv("HOME"); home != "" && !slices.Contains(tf.env, "HOME="+home) {
		t.Errorf("environment lost HOME")
	}
}
