package pdf

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	lpdf "github.com/ledongthuc/pdf"

	"thamluan/corpus/vntext"
)

// maxStream bounds the decoded size of one content stream or CMap.
const maxStream = 256 << 20

// font is what the text layer needs of a PDF font: how to cut shown strings into codes, the
// text and the advance width of each code.
type font struct {
	name      string
	legacy    string // vntext.TCVN3 or vntext.VNI for a legacy-encoded font
	upper     bool   // a TCVN3 capitals font
	composite bool   // Type0: multi-byte codes, CID widths
	encCMap   *cmap  // codespace of a Type0 font's embedded encoding CMap
	toUni     *cmap
	simple    [256]string
	first     int
	widths    []float64          // simple fonts, from FirstChar
	cidW      map[uint32]float64 // composite fonts, from /W
	dw        float64            // default width
	scale     float64            // glyph units to text space: 0.001, or FontMatrix[0] for Type3
	vscale    float64            // vertical glyph units to text space (Type3 FontMatrix[3])
	bold      bool
}

// loadFont reads a font dictionary. It recovers from malformed parts by leaving them out.
func loadFont(v lpdf.Value, read streamFunc) (f *font) {
	f = &font{scale: 0.001, vscale: 0.001, dw: 1000, simple: winAnsi}
	defer func() {
		if r := recover(); r != nil {
			f.simple = winAnsi
		}
	}()
	f.name = v.Key("BaseFont").Name()
	if f.name == "" {
		f.name = v.Key("Name").Name()
	}
	f.legacy, f.upper = vntext.FontEncoding(f.name)
	sub := v.Key("Subtype").Name()
	if tu := v.Key("ToUnicode"); tu.Kind() == lpdf.Stream {
		if b, err := read(tu); err == nil {
			f.toUni = parseCMap(b)
		}
	}
	desc := v.Key("FontDescriptor")
	if sub == "Type0" {
		f.loadComposite(v, read)
		desc = v.Key("DescendantFonts").Index(0).Key("FontDescriptor")
	} else {
		f.loadSimple(v, sub, read)
	}
	n := strings.ToLower(f.name)
	f.bold = strings.Contains(n, "bold") || strings.Contains(n, "black") || strings.Contains(n, "heavy") ||
		desc.Key("FontWeight").Float64() >= 600 || desc.Key("Flags").Int64()&(1<<18) != 0
	return f
}

func (f *font) loadSimple(v lpdf.Value, sub string, read streamFunc) {
	f.dw = v.Key("FontDescriptor").Key("MissingWidth").Float64()
	if f.dw == 0 {
		f.dw = 500
	}
	f.first = int(v.Key("FirstChar").Int64())
	ws := v.Key("Widths")
	for i := 0; i < ws.Len() && i < 256; i++ {
		f.widths = append(f.widths, ws.Index(i).Float64())
	}
	if sub == "Type3" {
		m := v.Key("FontMatrix")
		if a := m.Index(0).Float64(); a != 0 {
			f.scale = a
		}
		if d := m.Index(3).Float64(); d != 0 {
			f.vscale = abs(d)
		}
	}
	enc := v.Key("Encoding")
	if enc.IsNull() || enc.Kind() == lpdf.Dict && enc.Key("BaseEncoding").IsNull() {
		f.builtinEncoding(v.Key("FontDescriptor").Key("FontFile"), read)
	}
	base := enc
	if enc.Kind() == lpdf.Dict {
		base = enc.Key("BaseEncoding")
	}
	switch base.Name() {
	case "MacRomanEncoding":
		f.simple = macRoman
	case "StandardEncoding":
		f.simple = standard
	}
	diffs := enc.Key("Differences")
	c := 0
	for i := 0; i < diffs.Len(); i++ {
		d := diffs.Index(i)
		switch d.Kind() {
		case lpdf.Integer:
			c = int(d.Int64())
		case lpdf.Name:
			if c >= 0 && c < 256 {
				f.simple[c] = glyphText(d.Name())
			}
			c++
		}
	}
}

func (f *font) loadComposite(v lpdf.Value, read streamFunc) {
	f.composite = true
	if enc := v.Key("Encoding"); enc.Kind() == lpdf.Stream {
		if b, err := read(enc); err == nil {
			f.encCMap = parseCMap(b)
		}
	}
	d := v.Key("DescendantFonts").Index(0)
	if dw := d.Key("DW"); !dw.IsNull() {
		f.dw = dw.Float64()
	}
	f.cidW = map[uint32]float64{}
	w := d.Key("W")
	for i := 0; i < w.Len(); {
		c := uint32(w.Index(i).Int64())
		next := w.Index(i + 1)
		if next.Kind() == lpdf.Array {
			for j := 0; j < next.Len(); j++ {
				f.cidW[c+uint32(j)] = next.Index(j).Float64()
			}
			i += 2
			continue
		}
		last := uint32(next.Int64())
		wd := w.Index(i + 2).Float64()
		for cc := c; cc <= last && cc-c < 1<<16; cc++ {
			f.cidW[cc] = wd
		}
		i += 3
	}
}

// builtinEncoding reads the encoding vector of an embedded Type1 font program ("dup 200
// /Ohorn put" lines of its clear-text part), which applies when the font dictionary names no base
// encoding: TeX fonts for Vietnamese carry their glyph names only there.
func (f *font) builtinEncoding(ff lpdf.Value, read streamFunc) {
	if ff.Kind() != lpdf.Stream {
		return
	}
	data, err := read(ff)
	if err != nil {
		return
	}
	if i := bytes.Index(data, []byte("eexec")); i >= 0 {
		data = data[:i]
	}
	l := lexer{b: data}
	var win [3]operand
	for {
		var op operand
		kw, isOp, ok := l.next(&op)
		if !ok {
			return
		}
		if !isOp {
			win[0], win[1], win[2] = win[1], win[2], op
			continue
		}
		if kw == "put" && win[1].kind == kNum && win[2].kind == kName {
			if c := int(win[1].num); c >= 0 && c < 256 {
				if t := glyphText(string(win[2].str)); t != "" {
					f.simple[c] = t
				}
			}
		}
		win = [3]operand{}
	}
}

// codes cuts a shown string into character codes.
func (f *font) codes(s []byte, out []uint32) []uint32 {
	if !f.composite {
		for _, b := range s {
			out = append(out, uint32(b))
		}
		return out
	}
	if f.encCMap != nil && len(f.encCMap.space) > 0 {
		return f.encCMap.split(s, 2, out)
	}
	return (*cmap)(nil).split(s, 2, out)
}

// text returns the Unicode text of a code: ToUnicode first, then the simple encoding.
func (f *font) text(c uint32) string {
	if f.toUni != nil {
		if s, ok := f.toUni.lookup(c); ok {
			return s
		}
	}
	if f.composite {
		return ""
	}
	if f.legacy != "" {
		return string(rune(c)) // the byte itself: FromLegacyRunes reads it back
	}
	return f.simple[c&0xFF]
}

// width returns the advance of a code in glyph units.
func (f *font) width(c uint32) float64 {
	if f.composite {
		if w, ok := f.cidW[c]; ok {
			return w
		}
		return f.dw
	}
	i := int(c) - f.first
	if i >= 0 && i < len(f.widths) {
		return f.widths[i]
	}
	return f.dw
}

// streamFunc returns the decoded data of a stream.
type streamFunc func(lpdf.Value) ([]byte, error)

// streamBytes returns the decoded data of a stream, recovering from the library's panics on
// unknown filters and corrupt data.
func streamBytes(v lpdf.Value) (b []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("corrupt stream: %v", r)
		}
	}()
	rc := v.Reader()
	defer rc.Close()
	b, err = io.ReadAll(io.LimitReader(rc, maxStream))
	if err != nil && len(b) > 0 {
		err = nil // keep what a truncated stream gave
	}
	return b, err
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
