// Package ocr reads scanned pages with Tesseract: it finds each page's image (extracted from the
// PDF as it is stored, or rendered by pdftoppm), prepares it (grey, deskew, optional denoise and
// binarisation), runs the tesseract program on it, one thread per page and pages in parallel,
// and lays the words out as lines in reading order. Results are cached by file hash, page,
// engine version and settings.
package ocr

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"thamluan/corpus/pdf"
)

// Options tune OCR. The zero value reads Vietnamese at 300 dpi with the default preparation.
type Options struct {
	Langs     string        // Tesseract languages, "vie" by default; "vie+eng" for mixed pages
	PSM       int           // Tesseract page segmentation mode; 0 means DefaultPSM
	DPI       int           // resolution pages are rendered at; 0 means 300
	Prep      *Prep         // image preparation; nil means DefaultPrep
	CacheDir  string        // where OCR text is cached; "" for no cache
	Workers   int           // pages read at once; 0 means the number of CPUs
	Timeout   time.Duration // per page; 0 means 5 minutes
	MaxPixels int           // images larger than this are refused undecoded; 0 means DefaultMaxPixels
	Tesseract string        // the tesseract program; "" finds it on PATH
	// NoRepair leaves the words as Tesseract read them (NFC only), without the Vietnamese repair
	// of repair.go; for measurement. THAMLUAN_OCR_REPAIR=off in the environment sets it too.
	NoRepair bool
	// NoNumbers skips the second reading of numbers with the eng model (numbers.go); for
	// measurement. THAMLUAN_OCR_NUMBERS=off sets it too. It is skipped when eng is not installed.
	NoNumbers bool
	// Progress, when set, is called after each page with the pages done and the total.
	Progress func(done, total int)
}

// DefaultPSM is Tesseract's page segmentation mode used unless Options.PSM says otherwise.
const DefaultPSM = 3

// DefaultMaxPixels is the largest image decoded: a 600 dpi A3 scan is 70 million pixels.
const DefaultMaxPixels = 80_000_000

// DefaultPrep is the preparation kept by measurement (see the package tests and README).
var DefaultPrep = Prep{Deskew: true}

// blankInk is the share of dark pixels under which a page is taken for blank and not read.
const blankInk = 0.002

// Result is one page read by OCR.
type Result struct {
	Page   pdf.Page // lines in reading order, in points; Number is the page's number
	Conf   float64  // Tesseract's mean word confidence, 0-100
	Words  int
	Blank  bool    // the page has no ink and was not read
	Cached bool    // the text came from the cache
	Skew   float64 // degrees of skew removed
	Err    error   // why the page could not be read; the other pages go on
	Note   string  // a warning about the page that did not stop it being read
}

func (o Options) withDefaults() Options {
	if o.Langs == "" {
		o.Langs = "vie"
	}
	if o.PSM == 0 {
		o.PSM = DefaultPSM
	}
	if o.DPI == 0 {
		o.DPI = 300
	}
	if o.Prep == nil {
		p := DefaultPrep
		o.Prep = &p
	}
	if o.Workers <= 0 {
		o.Workers = runtime.NumCPU()
	}
	if o.Timeout == 0 {
		o.Timeout = 5 * time.Minute
	}
	if o.MaxPixels == 0 {
		o.MaxPixels = DefaultMaxPixels
	}
	if o.Tesseract == "" {
		o.Tesseract = "tesseract"
	}
	if os.Getenv("THAMLUAN_OCR_REPAIR") == "off" {
		o.NoRepair = true
	}
	if os.Getenv("THAMLUAN_OCR_NUMBERS") == "off" {
		o.NoNumbers = true
	}
	return o
}

// settings is the part of the options that changes OCR text, for the cache key.
func (o Options) settings() string {
	p := o.Prep
	return fmt.Sprintf("v2 up=%t langs=%s psm=%d dpi=%d deskew=%t denoise=%t bin=%s numbers=%t", p.Upscale, o.Langs, o.PSM, o.DPI, p.Deskew, p.Denoise, p.Binarize, !o.NoNumbers)
}

// job is one page to read: where its image comes from.
type job struct {
	number int
	key    string
	image  func(ctx context.Context) (string, int, error) // the image file and its dpi (0 unknown)
	// fallback, when set, renders the page when its stored image cannot be decoded.
	fallback func(ctx context.Context) (string, int, error)
}

// runner holds what a document's pages share.
type runner struct {
	opt     Options
	eng     *engine
	version string
}

func newRunner(opt Options) (*runner, error) {
	opt = opt.withDefaults()
	bin, err := need(opt.Tesseract)
	if err != nil {
		return nil, err
	}
	version, langs, err := engineVersion(bin)
	if err != nil {
		return nil, err
	}
	if err := checkLangs(langs, opt.Langs); err != nil {
		return nil, err
	}
	if checkLangs(langs, "eng") != nil {
		opt.NoNumbers = true // the second reading needs the eng model
	}
	return &runner{opt: opt, eng: &engine{bin: bin, langs: opt.Langs, psm: opt.PSM}, version: version + " " + strings.Join(strings.Fields(langs), ",")}, nil
}

// run reads the jobs in parallel, from the cache where it can, and returns the results in job
// order.
func (r *runner) run(ctx context.Context, jobs []job) []Result {
	out := make([]Result, len(jobs))
	var done atomic.Int64
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(r.opt.Workers, len(jobs)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = r.page(ctx, jobs[i])
				if r.opt.Progress != nil {
					r.opt.Progress(int(done.Add(1)), len(jobs))
				}
			}
		}()
	}
	for i := range jobs {
		if ctx.Err() != nil {
			out[i] = Result{Page: pdf.Page{Number: jobs[i].number}, Err: ctx.Err()}
			continue
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// page reads one page: from the cache, else image → preparation → Tesseract → layout.
func (r *runner) page(ctx context.Context, j job) (res Result) {
	res.Page.Number = j.number
	if e, ok := cacheGet(r.opt.CacheDir, j.key); ok {
		res = r.finish(j.number, e)
		res.Cached = true
		return res
	}
	defer func() {
		if p := recover(); p != nil {
			res.Err = fmt.Errorf("lỗi nội bộ khi đọc trang %d bằng OCR: %v", j.number, p)
		}
	}()
	dir, err := os.MkdirTemp("", "thamluan-ocr-page-")
	if err != nil {
		res.Err = err
		return res
	}
	defer os.RemoveAll(dir)
	file, dpi, err := j.image(ctx)
	if err != nil {
		res.Err = err
		return res
	}
	g, err := loadImage(file, r.opt.MaxPixels)
	if err != nil && j.fallback != nil && !errors.Is(err, ErrTooLarge) {
		res.Note = fmt.Sprintf("trang %d: ảnh lưu trong PDF không giải mã được (%v); trang được dựng lại bằng pdftoppm", j.number, err)
		if file, dpi, err = j.fallback(ctx); err == nil {
			g, err = loadImage(file, r.opt.MaxPixels)
		}
	}
	if err != nil {
		res.Err = fmt.Errorf("trang %d: %w", j.number, err)
		return res
	}
	w, h := g.Bounds().Dx(), g.Bounds().Dy()
	if dpi < 100 || dpi > 1200 {
		dpi = guessDPI(w, h)
	}
	if r.opt.Prep.Upscale && dpi < 250 {
		g = scale(g, 300/float64(dpi))
		w, h, dpi = g.Bounds().Dx(), g.Bounds().Dy(), 300
	}
	e := &cacheEntry{Width: w, Height: h, DPI: dpi}
	if inkShare(g) < blankInk {
		e.Blank = true
		_ = cachePut(r.opt.CacheDir, j.key, e)
		return r.finish(j.number, e)
	}
	g, e.Skew = prepare(g, *r.opt.Prep)
	prepared := filepath.Join(dir, "page.pgm")
	if err := writePGM(prepared, g); err != nil {
		res.Err = err
		return res
	}
	g = nil // let the pixels go before Tesseract runs
	words, err := r.eng.recognize(ctx, prepared, dpi, r.opt.Timeout)
	if err != nil {
		res.Err = fmt.Errorf("trang %d: %w", j.number, err)
		return res
	}
	if !r.opt.NoNumbers {
		r.eng.rereadNumbers(ctx, prepared, words, dir, dpi, r.opt)
	}
	e.Words = words
	_ = cachePut(r.opt.CacheDir, j.key, e) // a cache that cannot be written costs only time
	note := res.Note
	res = r.finish(j.number, e)
	res.Note = note
	return res
}

// finish lays out the words of a page read (or cached).
func (r *runner) finish(number int, e *cacheEntry) Result {
	words := append([]Word(nil), e.Words...)
	repairWords(words, !r.opt.NoRepair)
	res := Result{Page: layoutPage(words, e.Width, e.Height, max(1, e.DPI)), Conf: meanConf(words),
		Words: len(words), Blank: e.Blank, Skew: e.Skew}
	res.Page.Number = number
	return res
}

// guessDPI assumes an A4 page (8.27 × 11.69 in) when the file states no usable resolution.
func guessDPI(w, h int) int {
	short := min(w, h)
	return max(72, int(math.Round(float64(short)/8.27)))
}

// PDF reads the given pages (1-based numbers) of a PDF by OCR. hash identifies the file's
// bytes for the cache (their SHA-256 when empty). A page that is one stored image has that
// image read as it is; other pages are rendered by pdftoppm. The error is for the whole
// document (a program missing, no temporary space); a page that fails has its Result.Err set.
func PDF(ctx context.Context, data []byte, hash string, pages []int, opt Options) ([]Result, error) {
	hash = hashIfEmpty(hash, data)
	r, err := newRunner(opt)
	if err != nil {
		return nil, err
	}
	opt = r.opt
	if _, err := need("pdftoppm"); err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "thamluan-ocr-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	src := filepath.Join(dir, "in.pdf")
	jobs := make([]job, len(pages))
	var missing []int
	for i, p := range pages {
		jobs[i] = job{number: p, key: cacheKey(hash, p, r.version, opt.settings())}
		if _, ok := cacheGet(opt.CacheDir, jobs[i].key); !ok {
			missing = append(missing, i)
		}
	}
	var files map[int][]string
	var imgs map[int][]pdfImage
	if len(missing) > 0 {
		if err := os.WriteFile(src, data, 0o600); err != nil {
			return nil, err
		}
		if imgs, err = listImages(ctx, src, data); err != nil {
			imgs = nil // pdftoppm renders every page instead
		}
		files = extractSingle(ctx, src, dir, pages, imgs, opt.MaxPixels)
	}
	for i := range jobs {
		p := jobs[i].number
		render := func(ctx context.Context) (string, int, error) {
			f, err := renderPage(ctx, src, dir, p, opt.DPI)
			return f, opt.DPI, err
		}
		jobs[i].image = render
		if fs := files[p]; len(fs) == 1 && len(imgs[p]) == 1 {
			jobs[i].image = func(context.Context) (string, int, error) { return fs[0], int(imgs[p][0].xppi), nil }
			jobs[i].fallback = render
		} else if len(imgs[p]) == 1 {
			if err := checkSize(imgs[p][0].width, imgs[p][0].height, opt.MaxPixels); err != nil {
				jobs[i].image = func(context.Context) (string, int, error) { return "", 0, err }
			}
		}
	}
	return r.run(ctx, jobs), nil
}

// extractSingle extracts, in one pdfimages run, the stored image of each page that draws
// exactly one image of a decodable size.
func extractSingle(ctx context.Context, src, dir string, pages []int, imgs map[int][]pdfImage, maxPixels int) map[int][]string {
	first, last := math.MaxInt, 0
	for _, p := range pages {
		if im := imgs[p]; len(im) == 1 && checkSize(im[0].width, im[0].height, maxPixels) == nil {
			first, last = min(first, p), max(last, p)
		}
	}
	if last == 0 {
		return nil
	}
	sub := filepath.Join(dir, "extracted")
	if os.Mkdir(sub, 0o700) != nil {
		return nil
	}
	files, err := extractImages(ctx, src, sub, first, last)
	if err != nil {
		return nil
	}
	return files
}

// Image reads an image file by OCR: PNG and JPEG as one page, TIFF one page per frame. hash
// identifies the file's bytes for the cache (their SHA-256 when empty).
func Image(ctx context.Context, data []byte, hash string, opt Options) ([]Result, error) {
	hash = hashIfEmpty(hash, data)
	r, err := newRunner(opt)
	if err != nil {
		return nil, err
	}
	opt = r.opt
	dir, err := os.MkdirTemp("", "thamluan-ocr-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	src := filepath.Join(dir, "in.img")
	if err := os.WriteFile(src, data, 0o600); err != nil {
		return nil, err
	}
	if isTIFF(data) {
		return r.tiff(ctx, data, hash, src, dir)
	}
	cfg, _, err := image.DecodeConfig(strings.NewReader(string(data[:min(len(data), 1<<20)])))
	if err != nil {
		return nil, fmt.Errorf("ảnh hỏng hoặc không đọc được: %w", err)
	}
	if err := checkSize(cfg.Width, cfg.Height, opt.MaxPixels); err != nil {
		return nil, err
	}
	j := job{number: 1, key: cacheKey(hash, 1, r.version, opt.settings()),
		image: func(context.Context) (string, int, error) { return src, 0, nil }}
	return r.run(ctx, []job{j}), nil
}

func (r *runner) tiff(ctx context.Context, data []byte, hash, src, dir string) ([]Result, error) {
	sizes, err := tiffSizes(data)
	if err != nil {
		return nil, err
	}
	for i, s := range sizes {
		if err := checkSize(s[0], s[1], r.opt.MaxPixels); err != nil {
			return nil, fmt.Errorf("trang %d: %w", i+1, err)
		}
	}
	jobs := make([]job, len(sizes))
	var once sync.Once
	var frames []string
	var ferr error
	for i := range jobs {
		i := i
		jobs[i] = job{number: i + 1, key: cacheKey(hash, i+1, r.version, r.opt.settings()),
			image: func(ctx context.Context) (string, int, error) {
				once.Do(func() { frames, ferr = tiffFrames(ctx, src, dir, len(sizes)) })
				if ferr != nil {
					return "", 0, ferr
				}
				if i >= len(frames) {
					return "", 0, fmt.Errorf("không tách được trang %d của ảnh TIFF", i+1)
				}
				return frames[i], 0, nil
			}}
	}
	return r.run(ctx, jobs), nil
}

// hashIfEmpty returns hash, or the SHA-256 of data when the caller gave none.
func hashIfEmpty(hash string, data []byte) string {
	if hash != "" {
		return hash
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

func isTIFF(data []byte) bool {
	return len(data) >= 8 && (string(data[:4]) == "II*\x00" || string(data[:4]) == "MM\x00*")
}

// IsImage reports content that starts with the whole signature of a PNG, JPEG or TIFF file.
func IsImage(data []byte) bool {
	return bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) || bytes.HasPrefix(data, []byte("\xff\xd8\xff")) || isTIFF(data)
}

// Summary describes pages read by OCR for a document's warnings: which pages, how sure
// Tesseract was, and the pages that failed or were blank.
func Summary(results []Result) (pages []int, warnings []string) {
	var failed, blank []string
	confs := 0.0
	for _, r := range results {
		switch {
		case r.Err != nil:
			failed = append(failed, r.Err.Error())
		case r.Blank:
			blank = append(blank, fmt.Sprint(r.Page.Number))
		default:
			pages = append(pages, r.Page.Number)
			confs += r.Conf
		}
	}
	sort.Ints(pages)
	if len(pages) > 0 {
		low := []string{}
		for _, r := range results {
			if r.Err == nil && !r.Blank && r.Conf < 70 {
				low = append(low, fmt.Sprintf("%d (%.0f%%)", r.Page.Number, r.Conf))
			}
		}
		w := fmt.Sprintf("%d trang đọc bằng OCR (Tesseract), độ tin cậy trung bình %.0f%%: trang %s", len(pages), confs/float64(len(pages)), joinInts(pages))
		if len(low) > 0 {
			w += "; độ tin cậy thấp ở trang " + strings.Join(low, ", ")
		}
		warnings = append(warnings, w)
	}
	if len(blank) > 0 {
		warnings = append(warnings, fmt.Sprintf("%d trang trắng, không có chữ để đọc: trang %s", len(blank), abbreviate(blank)))
	}
	for _, f := range failed {
		warnings = append(warnings, "OCR thất bại: "+f)
	}
	for _, r := range results {
		if r.Note != "" {
			warnings = append(warnings, r.Note)
		}
	}
	return pages, warnings
}

// MeanConf is the mean confidence (0-100) over the pages read.
func MeanConf(results []Result) float64 {
	n, s := 0, 0.0
	for _, r := range results {
		if r.Err == nil && !r.Blank {
			n++
			s += r.Conf
		}
	}
	if n == 0 {
		return 0
	}
	return s / float64(n)
}

func joinInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = fmt.Sprint(x)
	}
	return abbreviate(s)
}

func abbreviate(s []string) string {
	if len(s) > 20 {
		return strings.Join(s[:20], ", ") + fmt.Sprintf(" … (và %d trang khác)", len(s)-20)
	}
	return strings.Join(s, ", ")
}

// ErrAllFailed is returned by callers when no page of a document could be read by OCR.
var ErrAllFailed = errors.New("không đọc được trang nào bằng OCR")
