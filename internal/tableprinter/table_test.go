package tableprinter

import (
	"bytes"
	"strings"
	"testing"
)

func TestPipedRowsAreTabSeparatedAndClean(t *testing.T) {
	var b bytes.Buffer
	tb := New(Output{W: &b}, "ID", "TITLE")
	tb.Row("1", "Backend\tEngineer\x1b[31m")
	tb.Row("2", "데이터 엔지니어")
	if err := tb.Render(); err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), "1\tBackend Engineer\n2\t데이터 엔지니어\n"; got != want {
		t.Errorf("piped table = %q, want %q", got, want)
	}
}

func TestTerminalTableFitsItsWidth(t *testing.T) {
	var b bytes.Buffer
	tb := New(Output{W: &b, TTY: true, Width: 40}, "ID", "COMPANY", "TITLE").Yield(1, 8, 1).Yield(2, 12, 2)
	tb.Row("12", "아주 긴 이름을 가진 회사 주식회사", "시니어 백엔드 엔지니어 (결제 플랫폼, 대규모 트래픽)")
	if err := tb.Render(); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimRight(b.String(), "\n"), "\n") {
		if w := VisibleWidth(line); w > 40 {
			t.Errorf("%q is %d cells, over 40", line, w)
		}
	}
	if !strings.Contains(b.String(), "…") {
		t.Errorf("nothing was cut:\n%s", b.String())
	}
}
