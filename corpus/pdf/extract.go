// Package pdf is the text layer of thamluan's PDF reader: it runs the content streams of each
// page through a text-state machine on top of github.com/ledongthuc/pdf's object parser, places
// every glyph, and rebuilds lines in reading order (columns, spaces from glyph gaps, ligatures,
// legacy Vietnamese fonts) with repeated headers, footers and page numbers removed.
package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	lpdf "github.com/ledongthuc/pdf"
)

// DefaultTimeout is the time limit per document when Options.Timeout is zero.
const DefaultTimeout = 30 * time.Second

// Errors of Extract, for errors.Is.
var (
	ErrNotPDF    = errors.New("not a PDF file")
	ErrEncrypted = errors.New("encrypted PDF")
	ErrNoPages   = errors.New("PDF has no pages")
	ErrTimeout   = errors.New("PDF text extraction exceeded its time limit")
	errDamaged   = errors.New("damaged or truncated PDF")
)

// Options tune Extract.
type Options struct {
	// Timeout bounds the time spent on one document; 0 means DefaultTimeout.
	Timeout time.Duration
	// KeepFurniture keeps repeated headers, footers and page numbers in Page.Lines.
	KeepFurniture bool
}

// Document is the text layer of a PDF file.
type Document struct {
	Pages    []Page   // in page order; a page that failed has no lines
	Warnings []string // pages that failed or were cut short, and why
	// Legacy counts the characters drawn in legacy Vietnamese fonts, by encoding (vntext.TCVN3,
	// vntext.VNI); they are decoded to Unicode in Page.Lines.
	Legacy map[string]int
	Meta   Meta // the document information dictionary and XMP metadata
}

// Page is the text of one page in reading order.
type Page struct {
	Number    int      // 1-based
	Width     float64  // media box width in points
	Height    float64  // media box height in points
	Lines     []Line   // body lines in reading order
	Furniture []string // header, footer and page-number lines removed from the body
}

// Line is one line of text: glyphs on one baseline within one column.
type Line struct {
	Text   string
	X, Y   float64 // start of the baseline in points, y from the page bottom
	EndX   float64 // end of the last glyph
	Size   float64 // font size of most of the line's characters, in points
	Bold   bool    // most characters are in a bold font
	Column int     // 0 for full-width text, 1 or 2 for the columns of a two-column page
}

// docState is shared by the pages of one document.
type docState struct {
	fonts  map[string]*font
	legacy map[string]int
	rc4    *rc4Fix // set for 40-bit RC4 files, whose streams the parser decrypts wrongly
}

// read returns the decoded data of a stream.
func (st *docState) read(v lpdf.Value) ([]byte, error) {
	if st.rc4 != nil {
		return st.rc4.stream(v)
	}
	return streamBytes(v)
}

// Extract reads the text layer of a PDF file held in data. It returns within about the time limit
// of opt even when the parser loops on a malformed file (the work is then abandoned in the
// background), and it turns the parser's panics into errors.
func Extract(data []byte, opt Options) (*Document, error) {
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	type result struct {
		doc *Document
		err error
	}
	done := make(chan result, 1)
	go func() {
		var res result
		defer func() {
			if x := recover(); x != nil {
				res = result{nil, fmt.Errorf("malformed PDF: %v", x)}
			}
			done <- res
		}()
		res.doc, res.err = extract(data, opt)
	}()
	timer := time.NewTimer(opt.Timeout + time.Second)
	defer timer.Stop()
	select {
	case res := <-done:
		return res.doc, res.err
	case <-timer.C:
		return nil, ErrTimeout
	}
}

func extract(data []byte, opt Options) (*Document, error) {
	deadline := time.Now().Add(opt.Timeout)
	r, used, err := open(data)
	if err != nil {
		return nil, err
	}
	n, err := numPages(r)
	if err != nil {
		return nil, err
	}
	doc := &Document{Legacy: map[string]int{}}
	st := &docState{fonts: map[string]*font{}, legacy: map[string]int{}}
	if isEncrypted(r) {
		st.rc4 = newRC4Fix(used)
	}
	failed := 0
	for i := 1; i <= n; i++ {
		if time.Now().After(deadline) {
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("pages %d-%d skipped: %v", i, n, ErrTimeout))
			if i == 1 {
				return nil, ErrTimeout
			}
			break
		}
		p, err := extractPage(r, i, st, deadline)
		if err != nil {
			failed++
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("page %d: %v", i, err))
		}
		doc.Pages = append(doc.Pages, p)
	}
	for enc, n := range st.legacy {
		doc.Legacy[enc] = n
	}
	doc.Meta = readMeta(r, st)
	if failed == len(doc.Pages) && failed > 0 {
		return nil, noContent(r, doc.Warnings)
	}
	if !opt.KeepFurniture {
		removeFurniture(doc.Pages)
	}
	return doc, nil
}

// noContent explains a document none of whose pages could be read.
func noContent(r *lpdf.Reader, warnings []string) (err error) {
	if isEncrypted(r) {
		return fmt.Errorf("%w: the page contents could not be decrypted (%s)", ErrEncrypted, warnings[0])
	}
	return fmt.Errorf("no page could be read: %s", warnings[0])
}

// isEncrypted reports whether the file has an /Encrypt dictionary.
func isEncrypted(r *lpdf.Reader) (enc bool) {
	defer func() { _ = recover() }()
	return !r.Trailer().Key("Encrypt").IsNull()
}

// open patches what the parser refuses (a PDF 2.0 header, bytes before "%PDF-") and opens data.
func open(data []byte) (r *lpdf.Reader, used []byte, err error) {
	if len(data) == 0 {
		return nil, nil, fmt.Errorf("%w: the file is empty", ErrNotPDF)
	}
	i := bytes.Index(data[:min(len(data), 1024)], []byte("%PDF-"))
	if i < 0 {
		return nil, nil, fmt.Errorf("%w: no %%PDF- header", ErrNotPDF)
	}
	if i > 0 || !validHeader(data) {
		data = patchHeader(data[i:])
	}
	defer func() {
		if x := recover(); x != nil {
			r, used, err = nil, nil, fmt.Errorf("malformed PDF: %v", x)
		}
	}()
	if implausibleXref(data) {
		err = errors.New("implausible cross-reference table")
	} else {
		r, err = newReader(data)
	}
	if err != nil {
		msg := err.Error()
		if strings.Contains(msg, "256-bit") {
			plain, aerr := decryptAES256(data)
			if aerr != nil {
				return nil, nil, fmt.Errorf("%w: AES-256: %v", ErrEncrypted, aerr)
			}
			if r2, err2 := newReader(plain); err2 == nil {
				return r2, plain, nil
			}
			return nil, nil, fmt.Errorf("%w: AES-256: the decrypted file could not be read: %v", ErrEncrypted, err)
		}
		if strings.Contains(msg, "password") {
			return nil, nil, fmt.Errorf("%w: a user password is needed to open it", ErrEncrypted)
		}
		if strings.Contains(msg, "encrypt") {
			return nil, nil, fmt.Errorf("%w: %v (only files that open without a password are read)", ErrEncrypted, err)
		}
		if fixed, ferr := rebuildXref(data); ferr == nil {
			if r2, err2 := newReader(fixed); err2 == nil {
				return r2, fixed, nil
			}
		}
		if strings.Contains(msg, "%%EOF") || strings.Contains(msg, "startxref") {
			return nil, nil, fmt.Errorf("%w, and its page tree could not be recovered: %v", errDamaged, err)
		}
		return nil, nil, fmt.Errorf("malformed PDF: %w", err)
	}
	r, data = repairPageTree(r, data)
	return r, data, nil
}

// newReader opens data with the parser, turning its panics into errors.
func newReader(data []byte) (r *lpdf.Reader, err error) {
	defer func() {
		if x := recover(); x != nil {
			r, err = nil, fmt.Errorf("malformed PDF: %v", x)
		}
	}()
	return lpdf.NewReader(bytes.NewReader(data), int64(len(data)))
}

// validHeader reports whether data starts as the parser wants: "%PDF-1.x" and an end of line.
func validHeader(data []byte) bool {
	return len(data) > 9 && bytes.HasPrefix(data, []byte("%PDF-1.")) && data[7] >= '0' && data[7] <= '7' &&
		(data[8] == '\r' || data[8] == '\n')
}

// patchHeader returns a copy of data whose first line reads "%PDF-1.7", keeping every byte offset.
func patchHeader(data []byte) []byte {
	out := append([]byte(nil), data...)
	end := bytes.IndexAny(out, "\r\n")
	if end < 8 || len(out) < 9 {
		return out
	}
	copy(out, "%PDF-1.7")
	for j := 9; j < end; j++ {
		out[j] = ' '
	}
	out[8] = '\n' // the parser wants an end of line right after the version
	return out
}

func numPages(r *lpdf.Reader) (n int, err error) {
	defer func() {
		if x := recover(); x != nil {
			n, err = 0, fmt.Errorf("malformed PDF: page tree: %v", x)
		}
	}()
	n = r.NumPage()
	if n <= 0 {
		return 0, ErrNoPages
	}
	if n > 100000 {
		return 0, fmt.Errorf("malformed PDF: page count %d", n)
	}
	return n, nil
}

// extractPage interprets one page; a panic in the parser becomes an error and an empty page.
func extractPage(r *lpdf.Reader, num int, st *docState, deadline time.Time) (p Page, err error) {
	p.Number = num
	defer func() {
		if x := recover(); x != nil {
			p.Lines = nil
			err = fmt.Errorf("malformed page: %v", x)
		}
	}()
	pg := lpdf.Page{V: findPage(r, num)}
	if pg.V.IsNull() {
		return p, errors.New("page not found in the page tree")
	}
	box := inherited(pg.V, "MediaBox")
	x0, y0 := box.Index(0).Float64(), box.Index(1).Float64()
	p.Width, p.Height = box.Index(2).Float64()-x0, box.Index(3).Float64()-y0
	in := &interp{doc: st, deadline: deadline}
	ctm := matrix{1, 0, 0, 1, -x0, -y0}
	var rot matrix
	rot, p.Width, p.Height = rotation(inherited(pg.V, "Rotate").Int64(), p.Width, p.Height)
	in.gs = gstate{ctm: ctm.mul(rot), th: 1}
	res := inherited(pg.V, "Resources")
	contents := pg.V.Key("Contents")
	var streams []lpdf.Value
	if contents.Kind() == lpdf.Array {
		for i := 0; i < contents.Len(); i++ {
			streams = append(streams, contents.Index(i))
		}
	} else {
		streams = append(streams, contents)
	}
	var data []byte
	for _, s := range streams {
		b, serr := st.read(s)
		if serr != nil {
			err = serr
		}
		data = append(data, b...)
		data = append(data, '\n')
	}
	if rerr := in.run(data, res); rerr != nil {
		err = rerr
	}
	p.Lines = layout(in.glyphs, p.Width)
	return p, err
}

// inherited looks a page attribute up in the page and its ancestors, at most 32 levels up (a
// cyclic /Parent chain must not hang).
func inherited(v lpdf.Value, key string) lpdf.Value {
	for i := 0; i < 32 && !v.IsNull(); i++ {
		if r := v.Key(key); !r.IsNull() {
			return r
		}
		v = v.Key("Parent")
	}
	return lpdf.Value{}
}

// rotation returns the matrix that turns a page with /Rotate deg upright, and the upright width
// and height.
func rotation(deg int64, w, h float64) (matrix, float64, float64) {
	switch ((deg % 360) + 360) % 360 {
	case 90:
		return matrix{0, -1, 1, 0, 0, w}, h, w
	case 180:
		return matrix{-1, 0, 0, -1, w, h}, w, h
	case 270:
		return matrix{0, 1, -1, 0, h, 0}, h, w
	}
	return identity, w, h
}
