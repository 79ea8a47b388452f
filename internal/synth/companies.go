package synth

import (
	"math/rand/v2"
	"strings"
)

// company is a fictional employer: its name as postings show it and, for the English boards,
// the board token in its URLs.
type company struct {
	name string
	slug string
}

// The company pools: Korean startups for Wanted, English-named companies for Greenhouse and
// Lever. They are the same for every seed, so corpora of different seeds share employers.
var (
	companiesKo         []company
	companiesGreenhouse []company
	companiesLever      []company
)

const (
	numCompaniesKo         = 320
	numCompaniesGreenhouse = 48
	numCompaniesLever      = 32
)

var (
	syllables = []string{
		"토", "스", "마", "루", "하", "나", "온", "빛", "결", "별", "숲", "담", "솔", "라", "미", "리",
		"노", "다", "보", "새", "한", "가", "누", "달", "봄", "윤", "해", "든", "채", "아", "로", "이",
		"움", "품", "드", "림", "무", "진", "모", "두", "시", "올", "빈", "은", "파", "비", "크", "레",
		"플", "코", "디", "오", "유", "소", "도", "제", "지", "키", "카", "책", "말", "숨", "꿈", "틈",
	}
	suffixesKo = []string{
		"랩스", "랩", "테크", "소프트", "웍스", "플랫폼", "컴퍼니", "스튜디오", "헬스케어", "모빌리티",
		"페이", "로보틱스", "에이아이", "데이터", "코퍼레이션", "클라우드", "바이오", "에듀",
	}
	namesEn = []string{
		"Blue", "Bright", "Deep", "Nova", "Pixel", "Quanta", "Stellar", "Silver", "Orbit", "Lumen",
		"Hyper", "Vector", "Cedar", "Maple", "Atlas", "Echo", "Kite", "Harbor", "Summit", "Tidal",
		"Prism", "Aurora", "Granite", "Beacon", "Cobalt", "Meridian", "Polar", "Crimson", "Northwind",
		"Sparrow",
	}
	suffixesEn = []string{
		"Labs", "AI", "Technologies", "Systems", "Data", "Robotics", "Health", "Pay", "Works", "Cloud",
		"Analytics", "Bio",
	}
)

func init() {
	r := rand.New(rand.NewPCG(20260401, 7))
	seen := map[string]bool{}
	for len(companiesKo) < numCompaniesKo {
		var b strings.Builder
		n := 2
		if r.IntN(10) < 3 {
			n = 3
		}
		for range n {
			b.WriteString(syllables[r.IntN(len(syllables))])
		}
		if r.IntN(10) < 7 {
			b.WriteString(suffixesKo[r.IntN(len(suffixesKo))])
		}
		base := b.String()
		if seen[base] {
			continue
		}
		seen[base] = true
		name := base
		switch u := r.IntN(100); {
		case u < 20:
			name = "주식회사 " + base
		case u < 25:
			name = "(주)" + base
		}
		companiesKo = append(companiesKo, company{name: name})
	}
	var en []company
	for len(en) < numCompaniesGreenhouse+numCompaniesLever {
		first, second := namesEn[r.IntN(len(namesEn))], suffixesEn[r.IntN(len(suffixesEn))]
		name := first + " " + second
		if seen[name] {
			continue
		}
		seen[name] = true
		en = append(en, company{name: name, slug: strings.ToLower(first + second)})
	}
	companiesGreenhouse, companiesLever = en[:numCompaniesGreenhouse], en[numCompaniesGreenhouse:]
}
