package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"testing"

	"github.com/jobs-cli/jobs/internal/jsonout"
)

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

// samplePostingJSON fills every field of a list element from s and n.
func samplePostingJSON(s string, n int, score float64) PostingJSON {
	d, u := s+"d", s+"u"
	j := PostingJSON{
		ID: s, Source: s, SourceID: s, Company: s, Title: s, URL: s, Status: s, Score: score,
		Band: s, Matched: []string{s, "Python"}, Missing: []string{}, MissingGroups: [][]string{{s, "R"}, {}}, MissingPreferred: nil,
		Partial: []string{s}, Required: []string{"Go", s}, Preferred: []string{},
		MinYears: &n, Degree: &d, Major: s, Newcomer: n%2 == 0, EmploymentType: s, Location: s,
		FirstSeen: s, LastSeen: s, Updated: n%3 == 0, UpdatedAt: &u,
		Sources: []PostingSource{{Source: s, SourceID: s, URL: s}, {}},
	}
	if n%2 == 1 {
		j.MaxYears, j.Due, j.ClosedAt = &n, &d, &u
		j.Sources = nil
	}
	return j
}

func TestAppendJSONIsEncodingJSON(t *testing.T) {
	strs := []string{
		"", "plain", `quote " and \ backslash`, "tab\tnew\nline\rcr\bbs\fff", "\x00\x01\x1f\x7f",
		"<html> & 'x'", "토스 백엔드 개발자", "\u2028\u2029", "bad \xff\xfe utf-8 \xe2\x82", "emoji 🙂",
	}
	scores := []float64{0, 1, 0.5, 0.123, 0.667, 1e-7, 2.5e-9, 1e21, -0.25, math.SmallestNonzeroFloat64}
	for i, s := range strs {
		for k, score := range scores {
			for _, j := range []PostingJSON{samplePostingJSON(s, i+k, score), {}} {
				got := j.AppendJSON(nil)
				if want := encodingJSON(t, j); !bytes.Equal(got, want) {
					t.Errorf("%q, %v:\n got %s\nwant %s", s, score, got, want)
				}
			}
		}
	}
}

func FuzzAppendJSON(f *testing.F) {
	f.Add("토스 \u2028", 3, 0.5)
	f.Add("\xff\"\\\x01", 0, 1e-9)
	f.Fuzz(func(t *testing.T, s string, n int, score float64) {
		if math.IsNaN(score) || math.IsInf(score, 0) {
			return // encoding/json refuses them; scores are never either
		}
		j := samplePostingJSON(s, n, score)
		if got, want := j.AppendJSON(nil), encodingJSON(t, j); !bytes.Equal(got, want) {
			t.Errorf("got %s\nwant %s", got, want)
		}
	})
}

// An array of many blocks, encoded on every core, comes out in order and as encoding/json
// writes the slice.
func TestWriteJSONArrayManyBlocks(t *testing.T) {
	elems := make([]PostingJSON, 1_000)
	for i := range elems {
		elems[i] = samplePostingJSON(fmt.Sprintf("posting %d \u2028", i), i, float64(i%7)/7)
	}
	var got bytes.Buffer
	if err := jsonout.WriteArray(&got, len(elems), func(i int) any { return &elems[i] }); err != nil {
		t.Fatal(err)
	}
	want := append(encodingJSON(t, elems), '\n')
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("the array differs from encoding/json's (%d bytes, want %d)", got.Len(), len(want))
	}
}
