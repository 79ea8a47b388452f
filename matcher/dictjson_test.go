package matcher

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"testing"

	"go.yaml.in/yaml/v3"
)

var update = flag.Bool("update", false, "rewrite skills.json from skills.yaml")

// TestBuiltinJSON holds the embedded skills.json equal to skills.yaml, its source. With
// -update (go generate ./matcher) it writes skills.json instead.
func TestBuiltinJSON(t *testing.T) {
	src, err := os.ReadFile("skills.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var want dictFile
	if err := yaml.Unmarshal(src, &want); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("skills.json", dictJSON(t, want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	var got dictFile
	if err := json.Unmarshal(builtinDictionary, &got); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(builtinDictionary, dictJSON(t, want)) {
		t.Fatal("skills.json differs from skills.yaml: run go generate ./matcher")
	}
	// Every field survives the trip through JSON (nil and empty lists read alike).
	if !bytes.Equal(dictJSON(t, got), builtinDictionary) {
		t.Fatal("skills.json does not read back as written")
	}
}

// dictJSON writes the dictionary one concept a line, so a change to skills.yaml shows as a
// change to the same concept's line.
func dictJSON(t *testing.T, f dictFile) []byte {
	t.Helper()
	skills := f.Skills
	f.Skills = nil
	head, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	b.Write(head[:len(head)-len(`null}`)])
	b.WriteString("[\n")
	for i, c := range skills {
		line, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		if i < len(skills)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("]}\n")
	return b.Bytes()
}
