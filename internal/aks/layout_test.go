package aks

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The layout issue's limits, kept by a test so they hold as the provider grows: no non-test file
// of this package over 400 lines, no function in internal/ over 80 lines except flat tables, and
// the agent pool attributes declared in pool_schema.go only.

// flatTables are the functions allowed past 80 lines: schema and route tables, one entry a line.
var flatTables = map[string]bool{
	"aks/cluster_schema.go:clusterResourceSchema": true,
	"aks/cluster_data_source.go:Schema":           true,
	"emulator/routes.go:buildRoutes":              true,
}

func TestLayoutFileSizes(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(string(data), "\n"); n > 400 {
			t.Errorf("%s has %d lines; split it along its seams (at most 400)", f, n)
		}
	}
}

func TestLayoutFunctionLengths(t *testing.T) {
	root := ".."
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		for _, decl := range file.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			lines := fset.Position(fn.End()).Line - fset.Position(fn.Pos()).Line + 1
			if lines > 80 && !flatTables[filepath.ToSlash(rel)+":"+fn.Name.Name] {
				t.Errorf("%s: %s has %d lines; split it (at most 80 unless it is a flat table)", rel, fn.Name.Name, lines)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestLayoutPoolAttributesDeclaredOnce: every pool setting is declared in pool_schema.go or in
// the pool_<subject>.go files of its attribute group (pool_hooks.go), which aks_node_pool and
// default_node_pool share, and in no other resource schema file.
func TestLayoutPoolAttributesDeclaredOnce(t *testing.T) {
	names := tfsdkNames(reflect.TypeOf(poolSettings{}))
	clusterOwn := map[string]bool{}
	for _, name := range tfsdkNames(reflect.TypeOf(clusterAttributes{})) {
		clusterOwn[name] = true // the cluster's own tags, say
	}
	poolFiles, err := filepath.Glob("pool_*.go")
	if err != nil {
		t.Fatal(err)
	}
	poolFiles = slices.DeleteFunc(poolFiles, func(f string) bool { return strings.HasSuffix(f, "_test.go") })
	read := func(f string) string {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	for _, name := range names {
		declaration := `"` + name + `": `
		for _, f := range []string{"node_pool_schema.go", "default_pool_schema.go", "cluster_schema.go"} {
			if f == "cluster_schema.go" && clusterOwn[name] {
				continue
			}
			if strings.Contains(read(f), declaration) {
				t.Errorf("%s declares %q; pool attributes belong in pool_schema.go or their group's pool_*.go file", f, name)
			}
		}
		if !slices.ContainsFunc(poolFiles, func(f string) bool { return strings.Contains(read(f), declaration) }) {
			t.Errorf("%q, a field of poolSettings, is declared in no pool_*.go file", name)
		}
	}
	for _, kind := range []poolKind{nodePoolKind, defaultPoolKind} {
		attrs := poolAttributes(kind)
		for _, name := range names {
			if _, ok := attrs[name]; !ok {
				t.Errorf("poolAttributes(%d) lacks %q, a field of poolSettings", kind, name)
			}
		}
		if len(attrs) != len(names) {
			t.Errorf("poolAttributes(%d) has %d attributes, poolSettings %d fields", kind, len(attrs), len(names))
		}
	}
}

// tfsdkNames are the attribute names of a model struct, including those of embedded structs.
func tfsdkNames(model reflect.Type) []string {
	var names []string
	for i := range model.NumField() {
		f := model.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			names = append(names, tfsdkNames(f.Type)...)
			continue
		}
		names = append(names, f.Tag.Get("tfsdk"))
	}
	return names
}

// TestLayoutArchitectureDocIsTrue: every file and folder ARCHITECTURE.md names exists, and the
// homes the issue asked a reader to find hold what the document says they hold.
func TestLayoutArchitectureDocIsTrue(t *testing.T) {
	doc, err := os.ReadFile("../ARCHITECTURE.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile("`(internal/[A-Za-z0-9_/-]+(?:\\.[a-z]+)?)`").FindAllStringSubmatch(string(doc), -1) {
		if _, err := os.Stat(filepath.Join("../..", m[1])); err != nil {
			t.Errorf("ARCHITECTURE.md names %s, which does not exist", m[1])
		}
	}
	homes := map[string]string{
		"../rules/arm64_fips.go":            "ARM64",
		"default_pool_rotation.go":          "func (r *clusterResource) rotateDefaultPool(",
		"default_pool_plan.go":              "func (r *clusterResource) planDefaultPool(",
		"../aksapi/pools.go":                "func (c *Client) UpdatePool(",
		"../emulator/aksrules/ephemeral.go": "func checkEphemeralOSDisk(",
		"../emulator/routes.go":             ") buildRoutes() []route {",
		"pool_schema.go":                    "func poolAttributes(",
	}
	for file, want := range homes {
		data, err := os.ReadFile(file)
		if err != nil || !strings.Contains(string(data), want) {
			t.Errorf("%s should hold %q, as ARCHITECTURE.md says (err %v)", file, want, err)
		}
	}
}
