package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress shows a batch run's progress: a progress bar on a terminal, otherwise (a pipe, a log
// file, or CI set) one plain line every few seconds, never carriage-return frames.
type progress struct {
	bar     *progressbar.ProgressBar
	w       io.Writer
	total   int
	bytes   int64
	done    int
	doneB   int64
	start   time.Time
	lastLog time.Time
	every   time.Duration
}

// newProgress starts the progress of a run over files holding bytes; every is the interval of
// the plain progress line.
func newProgress(e *env, quiet bool, files int, bytes int64, every time.Duration) *progress {
	p := &progress{total: files, bytes: bytes, start: time.Now(), lastLog: time.Now(), every: every}
	if quiet || files == 0 {
		return p
	}
	p.w = e.stderr
	if useBar(e.stderr) {
		p.bar = progressbar.NewOptions64(bytes,
			progressbar.OptionSetWriter(e.stderr),
			progressbar.OptionSetDescription("lập chỉ mục"),
			progressbar.OptionShowBytes(true),
			progressbar.OptionShowCount(),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	return p
}

func (p *progress) add(n int64) {
	p.done++
	p.doneB += n
	if p.bar != nil {
		if time.Since(p.lastLog) >= 100*time.Millisecond || p.done == p.total {
			p.lastLog = time.Now()
			p.bar.Describe(fmt.Sprintf("lập chỉ mục %d/%d tệp", p.done, p.total))
		}
		_ = p.bar.Add64(n)
		return
	}
	if p.w != nil && time.Since(p.lastLog) >= p.every {
		p.lastLog = time.Now()
		printf(p.w, "%s\n", p.line(time.Since(p.start)))
	}
}

// line is the plain progress line after elapsed time: files, megabytes, rate and time left.
func (p *progress) line(elapsed time.Duration) string {
	el := elapsed.Seconds()
	rate := float64(p.doneB) / (1 << 20) / max(el, 1e-9)
	eta := "?"
	if p.doneB > 0 {
		left := float64(p.bytes-p.doneB) / float64(p.doneB) * el
		eta = (time.Duration(left * float64(time.Second))).Round(time.Second).String()
	}
	return fmt.Sprintf("tiến độ: %d/%d tệp, %.1f/%.1f MB, %.2f MB/s, còn khoảng %s", p.done, p.total,
		float64(p.doneB)/(1<<20), float64(p.bytes)/(1<<20), rate, eta)
}

// useBar reports whether to draw a progress bar: stderr is a terminal and CI is not set.
func useBar(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd())) && os.Getenv("CI") == ""
}

func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
