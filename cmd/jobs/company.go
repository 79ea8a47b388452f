package main

import "strings"

// A table on a terminal has little width, and "주식회사 " or ", Co., Ltd." takes it from the
// title. displayCompany writes a company name without its legal form; matching, JSON and
// piped output keep the name as stored.

// legalMarks are Korean legal forms, written anywhere in the name, glued or spaced.
var legalMarks = []string{"(주)", "㈜", "(유)", "(사)", "주식회사", "유한책임회사", "유한회사"}

// legalWords are English legal forms, dropped only at the end of a name ("Acme Co., Ltd.").
var legalWords = map[string]bool{
	"inc": true, "corp": true, "corporation": true, "co": true, "ltd": true, "llc": true,
	"gmbh": true, "limited": true, "plc": true, "pte": true,
}

// displayCompany is name without its legal form: "주식회사 카카오" and "(주)카카오" are 카카오,
// "Coupang, Inc." is Coupang. A name that is nothing but a legal form is kept.
func displayCompany(name string) string {
	s := name
	for _, m := range legalMarks {
		s = strings.ReplaceAll(s, m, " ")
	}
	words := strings.Fields(s)
	for len(words) > 1 {
		w := strings.ToLower(strings.Trim(words[len(words)-1], ".,"))
		if !legalWords[w] {
			break
		}
		words = words[:len(words)-1]
	}
	s = strings.TrimRight(strings.Join(words, " "), ",")
	if s == "" {
		return strings.TrimSpace(name)
	}
	return s
}
