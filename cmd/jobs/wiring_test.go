package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// The rule for this package (README, Layout): a file here parses flags into its options, gets
// what it needs from the Factory, calls the packages that own the logic, and prints. So every
// function's signature names cobra, the IOStreams, the Factory or a command's options (which
// hold them); nothing here starts a goroutine or scores. A function that fails this belongs in
// a package.
func TestCommandsAreWiring(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var parsed []*ast.File
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		parsed = append(parsed, f)
	}
	wiringTypes := wiringTypeNames(parsed)
	// What a command needs that no package can own: the program's start and its exit codes.
	allowed := map[string]bool{"main": true, "init": true, "exitError.Error": true, "usageError.Error": true}
	// matcher's scoring and planning: commands get scores from target and plans from report.
	scoring := map[string]bool{"Score": true, "Explain": true, "MatchOf": true, "Gaps": true,
		"GreedyPlan": true, "BestPlan": true, "ExplainPlan": true}
	for _, f := range parsed {
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			name := fn.Name.Name
			if fn.Recv != nil {
				name = typeName(fn.Recv.List[0].Type) + "." + name
			}
			if !allowed[name] && !mentionsWiring(fn, wiringTypes) {
				t.Errorf("%s: %s takes no cobra command, IOStreams, Factory or options: it belongs in a package",
					fset.Position(fn.Pos()), name)
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.GoStmt:
				t.Errorf("%s: a goroutine: concurrency belongs in the package that owns the work", fset.Position(n.Pos()))
			case *ast.CallExpr:
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok && scoring[sel.Sel.Name] {
					t.Errorf("%s: calls %s: scoring and planning belong in target and report", fset.Position(n.Pos()), sel.Sel.Name)
				}
			}
			return true
		})
	}
}

// wiringTypeNames is the types that carry the wiring: IOStreams, Factory, and any struct of
// this package with a field of one of them (a command's options).
func wiringTypeNames(files []*ast.File) map[string]bool {
	names := map[string]bool{"IOStreams": true, "Factory": true}
	for grew := true; grew; {
		grew = false
		for _, f := range files {
			for _, d := range f.Decls {
				g, ok := d.(*ast.GenDecl)
				if !ok {
					continue
				}
				for _, s := range g.Specs {
					ts, ok := s.(*ast.TypeSpec)
					if !ok || names[ts.Name.Name] {
						continue
					}
					st, ok := ts.Type.(*ast.StructType)
					if !ok {
						continue
					}
					for _, fld := range st.Fields.List {
						if refersTo(fld.Type, names) {
							names[ts.Name.Name], grew = true, true
							break
						}
					}
				}
			}
		}
	}
	return names
}

func mentionsWiring(fn *ast.FuncDecl, types map[string]bool) bool {
	var lists []*ast.FieldList
	if fn.Recv != nil {
		lists = append(lists, fn.Recv)
	}
	lists = append(lists, fn.Type.Params, fn.Type.Results)
	for _, l := range lists {
		if l == nil {
			continue
		}
		for _, fld := range l.List {
			if refersTo(fld.Type, types) {
				return true
			}
		}
	}
	return false
}

// refersTo reports whether a type expression names cobra or one of types, however wrapped
// (pointer, slice, func).
func refersTo(e ast.Expr, types map[string]bool) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if types[n.Name] {
				found = true
			}
		case *ast.SelectorExpr:
			if x, ok := n.X.(*ast.Ident); ok && x.Name == "cobra" {
				found = true
			}
		}
		return !found
	})
	return found
}

func typeName(e ast.Expr) string {
	if s, ok := e.(*ast.StarExpr); ok {
		e = s.X
	}
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return "?"
}
