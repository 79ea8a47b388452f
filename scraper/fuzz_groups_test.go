package scraper

import (
	"strings"
	"testing"
)

// The group career sites' parsers (Samsung, LG, SK, Hyundai) and the portals' read untrusted
// bytes; the same checks as fuzz_korean_test.go hold for them.

// listedPage wraps the postings of a list read whole for checkListed.
func listedPage(items []listedPosting) listPage[listedPosting] {
	pg := listPage[listedPosting]{items: items}
	for _, it := range items {
		pg.ids = append(pg.ids, it.id)
	}
	return pg
}

func FuzzParseHyundai(f *testing.F) {
	seedFiles(f, "hyundai/*.json")
	f.Add([]byte(`{"status":200,"data":{"applyList":[{"recuYy":"2026","recuType":"N2","recuCls":"1e9","recuNoticeNm":"\u001b[2J","appDispEdDt":"20261399","appDispEdTm":"9999"}]}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		if items, err := parseHyundaiList(body, "https://h"); err == nil {
			checkListed(t, "hyundai list", "https://h", listedPage(items))
		}
		if p, gone, err := parseHyundaiDetail(body, fuzzStub("hyundai", "2026_N2_1")); err == nil && !gone {
			checkPosting(t, "hyundai detail", p)
		}
	})
}

func FuzzParseLG(f *testing.F) {
	seedFiles(f, "lg/*.json")
	f.Add([]byte(`{"status":"S","data":{"jobNoticeList":[{"jobNoticeId":1e30,"jobNoticeName":"x","recEndDateTime":"2026.99.99 99:99"}]}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		if items, _, err := parseLGList(body, "https://l", "https://l"); err == nil {
			checkListed(t, "lg list", "https://l", listedPage(items))
		}
		if p, gone, err := parseLGDetail(body, fuzzStub("lg", "1")); err == nil && !gone {
			checkPosting(t, "lg detail", p)
		}
	})
}

func FuzzParseSK(f *testing.F) {
	seedFiles(f, "sk/*")
	f.Add([]byte(`{"success":true,"list":[{"noticeID":"R1","title":"x","end":"Febtember 31, 2026(Xyz)"}]}`))
	f.Add([]byte(`<div class="item-column"><strong class="item-label">지원자격</strong><div class="item-field"><ul><li>Go</li></ul></div></div>`))
	f.Fuzz(func(t *testing.T, body []byte) {
		if items, _, err := parseSKList(body, "https://s"); err == nil {
			checkListed(t, "sk list", "https://s", listedPage(items))
		}
		if p, gone, err := parseSKDetail(body, fuzzStub("sk", "R1")); err == nil && !gone {
			checkPosting(t, "sk detail", p)
		}
	})
}

func FuzzParseSamsung(f *testing.F) {
	seedFiles(f, "samsung/*")
	f.Add([]byte(`<input class="divCnt" data-value="1" data-max="x"><li><a data-value="1,0"><p class="company">\u001b</p><h3 class="title">A</h3><p class="info"><span class="period">2026.13.01 ~ 2026.99.99</span></p></a></li>`))
	f.Fuzz(func(t *testing.T, body []byte) {
		if pg, err := parseSamsungList(body, "https://s"); err == nil {
			checkListed(t, "samsung list", "https://s", pg)
		}
		if p, gone, err := parseSamsungDetail(body, fuzzStub("samsung", "1")); err == nil && !gone {
			checkPosting(t, "samsung detail", p)
		}
	})
}

func FuzzParseSaramin(f *testing.F) {
	seedFiles(f, "saramin/*.json")
	f.Add([]byte(`{"jobs":{"total":"1e9","job":[{"id":"1","url":"javascript:alert(1)","company":{"detail":{"name":"A"}},"position":{"title":"\u001b"},"expiration-timestamp":"-5"}]}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		pg, err := parseSaraminJobs(body, 1<<16)
		if err != nil {
			return
		}
		for _, it := range pg.items {
			if (it.posting == nil) == (it.problem == "") {
				t.Errorf("item %+v has both or neither a posting and a problem", it)
			}
			if p := it.posting; p != nil {
				checkPosting(t, "saramin", p)
				if !strings.HasPrefix(p.URL, "http://") && !strings.HasPrefix(p.URL, "https://") {
					t.Errorf("posting page %q is not a web page", p.URL)
				}
			}
		}
	})
}

func FuzzParseKia(f *testing.F) {
	seedFiles(f, "kia/*.json")
	f.Fuzz(func(t *testing.T, body []byte) {
		if items, err := parseHKMCList(body, "https://k", kiaSite, "list"); err == nil {
			checkListed(t, "kia list", "https://k", listedPage(items))
		}
	})
}

func FuzzParseHanwha(f *testing.F) {
	seedFiles(f, "hanwha/*.json")
	f.Fuzz(func(t *testing.T, body []byte) {
		if pg, err := parseHanwhaList(body, "https://h", "https://h"); err == nil {
			checkListed(t, "hanwha list", "https://h", pg)
		}
		if p, gone, err := parseHanwhaDetail(body, fuzzStub("hanwha", "1")); err == nil && !gone {
			checkPosting(t, "hanwha detail", p)
		}
	})
}

func FuzzParseJumpit(f *testing.F) {
	seedFiles(f, "jumpit/*.html")
	f.Add([]byte(`<script id="__NEXT_DATA__" type="application/json">{"a":[{"title":"\u001b","qualifications":"&lt;b&gt;x","techStacks":["a",{"stack":7}],"minCareer":"1e9"}]}</script>`))
	f.Fuzz(func(t *testing.T, body []byte) {
		it := fuzzStub("jumpit", "1")
		if p, gone, err := parseJumpitPage(body, it); err == nil && !gone {
			checkPosting(t, "jumpit page", p)
			if c := p.Career; c != nil && (c.Min < 0 || c.Max != nil && *c.Max < c.Min) {
				t.Errorf("career %+v", c)
			}
		}
	})
}

func FuzzParseRemember(f *testing.F) {
	seedFiles(f, "remember/*.html")
	f.Fuzz(func(t *testing.T, body []byte) {
		if p, gone, err := parseRememberPage(body, fuzzStub("remember", "1")); err == nil && !gone {
			checkPosting(t, "remember page", p)
		}
	})
}

func FuzzParseCJ(f *testing.F) {
	seedFiles(f, "cj/*")
	f.Add([]byte(`cb([{"ZZ_JO_NUM":"J1","ZZ_TITLE":"\u001b","RNUM":"1e9","ACTIVE_CNT":"x","ZZ_END_DT":"2026-99-99"}]);`))
	f.Fuzz(func(t *testing.T, body []byte) {
		if pg, err := parseCJList(body, "https://c"); err == nil {
			checkListed(t, "cj list", "https://c", pg)
		}
		if p, gone, err := parseCJDetail(body, fuzzStub("cj", "J1")); err == nil && !gone {
			checkPosting(t, "cj detail", p)
		}
	})
}

func FuzzParsePOSCO(f *testing.F) {
	seedFiles(f, "posco/*.json")
	f.Fuzz(func(t *testing.T, body []byte) {
		pg, err := parsePOSCOList(body, "https://p", 1<<16)
		if err != nil {
			return
		}
		for _, it := range pg.items {
			if (it.posting == nil) == (it.problem == "") {
				t.Errorf("item %+v has both or neither a posting and a problem", it)
			}
			if it.posting != nil {
				checkPosting(t, "posco", it.posting)
				if !strings.HasPrefix(it.posting.URL, "https://p/") {
					t.Errorf("posting page %q is off the site", it.posting.URL)
				}
			}
		}
	})
}
