package vntext

import (
	"bytes"
	"errors"
	"sync"
	"unicode/utf16"
	"unicode/utf8"
)

// ErrBinary is returned by Decode for data that is not text in any encoding it knows.
var ErrBinary = errors.New("not text: binary data")

// Encoding names Decode reports besides the legacy ones.
const (
	UTF8        = "utf-8"
	UTF8BOM     = "utf-8-bom"
	UTF16LE     = "utf-16le"
	UTF16BE     = "utf-16be"
	Windows1252 = "windows-1252"  // 8-bit text that no Vietnamese encoding reads better
	MisreadUTF8 = "utf-8-as-1252" // UTF-8 that was read as Windows-1252 and saved again (Repair)
)

// detectSample is how much of a file trial decoding scores: some 3,000 words.
const detectSample = 16 << 10

// Decode turns the bytes of a text file into clean NFC text (see Clean) and names the encoding
// it found: UTF8, UTF8BOM, UTF16LE, UTF16BE (with or without a byte-order mark), a legacy
// encoding (TCVN3, VNI, VISCII, CP1258, VIQR) or Windows1252. Legacy encodings are recognised
// by the fingerprints of common words and by trial decoding scored by the share of well-formed
// syllables; a candidate is taken only when it clearly beats the text as it stands. Unicode text
// that is mojibake (see Repair) is repaired and named as its Unicode form, "+", and the
// encoding it was repaired from, e.g. "utf-8+tcvn3". Data holding NUL bytes or many control
// characters returns ErrBinary.
func Decode(data []byte) (text, encoding string, err error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return decodeUTF8(data[3:], UTF8BOM)
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return finishUTF16(DecodeUTF16(data[2:], false), UTF16LE)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return finishUTF16(DecodeUTF16(data[2:], true), UTF16BE)
	}
	if be, ok := guessUTF16(data); ok {
		name := UTF16LE
		if be {
			name = UTF16BE
		}
		return finishUTF16(DecodeUTF16(data, be), name)
	}
	return decodeUTF8(data, UTF8)
}

// decodeUTF8 decodes data that has no UTF-16 byte-order mark.
func decodeUTF8(data []byte, name string) (string, string, error) {
	if looksBinary(data) {
		return "", "", ErrBinary
	}
	if !utf8.Valid(data) {
		text, enc := detectLegacy(data)
		return Clean(text), enc, nil
	}
	s := string(data)
	if isASCII(s) {
		if looksVIQR(s) {
			return Clean(decodeVIQR(s)), VIQR, nil
		}
		return Clean(s), name, nil
	}
	return finishUnicode(s, name)
}

// finishUnicode repairs mojibake in decoded Unicode text, then cleans it.
func finishUnicode(s, name string) (string, string, error) {
	if fixed, from := Repair(s); from != "" {
		return Clean(fixed), name + "+" + from, nil
	}
	return Clean(s), name, nil
}

// finishUTF16 refuses decoded UTF-16 that is binary, then finishes it as Unicode text.
func finishUTF16(s, name string) (string, string, error) {
	n, bad := 0, 0
	for _, r := range s {
		n++
		if r == utf8.RuneError || r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' {
			bad++
		}
	}
	if bad*20 > n {
		return "", "", ErrBinary
	}
	return finishUnicode(s, name)
}

// DecodeUTF16 decodes UTF-16 text in the byte order given, without a byte-order mark; an odd
// last byte is dropped.
func DecodeUTF16(b []byte, bigEndian bool) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		if bigEndian {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		} else {
			u = append(u, uint16(b[i+1])<<8|uint16(b[i]))
		}
	}
	return string(utf16.Decode(u))
}

// guessUTF16 recognises UTF-16 without a byte-order mark by its NUL bytes: in Vietnamese or
// English text most characters have a zero high byte or a high byte of 0x1E, 0x00, 0x01.
func guessUTF16(data []byte) (bigEndian, ok bool) {
	n := min(len(data), 1024) &^ 1
	if n < 16 {
		return false, false
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	switch {
	case odd*10 >= half*4 && even*20 < half:
		return false, true
	case even*10 >= half*4 && odd*20 < half:
		return true, true
	}
	return false, false
}

// looksBinary reports NUL bytes or more than 5% control characters other than the white space
// ones (legacy encodings put a few capitals among the C0 codes, so some are allowed).
func looksBinary(data []byte) bool {
	if bytes.IndexByte(data, 0) >= 0 {
		return true
	}
	n := min(len(data), 1<<16)
	ctl := 0
	for _, c := range data[:n] {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' {
			ctl++
		}
	}
	return ctl*20 > n
}

// detectLegacy decodes bytes that are not UTF-8 with the Vietnamese encoding that reads best.
func detectLegacy(data []byte) (string, string) {
	sample := data[:min(len(data), detectSample)]
	asIs, _ := syllableShare(decodeLegacy(sample, Windows1252))
	best, bestText, bestScore := "", "", asIs+0.1
	for _, enc := range []string{TCVN3, VNI, VISCII, CP1258} {
		text := decodeLegacy(sample, enc)
		sc, n := syllableShare(text)
		if n == 0 {
			continue
		}
		sc += 0.02 * float64(min(fingerprintHits(sample, enc), 5))
		if sc > bestScore {
			best, bestText, bestScore = enc, text, sc
		}
	}
	switch {
	case best == "":
		return decodeLegacy(data, Windows1252), Windows1252
	case len(sample) == len(data):
		return bestText, best
	}
	return decodeLegacy(data, best), best
}

// fingerprintWords are the commonest Vietnamese words; encoded, they identify an encoding.
var fingerprintWords = []string{"và", "của", "các", "là", "được", "một", "có", "những", "không",
	"người", "với", "cho", "đảng", "trong"}

var (
	fingerprintOnce sync.Once
	fingerprints    map[string][][]byte
)

// fingerprintHits counts whole-word occurrences of the encoded fingerprint words in b.
func fingerprintHits(b []byte, enc string) int {
	fingerprintOnce.Do(func() {
		fingerprints = map[string][][]byte{}
		for _, e := range []string{TCVN3, VNI, VISCII, CP1258} {
			for _, w := range fingerprintWords {
				if code, err := Encode(w, e); err == nil {
					fingerprints[e] = append(fingerprints[e], code)
				}
			}
		}
	})
	hits := 0
	for _, w := range fingerprints[enc] {
		for rest, off := b, 0; ; {
			i := bytes.Index(rest[off:], w)
			if i < 0 {
				break
			}
			at := off + i
			if (at == 0 || isWordEdge(rest[at-1])) && (at+len(w) == len(rest) || isWordEdge(rest[at+len(w)])) {
				hits++
			}
			off = at + len(w)
		}
	}
	return hits
}

// isWordEdge reports whether byte c (any encoding) surely ends a word: ASCII space or punctuation.
func isWordEdge(c byte) bool {
	return c < 0x80 && !isASCIILetter(c) && !(c >= '0' && c <= '9')
}

// looksVIQR reports whether ASCII text s is VIQR: it has marks after vowels inside words and
// decodes to clearly more well-formed syllables.
func looksVIQR(s string) bool {
	marks := 0
	for i := 1; i+1 < len(s); i++ {
		if isASCIIVowel(s[i-1]) && isVIQRMark(s[i]) && s[i] != '.' && (isASCIILetter(s[i+1]) || isVIQRMark(s[i+1])) ||
			(s[i-1]|0x20) == 'd' && (s[i]|0x20) == 'd' && isASCIIVowel(s[i+1]) && (i == 1 || !isASCIILetter(s[i-2])) {
			marks++
		}
	}
	if marks < 2 {
		return false
	}
	sample := s[:min(len(s), detectSample)]
	before, _ := syllableShare(sample)
	after, _ := syllableShare(decodeVIQR(sample))
	return after >= before+0.2
}
