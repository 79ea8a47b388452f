package replay

import (
	"context"
	"net"
	"net/http"
	"sync/atomic"
)

// Switch serves whichever handler was set last, so that one address can move from one
// site to another (one night's postings to the next) while it is being read.
type Switch struct{ h atomic.Pointer[http.Handler] }

// NewSwitch is a Switch serving h.
func NewSwitch(h http.Handler) *Switch {
	s := &Switch{}
	s.Set(h)
	return s
}

// Set makes h the handler every request from now on is served by.
func (s *Switch) Set(h http.Handler) { s.h.Store(&h) }

func (s *Switch) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	(*s.h.Load()).ServeHTTP(w, r)
}

// ServeLoopback serves h on a free port of 127.0.0.1 until stop is called, and returns its
// base URL ("http://127.0.0.1:PORT"); err is the listener's, as is. stop waits until the
// server has stopped and may be called more than once.
func ServeLoopback(h http.Handler) (baseURL string, stop func(), err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := serveOn(context.Background(), ln, h)
	return srv.url, srv.stop, nil
}
