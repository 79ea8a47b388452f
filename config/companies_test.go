package config

import (
	"reflect"
	"testing"
)

// sources.companies adds each company's boards to the configured ones, turns on its career
// sites, and keeps its platform tenants for the platform sources.
func TestCompaniesTurnOnTheirSources(t *testing.T) {
	c := Default()
	err := Parse([]byte(`
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
	if s.Greeting == nil || !reflect.DeepEqual(s.Greeting.Companies, []string{"kakaopay"}) {
		t.Errorf("greeting companies = %+v, want [kakaopay]", s.Greeting)
	}
	if got, want := s.FromCatalogue().Sites, []string{"samsung", "toss"}; !reflect.DeepEqual(got, want) {
		t.Errorf("sites turned on = %v, want %v", got, want)
	}
}

// Saramin's Open API key may come from $JOBS_SARAMIN_KEY; the other keys get their defaults.
func TestSaraminKeyFromEnv(t *testing.T) {
	t.Setenv(SaraminKeyEnv, "from-env")
	c := Default()
	if err := Parse([]byte("sources:\n  saramin: {keywords: [백엔드]}\n"), c); err != nil {
		t.Fatal(err)
	}
	if sa := c.Sources.Saramin; sa.AccessKey != "from-env" || sa.JobMidCode != 2 || sa.BaseURL != defaultSaraminURL {
		t.Errorf("saramin %+v", sa)
	}
}
