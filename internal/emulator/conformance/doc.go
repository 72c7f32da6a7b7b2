// Package conformance holds tests only. They check the emulator against
// Microsoft's published AKS REST API examples (testdata/, copied from
// azure-rest-api-specs, see testdata/SOURCES.md) and drive every AKS rule
// through the Azure SDK's typed clients over HTTPS, authenticated by
// azidentity, with long-running operations completed by the SDK's pollers:
// no test-only transport shortcut.
package conformance
