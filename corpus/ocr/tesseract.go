package ocr

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ErrToolMissing is wrapped by every error saying a program OCR needs is not installed; the
// message names the Debian packages that provide it.
var ErrToolMissing = errors.New("thiếu chương trình cần cho OCR")

// packages names the Debian packages that provide each program OCR calls.
var packages = map[string]string{
	"tesseract": "tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng",
	"pdftoppm":  "poppler-utils",
	"pdfimages": "poppler-utils",
	"convert":   "imagemagick",
}

// need returns the path of program name, or an error naming the package to install.
func need(name string) (string, error) {
	p, err := exec.LookPath(name)
	if err != nil {
		return "", fmt.Errorf("%w: không tìm thấy %q; hãy cài gói %s (sudo apt-get install %s)",
			ErrToolMissing, name, packages[name], packages[name])
	}
	return p, nil
}

// Word is one word Tesseract read, with its box in pixels and its confidence (0-100).
type Word struct {
	Text                      string
	Left, Top, Width, Height  int
	Conf                      float64
	Block, Par, Line, PageNum int
}

// engine runs the tesseract program.
type engine struct {
	bin   string
	langs string
	psm   int
}

// slots bounds the Tesseract processes running at once.
var slots = make(chan struct{}, runtime.NumCPU())

var (
	versionOnce sync.Once
	versionText string
	versionErr  error
	langsText   string
)

// engineVersion returns the first line of `tesseract --version` and the installed languages,
// run once per process.
func engineVersion(bin string) (version, langs string, err error) {
	versionOnce.Do(func() {
		out, err := exec.Command(bin, "--version").CombinedOutput()
		if err != nil {
			versionErr = fmt.Errorf("tesseract --version: %w", err)
			return
		}
		versionText, _, _ = strings.Cut(string(out), "\n")
		out, err = exec.Command(bin, "--list-langs").CombinedOutput()
		if err != nil {
			versionErr = fmt.Errorf("tesseract --list-langs: %w", err)
			return
		}
		langsText = string(out)
	})
	return versionText, langsText, versionErr
}

// checkLangs reports a language of langs ("vie+eng") that Tesseract has no model for.
func checkLangs(installed, langs string) error {
	have := map[string]bool{}
	for _, l := range strings.Fields(installed) {
		have[l] = true
	}
	for _, l := range strings.Split(langs, "+") {
		if !have[l] {
			return fmt.Errorf("%w: Tesseract không có mô hình ngôn ngữ %q; hãy cài gói tesseract-ocr-%s", ErrToolMissing, l, l)
		}
	}
	return nil
}

// recognize runs Tesseract on the image file img at dpi and returns its words. One Tesseract
// thread per call (OMP_THREAD_LIMIT=1): pages run in parallel instead.
func (e *engine) recognize(ctx context.Context, img string, dpi int, timeout time.Duration) ([]Word, error) {
	select { // at most one Tesseract per CPU in the whole process, however many documents are read at once
	case slots <- struct{}{}:
		defer func() { <-slots }()
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	args := []string{img, "stdout", "-l", e.langs, "--psm", strconv.Itoa(e.psm)}
	if dpi > 0 {
		args = append(args, "--dpi", strconv.Itoa(dpi))
	}
	args = append(args, "tsv")
	cmd := exec.CommandContext(ctx, e.bin, args...)
	cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() == context.DeadlineExceeded {
			return nil, fmt.Errorf("Tesseract chạy quá %v và đã bị dừng", timeout)
		}
		msg := strings.TrimSpace(stderr.String())
		if len(msg) > 300 {
			msg = msg[len(msg)-300:]
		}
		return nil, fmt.Errorf("Tesseract thất bại (%v): %s", err, msg)
	}
	return parseTSV(stdout.Bytes())
}

// parseTSV reads the words (level 5 rows) of Tesseract's TSV output.
func parseTSV(data []byte) ([]Word, error) {
	var words []Word
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 12 || f[0] != "5" {
			continue
		}
		text := strings.TrimSpace(f[11])
		if text == "" {
			continue
		}
		n := make([]int, 10)
		for i := 0; i < 10; i++ {
			n[i], _ = strconv.Atoi(f[i])
		}
		conf, _ := strconv.ParseFloat(f[10], 64)
		words = append(words, Word{Text: text, PageNum: n[1], Block: n[2], Par: n[3], Line: n[4],
			Left: n[6], Top: n[7], Width: n[8], Height: n[9], Conf: conf})
	}
	return words, sc.Err()
}
