package scenario

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/krysha/krysha/internal/tomlx"
	"github.com/krysha/krysha/scenarios"
)

var update = flag.Bool("update", false, "rewrite docs/parameters.md")

// fieldDocs reads the doc comments of the struct fields in this package's
// sources, by type and field name.
func fieldDocs(t *testing.T) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	docs := map[string]string{}
	for _, name := range []string{"params.go", "scenario.go"} {
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			if gd, ok := d.(*ast.GenDecl); ok && gd.Doc != nil && len(gd.Specs) == 1 {
				if ts, ok := gd.Specs[0].(*ast.TypeSpec); ok {
					docs["type "+ts.Name.Name] = strings.Join(strings.Fields(gd.Doc.Text()), " ")
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				return true
			}
			last := ""
			for _, fld := range st.Fields.List {
				// A field without a comment of its own shares the one of
				// the group it was declared in.
				text := last
				if fld.Doc != nil {
					text = fld.Doc.Text()
				} else if fld.Comment != nil {
					text = fld.Comment.Text()
				}
				last = text
				for _, id := range fld.Names {
					docs[ts.Name.Name+"."+id.Name] = strings.Join(strings.Fields(text), " ")
				}
			}
			return false
		})
	}
	return docs
}

// parameterReference writes the table of every parameter: dotted path,
// whether events may change it, the default scenario's value, and the
// field's documentation.
func parameterReference(t *testing.T) []byte {
	docs := fieldDocs(t)
	text, err := scenarios.FS.ReadFile(scenarios.Default)
	if err != nil {
		t.Fatal(err)
	}
	src, err := Parse(scenarios.Default, text, nil)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	b.WriteString(`# Parameters

Every parameter of a scenario, by the dotted path that the scenario file,
` + "`-set`" + `, ` + "`[[event]]`" + ` and ` + "`[[policy]]`" + ` use. "Lever" marks the parameters that
events may set or scale during a run; the others are fixed when the world
is built (they may still be overridden with ` + "`-set`" + `). The value is the default
scenario's (` + "`scenarios/kazakhstan.toml`" + ` at its start). Segments have two more
levers, ` + "`edges[i].detect`" + ` and ` + "`edges[i].closed`" + `, where the segment may also be
named by its ends: ` + "`edges[FROM>TO].detect`" + `. The equations are in [ODD.md](ODD.md).

Generated from the source by ` + "`go test ./sim/scenario -run TestParameterReference -update`" + `.

| parameter | lever | Kazakhstan | meaning |
|---|---|---|---|
`)
	var walk func(v reflect.Value, typ reflect.Type, prefix string, static bool)
	walk = func(v reflect.Value, typ reflect.Type, prefix string, static bool) {
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			name := f.Tag.Get("toml")
			if name == "" || name == "-" {
				continue
			}
			path := prefix + name
			fixed := static || f.Tag.Get("lever") == "no"
			doc := docs[typ.Name()+"."+f.Name]
			if f.Type.Kind() == reflect.Struct {
				if doc == "" && f.Type.Name() != "BetaDist" {
					doc = docs["type "+f.Type.Name()]
				}
				if doc != "" {
					fmt.Fprintf(&b, "| **`%s`** | | | %s |\n", path, doc)
				}
				walk(v.Field(i), f.Type, path+".", fixed)
				continue
			}
			lever := "yes"
			if fixed {
				lever = ""
			}
			fmt.Fprintf(&b, "| `%s` | %s | %v | %s |\n", path, lever, format(v.Field(i)), doc)
		}
	}
	p := src.Scenario.Params
	walk(reflect.ValueOf(p), reflect.TypeOf(p), "", false)
	return b.Bytes()
}

func format(v reflect.Value) string { return fmt.Sprint(v.Interface()) }

// docs/parameters.md lists every parameter with its documentation, and
// stays in step with the code.
func TestParameterReference(t *testing.T) {
	got := parameterReference(t)
	path := filepath.Join("..", "..", "docs", "parameters.md")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./sim/scenario -run TestParameterReference -update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Error("docs/parameters.md is out of date: go test ./sim/scenario -run TestParameterReference -update")
	}
	// Every lever appears in it.
	p := DefaultParams()
	for _, leaf := range tomlx.Leaves(&p) {
		if !bytes.Contains(got, []byte("`"+leaf+"`")) {
			t.Errorf("%s is missing from the reference", leaf)
		}
	}
}
