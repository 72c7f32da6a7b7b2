package rules

import (
	"testing"
)

func TestParseVersion(t *testing.T) {
	tests := []struct {
		in      string
		want    Version
		wantErr bool
	}{
		{in: "1.31", want: Version{Major: 1, Minor: 31}},
		{in: "1.31.2", want: Version{Major: 1, Minor: 31, Patch: 2, HasPatch: true}},
		{in: "1.9.0", want: Version{Major: 1, Minor: 9, HasPatch: true}},
		{in: "1", wantErr: true},
		{in: "v1.31", wantErr: true},
		{in: "1.31.", wantErr: true},
		{in: "1.31.2.4", wantErr: true},
		{in: "1.31-preview", wantErr: true},
		{in: "1.-1", wantErr: true},
		{in: "", wantErr: true},
		{in: "1.9999999999", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseVersion(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("ParseVersion(%q) error = %v, wantErr %v", tt.in, err, tt.wantErr)
			}
			if !tt.wantErr && got != tt.want {
				t.Errorf("ParseVersion(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
			if !tt.wantErr && got.String() != tt.in {
				t.Errorf("String() = %q, want %q", got.String(), tt.in)
			}
		})
	}
}

func TestVersionCompare(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"1.31.2", "1.31.2", 0},
		{"1.31.2", "1.31.10", -1},
		{"1.32.0", "1.31.10", 1},
		{"2.0.0", "1.99.0", 1},
		{"1.31", "1.31.11", 0}, // an alias matches every patch of its minor
		{"1.31.11", "1.31", 0},
		{"1.30", "1.31.0", -1},
	}
	for _, tt := range tests {
		a, b := MustParseVersion(tt.a), MustParseVersion(tt.b)
		if got := a.Compare(b); got != tt.want {
			t.Errorf("%s.Compare(%s) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if a.Less(b) != (tt.want < 0) || a.AtLeast(b) != (tt.want >= 0) {
			t.Errorf("%s Less/AtLeast %s inconsistent with Compare", tt.a, tt.b)
		}
	}
}

func TestVersionMinorsBehind(t *testing.T) {
	if n, ok := MustParseVersion("1.29.4").MinorsBehind(MustParseVersion("1.33.3")); !ok || n != 4 {
		t.Errorf("1.29.4 behind 1.33.3 = %d %v, want 4", n, ok)
	}
	if n, ok := MustParseVersion("1.34").MinorsBehind(MustParseVersion("1.33.3")); !ok || n != -1 {
		t.Errorf("1.34 behind 1.33.3 = %d %v, want -1", n, ok)
	}
	if _, ok := MustParseVersion("2.0").MinorsBehind(MustParseVersion("1.33")); ok {
		t.Error("minors across majors must not compare")
	}
	if got := MustParseVersion("1.31.2").MinorString(); got != "1.31" {
		t.Errorf("MinorString = %q", got)
	}
}

func TestMustParseVersionPanicsOnBadInput(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("MustParseVersion must panic on a bad version")
		}
	}()
	MustParseVersion("latest")
}

func TestKubernetesVersionValidator(t *testing.T) {
	testStringValidator(t, KubernetesVersion(), "orchestrator_version", []stringCase{
		{value: "1.31"},
		{value: "1.31.2"},
		{value: "v1.31.2", wantSummary: "Invalid Kubernetes version", contains: []string{`orchestrator_version = "v1.31.2"`, `"1.31"`, `az aks get-versions`}},
		{value: "latest", wantSummary: "Invalid Kubernetes version", contains: []string{`"latest"`}},
		{value: "1", wantSummary: "Invalid Kubernetes version"},
	})
}
