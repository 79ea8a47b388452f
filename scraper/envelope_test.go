package scraper

import (
	"net/http"
	"strings"
	"testing"
)

// The group sites that wrap their answers in {"status", "data"} each refuse an answer by
// their own verdict, and all alike refuse one without data.
func TestDataEnvelopes(t *testing.T) {
	for _, c := range []struct {
		name string
		read func([]byte) (map[string]any, error)
		body string
		want string // "" = accepted
	}{
		{"lg", lgData, `{"status":"S","data":{"a":1}}`, ""},
		{"lg", lgData, `{"status":"F","msg":"점검 중","data":{}}`, `status is "F" (점검 중), not S`},
		{"hyundai", hyundaiData, `{"status":200,"data":{"a":1}}`, ""},
		{"hyundai", hyundaiData, `{"status":500,"message":"error","data":{}}`, "status is 500 (error), not 200"},
		{"hanwha", hanwhaData, `{"success":true,"data":{"a":1}}`, ""},
		{"hanwha", hanwhaData, `{"success":false,"message":"no","data":{}}`, "did not succeed (no)"},
		{"hanwha", hanwhaData, `{"success":true}`, `no "data" object`},
		{"lg", lgData, `[{"data":{}}]`, "got a JSON array"},
		{"hyundai", hyundaiData, `{"status":200,`, "invalid JSON"},
	} {
		data, err := c.read([]byte(c.body))
		switch {
		case c.want == "" && (err != nil || data["a"] == nil):
			t.Errorf("%s %s: %v %v", c.name, c.body, data, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s %s: error %v, want %q", c.name, c.body, err, c.want)
		}
	}
}

// A one-request list that holds fewer postings than it counts is read, but as incomplete: its
// postings are kept and the shortfall is a failure of the list, under its source.
func TestOneRequestListReadShort(t *testing.T) {
	site := newTestSite(t)
	site.robots = "User-agent: *\nAllow: /\n"
	list := strings.Replace(string(readFixture(t, "sk/list.json")), `"totalCount":4`, `"totalCount":9`, 1)
	site.handle(skListPath, serveJSON(list))
	page := string(readFixture(t, "sk/detail-R261752.html"))
	for _, id := range []string{"R261752", "R261767", "R261841", "R261849"} {
		site.handle("/Recruit/Detail/"+id, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(page))
		})
	}
	s, err := NewSK(site.url(), testConfig(&sleeper{}, augustClock()))
	if err != nil {
		t.Fatal(err)
	}
	stats, err := s.Scrape(t.Context(), newStoreSink())
	if err != nil {
		t.Fatal(err)
	}
	short := 0
	for _, fl := range stats.Failures {
		if fl.Source == skName && strings.Contains(fl.Reason, "says it has 9") {
			short++
		}
	}
	if short != 1 || stats.Kept != 4 || stats.Failed != 1 {
		t.Errorf("stats %+v", stats)
	}
}

// Every site's JSON object reader says what it got instead: an array, HTML, broken JSON.
func TestJSONObject(t *testing.T) {
	for body, want := range map[string]string{
		`[{"list":[]}]`:             `expected a JSON object with a "list", got a JSON array`,
		"<html>점검 중</html>":         "expected JSON, got HTML",
		`{"list":[`:                 "invalid JSON",
		"\xef\xbb\xbf{\"list\":[]}": "",
	} {
		doc, err := jsonObject([]byte(body), ` with a "list"`)
		switch {
		case want == "" && (err != nil || doc["list"] == nil):
			t.Errorf("%q: %v %v", body, doc, err)
		case want != "" && (err == nil || err.Error() != want && !strings.HasPrefix(err.Error(), want)):
			t.Errorf("%q: error %v, want %q", body, err, want)
		}
	}
}
