package pdf

import (
	"errors"
	"math"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"time"

	lpdf "github.com/ledongthuc/pdf"
)

// errTimeout stops the interpretation of a page when the document's time limit has passed.
var errTimeout = errors.New("time limit exceeded")

// matrix is a PDF transformation matrix [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n (apply m, then n).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// glyph is one shown character code, placed on the page.
type glyph struct {
	x, y   float64 // baseline origin in page space
	w      float64 // advance in page space
	size   float64 // font size in page space
	text   string
	font   *font
	order  int  // drawing order, to keep the stream order of glyphs at one position
	turned bool // drawn vertically or upside down
	// spaceBefore: a space character was shown just before this glyph.
	spaceBefore bool
}

// gstate is the part of the graphics state the text layer follows.
type gstate struct {
	ctm                matrix
	tc, tw, th, tl, ts float64
	fs                 float64
	font               *font
}

// interp runs the content streams of one page.
type interp struct {
	doc      *docState
	glyphs   []glyph
	gs       gstate
	stack    []gstate
	tm, tlm  matrix
	ops      []operand
	codes    []uint32
	marks    []mark
	space    bool // a blank glyph was shown since the last glyph
	depth    int
	steps    int
	deadline time.Time
}

// run interprets one content stream with its resources.
func (in *interp) run(data []byte, res lpdf.Value) error {
	fonts := map[string]*font{}
	l := lexer{b: data}
	for {
		var op operand
		kw, isOp, ok := l.next(&op)
		if !ok {
			return nil
		}
		if !isOp {
			if len(in.ops) < 64 {
				in.ops = append(in.ops, op)
			}
			continue
		}
		in.steps++
		if in.steps&1023 == 0 && !in.deadline.IsZero() && time.Now().After(in.deadline) {
			return errTimeout
		}
		if kw == "BI" {
			l.skipInlineImage()
		} else if err := in.do(kw, res, fonts); err != nil {
			return err
		}
		in.ops = in.ops[:0]
	}
}

func (in *interp) num(i int) float64 {
	if i < len(in.ops) && in.ops[i].kind == kNum {
		return in.ops[i].num
	}
	return 0
}

// do executes one operator.
func (in *interp) do(kw string, res lpdf.Value, fonts map[string]*font) error {
	n := len(in.ops)
	switch kw {
	case "q":
		if len(in.stack) < 256 {
			in.stack = append(in.stack, in.gs)
		}
	case "Q":
		if len(in.stack) > 0 {
			in.gs = in.stack[len(in.stack)-1]
			in.stack = in.stack[:len(in.stack)-1]
		}
	case "cm":
		if n >= 6 {
			in.gs.ctm = in.mat().mul(in.gs.ctm)
		}
	case "BT":
		in.tm, in.tlm = identity, identity
	case "Tc":
		in.gs.tc = in.num(n - 1)
	case "Tw":
		in.gs.tw = in.num(n - 1)
	case "Tz":
		in.gs.th = in.num(n-1) / 100
	case "TL":
		in.gs.tl = in.num(n - 1)
	case "Ts":
		in.gs.ts = in.num(n - 1)
	case "Tf":
		if n >= 2 && in.ops[n-2].kind == kName {
			in.gs.font = in.font(string(in.ops[n-2].str), res, fonts)
			in.gs.fs = in.num(n - 1)
		}
	case "Td", "TD":
		if n >= 2 {
			tx, ty := in.num(n-2), in.num(n-1)
			if kw == "TD" {
				in.gs.tl = -ty
			}
			in.td(tx, ty)
		}
	case "Tm":
		if n >= 6 {
			in.tm = in.mat()
			in.tlm = in.tm
		}
	case "T*":
		in.td(0, -in.gs.tl)
	case "Tj", "'", "\"":
		if kw != "Tj" {
			if kw == "\"" && n >= 3 {
				in.gs.tw, in.gs.tc = in.num(n-3), in.num(n-2)
			}
			in.td(0, -in.gs.tl)
		}
		if n >= 1 && in.ops[n-1].kind == kStr {
			in.show(in.ops[n-1].str)
		}
	case "TJ":
		if n >= 1 && in.ops[n-1].kind == kArr {
			in.showArray(in.ops[n-1].arr)
		}
	case "BMC":
		in.marks = append(in.marks, mark{start: -1})
	case "BDC":
		m := mark{start: -1}
		if n >= 1 && in.ops[n-1].kind == kOther {
			if t, ok := actualText(in.ops[n-1].str); ok {
				m = mark{start: len(in.glyphs), text: t}
			}
		}
		in.marks = append(in.marks, m)
	case "EMC":
		if k := len(in.marks); k > 0 {
			m := in.marks[k-1]
			in.marks = in.marks[:k-1]
			if m.start >= 0 {
				in.replaceActual(m)
			}
		}
	case "Do":
		if n >= 1 && in.ops[n-1].kind == kName {
			return in.xobject(string(in.ops[n-1].str), res)
		}
	}
	return nil
}

func (in *interp) mat() matrix {
	n := len(in.ops)
	var m matrix
	for i := 0; i < 6; i++ {
		m[i] = in.num(n - 6 + i)
	}
	return m
}

func (in *interp) td(tx, ty float64) {
	in.tlm = matrix{1, 0, 0, 1, tx, ty}.mul(in.tlm)
	in.tm = in.tlm
}

// font returns the font named in the resources, loading it once per document.
func (in *interp) font(name string, res lpdf.Value, fonts map[string]*font) *font {
	if f, ok := fonts[name]; ok {
		return f
	}
	v := res.Key("Font").Key(name)
	var f *font
	if v.Kind() == lpdf.Dict {
		key := v.String()
		if f = in.doc.fonts[key]; f == nil {
			f = loadFont(v, in.doc.read)
			in.doc.fonts[key] = f
		}
	}
	fonts[name] = f
	return f
}

func (in *interp) showArray(arr []operand) {
	for _, a := range arr {
		switch a.kind {
		case kStr:
			in.show(a.str)
		case kNum:
			tx := -a.num / 1000 * in.gs.fs * in.gs.th
			in.tm = matrix{1, 0, 0, 1, tx, 0}.mul(in.tm)
		}
	}
}

// show places the glyphs of one shown string and advances the text matrix.
func (in *interp) show(s []byte) {
	f := in.gs.font
	if f == nil || len(in.glyphs) > 4<<20 {
		return
	}
	in.codes = f.codes(s, in.codes[:0])
	for _, c := range in.codes {
		m := in.tm.mul(in.gs.ctm)
		trm := matrix{in.gs.fs * in.gs.th, 0, 0, in.gs.fs, 0, in.gs.ts}.mul(m)
		w0 := f.width(c) * f.scale
		tx := w0 * in.gs.fs
		tx += in.gs.tc
		if c == 32 && (!f.composite || len(s) == 1) {
			tx += in.gs.tw
		}
		tx *= in.gs.th
		t := f.text(c)
		if isBlank(t) && t != "" {
			in.space = true
		}
		if t != "" && !isBlank(t) {
			if f.legacy != "" {
				in.doc.legacy[f.legacy]++
			}
			size := math.Hypot(trm[2], trm[3]) * f.vscale * 1000
			in.glyphs = append(in.glyphs, glyph{
				x: trm[4], y: trm[5], w: tx * math.Hypot(m[0], m[1]), size: size,
				text: t, font: f, order: len(in.glyphs), turned: math.Abs(m[1]) > math.Abs(m[0]) || m[0] < 0,
				spaceBefore: in.space,
			})
			in.space = false
		}
		in.tm = matrix{1, 0, 0, 1, tx, 0}.mul(in.tm)
	}
}

func isBlank(s string) bool {
	for _, r := range s {
		if r != ' ' && r != '\t' && r != '\u00a0' && r != '\r' && r != '\n' && r != 0 {
			return false
		}
	}
	return true
}

// xobject runs a Form XObject in a saved graphics state.
func (in *interp) xobject(name string, res lpdf.Value) error {
	x := res.Key("XObject").Key(name)
	if x.Key("Subtype").Name() != "Form" || in.depth >= 12 {
		return nil
	}
	data, err := in.doc.read(x)
	if err != nil {
		return nil
	}
	saved, savedStack, tm, tlm := in.gs, len(in.stack), in.tm, in.tlm
	if m := x.Key("Matrix"); m.Len() == 6 {
		var fm matrix
		for i := range fm {
			fm[i] = m.Index(i).Float64()
		}
		in.gs.ctm = fm.mul(in.gs.ctm)
	}
	sub := x.Key("Resources")
	if sub.Kind() != lpdf.Dict {
		sub = res
	}
	in.depth++
	ops := in.ops
	in.ops = nil
	err = in.run(data, sub)
	in.ops = ops
	in.depth--
	in.gs, in.stack, in.tm, in.tlm = saved, in.stack[:min(savedStack, len(in.stack))], tm, tlm
	return err
}

// mark is an open marked-content sequence; start >= 0 when it carries an /ActualText that
// replaces the glyphs drawn from start on.
type mark struct {
	start int
	text  string
}

// replaceActual replaces the glyphs of a marked-content sequence by its /ActualText, placed where
// the first glyph stands and as wide as all of them (LibreOffice draws a letter its font lacks as
// a base glyph plus a mark glyph, mapped to text only through ActualText).
func (in *interp) replaceActual(m mark) {
	if m.start > len(in.glyphs) {
		return
	}
	gs := in.glyphs[m.start:]
	text := strings.TrimSpace(m.text)
	if len(gs) == 0 || text == "" {
		in.glyphs = in.glyphs[:m.start]
		return
	}
	g := gs[0]
	right := g.x + g.w
	if utf8.RuneCountInString(norm.NFC.String(text)) > 1 {
		for _, o := range gs[1:] {
			right = math.Max(right, o.x+o.w)
		}
	}
	g.text, g.w = text, right-g.x
	in.glyphs = append(in.glyphs[:m.start], g)
}
