package pdf

import (
	"strconv"
	"strings"
	"testing"
)

func TestLexer(t *testing.T) {
	tests := []struct {
		in   string
		want []string // operands as kind:value, operators as op:name
	}{
		{"BT /F1 12 Tf (a\\(b\\)\\101) Tj ET", []string{"op:BT", "name:F1", "num:12", "op:Tf", "str:a(b)A", "op:Tj", "op:ET"}},
		{"<48 65 6c6C 6f> Tj <4> Tj", []string{"str:Hello", "op:Tj", "str:@", "op:Tj"}},
		{"[(A) -250 (B)] TJ", []string{"arr:3", "op:TJ"}},
		{"/Span <</ActualText (x) /Nested <<>> >> BDC EMC", []string{"name:Span", "dict", "op:BDC", "op:EMC"}},
		{"% comment\n1.5 -.5 +3 cm", []string{"num:1.5", "num:-0.5", "num:3", "op:cm"}},
		{"BI /W 4 /H 4 ID \x00\xffEI\x01 EI Q", []string{"op:BI", "op:Q"}},
		{"(unterminated", []string{"str:unterminated"}},
		{"1..2 --3 Td", []string{"num:1", "num:0", "op:Td"}},
		{") ] } > Q", []string{"op:Q"}},
		{strings.Repeat("[", 100000) + "(deep)" + strings.Repeat("]", 100000) + " TJ", []string{"arr:1", "op:TJ"}},
	}
	for _, tt := range tests {
		l := lexer{b: []byte(tt.in)}
		var got []string
		for {
			var op operand
			kw, isOp, ok := l.next(&op)
			if !ok {
				break
			}
			switch {
			case isOp:
				got = append(got, "op:"+kw)
				if kw == "BI" {
					l.skipInlineImage()
				}
			case op.kind == kNum:
				got = append(got, "num:"+trimFloat(op.num))
			case op.kind == kName:
				got = append(got, "name:"+string(op.str))
			case op.kind == kStr:
				got = append(got, "str:"+string(op.str))
			case op.kind == kArr:
				got = append(got, "arr:"+trimFloat(float64(len(op.arr))))
			default:
				got = append(got, "dict")
			}
		}
		if len(got) != len(tt.want) {
			t.Errorf("%q: got %q, want %q", tt.in, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%q: got %q, want %q", tt.in, got, tt.want)
				break
			}
		}
	}
}

func trimFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

func TestCMap(t *testing.T) {
	src := `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
2 begincodespacerange <00> <7F> <8000> <FFFF> endcodespacerange
3 beginbfchar <01> <0041> <02> <00660069> <8001> <D835DC00> endbfchar
2 beginbfrange <10> <12> <1EA0> <20> <21> [<0111> <01B0>] endbfrange
endcmap`
	m := parseCMap([]byte(src))
	tests := []struct {
		code uint32
		want string
		ok   bool
	}{
		{0x01, "A", true},
		{0x02, "fi", true},
		{0x8001, "𝐀", true},
		{0x10, "Ạ", true},
		{0x12, "Ả", true},
		{0x21, "ư", true},
		{0x13, "", false},
	}
	for _, tt := range tests {
		got, ok := m.lookup(tt.code)
		if got != tt.want || ok != tt.ok {
			t.Errorf("lookup(%#x) = %q, %v; want %q, %v", tt.code, got, ok, tt.want, tt.ok)
		}
	}
	codes := m.split([]byte{0x01, 0x80, 0x01, 0x21}, 1, nil)
	if len(codes) != 3 || codes[0] != 0x01 || codes[1] != 0x8001 || codes[2] != 0x21 {
		t.Errorf("split by codespace = %#x, want [0x1 0x8001 0x21]", codes)
	}
}

func TestGlyphText(t *testing.T) {
	tests := []struct{ name, want string }{
		{"a", "a"},
		{"ohornacute", "ớ"},
		{"Acircumflexdotbelow", "Ậ"},
		{"uhorntilde", "ữ"},
		{"dcroat", "đ"},
		{"Dcroat", "Đ"},
		{"uni1EA1", "ạ"},
		{"uni00660069", "fi"},
		{"u1EF9", "ỹ"},
		{"f_f_i", "ffi"},
		{"a.sc", "a"},
		{"quotedblleft", "“"},
		{"g123", ""},
	}
	for _, tt := range tests {
		if got := glyphText(tt.name); got != tt.want {
			t.Errorf("glyphText(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestPageNumber(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"3", true}, {"- 3 -", true}, {"3/12", true}, {"Trang 3", true}, {"Trang 3 / 12", true},
		{"Page 4 of 9", true}, {"1. Những kết quả đạt được", false}, {"Năm 2024", false}, {"12345", false},
	}
	for _, tt := range tests {
		if got := pageNumber.MatchString(tt.line); got != tt.want {
			t.Errorf("pageNumber(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

func TestLayoutSpacesAndLigatures(t *testing.T) {
	f := &font{}
	g := func(x float64, s string) glyph { return glyph{x: x, y: 700, w: 5, size: 10, text: s, font: f} }
	tests := []struct {
		name   string
		glyphs []glyph
		want   string
	}{
		{"gap makes a space", []glyph{g(0, "a"), g(5, "b"), g(11.5, "c")}, "ab c"},
		{"small gap is kerning", []glyph{g(0, "a"), g(5.9, "b")}, "ab"},
		{"sorted by x", []glyph{g(20, "c"), g(0, "a"), g(5, "b")}, "ab c"},
		{"ligature expanded", []glyph{g(0, "\uFB01"), g(5, "n")}, "fin"},
		{"overprint dropped", []glyph{g(0, "Đ"), g(0.2, "Đ"), g(5, "i")}, "Đi"},
		{"decomposed mark composed", []glyph{g(0, "a"), g(4, "\u0301")}, "á"},
		{"shown space with a narrow advance", []glyph{g(0, "a"), {x: 5.5, y: 700, w: 5, size: 10, text: "b", font: f, order: 1, spaceBefore: true}}, "a b"},
	}
	for _, tt := range tests {
		lines := layout(append([]glyph(nil), tt.glyphs...), 600)
		if len(lines) != 1 || lines[0].Text != tt.want {
			t.Errorf("%s: got %+v, want one line %q", tt.name, lines, tt.want)
		}
	}
}
