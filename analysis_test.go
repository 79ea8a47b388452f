package jobs

import "testing"

func TestAnalysisSame(t *testing.T) {
	three, four := 3, 4
	base := func() *Analysis {
		return &Analysis{Skills: []Requirement{{Skill: "Go", Section: SectionRequired, Evidence: []Span{{1, 3}}},
			{Skill: "Docker", Section: SectionPreferred}}, MinYears: &three, Degree: DegreeBachelor}
	}
	same := base()
	same.Skills[0].Evidence = nil // evidence does not count
	if !base().Same(same) {
		t.Error("equal analyses differ")
	}
	for name, change := range map[string]func(a *Analysis){
		"section":  func(a *Analysis) { a.Skills[1].Section = SectionRequired },
		"skill":    func(a *Analysis) { a.Skills[1].Skill = "Kubernetes" },
		"order":    func(a *Analysis) { a.Skills[0], a.Skills[1] = a.Skills[1], a.Skills[0] },
		"fewer":    func(a *Analysis) { a.Skills = a.Skills[:1] },
		"years":    func(a *Analysis) { a.MinYears = &four },
		"no years": func(a *Analysis) { a.MinYears = nil },
		"degree":   func(a *Analysis) { a.Degree = DegreeMaster },
		"newcomer": func(a *Analysis) { a.Newcomer = true },
	} {
		b := base()
		change(b)
		if base().Same(b) {
			t.Errorf("%s: a change went unseen", name)
		}
	}
	if (*Analysis)(nil).Same(base()) || !(*Analysis)(nil).Same(nil) {
		t.Error("nil analyses")
	}
}
