package jobs

import (
	"errors"
	"fmt"
)

// Kind classifies an error so the command line can map it to an exit status in one place.
type Kind int

const (
	KindInternal    Kind = iota // a bug or an unexpected failure
	KindInvalid                 // bad usage, bad input or an invalid config
	KindNotFound                // the thing asked for does not exist
	KindConflict                // the thing exists already, or is busy
	KindUnavailable             // a site, file or database could not be reached or read
)

// Error is an error with a kind and a message for people.
type Error struct {
	Kind Kind
	Msg  string
	Err  error
}

func (e *Error) Error() string {
	if e.Msg != "" {
		return e.Msg
	}
	if e.Err != nil {
		return e.Err.Error()
	}
	return "unknown error"
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf makes an Error of the given kind.
func Errorf(kind Kind, format string, args ...any) error {
	err := fmt.Errorf(format, args...)
	return &Error{Kind: kind, Msg: err.Error(), Err: errors.Unwrap(err)}
}

// KindOf returns the kind of err, KindInternal when it carries none.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return KindInternal
}
