package emulator

import (
	"context"
	"crypto/rsa"
	"crypto/tls"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/aksforge/terraform-provider-aks/internal/emulator/pki"
)

// Server is a running emulator. Create it with Start, stop it with Close.
type Server struct {
	opts    Options
	ca      *pki.CA
	dir     string
	tempDir bool // dir was created by Start and is removed by Close

	ln     net.Listener
	srv    *http.Server
	url    string
	host   string
	caFile string

	// tokenKey signs the access tokens of the token endpoint; oidcKey signs
	// the tokens of the emulator's own OIDC issuer (the one federated
	// credentials trust). Both persist in dir, so tokens survive a restart.
	tokenKey *rsa.PrivateKey
	oidcKey  *rsa.PrivateKey
	client   pki.ClientCertificate
	// githubRequestToken authorises the GitHub-Actions-style OIDC request endpoint.
	githubRequestToken string
	tokenLifetime      time.Duration
	tokens             sync.Map // verified access token → *accessClaims

	seed   *Seed
	db     *store
	faults faultSet
	routes []route

	journal journal

	closeOnce sync.Once
	closeErr  error
}

// Start starts an emulator on opts.Addr and returns once it accepts
// connections. Cancelling ctx closes the server.
func Start(ctx context.Context, opts Options) (*Server, error) {
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1:0"
	}
	if opts.LRODuration <= 0 {
		opts.LRODuration = 2 * time.Second
	}
	if opts.PageSize <= 0 {
		opts.PageSize = 100
	}
	s := &Server{opts: opts, tokenLifetime: time.Hour}
	ok := false
	defer func() {
		if !ok {
			if s.db != nil {
				s.db.stop()
			}
			if s.ln != nil {
				s.ln.Close()
			}
			s.cleanup()
		}
	}()
	if err := s.openStateDir(); err != nil {
		return nil, err
	}
	if err := s.loadCredentials(); err != nil {
		return nil, err
	}
	var err error
	if s.seed, err = loadSeed(opts.SeedFile); err != nil {
		return nil, err
	}
	if s.db, err = openStore(s.seed, opts.StateFile, opts.LRODuration, s.logf); err != nil {
		return nil, err
	}
	tlsLn, err := s.listen()
	if err != nil {
		return nil, err
	}

	// Resume operations that were running when the state was saved.
	s.db.mu.Lock()
	s.db.resumeOperations()
	s.db.mu.Unlock()
	if err := s.db.save(); err != nil {
		return nil, err
	}

	go func() { _ = s.srv.Serve(tlsLn) }()
	if ctx != nil {
		context.AfterFunc(ctx, func() { _ = s.Close() })
	}
	ok = true
	return s, nil
}

// openStateDir uses Options.StateDir, or a fresh temporary folder Close removes.
func (s *Server) openStateDir() error {
	s.dir = s.opts.StateDir
	if s.dir == "" {
		d, err := os.MkdirTemp("", "aks-emulator-")
		if err != nil {
			return err
		}
		s.dir, s.tempDir = d, true
	}
	return os.MkdirAll(s.dir, 0o700)
}

// loadCredentials loads (or creates) in the state folder the CA and its
// bundle, the token-signing keys and the service principal's certificate.
func (s *Server) loadCredentials() error {
	var err error
	s.ca = s.opts.CA
	if s.ca == nil {
		if s.ca, err = pki.LoadOrCreateCA(s.dir); err != nil {
			return err
		}
	}
	s.caFile = filepath.Join(s.dir, "ca-bundle.pem")
	if err := s.ca.WriteBundle(s.caFile); err != nil {
		return err
	}
	if s.tokenKey, err = pki.LoadOrCreateRSAKey(filepath.Join(s.dir, "token-signing-key.pem")); err != nil {
		return err
	}
	if s.oidcKey, err = pki.LoadOrCreateRSAKey(filepath.Join(s.dir, "oidc-signing-key.pem")); err != nil {
		return err
	}
	if s.client, err = pki.LoadOrCreateClientCertificate(s.dir); err != nil {
		return err
	}
	s.githubRequestToken = uuid.NewString()
	return nil
}

// listen opens the listening socket, learns the host clients reach, builds
// the routes and the HTTP server, and returns the TLS listener to serve.
func (s *Server) listen() (net.Listener, error) {
	cert, err := s.ca.ServerCertificate()
	if err != nil {
		return nil, err
	}
	s.ln, err = net.Listen("tcp", s.opts.Addr)
	if err != nil {
		return nil, err
	}
	tcpAddr, isTCP := s.ln.Addr().(*net.TCPAddr)
	if !isTCP {
		return nil, fmt.Errorf("emulator: %s is not a TCP address", s.opts.Addr)
	}
	port, hostIP := tcpAddr.Port, tcpAddr.IP
	hostName := hostIP.String()
	if hostIP.IsUnspecified() {
		hostName = "127.0.0.1"
	} else if hostIP.To4() == nil {
		hostName = "[" + hostName + "]"
	}
	s.host = fmt.Sprintf("%s:%d", hostName, port)
	s.url = "https://" + s.host
	s.routes = s.buildRoutes()

	s.srv = &http.Server{
		Handler:           http.HandlerFunc(s.serveHTTP),
		ReadHeaderTimeout: 30 * time.Second,
		IdleTimeout:       5 * time.Minute,
		TLSConfig:         &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12},
		// HTTP/1.1 only: dropping a connection (a fault) then means what it says.
		TLSNextProto: map[string]func(*http.Server, *tls.Conn, http.Handler){},
		// e.g. handshakes of clients that don't trust the CA: worth a line in the request log, not on stderr
		ErrorLog: log.New(logWriter{s}, "", 0),
	}
	return tls.NewListener(s.ln, s.srv.TLSConfig), nil
}

// URL is the emulator's base URL, "https://127.0.0.1:PORT".
func (s *Server) URL() string { return s.url }

// Host is "127.0.0.1:PORT": the value of ARM_METADATA_HOSTNAME / metadata_host.
func (s *Server) Host() string { return s.host }

// CAFile is the path of the CA bundle (system roots + emulator CA), for SSL_CERT_FILE.
func (s *Server) CAFile() string { return s.caFile }

// CA returns the emulator's certificate authority.
func (s *Server) CA() *pki.CA { return s.ca }

// StateDir is the folder holding the CA, keys, client certificate files and CA bundle.
func (s *Server) StateDir() string { return s.dir }

// Env returns the environment a client needs: ARM_METADATA_HOSTNAME,
// ARM_TENANT_ID, ARM_CLIENT_ID, ARM_CLIENT_SECRET, ARM_SUBSCRIPTION_ID, SSL_CERT_FILE.
func (s *Server) Env() map[string]string {
	return map[string]string{
		"ARM_METADATA_HOSTNAME": s.host,
		"ARM_TENANT_ID":         DefaultTenantID,
		"ARM_CLIENT_ID":         DefaultClientID,
		"ARM_CLIENT_SECRET":     DefaultClientSecret,
		"ARM_SUBSCRIPTION_ID":   DefaultSubscriptionID,
		"SSL_CERT_FILE":         s.caFile,
	}
}

// ClientCertificatePath is the service principal's certificate as a PKCS#12 (PFX) file.
func (s *Server) ClientCertificatePath() string { return s.client.PFXPath }

// ClientCertificatePassword is the PFX file's password.
func (s *Server) ClientCertificatePassword() string { return s.client.Password }

// ClientCertificatePEMPath is the same certificate and key as PEM, without a password.
func (s *Server) ClientCertificatePEMPath() string { return s.client.PEMPath }

// SetLatency sets the duration of one kind of operation (see the Latency
// constants); a negative duration restores the default.
func (s *Server) SetLatency(kind string, d time.Duration) { s.db.setLatency(kind, d) }

// Reset puts every resource back to the seed and cancels running operations.
// The journal and fault rules are kept; use ResetJournal and ClearFaults.
func (s *Server) Reset() error { return s.db.reset() }

// Close stops the server, stops running operations' timers and writes the
// state a last time. Every call waits for the first one to finish.
func (s *Server) Close() error {
	s.closeOnce.Do(func() { s.closeErr = s.close() })
	return s.closeErr
}

func (s *Server) close() error {
	s.db.stop()
	var err error
	if s.srv != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		err = s.srv.Shutdown(ctx)
		cancel()
		if err != nil {
			err = s.srv.Close()
		}
	}
	if serr := s.db.save(); err == nil {
		err = serr
	}
	s.cleanup()
	return err
}

// cleanup removes the state folder Start created for itself.
func (s *Server) cleanup() {
	if s.tempDir {
		os.RemoveAll(s.dir)
	}
}

// logWriter sends the HTTP server's own messages to Options.Logf.
type logWriter struct{ s *Server }

func (w logWriter) Write(p []byte) (int, error) {
	w.s.logf("emulator: %s", strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

func (s *Server) logf(format string, args ...any) {
	if s.opts.Logf != nil {
		s.opts.Logf(format, args...)
	}
}
