package jobs

import "testing"

func TestDedupKey(t *testing.T) {
	same := [][2][2]string{
		{{"(주)토스", "Server Developer (Go)"}, {"토스 주식회사", "server developer(go)"}},
		{{"Coupang Korea", "Backend Engineer"}, {"coupang, Inc.", "Backend  Engineer"}},
		{{"㈜ 당근마켓", "ML 엔지니어"}, {"당근마켓", "ML엔지니어"}},
	}
	for _, s := range same {
		a, b := DedupKey(s[0][0], s[0][1]), DedupKey(s[1][0], s[1][1])
		if a == "" || a != b {
			t.Errorf("%v and %v: keys %q and %q, want equal", s[0], s[1], a, b)
		}
	}
	differ := [][2][2]string{
		{{"토스", "Server Developer"}, {"토스뱅크", "Server Developer"}},
		{{"토스", "Backend Engineer"}, {"토스", "Frontend Engineer"}},
		{{"한국투자증권", "Quant"}, {"투자증권", "Quant"}},
		{{"Princeton Labs", "ML"}, {"Pr Labs", "ML"}},
		{{"Incheon Air", "ML"}, {"heon Air", "ML"}},
	}
	for _, d := range differ {
		if DedupKey(d[0][0], d[0][1]) == DedupKey(d[1][0], d[1][1]) {
			t.Errorf("%v and %v share a key", d[0], d[1])
		}
	}
	if DedupKey("", "Engineer") != "" || DedupKey("주식회사", "Engineer") != "" {
		t.Error("an empty company must give no key")
	}
}

func TestDisplayCompany(t *testing.T) {
	for in, want := range map[string]string{
		"주식회사 카카오": "카카오", "(주)우아한형제들": "우아한형제들", "비바리퍼블리카 주식회사": "비바리퍼블리카",
		"㈜토스": "토스", "Coupang, Inc.": "Coupang", "Acme Korea Co., Ltd.": "Acme Korea", "Inc.": "Inc.",
		"Princeton Corp Solutions": "Princeton Corp Solutions", "주식회사": "주식회사", "한국투자증권": "한국투자증권",
	} {
		if got := DisplayCompany(in); got != want {
			t.Errorf("DisplayCompany(%q) = %q, want %q", in, got, want)
		}
	}
}
