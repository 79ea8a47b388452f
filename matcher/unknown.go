package matcher

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/jobs-cli/jobs"
)

// Unknown terms: words in posting text that look like skills the dictionary does not know, so
// that a user can add them (skills.extra, skills.aliases). Three kinds are collected from the
// lines read for skills, outside every dictionary hit:
//
//   - Latin words that look technical: inner capitals (GraphQL, iOS), acronyms (ZIO, gRPC),
//     digits or marks inside (EC2, Next.js, F#), or any Latin word in a Korean line, where
//     tech names are the words written in Latin (Kotest를 사용);
//   - Latin words listed next to a known skill ("JUnit, Kotest", "Flink or Pinot");
//   - Korean nouns right before 경험, 활용, 개발, 사용, 이용, 기반, 운영 or 구축 (크롤링 경험,
//     웹소켓을 활용한), unless they are generic words of postings (서비스, 시스템, 데이터 ...).

// UnknownTerms returns the distinct unknown terms of a posting's tasks, requirements and
// preferred points (and of text whose sections are not known yet), in order of first mention.
func (a *Analyzer) UnknownTerms(p *jobs.Posting) []string {
	q := *p
	q.Title = ""
	q.Sections.Intro, q.Sections.Benefits, q.Sections.HireRounds = "", "", ""
	return a.UnknownTermsIn(Compose(&q))
}

// UnknownTermsIn is UnknownTerms for a posting given as plain text with its headings.
func (a *Analyzer) UnknownTermsIn(text string) []string {
	n := Normalize(text)
	lines := splitLines(n.NFKC, partOther)
	var ranges [][2]int
	for _, l := range lines {
		if !l.heading && l.part != partIgnored && l.start < l.end {
			ranges = append(ranges, [2]int{l.start, l.end})
		}
	}
	hits := a.finder.FindIn(&n, ranges)
	var out []string
	seen := map[string]bool{}
	add := func(t string) {
		k := fold(t)
		if seen[k] {
			return
		}
		if _, known := a.dict.byName[k]; known {
			return
		}
		seen[k] = true
		out = append(out, t)
	}
	h := 0
	for _, r := range ranges {
		for h < len(hits) && hits[h].nEnd <= r[0] {
			h++
		}
		var lineHits []Hit
		for k := h; k < len(hits) && hits[k].nStart < r[1]; k++ {
			lineHits = append(lineHits, hits[k])
		}
		termsInLine(n.NFKC[r[0]:r[1]], r[0], lineHits, add)
	}
	return out
}

// token is one word of a line: its byte range (in the normalised text) and text.
type token struct {
	start, end int
	text       string
	latin      bool
}

// tokenize splits a line into Latin words (letters and digits, with . + # - _ inside them) and
// Hangul words; everything else separates words.
func tokenize(line string, base int) []token {
	var out []token
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		switch {
		case isWord(r):
			j := i
			for j < len(line) {
				r2, s2 := utf8.DecodeRuneInString(line[j:])
				if isWord(r2) || (r2 == '.' || r2 == '-' || r2 == '_') && j+s2 < len(line) && isWordByte(line[j+s2]) {
					j += s2
					continue
				}
				if r2 == '+' || r2 == '#' {
					j += s2
					continue
				}
				break
			}
			out = append(out, token{base + i, base + j, line[i:j], true})
			i = j
		case isHangul(r):
			j := i
			for j < len(line) {
				r2, s2 := utf8.DecodeRuneInString(line[j:])
				if !isHangul(r2) {
					break
				}
				j += s2
			}
			out = append(out, token{base + i, base + j, line[i:j], false})
			i = j
		default:
			i += size
		}
	}
	return out
}

// termsInLine finds the unknown terms of one line; hits are the dictionary hits on it.
func termsInLine(line string, base int, hits []Hit, add func(string)) {
	toks := tokenize(line, base)
	covered := func(t token) bool {
		for _, h := range hits {
			if h.nStart < t.end && t.start < h.nEnd {
				return true
			}
		}
		return false
	}
	korean := hasHangul(line)
	// Terms found become anchors for their neighbours: "JUnit, Kover or Detekt". Two passes
	// let a chain run either way.
	anchors := append([]Hit(nil), hits...)
	taken := make([]bool, len(toks))
	var found []string
	for pass := 0; pass < 2; pass++ {
		for i, t := range toks {
			if taken[i] || covered(t) {
				continue
			}
			var term string
			if t.latin {
				w := strings.TrimRight(t.text, ".-_")
				if !latinCandidate(w) {
					continue
				}
				// Next to a known skill, a name is capitalised ("JUnit, Kotest"); a common word
				// is not.
				listed := 'A' <= w[0] && w[0] <= 'Z' && nextToHit(line, base, t, anchors)
				if technical(w) || korean && utf8.RuneCountInString(w) >= 2 || listed {
					term = w
				}
			} else if i+1 < len(toks) && !toks[i+1].latin && useWord(toks[i+1].text) {
				// A Korean noun before a word of use: 샤딩 경험, 레르나를 활용한.
				if w := stripParticle(t.text); utf8.RuneCountInString(w) >= 2 && !useWord(w) && !genericKorean(w) {
					term = w
				}
			}
			if term != "" {
				taken[i] = true
				anchors = append(anchors, Hit{nStart: t.start, nEnd: t.end})
				found = append(found, term)
			}
		}
	}
	// In the order the line names them.
	order := map[string]int{}
	for i, t := range toks {
		order[strings.TrimRight(t.text, ".-_")] = i
		if w := stripParticle(t.text); !t.latin {
			order[w] = i
		}
	}
	sort.SliceStable(found, func(i, j int) bool { return order[found[i]] < order[found[j]] })
	for _, f := range found {
		add(f)
	}
}

// latinCandidate rules out numbers, single letters and the common words of postings.
func latinCandidate(w string) bool {
	if len(w) < 2 {
		return false
	}
	digits := 0
	for i := 0; i < len(w); i++ {
		if '0' <= w[i] && w[i] <= '9' {
			digits++
		}
	}
	if digits == len(w) || digits > 0 && versionAt(w) || digits == len(w)-1 && (w[0] == 'v' || w[0] == 'V') {
		return false // 2024, 3.11, v3
	}
	return !commonLatin[asciiLower(w)]
}

// technical reports whether a Latin word looks like a product or a technology: capitals after
// its first letter (GraphQL, iOS, ZIO), a digit next to letters (EC2), or a mark inside it
// (Next.js, F#, scikit-learn).
func technical(w string) bool {
	upper, lower, digit := 0, 0, 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case 'A' <= c && c <= 'Z':
			if i > 0 {
				upper++
			}
		case 'a' <= c && c <= 'z':
			lower++
		case '0' <= c && c <= '9':
			digit++
		case c == '.' || c == '#' || c == '+' || c == '_':
			return true
		}
	}
	if upper > 0 && (lower > 0 || len(w) <= 6) {
		return true
	}
	return digit > 0 && digit < len(w)
}

// nextToHit reports whether a word is listed next to a known skill: only a comma, a slash,
// "and", "or" or "&" stand between them.
func nextToHit(line string, base int, t token, hits []Hit) bool {
	for _, h := range hits {
		var gap string
		switch {
		case h.nEnd <= t.start:
			gap = line[h.nEnd-base : t.start-base]
		case t.end <= h.nStart:
			gap = line[t.end-base : h.nStart-base]
		default:
			continue
		}
		switch strings.TrimSpace(asciiLower(gap)) {
		case ",", "/", "and", "or", "&", ", and", ", or", "및", "또는", "·":
			return true
		}
	}
	return false
}

// useWord reports whether a Korean word says a skill is used: 경험, 활용, 개발, 사용, 이용,
// 기반, 운영, 구축 and their inflections (활용한, 사용해).
func useWord(w string) bool {
	for _, u := range [...]string{"경험", "활용", "개발", "사용", "이용", "기반", "운영", "구축"} {
		if strings.HasPrefix(w, u) {
			return true
		}
	}
	return false
}

// stripParticle drops a particle glued to a Korean noun: 웹소켓을 -> 웹소켓.
func stripParticle(w string) string {
	for _, p := range [...]string{"으로", "에서", "을", "를", "의", "과", "와", "로", "에", "이", "가", "은", "는", "도"} {
		if strings.HasSuffix(w, p) && len(w) > len(p) {
			return strings.TrimSuffix(w, p)
		}
	}
	return w
}

// genericKorean reports the Korean words postings put before 경험 or 개발 that are no skill.
func genericKorean(w string) bool {
	if genericKo[w] {
		return true
	}
	// 안정적, 효율적, 다양한, 능숙한: modifiers, not names.
	for _, s := range [...]string{"적", "한", "된", "하는", "있는", "없는", "하게", "스러운", "하고", "하여", "하며",
		"해", "되", "되어", "께", "히", "게", "고", "며", "서"} {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

var genericKo = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`서비스 시스템 서버 개발 데이터 업무 프로젝트 기술 경험 관련 실무 분야 환경 도구 플랫폼
		모델 운영 설계 구축 분석 기능 제품 애플리케이션 어플리케이션 솔루션 인프라 아키텍처 코드 프로그래밍
		소프트웨어 하드웨어 협업 문제 해결 성능 개선 최적화 대용량 트래픽 백엔드 프론트엔드 신규 기존 사내
		자사 외부 내부 실시간 배포 테스트 모니터링 대시보드 파이프라인 이해 능력 역량 직접 해당 전반 구현 연구
		학습 추천 검색 결제 게임 모바일 금융 커머스 도메인 비즈니스 마케팅 광고 콘텐츠 데이터베이스 쿼리
		라이브러리 프레임워크 언어 컨테이너 클라우드 보안 네트워크 팀 조직 회사 고객 사용자 제품의 서비스의
		웹서비스 웹 앱 툴 개발자 엔지니어 리더 관리 유지보수 고도화 자동화 표준화 효율화 체계 프로세스 정책 전략
		기획 운영을 서비스를 시스템을 데이터를 실제 다양 여러 주요 핵심 대규모 글로벌 상용 오픈소스 개인 이상
		연구개발 제품개발 서비스개발 시스템개발 플랫폼개발 경력 년 이상의 관련된 관련한 기반의 위한 통한 대한
		적용 함께 처리 작업 화면 페이지 전사 위치 프로그램 업계 구조 연동 이력 발표 모듈 저장소 구성 기여 수집
		로그 튜닝 대응 업그레이드 배송 추출 수강 수상 해석 고급 함수 리스크 게재 블로그 리포트 엔진 생태계
		논문 특허 대회 자격 자격증 교육 강의 커뮤니티 스터디 사이드 개인 창업 인턴 실습 과제 포트폴리오
		작성 검증 측정 관리 구성 설정 도입 전환 이전 확장 분석의 설계의 개발의 운영의
		빌드 코딩 리팩토링 리팩터링 디버깅 트러블슈팅 문서화 리뷰 코드리뷰 마이그레이션 온보딩 멘토링 리딩 클러스터`) {
		genericKo[w] = true
	}
}

// commonLatin holds English words and names that Latin scanning would otherwise collect:
// function words, job words, and companies that postings name without asking for them.
var commonLatin = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the and or of to in on at by for with from as is are be been being was were it its
		this that these those we our us you your they their he she his her i me my not no yes all any some more most
		other such than then also etc eg e.g ie i.e vs via per plus can will would should could may might must have has
		had do does did done using use used based new good great strong solid deep hands hands-on experience years year
		yrs team teams work working job role position company senior junior lead principal staff head manager engineer
		engineers developer developers designer designers scientist analyst architect intern internship tech technical
		technology technologies product products service services platform platforms system systems data software
		hardware application applications app apps web mobile backend frontend front-end back-end fullstack full-stack
		full stack server client cloud infrastructure business customer customers user users global remote hybrid
		office seoul korea korean english level series core pro max mini plus ex inc ltd corp co llc gmbh
		google apple amazon microsoft meta facebook naver kakao coupang toss line samsung lg sk hyundai netflix uber
		slack notion macbook iphone ipad mac windows10 ok hr ceo cto cfo coo vp kpi okr b2b b2c b2g pm po it ai ml ui ux
		api apis sdk qa dev ops devops tf ft pt id pr prs km nft mvp poc roi sla faq url http https www com net org io
		etc. e.g. i.e. n/a tbd asap please apply join help build run make create design develop deliver improve manage
		support lead own drive ensure knowledge understanding ability skills skill proficiency familiarity expertise
		bs ms ba ma bsc msc phd mba beng meng db`) {
		commonLatin[w] = true
	}
}

// TermCount is how often an unknown term was seen.
type TermCount struct {
	Term     string `json:"term"`     // the spelling seen most often
	Postings int    `json:"postings"` // postings that name it
}

// TermTally counts unknown terms over many postings.
type TermTally struct {
	byKey map[string]*tally
}

type tally struct {
	postings  int
	spellings map[string]int
}

// NewTermTally returns an empty tally.
func NewTermTally() *TermTally { return &TermTally{byKey: map[string]*tally{}} }

// Add counts the terms of one posting (each once).
func (t *TermTally) Add(terms []string) {
	seen := map[string]bool{}
	for _, term := range terms {
		k := fold(term)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		e := t.byKey[k]
		if e == nil {
			e = &tally{spellings: map[string]int{}}
			t.byKey[k] = e
		}
		e.postings++
		e.spellings[term]++
	}
}

// Top returns the terms seen in at least min postings, most postings first (then by term),
// at most limit of them (0: all).
func (t *TermTally) Top(limit, min int) []TermCount {
	var out []TermCount
	for _, e := range t.byKey {
		if e.postings < min {
			continue
		}
		best, bestN := "", -1
		for s, n := range e.spellings {
			if n > bestN || n == bestN && s < best {
				best, bestN = s, n
			}
		}
		out = append(out, TermCount{Term: best, Postings: e.postings})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Postings != out[j].Postings {
			return out[i].Postings > out[j].Postings
		}
		return out[i].Term < out[j].Term
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}
