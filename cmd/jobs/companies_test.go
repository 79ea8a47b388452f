package main

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// sources.companies adds each company's boards to the configured ones, turns on its career
// sites, and keeps its platform tenants for the platform sources.
func TestCompaniesTurnOnTheirSources(t *testing.T) {
	c := defaultConfig()
	err := parseConfig([]byte(`
sources:
  greenhouse:
    base_url: http://127.0.0.1:1/gh
    boards: [coupang, acme]
  kakao: {base_url: http://127.0.0.1:1}
  companies: [카카오페이, 삼성전자, 42dot, Coupang, 당근마켓, 카카오, Viva Republica]
`), c)
	if err != nil {
		t.Fatal(err)
	}
	s := c.Sources
	if got, want := s.Greenhouse.Boards, []string{"coupang", "acme", "daangn", "daangnpay"}; !reflect.DeepEqual(got, want) {
		t.Errorf("greenhouse boards = %v, want %v", got, want)
	}
	if s.Greenhouse.BaseURL != "http://127.0.0.1:1/gh" {
		t.Errorf("the configured greenhouse base_url was replaced: %q", s.Greenhouse.BaseURL)
	}
	if s.Ashby == nil || s.Ashby.BaseURL != defaultAshbyURL || !reflect.DeepEqual(s.Ashby.Boards, []string{"42dot"}) {
		t.Errorf("ashby = %+v, want 42dot at the default base URL", s.Ashby)
	}
	if s.Samsung == nil || s.Toss == nil {
		t.Errorf("samsung and toss were not turned on: %+v %+v", s.Samsung, s.Toss)
	}
	if s.Kakao.BaseURL != "http://127.0.0.1:1" {
		t.Errorf("the configured kakao site was replaced: %+v", s.Kakao)
	}
	if got := s.platformIDs("greeting"); !reflect.DeepEqual(got, []string{"kakaopay"}) {
		t.Errorf("greeting tenants = %v, want [kakaopay]", got)
	}
	if got, want := s.catalogue.sites, []string{"samsung", "toss"}; !reflect.DeepEqual(got, want) {
		t.Errorf("sites turned on = %v, want %v", got, want)
	}
}

// A name the catalogue does not know is a config error naming the line, the key and the name.
func TestCompaniesUnknownNameIsUsageError(t *testing.T) {
	dir := isolate(t)
	cfg := writeFile(t, filepath.Join(dir, "c.yaml"), "sources:\n  companies:\n    - 카카오페\n")
	r := runCLI(t, false, "", "--config", cfg, "list", "--json")
	if r.code != 2 {
		t.Fatalf("exit %d, want 2: %s", r.code, r.err)
	}
	for _, want := range []string{"line 2", "sources.companies", `"카카오페" is not in the company catalogue`, "did you mean"} {
		if !strings.Contains(r.err, want) {
			t.Errorf("stderr %q lacks %q", r.err, want)
		}
	}
}

// Saramin's Open API needs the user's own key, from the file or from $JOBS_SARAMIN_KEY.
func TestSaraminKey(t *testing.T) {
	dir := isolate(t)
	cfg := writeFile(t, filepath.Join(dir, "c.yaml"), "sources:\n  saramin: {keywords: [백엔드]}\n")
	t.Setenv(saraminKeyEnv, "")
	r := runCLI(t, false, "", "--config", cfg, "sources")
	if r.code != 2 || !strings.Contains(r.err, "sources.saramin.access_key is empty") {
		t.Fatalf("without a key: exit %d: %s", r.code, r.err)
	}
	t.Setenv(saraminKeyEnv, "from-env")
	c := defaultConfig()
	if err := parseConfig([]byte("sources:\n  saramin: {keywords: [백엔드]}\n"), c); err != nil {
		t.Fatal(err)
	}
	if sa := c.Sources.Saramin; sa.AccessKey != "from-env" || sa.JobMidCode != 2 || sa.BaseURL != defaultSaraminURL {
		t.Errorf("saramin %+v", sa)
	}
}
