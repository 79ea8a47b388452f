package main

import (
	"strings"
	"testing"
)

// completion is listed in help and completes posting ids, stages, companies and sources.
func TestCompletion(t *testing.T) {
	cfg, dbPath := koreanBoard(t, 3)
	r := runCLI(t, false, "", "--help")
	if !strings.Contains(r.out, "completion  ") {
		t.Errorf("completion is not listed:\n%s", r.out)
	}
	complete := func(args ...string) []string {
		t.Helper()
		r := runCLI(t, false, "", append([]string{"__complete", "--config", cfg, "--db", dbPath}, args...)...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d: %s", args, r.code, r.err)
		}
		lines := strings.Split(strings.TrimSpace(r.out), "\n")
		return lines[:len(lines)-1] // the last line is cobra's directive
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"show", ""}, "3\t비바리퍼블리카 · 머신러닝 엔지니어 (추천 시스템, 대규모 데이터 파이프라인) 2|2\t우아한형제들 · 머신러닝 엔지니어 (추천 시스템, 대규모 데이터 파이프라인) 1|1\t카카오모빌리티 · 머신러닝 엔지니어 (추천 시스템, 대규모 데이터 파이프라인) 0"},
		{[]string{"track", "2"}, "2\t우아한형제들 · 머신러닝 엔지니어 (추천 시스템, 대규모 데이터 파이프라인) 1"},
		{[]string{"track", "2", ""}, "saved|applied|interview|offer|rejected"},
		{[]string{"track", "2", "in"}, "interview"},
		{[]string{"board", "--stage", "o"}, "offer"},
		{[]string{"history", "우"}, "우아한형제들"},
		{[]string{"list", "--company", "카"}, "카카오모빌리티"},
		{[]string{"list", "--source", "wa"}, "wanted"},
	} {
		if got := strings.Join(complete(tc.args...), "|"); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.args, got, tc.want)
		}
	}
}
