package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"thamluan/corpus"
	"thamluan/index"
	"thamluan/pipeline"
)

// errHelp is returned when a command printed its help on request.
var errHelp = errors.New("help requested")

// newFlags returns a flag set for a command that prints its usage to stderr.
func newFlags(e *env, name, args, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "usage: thamluan %s [flags] %s\n\n%s\n\nflags:\n", name, args, about)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses args, turning -h into errHelp and a bad flag into a usage error.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errHelp
		}
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	return nil
}

// listFlag is a repeatable or comma-separated string flag.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

// Set implements flag.Value.
func (l *listFlag) Set(v string) error {
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			*l = append(*l, p)
		}
	}
	return nil
}

// analysisFlags are the flags of every command that reads documents or names themes.
type analysisFlags struct {
	codebook        string
	shape           string
	allowLowQuality bool
	ocr, ocrLang    string
}

func (a *analysisFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&a.codebook, "codebook", "", "codebook `FILE` (TOML) instead of the default; see 'thamluan codebook'")
	fs.StringVar(&a.shape, "shape", "", "force the document shape: proceedings, paper or news-report")
	fs.BoolVar(&a.allowLowQuality, "allow-low-quality", false, "keep text layers that look like garbage (PDFs that need OCR)")
	fs.StringVar(&a.ocr, "ocr", corpus.OCRAuto, "read scanned pages and page images with Tesseract: auto (pages without a usable text layer), off or force (every page)")
	fs.StringVar(&a.ocrLang, "ocr-lang", "vie", "Tesseract `LANGS` for OCR, e.g. vie or vie+eng")
}

func (a *analysisFlags) loadCodebook() (*pipeline.Codebook, error) {
	if a.codebook == "" {
		return pipeline.DefaultCodebook(), nil
	}
	return pipeline.LoadCodebook(a.codebook)
}

func (a *analysisFlags) analyzer() (*pipeline.Analyzer, error) {
	switch a.shape {
	case "", corpus.ShapeNews, corpus.ShapePaper, corpus.ShapeProceedings:
	default:
		return nil, fmt.Errorf("%w: --shape %q: want proceedings, paper or news-report", errUsage, a.shape)
	}
	cb, err := a.loadCodebook()
	if err != nil {
		return nil, err
	}
	return pipeline.NewAnalyzer(cb, pipeline.SegmentOptions{Shape: a.shape}), nil
}

// printf writes to w, ignoring errors the way fmt.Fprintf callers usually must.
func printf(w io.Writer, format string, args ...interface{}) {
	fmt.Fprintf(w, format, args...)
}

// openIndex loads the codebook of af and opens the index in dir for reading; a missing --index is
// a usage error. The caller closes the index.
func (a *analysisFlags) openIndex(dir string) (*index.Index, *pipeline.Codebook, error) {
	if dir == "" {
		return nil, nil, fmt.Errorf("%w: --index DIR is required", errUsage)
	}
	cb, err := a.loadCodebook()
	if err != nil {
		return nil, nil, err
	}
	ix, err := index.Open(dir)
	if err != nil {
		return nil, nil, err
	}
	return ix, cb, nil
}

// readOptions returns the reading options of the flags, OCR text cached in cacheDir.
func (a *analysisFlags) readOptions(ctx context.Context, cacheDir string) (corpus.ReadOptions, error) {
	switch a.ocr {
	case corpus.OCRAuto, corpus.OCROff, corpus.OCRForce:
	default:
		return corpus.ReadOptions{}, fmt.Errorf("%w: --ocr %q: want auto, off or force", errUsage, a.ocr)
	}
	return corpus.ReadOptions{AllowLowQuality: a.allowLowQuality,
		OCR: corpus.OCROptions{Mode: a.ocr, Langs: a.ocrLang, CacheDir: cacheDir, Context: ctx}}, nil
}
