package aks

import (
	"encoding/base64"
	"strings"
	"testing"
)

func TestParseKubeconfig(t *testing.T) {
	b64 := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
	kubeconfig := `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ` + b64("-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n") + `
    server: https://aks-demo-1234.hcp.eastus.azmk8s.io:443
  name: aks-demo
- cluster:
    server: https://other:443
  name: other
contexts:
- context:
    cluster: other
    user: someone
  name: other
- context:
    cluster: aks-demo
    user: clusterUser_rg-aks-demo_aks-demo
  name: aks-demo
current-context: aks-demo
kind: Config
preferences: {}
users:
- name: someone
  user:
    token: not-this-one
- name: clusterUser_rg-aks-demo_aks-demo
  user:
    client-certificate-data: ` + b64("CERT") + `
    client-key-data: ` + b64("KEY") + `
    token: 0123abcd
`
	got, err := parseKubeconfig([]byte(kubeconfig))
	if err != nil {
		t.Fatal(err)
	}
	want := kubeconfigCredentials{
		Host:                 "https://aks-demo-1234.hcp.eastus.azmk8s.io:443",
		ClusterCACertificate: "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n",
		ClientCertificate:    "CERT",
		ClientKey:            "KEY",
		Token:                "0123abcd",
		Username:             "clusterUser_rg-aks-demo_aks-demo",
	}
	if got != want {
		t.Errorf("parseKubeconfig = %+v\nwant %+v", got, want)
	}

	// An Entra ID user authenticates through kubelogin: no certificate, key or token.
	entra := strings.Replace(kubeconfig, "    client-certificate-data: "+b64("CERT")+"\n    client-key-data: "+b64("KEY")+"\n    token: 0123abcd\n",
		"    exec:\n      command: kubelogin\n      args:\n      - get-token\n", 1)
	got, err = parseKubeconfig([]byte(entra))
	if err != nil {
		t.Fatal(err)
	}
	if got.ClientKey != "" || got.Token != "" || got.Host == "" {
		t.Errorf("Entra ID kubeconfig parsed as %+v", got)
	}

	for name, bad := range map[string]string{
		"not YAML":          "clusters: [",
		"no cluster":        "apiVersion: v1\nkind: Config\n",
		"undefined cluster": "clusters:\n- name: a\n  cluster:\n    server: s\ncontexts:\n- name: c\n  context:\n    cluster: b\ncurrent-context: c\n",
		"bad base64":        "clusters:\n- name: a\n  cluster:\n    server: s\n    certificate-authority-data: '%%%'\n",
	} {
		if _, err := parseKubeconfig([]byte(bad)); err == nil {
			t.Errorf("%s: parsed without error", name)
		}
	}
}
