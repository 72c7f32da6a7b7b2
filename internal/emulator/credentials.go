package emulator

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"fmt"
	"strings"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// kubeconfig builds the kubeconfig listClusterUserCredential /
// listClusterAdminCredential return: the cluster's API server at its FQDN,
// the emulator CA as the cluster CA, and a client certificate the CA signs
// (or, for a user of an Entra-integrated cluster, kubelogin's exec plugin).
func (s *Server) kubeconfig(mc *armcontainerservice.ManagedCluster, server string, admin, entra bool, tenantID string) ([]byte, error) {
	name := deref(mc.Name)
	rg := ""
	if rid, err := parseID(deref(mc.ID)); err == nil {
		rg = rid.ResourceGroupName
	}
	user, context := fmt.Sprintf("clusterUser_%s_%s", rg, name), name
	cn, org := "client", "system:authenticated"
	if admin {
		user, context = fmt.Sprintf("clusterAdmin_%s_%s", rg, name), name+"-admin"
		cn, org = "masterclient", "system:masters"
	}
	b64 := base64.StdEncoding.EncodeToString
	var sb strings.Builder
	fmt.Fprintf(&sb, "apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: %s\n    server: https://%s:443\n  name: %s\n",
		b64(s.ca.CertPEM()), server, name)
	fmt.Fprintf(&sb, "contexts:\n- context:\n    cluster: %s\n    user: %s\n  name: %s\ncurrent-context: %s\nkind: Config\npreferences: {}\nusers:\n- name: %s\n  user:\n",
		name, user, context, context, user)
	if entra {
		fmt.Fprintf(&sb, "    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      args:\n      - get-token\n      - --environment\n      - AzurePublicCloud\n"+
			"      - --server-id\n      - 6dae42f8-4368-4678-94ff-3960e28e3630\n      - --client-id\n      - 80faf920-1908-4b52-b5ef-a8e7bedfc67a\n"+
			"      - --tenant-id\n      - %s\n      - --login\n      - devicecode\n      command: kubelogin\n      env: null\n"+
			"      interactiveMode: IfAvailable\n      provideClusterInfo: false\n", tenantID)
		return []byte(sb.String()), nil
	}
	certPEM, keyPEM, err := s.clientCertificateFor(cn, org)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(&sb, "    client-certificate-data: %s\n    client-key-data: %s\n    token: %s\n", b64(certPEM), b64(keyPEM), randomHex(32))
	return []byte(sb.String()), nil
}

// clientCertificateFor issues a Kubernetes client certificate signed by the emulator CA.
func (s *Server) clientCertificateFor(cn, org string) (certPEM, keyPEM []byte, err error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: randomSerial(),
		Subject:      pkix.Name{CommonName: cn, Organization: []string{org}},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().AddDate(2, 0, 0),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, s.ca.cert, key.Public(), s.ca.key)
	if err != nil {
		return nil, nil, err
	}
	kd, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return nil, nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kd}), nil
}
