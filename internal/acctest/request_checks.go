package acctest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

// RequestCheck is an expectation on one request of the journal, for ExpectOne and ExpectEach.
type RequestCheck func(emulator.JournalEntry) error

// Succeeded expects the request answered below 400.
func Succeeded() RequestCheck {
	return func(e emulator.JournalEntry) error {
		if e.Status >= http.StatusBadRequest {
			return fmt.Errorf("answered %d %s", e.Status, e.ErrorCode)
		}
		return nil
	}
}

// UserAgentMatches expects the request's User-Agent to match re.
func UserAgentMatches(re *regexp.Regexp) RequestCheck {
	return func(e emulator.JournalEntry) error {
		if !re.MatchString(e.UserAgent) {
			return fmt.Errorf("User-Agent %q does not match %s", e.UserAgent, re)
		}
		return nil
	}
}

// APIVersion expects the request's api-version to be version.
func APIVersion(version string) RequestCheck {
	return func(e emulator.JournalEntry) error {
		if e.APIVersion != version {
			return fmt.Errorf("api-version %q, want %s", e.APIVersion, version)
		}
		return nil
	}
}

// IfMatchETag expects an If-Match header naming an ETag: neither missing nor "*", so that the
// write applies only to the version the provider read.
func IfMatchETag() RequestCheck {
	return func(e emulator.JournalEntry) error {
		if e.IfMatch == "" || e.IfMatch == "*" {
			return fmt.Errorf("If-Match %q, want the ETag of the read before it", e.IfMatch)
		}
		return nil
	}
}

// IfNoneMatch expects the If-None-Match header to be value ("*" for a create that must not
// overwrite).
func IfNoneMatch(value string) RequestCheck {
	return func(e emulator.JournalEntry) error {
		if e.IfNoneMatch != value {
			return fmt.Errorf("If-None-Match %q, want %q", e.IfNoneMatch, value)
		}
		return nil
	}
}

// QueryContains expects the request's query string to contain text ("name=value").
func QueryContains(text string) RequestCheck {
	return func(e emulator.JournalEntry) error {
		if !strings.Contains(e.Query, text) {
			return fmt.Errorf("query %q does not contain %s", e.Query, text)
		}
		return nil
	}
}

// BodyValue expects the value at path in the request's JSON body to pass want. Numbers reach want
// as json.Number, as the values of Terraform's state do, so knownvalue.Int64Exact applies.
// Build each path afresh (tfjsonpath.New(...).AtMapKey(...)): paths extended from one shared
// variable may share their steps.
func BodyValue(path tfjsonpath.Path, want knownvalue.Check) RequestCheck {
	return func(e emulator.JournalEntry) error {
		body, err := decodeBody(e)
		if err != nil {
			return err
		}
		value, err := tfjsonpath.Traverse(body, path)
		if err != nil {
			return fmt.Errorf("request body: %w", err)
		}
		if err := want.CheckValue(value); err != nil {
			return fmt.Errorf("request body at %s: %w", path, err)
		}
		return nil
	}
}

// NoBodyValue expects nothing, not even null, at path in the request's JSON body.
func NoBodyValue(path tfjsonpath.Path) RequestCheck {
	return func(e emulator.JournalEntry) error {
		body, err := decodeBody(e)
		if err != nil {
			return err
		}
		if value, err := tfjsonpath.Traverse(body, path); err == nil {
			return fmt.Errorf("request body has %v at %s, want nothing there", value, path)
		}
		return nil
	}
}

// BodyOmits expects text nowhere in the request's body, at any depth.
func BodyOmits(text string) RequestCheck {
	return func(e emulator.JournalEntry) error {
		if bytes.Contains(e.RequestBody, []byte(text)) {
			return fmt.Errorf("request body contains %q", text)
		}
		return nil
	}
}

// decodeBody decodes a request's JSON body, numbers as json.Number.
func decodeBody(e emulator.JournalEntry) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(e.RequestBody))
	dec.UseNumber()
	var body any
	if err := dec.Decode(&body); err != nil {
		return nil, fmt.Errorf("decoding the request body: %w", err)
	}
	return body, nil
}
