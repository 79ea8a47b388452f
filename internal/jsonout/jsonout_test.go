package jsonout

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"
)

func TestWriteArray(t *testing.T) {
	for _, n := range []int{0, 1, 3} {
		var b bytes.Buffer
		if err := WriteArray(&b, n, func(i int) any { return map[string]any{"i": i, "s": "<R&D>"} }); err != nil {
			t.Fatal(err)
		}
		var got []map[string]any
		if err := json.Unmarshal(b.Bytes(), &got); err != nil || len(got) != n {
			t.Errorf("n=%d: %q is not an array of %d: %v", n, b.String(), n, err)
		}
		if n > 0 && !strings.Contains(b.String(), "<R&D>") {
			t.Errorf("HTML was escaped: %s", b.String())
		}
	}
}

// element appends itself as encoding/json writes it.
type element struct {
	Name  string   `json:"name"`
	Score float64  `json:"score"`
	Tags  []string `json:"tags"`
	Due   *string  `json:"due"`
	Years *int     `json:"years"`
}

func (e *element) AppendJSON(b []byte) []byte {
	b = append(b, `{"name":`...)
	b = AppendString(b, e.Name)
	b = append(b, `,"score":`...)
	b = AppendFloat(b, e.Score)
	b = append(b, `,"tags":`...)
	b = AppendStrings(b, e.Tags)
	b = append(b, `,"due":`...)
	b = AppendStringPtr(b, e.Due)
	b = append(b, `,"years":`...)
	b = AppendIntPtr(b, e.Years)
	return append(b, '}')
}

// encodingJSON is what encoding/json writes for v with HTML escaping off.
func encodingJSON(t testing.TB, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

func TestAppendIsEncodingJSON(t *testing.T) {
	strs := []string{
		"", "plain", `quote " and \ backslash`, "tab\tnew\nline\rcr\bbs\fff", "\x00\x01\x1f\x7f",
		"<html> & 'x'", "토스 백엔드 개발자", "\u2028\u2029", "bad \xff\xfe utf-8 \xe2\x82", "emoji 🙂",
	}
	scores := []float64{0, 1, 0.5, 0.123, 0.667, 1e-7, 2.5e-9, 1e21, -0.25, math.SmallestNonzeroFloat64}
	for i, s := range strs {
		for k, score := range scores {
			n := i + k
			for _, e := range []element{{Name: s, Score: score, Tags: []string{s, "Go"}, Due: &s, Years: &n}, {}} {
				if got, want := e.AppendJSON(nil), encodingJSON(t, e); !bytes.Equal(got, want) {
					t.Errorf("%q, %v:\n got %s\nwant %s", s, score, got, want)
				}
			}
		}
	}
}

// An array of many blocks of appenders, encoded on every core, comes out in order and as
// encoding/json writes the slice.
func TestWriteArrayOfAppendersManyBlocks(t *testing.T) {
	elems := make([]element, 1_000)
	for i := range elems {
		elems[i] = element{Name: fmt.Sprintf("element %d \u2028", i), Score: float64(i%7) / 7, Tags: []string{}}
	}
	var got bytes.Buffer
	if err := WriteArray(&got, len(elems), func(i int) any { return &elems[i] }); err != nil {
		t.Fatal(err)
	}
	want := append(encodingJSON(t, elems), '\n')
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("the array differs from encoding/json's (%d bytes, want %d)", got.Len(), len(want))
	}
}
