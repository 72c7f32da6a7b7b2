package emulator

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// listClusterUserCredential / listClusterAdminCredential and the kubeconfig
// they answer.

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
	certPEM, keyPEM, err := s.ca.IssueClientCertificate(cn, org)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(&sb, "    client-certificate-data: %s\n    client-key-data: %s\n    token: %s\n", b64(certPEM), b64(keyPEM), randomHex(32))
	return []byte(sb.String()), nil
}

func (s *Server) handleClusterUserCredential(q *request) { s.credentials(q, false) }

func (s *Server) handleClusterAdminCredential(q *request) { s.credentials(q, true) }

// credentials answers listClusterUserCredential / listClusterAdminCredential
// with a kubeconfig for the cluster's API server.
func (s *Server) credentials(q *request, admin bool) {
	s.db.mu.Lock()
	c := s.requireCluster(q)
	if c == nil {
		s.db.mu.Unlock()
		return
	}
	mc := clone(c.Cluster)
	s.db.mu.Unlock()
	p := mc.Properties
	if admin && deref(p.DisableLocalAccounts) {
		writeError(q, http.StatusBadRequest, "BadRequest",
			"Getting static credential isn't allowed because this cluster is set to disable local accounts.", "")
		return
	}
	format := q.r.URL.Query().Get("format")
	aad := p.AADProfile != nil && deref(p.AADProfile.Managed)
	if format != "" && !strings.EqualFold(format, "azure") && !strings.EqualFold(format, "exec") {
		writeError(q, http.StatusBadRequest, "InvalidParameter", fmt.Sprintf("The value '%s' of parameter 'format' is not valid; it must be 'azure' or 'exec'.", format), "format")
		return
	}
	server := deref(p.Fqdn)
	if server == "" {
		server = deref(p.PrivateFQDN)
	}
	if sf := q.r.URL.Query().Get("server-fqdn"); sf != "" {
		server = sf
	}
	kc, err := s.kubeconfig(mc, server, admin, aad && !admin, q.claims.TenantID)
	if err != nil {
		writeError(q, http.StatusInternalServerError, "InternalServerError", err.Error(), "")
		return
	}
	name := "clusterUser"
	if admin {
		name = "clusterAdmin"
	}
	writeJSON(q, http.StatusOK, armcontainerservice.CredentialResults{
		Kubeconfigs: []*armcontainerservice.CredentialResult{{Name: to.Ptr(name), Value: kc}},
	})
}
