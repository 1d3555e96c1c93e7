package vntext

import "strings"

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

// FromLegacyRunes decodes text whose characters stand for the bytes of a legacy encoding, as the
// text of a PDF or DOCX run in a .VnTime or VNI- font reads: each character is a byte, or the
// Windows-1252 character of that byte. Characters that stand for no byte are kept.
func FromLegacyRunes(s, enc string) string {
	return s
}

// Repair finds text that is legacy-encoded or mis-decoded (mojibake) and decodes it when the
// result is clearly better Vietnamese; it returns the text and the encoding it decoded from, or s
// and "" when s needs no repair.
func Repair(s string) (fixed, enc string) {
	return s, ""
}
