package emulator

import (
	"testing"
	"time"
)

// BenchmarkGetAgentPool measures simple GETs through the SDK's typed client
// over loopback TLS with keep-alive, client and server in one process. Run
// with -cpu 1 for the one-core figure; the target is at least 2,000 req/s.
func BenchmarkGetAgentPool(b *testing.B) {
	s := startServer(b)
	f := aksClients(b, s, nil)
	createCluster(b, f, "demo", minimalCluster())
	createPool(b, f, "user1", userPool("Standard_D4s_v3", 1))
	client := f.NewAgentPoolsClient()
	ctx := ctxT(b)
	if _, err := client.Get(ctx, "rg-aks-demo", "demo", "user1", nil); err != nil { // token and connection warm
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		if _, err := client.Get(ctx, "rg-aks-demo", "demo", "user1", nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "req/s")
}

// BenchmarkLROCompletion measures how late long-running operations finish
// against their configured duration (50 ms): on the server (operation end
// minus deadline) and as the SDK's poller sees it (PollUntilDone returning
// minus request start minus the duration). The target is under 10 ms.
func BenchmarkLROCompletion(b *testing.B) {
	const duration = 50 * time.Millisecond
	s := startServer(b, func(o *Options) { o.LRODuration = duration })
	f := aksClients(b, s, nil)
	createCluster(b, f, "demo", minimalCluster())
	createPool(b, f, "user1", userPool("Standard_D4s_v3", 1))
	client := f.NewAgentPoolsClient()
	ctx := ctxT(b)
	var clientLate, serverLate, worstClient, worstServer time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ap := userPool("Standard_D4s_v3", int32(2+i%5))
		start := time.Now()
		p, err := client.BeginCreateOrUpdate(ctx, "rg-aks-demo", "demo", "user1", ap, nil)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := p.PollUntilDone(ctx, poll); err != nil {
			b.Fatal(err)
		}
		late := time.Since(start) - duration
		clientLate += late
		worstClient = max(worstClient, late)
		sl := s.lastOperationLateness()
		serverLate += sl
		worstServer = max(worstServer, sl)
	}
	b.StopTimer()
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	b.ReportMetric(ms(clientLate)/float64(b.N), "ms-late-client/op")
	b.ReportMetric(ms(worstClient), "ms-late-client-max")
	b.ReportMetric(ms(serverLate)/float64(b.N), "ms-late-server/op")
	b.ReportMetric(ms(worstServer), "ms-late-server-max")
}

// lastOperationLateness is how long after its deadline the latest finished operation ended.
func (s *Server) lastOperationLateness() time.Duration {
	s.db.mu.Lock()
	defer s.db.mu.Unlock()
	var latest *operation
	for _, op := range s.db.state.Operations {
		if op.End != nil && (latest == nil || op.End.After(*latest.End)) {
			latest = op
		}
	}
	if latest == nil {
		return 0
	}
	return latest.End.Sub(latest.Deadline)
}
