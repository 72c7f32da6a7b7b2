package conformance_test

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// jsonType names a decoded JSON value's type as the comparison sees it.
func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "string"
	case float64:
		return "number"
	case bool:
		return "bool"
	case map[string]any:
		return "object"
	case []any:
		return "array"
	}
	return fmt.Sprintf("%T", v)
}

// valueKeyedMaps are objects whose keys are data, not field names (version
// numbers): their values are compared with the example's first value.
var valueKeyedMaps = []string{"patchVersions"}

// shapeMismatch is one field of an example answer that the emulator's answer
// lacks or carries with another JSON type.
type shapeMismatch struct {
	path    string // with array indices removed, e.g. /properties/agentPoolProfiles[]/maxPods
	problem string
}

var arrayIndex = regexp.MustCompile(`\[\d+\]`)

// compareShape reports every field present in example (recursively) that is
// missing from actual or has another JSON type there. Array elements are
// matched by "name" when they have one, else by position.
func compareShape(path string, example, actual any, report func(shapeMismatch)) {
	if example == nil {
		return // null in an example constrains nothing
	}
	norm := arrayIndex.ReplaceAllString(path, "[]")
	if jsonType(example) != jsonType(actual) {
		report(shapeMismatch{norm, fmt.Sprintf("is %s, want %s", jsonType(actual), jsonType(example))})
		return
	}
	switch ex := example.(type) {
	case map[string]any:
		act, _ := actual.(map[string]any) // same type as the example's, checked above
		if slices.Contains(valueKeyedMaps, lastSegment(path)) {
			compareKeyedMap(path, ex, act, report)
			return
		}
		for k, ev := range ex {
			if ev == nil {
				continue
			}
			av, ok := act[k]
			if !ok {
				report(shapeMismatch{norm + "/" + k, "is missing"})
				continue
			}
			compareShape(path+"/"+k, ev, av, report)
		}
	case []any:
		act, _ := actual.([]any) // same type as the example's, checked above
		if len(ex) > 0 && len(act) == 0 {
			report(shapeMismatch{norm + "[]", "is empty"})
			return
		}
		for i, ev := range ex {
			compareShape(fmt.Sprintf("%s[%d]", path, i), ev, matchElement(ev, act, i), report)
		}
	}
}

// compareKeyedMap compares the example's first value with the actual value
// that matches it best: the keys are data (versions), and only some values
// have every field filled (the newest version has no upgrades).
func compareKeyedMap(path string, ex, act map[string]any, report func(shapeMismatch)) {
	norm := arrayIndex.ReplaceAllString(path, "[]")
	if len(ex) == 0 {
		return
	}
	if len(act) == 0 {
		report(shapeMismatch{norm, "has no entries"})
		return
	}
	var exampleValue any
	for _, v := range ex {
		exampleValue = v
		break
	}
	var best []shapeMismatch
	first := true
	for _, av := range act {
		var found []shapeMismatch
		compareShape(path+"/*", exampleValue, av, func(m shapeMismatch) { found = append(found, m) })
		if first || len(found) < len(best) {
			best, first = found, false
		}
	}
	for _, m := range best {
		report(m)
	}
}

func lastSegment(path string) string {
	return path[strings.LastIndex(path, "/")+1:]
}

// matchElement picks the element of act an example element describes: the
// one with the same "name"; else, for objects, the one that carries the most
// of its fields (lists hold different data: the example's default version
// need not be the emulator's first); else the one at the same index, or the
// last.
func matchElement(ev any, act []any, i int) any {
	m, isObject := ev.(map[string]any)
	if isObject {
		if name, ok := m["name"].(string); ok {
			for _, a := range act {
				if am, ok := a.(map[string]any); ok && strings.EqualFold(fmt.Sprint(am["name"]), name) {
					return a
				}
			}
		}
		var best any
		bestCount := -1
		for _, a := range act {
			count := 0
			compareShape("", ev, a, func(shapeMismatch) { count++ })
			if bestCount < 0 || count < bestCount {
				best, bestCount = a, count
			}
		}
		return best
	}
	if i < len(act) {
		return act[i]
	}
	return act[len(act)-1]
}

func TestCompareShape(t *testing.T) {
	example := map[string]any{
		"name": "x",
		"properties": map[string]any{
			"count":  float64(3),
			"labels": map[string]any{"a": "b"},
			"zones":  []any{"1"},
			"pools":  []any{map[string]any{"name": "p2", "maxPods": float64(110)}},
			"versions": []any{
				map[string]any{"version": "1.23", "isDefault": true},
				map[string]any{"version": "1.24", "isPreview": true},
			},
			"empty": nil,
			"patchVersions": map[string]any{
				"1.23.12": map[string]any{"upgrades": []any{"1.23.15"}},
			},
		},
	}
	actual := map[string]any{
		"name": "y",
		"properties": map[string]any{
			"count":  "3",
			"labels": map[string]any{},
			"zones":  []any{},
			"pools": []any{
				map[string]any{"name": "p1"},
				map[string]any{"name": "p2", "maxPods": float64(250)},
			},
			"versions": []any{
				map[string]any{"version": "1.32"},
				map[string]any{"version": "1.33", "isDefault": true},
			},
			"patchVersions": map[string]any{
				"1.33.3": map[string]any{"upgrades": []any{}},
				"1.33.2": map[string]any{"upgrades": []any{"1.33.3"}},
			},
			"extra": true,
		},
	}
	// A keyed map none of whose values has the example's shape is reported.
	example["other"] = map[string]any{"patchVersions": map[string]any{"1.0.0": map[string]any{"upgrades": []any{"x"}}}}
	actual["other"] = map[string]any{"patchVersions": map[string]any{"1.33.3": map[string]any{"upgrades": "none"}}}
	var got []string
	compareShape("", example, actual, func(m shapeMismatch) { got = append(got, m.path+" "+m.problem) })
	slices.Sort(got)
	want := []string{
		"/other/patchVersions/*/upgrades is string, want array",
		"/properties/count is string, want number",
		"/properties/labels/a is missing",
		"/properties/versions[]/isPreview is missing",
		"/properties/zones[] is empty",
	}
	if !slices.Equal(got, want) {
		t.Fatalf("mismatches:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
