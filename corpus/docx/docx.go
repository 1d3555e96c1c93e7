// Package docx extracts the text of a Word (Office Open XML) document: paragraphs in reading
// order with their heading level, list label and kind, table rows, text boxes, footnotes and
// endnotes, and the title of the core properties. It reads the archive with archive/zip and each
// XML part with a streaming encoding/xml decoder, guards against zip bombs, and decodes runs set in
// legacy Vietnamese fonts (.VnTime, VNI-Times) to Unicode. It does not import package corpus.
package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"
)

// Kind says what a paragraph of a document is.
type Kind int

// The kinds of paragraph Read returns.
const (
	Paragraph Kind = iota // running text
	Heading               // a paragraph in a heading style or with an outline level
	ListItem              // a numbered or bulleted paragraph; its label starts Text
	TableRow              // one row of a table, cells joined by " | "
	Note                  // a footnote or an endnote
	Title                 // a paragraph in the Title style
)

// String returns the kind's name.
func (k Kind) String() string {
	switch k {
	case Heading:
		return "heading"
	case ListItem:
		return "list-item"
	case TableRow:
		return "table-row"
	case Note:
		return "note"
	case Title:
		return "title"
	}
	return "paragraph"
}

// Para is one paragraph-like unit of a document, in reading order. Text is not normalised (the
// caller applies NFC); runs are joined as they are, whitespace is collapsed.
type Para struct {
	Text  string
	Kind  Kind
	Level int // heading level, 1 = top, for Heading; list level from 1 for ListItem
}

// Document is the text of a DOCX file.
type Document struct {
	Title      string   // dc:title of docProps/core.xml, "" when absent
	Created    string   // dcterms:created of docProps/core.xml as written (W3CDTF), "" when absent
	Paras      []Para   // the body, then footnotes, then endnotes
	Encodings  []string // legacy encodings decoded from font names (vntext names), sorted, unique
	LegacyRuns int      // number of runs decoded from a legacy encoding
	Warnings   []string // parts that could not be read, such as an imported RTF chunk
}

// Options limit what Read accepts.
type Options struct {
	// MaxUncompressed is the most bytes Read decompresses from the archive in all; a file that
	// would need more is refused as a possible zip bomb. 0 means DefaultMaxUncompressed.
	MaxUncompressed int64
}

// DefaultMaxUncompressed is the decompression budget when Options.MaxUncompressed is 0.
const DefaultMaxUncompressed = 512 << 20

// Errors Read wraps, for callers that test them with errors.Is.
var (
	ErrNotZip     = errors.New("not a zip archive")
	ErrNoDocument = errors.New("no main document part (word/document.xml)")
	ErrTooLarge   = errors.New("decompressed content exceeds the size limit (possible zip bomb)")
)

// Read extracts the text of the DOCX file held in data.
func Read(data []byte, opt Options) (*Document, error) {
	if opt.MaxUncompressed <= 0 {
		opt.MaxUncompressed = DefaultMaxUncompressed
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotZip, err)
	}
	a := &archive{files: map[string]*zip.File{}, budget: opt.MaxUncompressed}
	for _, f := range zr.File {
		a.files[partName(f.Name)] = f
	}
	main := a.mainPart()
	if a.files[partName(main)] == nil {
		return nil, ErrNoDocument
	}
	dir := path.Dir(main)
	r := &reader{arch: a, encs: map[string]bool{}, main: main}
	if err := r.loadStyles(path.Join(dir, "styles.xml")); err != nil {
		return nil, err
	}
	if err := r.loadNumbering(path.Join(dir, "numbering.xml")); err != nil {
		return nil, err
	}
	if err := r.readPart(main, partBody); err != nil {
		return nil, err
	}
	for _, p := range []string{"footnotes.xml", "endnotes.xml"} {
		if err := r.readPart(path.Join(dir, p), partNotes); err != nil {
			return nil, err
		}
	}
	doc := &Document{Paras: r.out, LegacyRuns: r.legacyRuns, Warnings: r.warnings}
	doc.Title, doc.Created = a.coreProps()
	for e := range r.encs {
		doc.Encodings = append(doc.Encodings, e)
	}
	slices.Sort(doc.Encodings)
	return doc, nil
}

// archive is the opened zip with a decompression budget shared by every part read.
type archive struct {
	files  map[string]*zip.File
	budget int64
}

// open returns a reader of the named part that fails with ErrTooLarge once the archive's budget is
// spent, or nil when the part is absent.
func (a *archive) open(name string) (io.ReadCloser, error) {
	f := a.files[partName(name)]
	if f == nil {
		return nil, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &limitedPart{rc: rc, a: a}, nil
}

type limitedPart struct {
	rc   io.ReadCloser
	a    *archive
	done bool // the part ended exactly where the budget did
}

func (l *limitedPart) Read(p []byte) (int, error) {
	if l.done {
		return 0, io.EOF
	}
	if l.a.budget <= 0 {
		return 0, ErrTooLarge
	}
	if int64(len(p)) > l.a.budget {
		p = p[:l.a.budget]
	}
	n, err := l.rc.Read(p)
	l.a.budget -= int64(n)
	if l.a.budget <= 0 && err == nil {
		// The budget is spent: the part must end here.
		var one [1]byte
		m, perr := l.rc.Read(one[:])
		if m > 0 {
			return n, ErrTooLarge
		}
		l.done = perr == io.EOF
		err = perr
	}
	return n, err
}

func (l *limitedPart) Close() error { return l.rc.Close() }

// partName is the key of a part in archive.files: OPC part names are case-insensitive, and some
// tools write backslashes or a leading slash.
func partName(name string) string {
	return strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(name, "\\", "/"), "/"))
}

// mainPart returns the target of the officeDocument relationship of _rels/.rels, or
// word/document.xml when the relationships say nothing usable.
func (a *archive) mainPart() string {
	const def = "word/document.xml"
	rels, err := a.relationships("_rels/.rels")
	if err != nil {
		return def
	}
	for _, rel := range rels {
		if strings.HasSuffix(rel.typ, "/officeDocument") {
			t := strings.TrimPrefix(path.Clean("/"+rel.target), "/")
			if a.files[partName(t)] != nil {
				return t
			}
		}
	}
	return def
}
