package vntext

import (
	"strings"
	"unicode/utf8"
)

// Repair finds text that is legacy-encoded or mis-decoded (mojibake) and decodes it when the
// result is clearly better Vietnamese; it returns the text and the encoding it decoded from, or s
// and "" when s needs no repair. It recognises legacy bytes (TCVN3, VNI, VISCII, CP1258) shown
// as Windows-1252 or Latin-1 characters ("§¶ng", "Ñaûng", "ÐaÒng") and UTF-8 read as
// Windows-1252 ("Äáº£ng", reported as MisreadUTF8). The whole text is tried first, then each line
// on its own, so that a few broken lines in good text are repaired too. Text without the traces
// of mojibake returns at once.
func Repair(s string) (fixed, enc string) {
	if !suspicious(s) {
		return s, ""
	}
	if f, e, ok := repairRun(s); ok {
		return f, e
	}
	if !strings.Contains(strings.TrimRight(s, "\n"), "\n") {
		return s, ""
	}
	lines := strings.SplitAfter(s, "\n")
	counts := map[string]int{}
	for i, l := range lines {
		if !suspicious(l) {
			continue
		}
		if f, e, ok := repairRun(l); ok {
			lines[i] = f
			counts[e]++
		}
	}
	for e, n := range counts {
		if enc == "" || n > counts[enc] || n == counts[enc] && e < enc {
			enc = e
		}
	}
	if enc == "" {
		return s, ""
	}
	return strings.Join(lines, ""), enc
}

// repairRun converts s back to the bytes its characters stand for and keeps the decoding with
// the most well-formed syllables if it beats s by 0.25 and reaches 0.5. Candidates are scored on
// the first detectSample bytes; only the winner is decoded whole.
func repairRun(s string) (string, string, bool) {
	b, ok := toLegacyBytes(s)
	if !ok {
		return "", "", false
	}
	sb, ss := b, s
	if len(b) > detectSample {
		sb = b[:detectSample]
		ss = s[:runePrefixLen(s, detectSample)]
	}
	base, n := syllableShare(ss)
	if n == 0 {
		return "", "", false
	}
	bestEnc, bestScore := "", base
	try := func(cand, enc string) {
		if sc, _ := syllableShare(cand); sc > bestScore {
			bestEnc, bestScore = enc, sc
		}
	}
	if utf8.Valid(b) {
		try(string(sb), MisreadUTF8) // a cut through a UTF-8 sequence only costs one word
	}
	for _, enc := range []string{TCVN3, VNI, VISCII, CP1258} {
		try(decodeLegacy(sb, enc), enc)
	}
	if bestEnc == "" || bestScore < base+0.25 || bestScore < 0.5 {
		return "", "", false
	}
	if bestEnc == MisreadUTF8 {
		return string(b), bestEnc, true
	}
	return decodeLegacy(b, bestEnc), bestEnc, true
}

// runePrefixLen returns the byte length of the first n runes of s.
func runePrefixLen(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// toLegacyBytes returns the bytes the characters of s stand for (see runeByte), or false when a
// character stands for no byte.
func toLegacyBytes(s string) ([]byte, bool) {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		b, ok := runeByte(r)
		if !ok {
			return nil, false
		}
		out = append(out, b)
	}
	return out, true
}

// suspicious reports the traces of mojibake: a Latin-1 character that Vietnamese text does not
// use (§ ¶ µ Ö Ñ ð ...), a Windows-1252 letter Vietnamese lacks (ƒ Š Œ ™ ...), or two marked
// Latin-1 vowels in a row (ôò, êì: one syllable has one tone).
func suspicious(s string) bool {
	prevMarked := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			prevMarked = false
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		marked := r <= 0xFF && latin1Viet[r]
		switch {
		case r >= 0x80 && r <= 0xFF && !marked && r != 0xA0 && r != '«' && r != '»':
			return true
		case marked && prevMarked:
			return true
		case r > 0xFF && r <= 0x2122 && isCP1252Only(r):
			return true
		}
		prevMarked = marked
	}
	return false
}

// latin1Viet marks the Latin-1 letters Vietnamese uses (à á â ã è é ê ì í ò ó ô õ ù ú ý and
// their capitals).
var latin1Viet = func() (t [256]bool) {
	for _, r := range "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ" {
		t[r] = true
	}
	return t
}()

// isCP1252Only reports the Windows-1252 characters of 0x80-0x9F that Vietnamese text never uses.
func isCP1252Only(r rune) bool {
	switch r {
	case 'ƒ', 'Š', 'Œ', 'Ž', 'š', 'œ', 'ž', 'Ÿ', 'ˆ', '˜', '™', '†', '‡', '‰', '‹', '›':
		return true
	}
	return false
}
