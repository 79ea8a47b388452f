package ingest

import (
	"strings"
	"testing"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/config"
)

func TestSourcesInTheOrderARunReadsThem(t *testing.T) {
	cfg := config.Default()
	if err := config.Parse([]byte(`
sources:
  wanted: {categories: [518]}
  pages: [{url: "https://example.com/careers", follow: "/jobs/*"}]
  kakao: {}
  greenhouse: {boards: [acme]}
  saramin: {access_key: k}
`), cfg); err != nil {
		t.Fatal(err)
	}
	srcs, err := Sources(cfg, SourceOptions{UserAgent: "test", Limit: -1})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range srcs {
		names = append(names, s.Name())
	}
	if got, want := strings.Join(names, " "), "wanted greenhouse kakao saramin pages"; got != want {
		t.Errorf("sources %q, want %q", got, want)
	}
}

func TestSourcesWithNothingOnIsAnError(t *testing.T) {
	cfg := config.Default()
	cfg.Sources = &config.SourcesConfig{}
	cfg.File = "my.yaml"
	_, err := Sources(cfg, SourceOptions{Limit: -1})
	if jobs.KindOf(err) != jobs.KindInvalid || !strings.Contains(err.Error(), "add sources.wanted to my.yaml") {
		t.Errorf("err = %v, want the invalid-config error naming the file", err)
	}
}
