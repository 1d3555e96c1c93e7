package htmldoc

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"

	"thamluan/corpus/vntext"
)

// fontOf returns the legacy encoding implied by the font an element names, in <font face> or
// in a style's font-family (as Word's "Save as Web Page" and LibreOffice write them); ok is false
// when the element names no font, so that it inherits its parent's.
func fontOf(n *html.Node) (enc string, upper, ok bool) {
	family := ""
	if n.Data == "font" {
		family = attr(n, "face")
	}
	if st := attr(n, "style"); family == "" && st != "" {
		low := strings.ToLower(st)
		if i := strings.Index(low, "font-family"); i >= 0 {
			v := st[i+len("font-family"):]
			v = strings.TrimLeft(v, " \t\r\n:")
			if j := strings.IndexAny(v, ";"); j >= 0 {
				v = v[:j]
			}
			family = v
		}
	}
	if family == "" {
		return "", false, false
	}
	if i := strings.IndexByte(family, ','); i >= 0 {
		family = family[:i]
	}
	family = strings.Trim(strings.TrimSpace(family), `"'`)
	enc, upper = vntext.FontEncoding(family)
	return enc, upper && enc != "", true
}

// fontCtx returns the legacy font context of the content of n, from n and its ancestors.
func fontCtx(n *html.Node) ctx {
	var chain []*html.Node
	for p := n; p != nil; p = p.Parent {
		chain = append(chain, p)
	}
	var c ctx
	for i := len(chain) - 1; i >= 0; i-- {
		if enc, upper, ok := fontOf(chain[i]); ok && chain[i].Type == html.ElementNode {
			c.enc, c.upper = enc, upper
		}
	}
	return c
}

// legacyText decodes the text of an element in a legacy font: the page's characters are turned
// back into the bytes the page's charset gave them, and the bytes are read in the font's
// encoding. A capitals font (.VnTimeH) upper-cases the result.
func (w *blockWriter) legacyText(s string, c ctx) string {
	if w.pageEnc != nil {
		if b, err := w.pageEnc.NewEncoder().String(s); err == nil {
			if cp, err := charmap.Windows1252.NewDecoder().String(b); err == nil {
				s = cp
			}
		}
	}
	s = vntext.FromLegacyRunes(s, c.enc)
	if c.upper {
		s = strings.ToUpper(s)
	}
	if w.legacy == nil {
		w.legacy = map[string]int{}
	}
	w.legacy[c.enc]++
	return s
}

// pageEncoding is the encoding to undo before legacy decoding: nil when the page's characters
// already stand for Windows-1252 bytes (UTF-8 pages, windows-1252 pages).
func pageEncoding(e encoding.Encoding, name string) encoding.Encoding {
	if name == "utf-8" || name == "windows-1252" {
		return nil
	}
	return e
}
