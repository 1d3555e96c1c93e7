package corpus

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"thamluan/corpus/ocr"
	"thamluan/corpus/pdf"
)

// FormatImage is the Format of a page image (PNG, JPEG, TIFF) read by OCR.
const FormatImage = "image"

// OCR modes for OCROptions.Mode.
const (
	OCROff   = "off"   // never run OCR (the zero value too)
	OCRAuto  = "auto"  // OCR the pages without a usable text layer, and image files
	OCRForce = "force" // OCR every page, whatever its text layer
)

// OCROptions say whether and how scanned pages are read with Tesseract (see package ocr).
type OCROptions struct {
	Mode     string // OCROff ("" too), OCRAuto or OCRForce
	Langs    string // Tesseract languages, "vie" when empty; "vie+eng" for mixed pages
	CacheDir string // where OCR text is cached by file hash, page, engine and settings; "" for none
	// Progress, when set, is called after each page read by OCR.
	Progress func(path string, done, total int)
	// Context, when set, stops OCR when it is cancelled.
	Context context.Context
}

func (o OCROptions) on() bool { return o.Mode == OCRAuto || o.Mode == OCRForce }

func (o OCROptions) engine(path string) ocr.Options {
	opt := ocr.Options{Langs: o.Langs, CacheDir: o.CacheDir}
	if o.Progress != nil {
		opt.Progress = func(done, total int) { o.Progress(path, done, total) }
	}
	return opt
}

func (o OCROptions) ctx() context.Context {
	if o.Context != nil {
		return o.Context
	}
	return context.Background()
}

func isImage(head []byte) bool { return ocr.IsImage(head) }

// ocrPDF reads by OCR the pages of px that need it (all of them with OCRForce) and puts their
// lines in place of the text layer's. It returns the results (nil when OCR did not run).
func ocrPDF(path string, data []byte, px *pdf.Document, opt OCROptions) ([]ocr.Result, error) {
	if !opt.on() {
		return nil, nil
	}
	pages := pagesForOCR(px.Pages, opt.Mode == OCRForce)
	if len(pages) == 0 {
		return nil, nil
	}
	res, err := ocr.PDF(opt.ctx(), data, "", pages, opt.engine(path))
	if err != nil && errors.Is(err, ocr.ErrToolMissing) && len(pages) < len(px.Pages) && opt.Mode == OCRAuto {
		// The text pages are still worth having: say what is missing and read them.
		px.Warnings = append(px.Warnings, fmt.Sprintf("không đọc được trang %v bằng OCR: %v", pages, err))
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	byNum := map[int]pdf.Page{}
	for _, p := range pagesRead(res) {
		byNum[p.Number] = p
	}
	text := false
	for i := range px.Pages {
		if p, ok := byNum[px.Pages[i].Number]; ok {
			px.Pages[i].Lines, px.Pages[i].Furniture = p.Lines, p.Furniture
		}
		text = text || len(px.Pages[i].Lines) > 0
	}
	if !text {
		_, warnings := ocr.Summary(res)
		return nil, fmt.Errorf("%w: %s", ocr.ErrAllFailed, strings.Join(warnings, "; "))
	}
	return res, nil
}

// pagesRead returns the pages OCR read without error, with their repeated headers, footers and
// page numbers moved to Furniture.
func pagesRead(res []ocr.Result) []pdf.Page {
	pages := make([]pdf.Page, 0, len(res))
	for _, r := range res {
		if r.Err == nil {
			pages = append(pages, r.Page)
		}
	}
	pdf.RemoveFurniture(pages)
	return pages
}

// pagesForOCR lists the pages without a usable text layer: no body lines, or enough words that
// score as garbage; all pages when the whole text layer is garbage, or when forced.
func pagesForOCR(pages []pdf.Page, force bool) []int {
	var all, need []int
	var text strings.Builder
	for _, p := range pages {
		all = append(all, p.Number)
		var b strings.Builder
		for _, l := range p.Lines {
			b.WriteString(l.Text)
			b.WriteByte('\n')
		}
		text.WriteString(b.String())
		if len(p.Lines) == 0 || len(strings.Fields(b.String())) >= 20 && textQuality(b.String()) < pdfMinQuality {
			need = append(need, p.Number)
		}
	}
	if force || textQuality(text.String()) < pdfMinQuality {
		return all
	}
	return need
}

// ocrNote adds what OCR did to the document: the pages read and Tesseract's confidence in its
// warnings and OCRPages, and its quality lowered by that confidence on the share of pages read.
func ocrNote(doc *Document, res []ocr.Result) {
	if res == nil {
		return
	}
	pages, warnings := ocr.Summary(res)
	doc.OCRPages = pages
	doc.Warnings = append(doc.Warnings, warnings...)
	if doc.Pages > 0 && len(pages) > 0 {
		share := float64(len(pages)) / float64(doc.Pages)
		doc.Quality *= 1 - share + share*ocr.MeanConf(res)/100
	}
}

// readImage reads a page image (PNG, JPEG; TIFF one page per frame) by OCR.
func readImage(path string, data []byte, opt ReadOptions) (*Document, error) {
	if !opt.OCR.on() {
		return nil, errors.New("tệp ảnh chỉ đọc được bằng OCR, mà OCR đang tắt (--ocr off)")
	}
	res, err := ocr.Image(opt.OCR.ctx(), data, "", opt.OCR.engine(path))
	if err != nil {
		return nil, err
	}
	doc := &Document{Pages: len(res), Warnings: []string{}}
	doc.Blocks = pdfBlocks(pagesRead(res), nil) // every page is a scan: measured together
	var text strings.Builder
	for _, b := range doc.Blocks {
		text.WriteString(b.Text)
		text.WriteByte('\n')
	}
	doc.Quality = textQuality(text.String())
	ocrNote(doc, res)
	if len(doc.Blocks) == 0 {
		return nil, fmt.Errorf("%w: %s", ocr.ErrAllFailed, strings.Join(doc.Warnings, "; "))
	}
	return doc, nil
}
