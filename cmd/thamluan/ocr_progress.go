package main

import (
	"io"
	"path/filepath"
	"sync"

	"github.com/schollz/progressbar/v3"
)

// ocrProgress returns a callback drawing, for each document read by OCR, a progress bar of its
// pages ("OCR ky-yeu.pdf 3/12"). Call it only when w is a terminal.
func ocrProgress(w io.Writer) func(path string, done, total int) {
	var mu sync.Mutex
	var bar *progressbar.ProgressBar
	var cur string
	return func(path string, done, total int) {
		mu.Lock()
		defer mu.Unlock()
		if bar == nil || cur != path {
			bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(w),
				progressbar.OptionSetDescription("OCR "+filepath.Base(path)),
				progressbar.OptionShowCount(), progressbar.OptionClearOnFinish())
			cur = path
		}
		_ = bar.Set(done)
	}
}
