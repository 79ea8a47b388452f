package replay

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestSwitchServesTheSiteSetLast(t *testing.T) {
	say := func(s string) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, s) })
	}
	sw := NewSwitch(say("night 1"))
	base, stop, err := ServeLoopback(sw)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Errorf("base %q is not on loopback", base)
	}
	get := func() string {
		resp, err := http.Get(base + "/")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	if got := get(); got != "night 1" {
		t.Errorf("got %q before the switch", got)
	}
	sw.Set(say("night 2"))
	if got := get(); got != "night 2" {
		t.Errorf("got %q after the switch", got)
	}
	stop()
	stop() // a second stop does nothing
}
