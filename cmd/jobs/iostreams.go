package main

import (
	"io"
	"os"
	"strconv"

	"golang.org/x/term"
)

// IOStreams are a command's streams and what is known of the terminal behind them.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	InTTY  bool // stdin is a terminal: a command reading it says what to type
	OutTTY bool // stdout is a terminal: tables, truncation
	ErrTTY bool // stderr is a terminal: progress
	Color  bool // colours allowed (a terminal and NO_COLOR unset)
	Width  int  // terminal width in columns; 0 = not a terminal
}

func newSystemIO() *IOStreams {
	io := &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr}
	io.InTTY = term.IsTerminal(int(os.Stdin.Fd()))
	io.OutTTY = term.IsTerminal(int(os.Stdout.Fd()))
	io.ErrTTY = term.IsTerminal(int(os.Stderr.Fd()))
	_, noColor := os.LookupEnv("NO_COLOR")
	io.Color = io.OutTTY && !noColor && os.Getenv("TERM") != "dumb"
	if io.OutTTY {
		if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil && w > 0 {
			io.Width = w
		} else if c, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && c > 0 {
			io.Width = c
		} else {
			io.Width = 100
		}
	}
	return io
}
