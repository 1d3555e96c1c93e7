package htmldoc

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding"
)

// blockTags are the elements that start a new block; the others are inline.
var blockTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true, "blockquote": true,
	"li": true, "ul": true, "ol": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true,
	"h6": true, "table": true, "tr": true, "td": true, "th": true, "thead": true, "tbody": true,
	"tfoot": true, "figure": true, "figcaption": true, "dl": true, "dt": true, "dd": true,
	"pre": true, "address": true, "center": true, "hr": true, "header": true, "caption": true,
}

// ctx is what the ancestors of a node say about its text.
type ctx struct {
	caption bool   // inside a figure, figcaption or an element with a caption class
	enc     string // the legacy encoding of the font the text is set in, "" for Unicode
	upper   bool   // the font is a TCVN3 capitals font
}

// blockWriter turns the article tree into blocks: inline text accumulates in buf until a block
// element starts or ends.
type blockWriter struct {
	blocks  []Block
	buf     strings.Builder
	kind    Kind
	level   int
	lastBr  bool // the last thing written was a <br>
	caption bool
	pageEnc encoding.Encoding // see pageEncoding
	legacy  map[string]int    // text nodes decoded per legacy encoding
}

// walk writes the children of n.
func (w *blockWriter) walk(n *html.Node, c ctx) {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		switch ch.Type {
		case html.TextNode:
			if strings.TrimSpace(ch.Data) != "" {
				w.lastBr = false
			}
			if c.enc != "" {
				w.buf.WriteString(w.legacyText(ch.Data, c))
			} else {
				w.buf.WriteString(ch.Data)
			}
		case html.ElementNode:
			w.element(ch, c)
		}
	}
}

func (w *blockWriter) element(n *html.Node, c ctx) {
	if n.Data == "br" {
		if w.lastBr { // two <br> in a row end a paragraph
			w.flush()
		}
		w.buf.WriteByte(' ')
		w.lastBr = true
		return
	}
	if n.Data == "img" {
		return
	}
	if isCaption(n) {
		c.caption = true
	}
	if enc, upper, ok := fontOf(n); ok {
		c.enc, c.upper = enc, upper
	}
	if !blockTags[n.Data] && !isCaption(n) {
		w.walk(n, c)
		return
	}
	if n.Data == "table" && !c.caption && !isLayoutTable(n) {
		w.flush()
		w.table(n)
		return
	}
	kind, level := w.kind, w.level
	switch n.Data {
	case "h1":
		kind, level = Title, 0
	case "h2", "h3", "h4", "h5", "h6":
		kind, level = Heading, int(n.Data[1]-'1')
	case "li":
		kind, level = ListItem, 0
	case "p", "blockquote", "dd", "dt", "pre", "address", "figcaption":
		kind, level = Paragraph, 0
	}
	w.block(n, c, kind, level)
}

// block writes n as a block of the given kind: what came before is flushed, then n's text.
func (w *blockWriter) block(n *html.Node, c ctx, kind Kind, level int) {
	w.flush()
	savedKind, savedLevel, savedCaption := w.kind, w.level, w.caption
	w.kind, w.level, w.caption = kind, level, c.caption
	w.walk(n, c)
	w.flush()
	w.kind, w.level, w.caption = savedKind, savedLevel, savedCaption
}

// flush ends the current block.
func (w *blockWriter) flush() {
	text := collapse(w.buf.String())
	w.buf.Reset()
	w.lastBr = false
	if text == "" {
		return
	}
	kind, level := w.kind, w.level
	if w.caption {
		kind, level = Caption, 0
	}
	w.add(text, kind, level)
}

// add appends a block, dropping an immediate repeat (a title printed twice).
func (w *blockWriter) add(text string, kind Kind, level int) {
	if n := len(w.blocks); n > 0 && w.blocks[n-1].Text == text {
		return
	}
	w.blocks = append(w.blocks, Block{Text: text, Kind: kind, Level: level})
}

// table writes one block per row, the texts of its cells joined by " | ".
func (w *blockWriter) table(t *html.Node) {
	for n := range t.Descendants() {
		if n.Type != html.ElementNode || n.Data != "tr" || nearestTable(n) != t {
			continue
		}
		var cells []string
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (c.Data == "td" || c.Data == "th") {
				if s := textOf(c); s != "" {
					cells = append(cells, s)
				}
			}
		}
		if len(cells) > 0 {
			w.add(strings.Join(cells, " | "), TableRow, 0)
		}
	}
}

func nearestTable(n *html.Node) *html.Node {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.Data == "table" {
			return p
		}
	}
	return nil
}

// isLayoutTable reports whether a table lays out the page rather than holding data: one of its
// cells holds paragraphs or a long text.
func isLayoutTable(t *html.Node) bool {
	for n := range t.Descendants() {
		if n.Type != html.ElementNode || (n.Data != "td" && n.Data != "th") || nearestTable(n) != t {
			continue
		}
		for d := range n.Descendants() {
			if d.Type == html.ElementNode && (d.Data == "p" || d.Data == "div" || d.Data == "table") {
				return true
			}
		}
		if len(textOf(n)) > 400 {
			return true
		}
	}
	return false
}

// isCaption reports whether an element holds an image caption: figure, figcaption, a class such
// as PhotoCMS_Caption or image-caption, or a table of class "image" (a picture and its caption).
func isCaption(n *html.Node) bool {
	switch n.Data {
	case "figure", "figcaption":
		return true
	}
	names := strings.ToLower(attr(n, "class"))
	if strings.Contains(names, "caption") {
		return true
	}
	if n.Data == "table" || n.Data == "div" {
		for _, tok := range strings.Fields(names) {
			switch tok {
			case "image", "picture", "photo", "img", "pic", "vcsortableinpreviewmode", "imgcaption", "desc_image":
				return true
			}
		}
	}
	return false
}
