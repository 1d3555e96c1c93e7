package main

import (
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
}

// logEvery is how often the plain progress line is written when stderr is not a terminal.
const logEvery = 5 * time.Second

func newProgress(e *env, quiet bool, files int, bytes int64) *progress {
	p := &progress{total: files, bytes: bytes, start: time.Now(), lastLog: time.Now()}
	if quiet || files == 0 {
		return p
	}
	p.w = e.stderr
	if f, ok := e.stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) && os.Getenv("CI") == "" {
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
		_ = p.bar.Add64(n)
		return
	}
	if p.w != nil && time.Since(p.lastLog) >= logEvery {
		p.lastLog = time.Now()
		el := time.Since(p.start).Seconds()
		rate := float64(p.doneB) / (1 << 20) / max(el, 1e-9)
		eta := "?"
		if p.doneB > 0 {
			eta = (time.Duration(float64(p.bytes-p.doneB) / float64(p.doneB) * el * float64(time.Second))).Round(time.Second).String()
		}
		printf(p.w, "tiến độ: %d/%d tệp, %.1f/%.1f MB, %.2f MB/s, còn khoảng %s\n", p.done, p.total,
			float64(p.doneB)/(1<<20), float64(p.bytes)/(1<<20), rate, eta)
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
