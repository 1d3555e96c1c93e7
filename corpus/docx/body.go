package docx

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// reader holds what one Read call knows about the document.
type reader struct {
	arch       *archive
	styles     map[string]*style
	paraCache  map[string]paraStyle
	defPara    string
	defChar    string
	defFont    string
	nums       map[string]*num
	out        []Para
	encs       map[string]bool
	fontEnc    map[string]fontEncoding
	legacyRuns int
	main       string            // the main document part
	rels       map[string]string // relationship id -> part, read on first use
	warnings   []string
}

type partKind int

const (
	partBody  partKind = iota // the main document: paragraphs and tables
	partNotes                 // footnotes.xml or endnotes.xml: one Note per note
)

// paraState is a paragraph being read; text boxes nest paragraphs inside runs.
type paraState struct {
	buf        strings.Builder
	run        strings.Builder
	inRun      bool
	runFont    string
	runStyle   string
	inPPr      bool
	inRPr      bool
	style      string
	outline    int
	numID      string
	ilvl       int
	tableDepth int
}

type tableState struct {
	cells  []string
	cell   strings.Builder
	inCell bool
}

// walker streams one XML part.
type walker struct {
	r      *reader
	d      *xml.Decoder
	paras  []*paraState
	tables []*tableState
	inText bool
	note   *strings.Builder
	open   []xml.Name // the elements open at this point, outermost first
}

// readPart streams the named part; an absent notes part is no error.
func (r *reader) readPart(name string, kind partKind) error {
	rc, err := r.arch.open(name)
	if err != nil {
		return err
	}
	if rc == nil {
		if kind == partBody {
			return ErrNoDocument
		}
		return nil
	}
	defer rc.Close()
	w := &walker{r: r, d: xml.NewDecoder(bufio.NewReaderSize(rc, 64<<10))}
	w.d.CharsetReader = refuseCharset
	if err := w.walk(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// walk reads the part with RawToken, which skips namespace resolution and is about twice as
// fast as Token; it checks itself that every element is closed by its own end tag.
func (w *walker) walk() error {
	for {
		tok, err := w.d.RawToken()
		if err == io.EOF {
			if n := len(w.open); n > 0 {
				return fmt.Errorf("XML syntax error: unexpected end of file inside <%s>", qname(w.open[n-1]))
			}
			return nil
		}
		if err != nil {
			if errors.Is(err, ErrTooLarge) {
				return ErrTooLarge
			}
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			w.open = append(w.open, t.Name)
			if err := w.start(t); err != nil {
				return err
			}
		case xml.EndElement:
			if err := w.close(t.Name); err != nil {
				return err
			}
			w.end(t.Name.Local)
		case xml.CharData:
			if w.inText {
				if p := w.top(); p != nil {
					p.run.Write(t)
				}
			}
		}
	}
}

// close pops the element an end tag closes, which must be the innermost open one.
func (w *walker) close(name xml.Name) error {
	n := len(w.open)
	if n == 0 {
		return fmt.Errorf("XML syntax error: unexpected end element </%s>", qname(name))
	}
	if w.open[n-1] != name {
		return fmt.Errorf("XML syntax error on line %d: element <%s> closed by </%s>", w.line(), qname(w.open[n-1]), qname(name))
	}
	w.open = w.open[:n-1]
	return nil
}

// skip reads past the end of the element just opened, without looking at its content.
func (w *walker) skip() error {
	for depth := 1; depth > 0; {
		tok, err := w.d.RawToken()
		if err == io.EOF {
			return fmt.Errorf("XML syntax error: unexpected end of file inside <%s>", qname(w.open[len(w.open)-1]))
		}
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	w.open = w.open[:len(w.open)-1]
	return nil
}

func (w *walker) line() int {
	l, _ := w.d.InputPos()
	return l
}

func qname(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

func (w *walker) top() *paraState {
	if len(w.paras) == 0 {
		return nil
	}
	return w.paras[len(w.paras)-1]
}

// skipped elements: alternative content already read from mc:Choice, deleted and moved-away
// text, field codes, and the old properties of tracked changes.
var skipped = map[string]bool{
	"Fallback": true, "del": true, "moveFrom": true, "instrText": true, "delText": true,
	"delInstrText": true, "rPrChange": true, "pPrChange": true, "sectPr": true,
}

func (w *walker) start(t xml.StartElement) error {
	name := t.Name.Local
	if skipped[name] {
		return w.skip()
	}
	p := w.top()
	switch name {
	case "p":
		w.paras = append(w.paras, &paraState{outline: -1, ilvl: -1, tableDepth: len(w.tables)})
	case "pPr":
		if p != nil {
			p.inPPr = true
		}
	case "rPr":
		if p != nil {
			p.inRPr = true
		}
	case "r":
		if p != nil {
			p.inRun, p.runFont, p.runStyle = true, "", ""
			p.run.Reset()
		}
	case "t":
		w.inText = p != nil && t.Name.Space != "a" // a:t is DrawingML (chart, SmartArt) text
	case "tbl":
		w.tables = append(w.tables, &tableState{})
	case "tc":
		if n := len(w.tables); n > 0 {
			w.tables[n-1].cell.Reset()
			w.tables[n-1].inCell = true
		}
	case "altChunk":
		return w.altChunk(attr(t, "id"))
	case "footnote", "endnote":
		switch attr(t, "type") {
		case "separator", "continuationSeparator", "continuationNotice":
			return w.skip()
		}
		w.note = &strings.Builder{}
	default:
		if p != nil {
			w.property(p, name, t)
		}
	}
	return nil
}

// property handles the elements inside a paragraph: its properties and the content of runs.
func (w *walker) property(p *paraState, name string, t xml.StartElement) {
	if p.inPPr && !p.inRPr {
		switch name {
		case "pStyle":
			p.style = attr(t, "val")
		case "outlineLvl":
			p.outline = atoi(attr(t, "val"), -1)
		case "numId":
			p.numID = attr(t, "val")
		case "ilvl":
			p.ilvl = atoi(attr(t, "val"), -1)
		}
		return
	}
	if !p.inRun || p.inPPr {
		return
	}
	switch name {
	case "rFonts":
		if f := attr(t, "hAnsi"); f != "" {
			p.runFont = f
		} else if f := attr(t, "ascii"); f != "" {
			p.runFont = f
		}
	case "rStyle":
		p.runStyle = attr(t, "val")
	case "tab", "ptab", "br", "cr":
		if !p.inRPr {
			p.run.WriteByte(' ')
		}
	case "noBreakHyphen":
		p.run.WriteByte('-')
	case "softHyphen":
		// Invisible in Unicode text (vntext.Clean drops it), but in a TCVN3 run it is the byte
		// 0xAD, the letter ư, which Word and LibreOffice store as w:softHyphen.
		p.run.WriteRune('\u00ad')
	case "sym":
		if r := symbol(attr(t, "font"), attr(t, "char")); r != 0 {
			p.run.WriteRune(r)
		}
	}
}

func (w *walker) end(name string) {
	p := w.top()
	switch name {
	case "t":
		w.inText = false
	case "pPr":
		if p != nil {
			p.inPPr = false
		}
	case "rPr":
		if p != nil {
			p.inRPr = false
		}
	case "r":
		if p != nil && p.inRun {
			w.endRun(p)
		}
	case "p":
		if p != nil {
			w.paras = w.paras[:len(w.paras)-1]
			w.endPara(p)
		}
	case "tc", "tr", "tbl":
		w.endTable(name)
	case "footnote", "endnote":
		if w.note != nil {
			if s := strings.TrimSpace(w.note.String()); s != "" {
				w.r.out = append(w.r.out, Para{Text: s, Kind: Note})
			}
			w.note = nil
		}
	}
}

// endTable ends a cell, a row (emitted as one TableRow, cells joined by " | ") or a table.
func (w *walker) endTable(name string) {
	n := len(w.tables)
	if n == 0 {
		return
	}
	t := w.tables[n-1]
	switch name {
	case "tc":
		if s := strings.TrimSpace(t.cell.String()); s != "" {
			t.cells = append(t.cells, s)
		}
		t.inCell = false
	case "tr":
		row := strings.Join(t.cells, " | ")
		t.cells = t.cells[:0]
		w.emit(row, TableRow, 0, n-1)
	case "tbl":
		w.tables = w.tables[:n-1]
	}
}

// endPara gives a finished paragraph its kind and list label and sends it to its container.
func (w *walker) endPara(p *paraState) {
	if p.inRun { // a run left open by a damaged file
		w.endRun(p)
	}
	text := strings.Join(strings.Fields(p.buf.String()), " ")
	ps := w.r.resolvePara(p.style)
	kind, level := Paragraph, 0
	switch {
	case ps.title:
		kind = Title
	case p.outline >= 0 && p.outline < 9:
		kind, level = Heading, p.outline+1
	case p.outline < 0 && ps.heading > 0:
		kind, level = Heading, ps.heading
	}
	numID, ilvl := p.numID, p.ilvl
	if numID == "" {
		numID = ps.numID
	}
	if ilvl < 0 {
		ilvl = max(ps.ilvl, 0)
	}
	if label := w.r.nextLabel(numID, ilvl); label != "" && text != "" {
		text = label + " " + text
		if kind == Paragraph {
			kind, level = ListItem, ilvl+1
		}
	}
	w.emit(text, kind, level, p.tableDepth)
}

// emit sends text to the innermost open container at the given table depth: a table cell, the
// current note, or the output.
func (w *walker) emit(text string, kind Kind, level, depth int) {
	if text == "" {
		return
	}
	if depth > 0 && depth <= len(w.tables) && w.tables[depth-1].inCell {
		c := &w.tables[depth-1].cell
		if c.Len() > 0 {
			c.WriteByte(' ')
		}
		c.WriteString(text)
		return
	}
	if w.note != nil {
		if w.note.Len() > 0 {
			w.note.WriteByte(' ')
		}
		w.note.WriteString(text)
		return
	}
	w.r.out = append(w.r.out, Para{Text: text, Kind: kind, Level: level})
}

func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
