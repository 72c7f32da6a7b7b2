package emulator

import (
	"bytes"
	"context"
	"crypto/rsa"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/aksforge/terraform-provider-aks/internal/skudata"
)

// Server is a running emulator. Create it with Start, stop it with Close.
type Server struct {
	opts    Options
	ca      *CA
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
	client   clientCertificate
	// githubRequestToken authorises the GitHub-Actions-style OIDC request endpoint.
	githubRequestToken string
	tokenLifetime      time.Duration
	tokens             sync.Map // verified access token → *accessClaims

	seed    *Seed
	persist *persister
	routes  []route

	mu       sync.Mutex // guards everything below
	st       *state
	seq      int64 // snapshot sequence for persistence
	timers   map[string]*time.Timer
	faults   []*faultRule
	latency  map[string]time.Duration
	closed   bool
	skuCache map[string]map[string]skudata.SKU

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
	s := &Server{
		opts:          opts,
		tokenLifetime: time.Hour,
		timers:        map[string]*time.Timer{},
		latency:       map[string]time.Duration{},
		skuCache:      map[string]map[string]skudata.SKU{},
	}
	ok := false
	defer func() {
		if !ok {
			s.mu.Lock()
			s.closed = true
			for _, t := range s.timers {
				t.Stop()
			}
			s.mu.Unlock()
			if s.ln != nil {
				s.ln.Close()
			}
			s.cleanup()
		}
	}()

	s.dir = opts.StateDir
	if s.dir == "" {
		d, err := os.MkdirTemp("", "aks-emulator-")
		if err != nil {
			return nil, err
		}
		s.dir, s.tempDir = d, true
	}
	if err := os.MkdirAll(s.dir, 0o700); err != nil {
		return nil, err
	}

	var err error
	s.ca = opts.CA
	if s.ca == nil {
		if s.ca, err = LoadOrCreateCA(s.dir); err != nil {
			return nil, err
		}
	}
	s.caFile = filepath.Join(s.dir, "ca-bundle.pem")
	if err := s.ca.WriteBundle(s.caFile); err != nil {
		return nil, err
	}
	if s.tokenKey, err = loadOrCreateRSAKey(filepath.Join(s.dir, "token-signing-key.pem")); err != nil {
		return nil, err
	}
	if s.oidcKey, err = loadOrCreateRSAKey(filepath.Join(s.dir, "oidc-signing-key.pem")); err != nil {
		return nil, err
	}
	if s.client, err = loadOrCreateClientCertificate(s.dir); err != nil {
		return nil, err
	}
	s.githubRequestToken = uuid.NewString()

	if s.seed, err = loadSeed(opts.SeedFile); err != nil {
		return nil, err
	}
	if opts.StateFile != "" {
		s.persist = &persister{path: opts.StateFile}
		st, found, err := loadState(opts.StateFile)
		if err != nil {
			return nil, err
		}
		if found {
			s.st = st
		}
	}
	if s.st == nil {
		s.st = s.seedState()
	}

	cert, err := s.ca.serverCertificate()
	if err != nil {
		return nil, err
	}
	s.ln, err = net.Listen("tcp", opts.Addr)
	if err != nil {
		return nil, err
	}
	tcpAddr, isTCP := s.ln.Addr().(*net.TCPAddr)
	if !isTCP {
		return nil, fmt.Errorf("emulator: %s is not a TCP address", opts.Addr)
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
	tlsLn := tls.NewListener(s.ln, s.srv.TLSConfig)

	// Resume operations that were running when the state was saved.
	s.mu.Lock()
	s.resumeOperations()
	s.mu.Unlock()
	if err := s.save(); err != nil {
		return nil, err
	}

	go func() { _ = s.srv.Serve(tlsLn) }()
	if ctx != nil {
		context.AfterFunc(ctx, func() { _ = s.Close() })
	}
	ok = true
	return s, nil
}

// URL is the emulator's base URL, "https://127.0.0.1:PORT".
func (s *Server) URL() string { return s.url }

// Host is "127.0.0.1:PORT": the value of ARM_METADATA_HOSTNAME / metadata_host.
func (s *Server) Host() string { return s.host }

// CAFile is the path of the CA bundle (system roots + emulator CA), for SSL_CERT_FILE.
func (s *Server) CAFile() string { return s.caFile }

// CA returns the emulator's certificate authority.
func (s *Server) CA() *CA { return s.ca }

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
func (s *Server) ClientCertificatePath() string { return s.client.pfxPath }

// ClientCertificatePassword is the PFX file's password.
func (s *Server) ClientCertificatePassword() string { return s.client.password }

// ClientCertificatePEMPath is the same certificate and key as PEM, without a password.
func (s *Server) ClientCertificatePEMPath() string { return s.client.pemPath }

// SetLatency sets the duration of one kind of operation (see the Latency
// constants); a negative duration restores the default.
func (s *Server) SetLatency(kind string, d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if d < 0 {
		delete(s.latency, strings.ToLower(kind))
		return
	}
	s.latency[strings.ToLower(kind)] = d
}

// latencyOf returns the configured duration of an operation kind. Callers hold s.mu.
func (s *Server) latencyOf(kind string) time.Duration {
	if d, ok := s.latency[kind]; ok {
		return d
	}
	switch kind {
	case LatencyCreate, LatencyUpdate, LatencyDelete, LatencyNodeImage, LatencyAbort:
		return s.opts.LRODuration
	}
	return 0 // network operations, reads and synchronous writes answer at once by default
}

// Reset puts every resource back to the seed and cancels running operations.
// The journal and fault rules are kept; use ResetJournal and ClearFaults.
func (s *Server) Reset() error {
	s.mu.Lock()
	for id, t := range s.timers {
		t.Stop()
		delete(s.timers, id)
	}
	s.st = s.seedState()
	s.mu.Unlock()
	return s.save()
}

// Close stops the server, stops running operations' timers and writes the
// state a last time. Every call waits for the first one to finish.
func (s *Server) Close() error {
	s.closeOnce.Do(func() { s.closeErr = s.close() })
	return s.closeErr
}

func (s *Server) close() error {
	s.mu.Lock()
	s.closed = true
	for id, t := range s.timers {
		t.Stop()
		delete(s.timers, id)
	}
	s.mu.Unlock()
	var err error
	if s.srv != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		err = s.srv.Shutdown(ctx)
		cancel()
		if err != nil {
			err = s.srv.Close()
		}
	}
	if serr := s.save(); err == nil {
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

// save persists the state when a state file is configured.
func (s *Server) save() error {
	if s.persist == nil {
		return nil
	}
	s.mu.Lock()
	s.seq++
	seq := s.seq
	snapshot, err := json.MarshalIndent(s.st, "", " ")
	s.mu.Unlock()
	if err != nil {
		return err
	}
	if err := s.persist.save(seq, snapshot); err != nil {
		s.logf("emulator: saving state: %v", err)
		return err
	}
	return nil
}

func (s *Server) logf(format string, args ...any) {
	if s.opts.Logf != nil {
		s.opts.Logf(format, args...)
	}
}

// request is one HTTP request being handled.
type request struct {
	w          *recorder
	r          *http.Request
	params     map[string]string // {name} segments of the route
	apiVersion string
	body       []byte
	claims     *accessClaims // ARM requests: the verified caller
	route      *route
}

// param returns a path parameter of the route.
func (q *request) param(name string) string { return q.params[name] }

// baseURL is the scheme and host the client used, for the absolute URLs the
// emulator hands out (polling URLs, nextLinks).
func (q *request) baseURL() string {
	if q.r.Host != "" {
		return "https://" + q.r.Host
	}
	return "https://" + q.r.URL.Host
}

// recorder remembers the status and ARM error code answered, for the journal.
type recorder struct {
	http.ResponseWriter
	status    int
	errorCode string
}

func (w *recorder) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *recorder) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

const maxJournalBody = 64 << 10

// serveHTTP is the outermost handler: journal, faults, latency, routing.
func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &recorder{ResponseWriter: w}
	q := &request{w: rec, r: r}
	family := familyOf(r.URL.Path)

	if r.Body != nil && r.Method != http.MethodGet && r.Method != http.MethodHead {
		b, err := io.ReadAll(io.LimitReader(r.Body, 8<<20))
		if err != nil {
			return
		}
		q.body = b
	}
	if family != familyControl {
		defer func() {
			entry := JournalEntry{
				Time:        start.UTC(),
				Method:      r.Method,
				Path:        r.URL.Path,
				APIVersion:  r.URL.Query().Get("api-version"),
				Query:       r.URL.RawQuery,
				Status:      rec.status,
				Duration:    time.Since(start),
				UserAgent:   r.UserAgent(),
				IfMatch:     r.Header.Get("If-Match"),
				IfNoneMatch: r.Header.Get("If-None-Match"),
				ErrorCode:   rec.errorCode,
				family:      family,
			}
			if family == familyARM && len(q.body) > 0 {
				entry.RequestBody = journalBody(q.body)
			}
			s.journal.add(entry)
			if s.opts.Logf != nil {
				s.opts.Logf("%s %s %d %s", r.Method, r.URL.RequestURI(), rec.status, time.Since(start).Round(time.Microsecond))
			}
		}()
	}

	if family != familyControl {
		if done := s.applyFaults(q); done {
			return
		}
	}

	rt, params, allowed := s.match(r.Method, r.URL.Path)
	if rt == nil {
		if allowed != "" {
			rec.Header().Set("Allow", allowed)
			writeError(q, http.StatusMethodNotAllowed, "MethodNotAllowed",
				fmt.Sprintf("The requested resource does not support http method '%s'.", r.Method), "")
			return
		}
		s.notFound(q)
		return
	}
	q.params = params
	q.route = rt
	if rt.family == familyARM {
		s.mu.Lock()
		d := s.latencyOf(LatencyRead)
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			d = s.latencyOf(LatencyWrite)
		}
		s.mu.Unlock()
		if d > 0 {
			time.Sleep(d)
		}
		rec.Header().Set("x-ms-request-id", uuid.NewString())
		rec.Header().Set("x-ms-correlation-request-id", uuid.NewString())
		if !s.authenticate(q) {
			return
		}
		if !s.checkAPIVersion(q) {
			return
		}
		if !s.checkSubscription(q) {
			return
		}
	}
	rt.handler(q)
}

// notFound answers a path no route knows, in the shape of the family it looks like.
func (s *Server) notFound(q *request) {
	path := strings.Trim(q.r.URL.Path, "/")
	segs := strings.Split(path, "/")
	if len(segs) >= 1 && strings.EqualFold(segs[0], "subscriptions") {
		// ARM: a resource type the emulator does not serve
		for i := 0; i+1 < len(segs); i++ {
			if strings.EqualFold(segs[i], "providers") && i+2 < len(segs) {
				writeError(q, http.StatusNotFound, "InvalidResourceType",
					fmt.Sprintf("The resource type '%s' could not be found in the namespace '%s' for api version '%s'.",
						segs[i+2], segs[i+1], q.r.URL.Query().Get("api-version")), "")
				return
			}
		}
	}
	writeError(q, http.StatusNotFound, "NotFound", fmt.Sprintf("The requested path '%s' was not found.", q.r.URL.Path), "")
}

// writeJSON answers v as JSON. SDK models marshal through their own MarshalJSON.
func writeJSON(q *request, status int, v any) {
	if raw, ok := v.(json.RawMessage); ok {
		writeRaw(q, status, raw)
		return
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		writeError(q, http.StatusInternalServerError, "InternalServerError", err.Error(), "")
		return
	}
	h := q.w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", fmt.Sprint(buf.Len()))
	q.w.WriteHeader(status)
	if q.r.Method != http.MethodHead {
		_, _ = q.w.Write(buf.Bytes())
	}
}

// writeRaw answers JSON already marshaled.
func writeRaw(q *request, status int, raw []byte) {
	h := q.w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(raw)))
	q.w.WriteHeader(status)
	if q.r.Method != http.MethodHead {
		_, _ = q.w.Write(raw)
	}
}

// armError is ARM's error object (common-types ErrorDetail).
type armError struct {
	Code    string     `json:"code"`
	Message string     `json:"message"`
	Target  string     `json:"target,omitempty"`
	Details []armError `json:"details,omitempty"`
}

// writeError answers ARM's error envelope {"error":{code,message,target}}.
func writeError(q *request, status int, code, message, target string) {
	q.w.errorCode = code
	writeJSON(q, status, map[string]armError{"error": {Code: code, Message: message, Target: target}})
}
