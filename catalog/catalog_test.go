package catalog

import (
	"reflect"
	"strings"
	"testing"

	"github.com/jobs-cli/jobs"
)

// The embedded catalogue parses: every alias names one company, every source kind is known.
func TestBuiltinParses(t *testing.T) {
	c, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(c.Companies()); n < 30 {
		t.Fatalf("the catalogue holds %d companies, want the 30 or more it ships with", n)
	}
}

func TestLookupBySpelling(t *testing.T) {
	c, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for spelling, want := range map[string]string{
		"토스": "토스", "Toss": "토스", "Viva Republica": "토스", "비바리퍼블리카": "토스", "(주)비바리퍼블리카": "토스",
		"카카오페이": "카카오페이", "KakaoPay": "카카오페이", "kakao pay": "카카오페이",
		"삼성전자": "삼성전자", "Samsung Electronics Co., Ltd.": "삼성전자",
		"42dot": "42dot", "포티투닷": "42dot", "FuriosaAI": "퓨리오사AI", "Twelve Labs": "트웰브랩스",
		"Coupang, Inc.": "쿠팡", "당근마켓": "당근", "SK hynix": "SK하이닉스", "LG CNS": "LG CNS",
	} {
		co, ok := c.Lookup(spelling)
		if !ok || co.Name != want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", spelling, co.Name, ok, want)
		}
	}
	// 카카오 and 카카오페이 are two companies; neither spelling hides inside the other.
	if co, _ := c.Lookup("카카오"); co.Name != "카카오" {
		t.Errorf("Lookup(카카오) = %q", co.Name)
	}
	if _, ok := c.Lookup("삼성"); ok {
		t.Error("삼성 alone names a group, not one company, and must not resolve")
	}
}

func TestResolveTurnsOnSources(t *testing.T) {
	c, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	p, err := c.Resolve([]string{"카카오페이", "삼성전자", "42dot", "삼성SDS", "당근", "Coupang", "토스"})
	if err != nil {
		t.Fatal(err)
	}
	want := Plan{
		Boards: map[string][]string{"greeting": {"kakaopay"}, "ashby": {"42dot"}, "greenhouse": {"daangn", "daangnpay", "coupang"}},
		Sites:  []string{"samsung", "toss"},
	}
	if !reflect.DeepEqual(p, want) {
		t.Fatalf("Resolve = %+v\nwant %+v", p, want)
	}
}

func TestResolveUnknownNamesTheName(t *testing.T) {
	c, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Resolve([]string{"카카오페", "삼성전자"})
	if err == nil || !strings.Contains(err.Error(), `"카카오페" is not in the company catalogue`) ||
		!strings.Contains(err.Error(), "did you mean 카카오") {
		t.Fatalf("err = %v", err)
	}
}

func TestParseRejectsBadEntries(t *testing.T) {
	for name, doc := range map[string]string{
		"two companies":   "companies:\n- {name: A, aliases: [X], sources: [{kind: kakao}]}\n- {name: B, aliases: [x], sources: [{kind: naver}]}\n",
		"unknown kind":    "companies:\n- {name: A, sources: [{kind: workday, id: a}]}\n",
		"board needs id":  "companies:\n- {name: A, sources: [{kind: greenhouse}]}\n",
		"site takes none": "companies:\n- {name: A, sources: [{kind: kakao, id: x}]}\n",
		"no source":       "companies:\n- {name: A}\n",
		"unknown key":     "companies:\n- {name: A, board: x, sources: [{kind: kakao}]}\n",
	} {
		if _, err := Parse([]byte(doc)); err == nil {
			t.Errorf("%s: Parse accepted %q", name, doc)
		}
	}
}

// With the catalogue's aliases set, a company's spellings give one dedup key: 토스 on its own
// site and "Viva Republica" on a board are one posting.
func TestAliasesJoinDedupKeys(t *testing.T) {
	c, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	jobs.SetCompanyAliases(c.Aliases())
	t.Cleanup(func() { jobs.SetCompanyAliases(nil) })
	for _, pair := range [][2]string{{"토스", "Viva Republica"}, {"카카오페이", "KakaoPay Corp."}, {"(주)우아한형제들", "배달의민족"}} {
		a, b := jobs.DedupKey(pair[0], "Backend Engineer"), jobs.DedupKey(pair[1], "Backend Engineer")
		if a == "" || a != b {
			t.Errorf("DedupKey(%q) = %q, DedupKey(%q) = %q; want one key", pair[0], a, pair[1], b)
		}
	}
	if jobs.NormalizeCompany("카카오") == jobs.NormalizeCompany("카카오페이") {
		t.Error("카카오 and 카카오페이 were joined")
	}
}

// A platform tenant on its own domain is named by its career-site URL, which the platform
// sources take as given.
func TestResolvePlatformURLs(t *testing.T) {
	c, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	p, err := c.Resolve([]string{"지그재그", "무신사", "컬리", "현대로템"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"ninehire": {"https://career.kakaostyle.com/"},
		"greeting": {"https://www.musinsacareers.com/ko/home", "kurly"},
		"jobflex":  {"hyundai-rotem"},
	}
	if !reflect.DeepEqual(p.Boards, want) || len(p.Sites) != 0 {
		t.Errorf("Resolve = %+v, want boards %v", p, want)
	}
}
