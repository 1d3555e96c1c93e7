package vntext

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// Legacy Vietnamese encodings, as named in Document.Encoding and warnings.
const (
	TCVN3  = "tcvn3"
	VNI    = "vni"
	VISCII = "viscii"
	VIQR   = "viqr"
	CP1258 = "cp1258"
)

// FontEncoding returns the legacy encoding a font name implies: ".VnTime", ".VnArial" (with or
// without a subset prefix such as "ABCDEF+") mean TCVN3, "VNI-Times" means VNI; "" for a Unicode
// font. upper reports a TCVN3 capitals font (".VnTimeH"), whose lower-case codes draw capitals.
func FontEncoding(font string) (enc string, upper bool) {
	if i := strings.IndexByte(font, '+'); i >= 0 && i <= 7 {
		font = font[i+1:]
	}
	f := strings.ToLower(strings.TrimSpace(font))
	switch {
	case strings.HasPrefix(f, ".vn"):
		base := strings.FieldsFunc(font, func(r rune) bool { return r == ',' || r == '-' || r == ' ' })[0]
		return TCVN3, strings.HasSuffix(base, "H")
	case strings.HasPrefix(f, "vni-") || strings.HasPrefix(f, "vni "):
		return VNI, false
	}
	return "", false
}

// legacyTSV is the decoding table of TCVN3, VNI and VISCII (regenerate with gen_tables.sh).
//
//go:embed legacy_tables.tsv
var legacyTSV string

// byteTable decodes one legacy encoding: a string per byte, and for VNI a string per pair of
// bytes (letter + mark byte), which wins over the single bytes (longest sequence first).
type byteTable struct {
	single [256]string
	pair   map[[2]byte]string
	encode map[rune]string // the reverse, for Encode and the fingerprints
}

var (
	tablesOnce     sync.Once
	tables         map[string]*byteTable
	cp1252         [256]rune     // Windows-1252, undefined bytes read as the C1 control of Latin-1
	cp1252Rev      map[rune]byte // the characters of 0x80-0x9F back to their byte
	tableEncodings = [...]string{TCVN3, VNI, VISCII}
)

// legacyTables parses the embedded table once.
func legacyTables() map[string]*byteTable {
	tablesOnce.Do(func() {
		initCP1252()
		tables = map[string]*byteTable{}
		for _, enc := range tableEncodings {
			t := &byteTable{pair: map[[2]byte]string{}, encode: map[rune]string{}}
			for b := 0; b < 256; b++ {
				r := cp1252[b]
				if enc == VISCII {
					r = rune(b) // VISCII keeps Latin-1 where it does not place a letter
				}
				t.single[b] = string(r)
			}
			tables[enc] = t
		}
		for _, line := range strings.Split(legacyTSV, "\n") {
			addTableRow(line)
		}
		for _, enc := range tableEncodings {
			buildEncoder(enc, tables[enc])
		}
	})
	return tables
}

func initCP1252() {
	cp1252Rev = map[rune]byte{}
	dec := charmap.Windows1252.NewDecoder()
	for b := 0; b < 256; b++ {
		out, err := dec.Bytes([]byte{byte(b)})
		r, _ := utf8.DecodeRune(out)
		if err != nil || r == utf8.RuneError {
			r = rune(b)
		}
		cp1252[b] = r
		if b >= 0x80 && b < 0xA0 {
			cp1252Rev[r] = byte(b)
		}
	}
}

// addTableRow adds one "encoding<TAB>hex bytes<TAB>unicode" row of the embedded table.
func addTableRow(line string) {
	f := strings.Split(line, "\t")
	if len(f) != 3 || strings.HasPrefix(line, "#") {
		return
	}
	var bs []byte
	for _, h := range strings.Fields(f[1]) {
		v, err := strconv.ParseUint(h, 16, 8)
		if err != nil {
			return
		}
		bs = append(bs, byte(v))
	}
	var t *byteTable
	switch f[0] {
	case "TCVN3":
		t = tables[TCVN3]
	case "TCVN5712-1":
		// VN1 puts capitals at 0x80-0x9F, where ABC (.VnTime) files keep the Windows quotes and
		// dashes; elsewhere VN1 only adds codes ABC leaves free.
		if bs[0] >= 0x80 && bs[0] < 0xA0 {
			return
		}
		t = tables[TCVN3]
		if _, ok := t.encode[[]rune(f[2])[0]]; ok {
			return
		}
	case "VNI-Windows":
		t = tables[VNI]
	case "VISCII":
		t = tables[VISCII]
	default:
		return
	}
	switch len(bs) {
	case 1:
		t.single[bs[0]] = f[2]
	case 2:
		t.pair[[2]byte{bs[0], bs[1]}] = f[2]
	default:
		return
	}
	t.encode[[]rune(f[2])[0]] = string(bs)
}

// buildEncoder completes the reverse table with the bytes that decode to themselves.
func buildEncoder(enc string, t *byteTable) {
	for b := 0; b < 256; b++ {
		r := []rune(t.single[b])
		if len(r) != 1 {
			continue
		}
		_, seen := t.encode[r[0]]
		_, _, letter := splitLetter(r[0])
		if !seen && (b < 0x80 || enc == VISCII || r[0] >= 0x80 && !letter) {
			t.encode[r[0]] = string([]byte{byte(b)})
		}
	}
}

// decodeLegacy decodes b, bytes in the legacy encoding enc, to NFC text.
func decodeLegacy(b []byte, enc string) string {
	switch enc {
	case CP1258:
		out, err := charmap.Windows1258.NewDecoder().Bytes(b)
		if err != nil {
			return string(b)
		}
		return norm.NFC.String(string(out))
	case VIQR:
		return decodeVIQR(string(b))
	case Windows1252:
		legacyTables()
		rs := make([]rune, len(b))
		for i, c := range b {
			rs[i] = cp1252[c]
		}
		return string(rs)
	}
	t := legacyTables()[enc]
	if t == nil {
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/2)
	for i := 0; i < len(b); i++ {
		if i+1 < len(b) && len(t.pair) > 0 {
			if s, ok := t.pair[[2]byte{b[i], b[i+1]}]; ok {
				sb.WriteString(s)
				i++
				continue
			}
		}
		sb.WriteString(t.single[b[i]])
	}
	out := norm.NFC.String(sb.String())
	if enc == TCVN3 {
		out = upperCapitalFontWords(out)
	}
	return out
}

// upperCapitalFontWords upper-cases the lines and words of TCVN3 text typed in a capitals font
// (.VnTimeH), which draws the lower-case codes as capitals: "TR¦êNG §¹I HäC" decodes to
// "TRƯờNG ĐạI HọC" and becomes "TRƯỜNG ĐẠI HỌC". A line or word qualifies when its ASCII letters,
// at least two, are all capitals and another letter is lower case.
func upperCapitalFontWords(s string) string {
	if !strings.ContainsFunc(s, unicode.IsUpper) {
		return s
	}
	lines := strings.SplitAfter(s, "\n")
	for i, l := range lines {
		if upperASCII(l) < 2 {
			continue
		}
		if capitalFontRun(l) {
			lines[i] = strings.ToUpper(l)
			continue
		}
		words := strings.SplitAfter(l, " ")
		for k, w := range words {
			if capitalFontRun(w) {
				words[k] = strings.ToUpper(w)
			}
		}
		lines[i] = strings.Join(words, "")
	}
	return strings.Join(lines, "")
}

// upperASCII counts the ASCII capitals of s.
func upperASCII(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			n++
		}
	}
	return n
}

// capitalFontRun reports a run whose ASCII letters, at least two, are capitals while another
// letter is lower case.
func capitalFontRun(w string) bool {
	upper, lowerOther := 0, false
	for _, r := range w {
		switch {
		case r >= 'A' && r <= 'Z':
			upper++
		case r >= 'a' && r <= 'z':
			return false
		case r >= utf8.RuneSelf && unicode.IsLower(r):
			lowerOther = true
		}
	}
	return upper >= 2 && lowerOther
}

// runeByte returns the byte a character stands for when legacy bytes were read as Windows-1252
// or Latin-1: the rune itself up to 0xFF, the byte of a Windows-1252 character of 0x80-0x9F, or
// the low byte of a private-use U+F0xx that symbol-font extraction produces.
func runeByte(r rune) (byte, bool) {
	if r <= 0xFF {
		return byte(r), true
	}
	if r >= 0xF000 && r <= 0xF0FF { // a symbol-font code point (Word, PDF): U+F000 + byte
		return byte(r - 0xF000), true
	}
	legacyTables()
	b, ok := cp1252Rev[r]
	return b, ok
}

// FromLegacyRunes decodes text whose characters stand for the bytes of a legacy encoding, as the
// text of a PDF or DOCX run in a .VnTime or VNI- font reads: each character is a byte, or the
// Windows-1252 character of that byte (or U+F000 + byte). Characters that stand for no byte are
// kept. Pass whole runs of one font: a VNI mark byte must stay with the letter before it. enc is
// one of TCVN3, VNI, VISCII, CP1258, VIQR; any other value returns s unchanged. The result is NFC.
func FromLegacyRunes(s, enc string) string {
	switch enc {
	case TCVN3, VNI, VISCII, CP1258, VIQR:
	default:
		return s
	}
	var out strings.Builder
	out.Grow(len(s) + 8)
	buf := make([]byte, 0, len(s))
	for _, r := range s {
		if b, ok := runeByte(r); ok {
			buf = append(buf, b)
			continue
		}
		out.WriteString(decodeLegacy(buf, enc))
		buf = buf[:0]
		out.WriteRune(r)
	}
	out.WriteString(decodeLegacy(buf, enc))
	return norm.NFC.String(out.String())
}

// Encode writes s in the legacy encoding enc (TCVN3, VNI, VISCII, CP1258 or VIQR), the inverse
// of Decode for that encoding; it is meant for tests and fixtures. TCVN3 uses the ABC codes and,
// for capitals ABC lacks, the TCVN 5712 VN1 codes outside 0x80-0x9F. It fails on a character the
// encoding cannot represent.
func Encode(s, enc string) ([]byte, error) {
	s = norm.NFC.String(s)
	switch enc {
	case CP1258:
		return encodeCP1258(s)
	case VIQR:
		v := encodeVIQR(s)
		for i, r := range v {
			if r >= utf8.RuneSelf {
				return nil, fmt.Errorf("encode viqr: %q at byte %d has no code", r, i)
			}
		}
		return []byte(v), nil
	}
	t := legacyTables()[enc]
	if t == nil {
		return nil, fmt.Errorf("encode: unknown encoding %q", enc)
	}
	out := make([]byte, 0, len(s))
	for i, r := range s {
		seq, ok := t.encode[r]
		if !ok {
			return nil, fmt.Errorf("encode %s: %q at byte %d has no code", enc, r, i)
		}
		out = append(out, seq...)
	}
	return out, nil
}

// cp1258Tone are the Windows-1258 bytes of the combining tone marks, by tone number.
var cp1258Tone = [6]byte{0, 0xCC, 0xEC, 0xD2, 0xDE, 0xF2}

// encodeCP1258 writes precomposed letters where Windows-1258 has them and base letter +
// combining tone otherwise, as Windows and glibc iconv do.
func encodeCP1258(s string) ([]byte, error) {
	enc := charmap.Windows1258.NewEncoder()
	out := make([]byte, 0, len(s))
	for i, r := range s {
		if b, err := enc.Bytes([]byte(string(r))); err == nil && len(b) == 1 {
			out = append(out, b...)
			continue
		}
		base, tone, _ := splitLetter(r)
		b, err := enc.Bytes([]byte(string(base)))
		if err != nil || len(b) != 1 || tone == toneNone {
			return nil, fmt.Errorf("encode cp1258: %q at byte %d has no code", r, i)
		}
		out = append(out, b[0], cp1258Tone[tone])
	}
	return out, nil
}
