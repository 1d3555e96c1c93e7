package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"
)

func TestProgressPlainLines(t *testing.T) {
	tests := []struct {
		name  string
		quiet bool
		every time.Duration
		lines int
	}{
		{"a line per file with no interval", false, 0, 4},
		{"no line before the interval", false, time.Hour, 0},
		{"quiet", true, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			p := newProgress(&env{stderr: &buf}, tt.quiet, 4, 4<<20, tt.every)
			if p.bar != nil {
				t.Fatal("a progress bar on a buffer")
			}
			for range 4 {
				p.add(1 << 20)
			}
			p.finish()
			if n := strings.Count(buf.String(), "\n"); n != tt.lines {
				t.Errorf("%d lines; want %d:\n%s", n, tt.lines, buf.String())
			}
			if tt.lines > 0 && !strings.Contains(buf.String(), "tiến độ: 4/4 tệp, 4.0/4.0 MB") {
				t.Errorf("last line: %q", buf.String())
			}
		})
	}
}

func TestProgressLine(t *testing.T) {
	p := &progress{total: 10, bytes: 100 << 20, done: 5, doneB: 25 << 20}
	got := p.line(10 * time.Second)
	want := "tiến độ: 5/10 tệp, 25.0/100.0 MB, 2.50 MB/s, còn khoảng 30s"
	if got != want {
		t.Errorf("line = %q; want %q", got, want)
	}
}

func TestProgressNoBarOffTerminal(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if useBar(f) {
		t.Error("a bar on a regular file")
	}
	tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no terminal to check the CI rule on: %v", err)
	}
	defer tty.Close()
	t.Setenv("CI", "")
	if !useBar(tty) {
		t.Error("no bar on a terminal")
	}
	t.Setenv("CI", "true")
	if useBar(tty) {
		t.Error("a bar on a terminal with CI set")
	}
}
