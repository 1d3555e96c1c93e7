package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"thamluan/cmd/thamluan/msg"
	"thamluan/corpus"
	"thamluan/index"
	"thamluan/pipeline"
)

// errHelp is returned when a command printed its help on request.
var errHelp = errors.New("help requested")

// newFlags returns a flag set for a command that prints its usage to stderr.
func newFlags(e *env, name, args, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	// The flag package's own messages are English: they are discarded, and parse words them.
	fs.SetOutput(io.Discard)
	if vi, ok := msg.AboutFor(name); ok {
		about = vi
	}
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "%s\n\n%s\n\n%s\n", msg.UsageLine(name, args), about, msg.FlagsHeading)
		printDefaults(e.stderr, name, fs)
	}
	return fs
}

// typeNames are the Vietnamese names of the flag package's value types.
var typeNames = map[string]string{"int": "SỐ", "uint": "SỐ", "float": "SỐ", "string": "CHUỖI", "duration": "THỜI-GIAN", "value": "GIÁ-TRỊ"}

// printDefaults prints the flags of fs the way flag.PrintDefaults does, with their Vietnamese
// descriptions from the catalogue.
func printDefaults(w io.Writer, command string, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		g := *f
		if vi, ok := msg.FlagUsage(command, f.Name); ok {
			g.Usage = vi
		}
		name, usage := flag.UnquoteUsage(&g)
		if vi, ok := typeNames[name]; ok {
			name = vi
		}
		line := "  --" + f.Name
		if name != "" {
			line += " " + name
		}
		if len(line) <= 4 {
			line += "\t"
		} else {
			line += "\n    \t"
		}
		line += strings.ReplaceAll(usage, "\n", "\n    \t")
		if d := f.DefValue; d != "" && d != "false" && d != "0" {
			line += fmt.Sprintf(" (mặc định %s)", d)
		}
		fmt.Fprintln(w, line)
	})
}

// parse parses args, turning -h into errHelp and a bad flag into a usage error.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errHelp
		}
		return usageErr("%s", msg.FlagError(err))
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
		return nil, usageErr(msg.CLIBadShape, a.shape)
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
	cb, err := a.loadCodebook()
	if err != nil {
		return nil, nil, err
	}
	ix, err := openIndex(dir)
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
		return corpus.ReadOptions{}, usageErr("--ocr %q: hãy chọn auto, off hoặc force", a.ocr)
	}
	return corpus.ReadOptions{AllowLowQuality: a.allowLowQuality,
		OCR: corpus.OCROptions{Mode: a.ocr, Langs: a.ocrLang, CacheDir: cacheDir, Context: ctx}}, nil
}

// openIndex opens the index in dir for reading; a missing --index is a usage error, a folder
// that is not an index says how to make one.
func openIndex(dir string) (*index.Index, error) {
	if dir == "" {
		return nil, usageErr(msg.CLINoIndex)
	}
	ix, err := index.Open(dir)
	switch {
	case err == nil:
		return ix, nil
	case errors.Is(err, index.ErrNotIndex):
		return nil, msg.Errorf(msg.CLINotIndex, dir, dir)
	}
	return nil, err
}

// usageError is a mistake in how a command was called, worded in Vietnamese; it is errUsage.
type usageError struct{ msg string }

func (e *usageError) Error() string        { return e.msg }
func (e *usageError) Is(target error) bool { return target == errUsage }

// usageErr returns a usage error with a Vietnamese message.
func usageErr(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}
