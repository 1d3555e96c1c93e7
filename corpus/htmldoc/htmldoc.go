// Package htmldoc extracts the article of a saved web page: it decodes the page's charset, finds
// the article body (an <article>, [itemprop=articleBody], a known content class, else the element
// with the most paragraph text), drops navigation, share widgets, related-news lists and comment
// sections, and returns the article's paragraphs, headings, list items, table rows and image
// captions in reading order. It does not import package corpus.
package htmldoc

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"
)

// Kind says what a block of an article is.
type Kind int

// The kinds of block Read returns.
const (
	Paragraph Kind = iota // running text: p, blockquote, text of a div
	Heading               // h2-h6
	ListItem              // li
	TableRow              // a table row, cells joined by " | "
	Caption               // figcaption and image captions: page furniture
	Title                 // the page's h1
)

// String returns the kind's name.
func (k Kind) String() string {
	switch k {
	case Heading:
		return "heading"
	case ListItem:
		return "list-item"
	case TableRow:
		return "table-row"
	case Caption:
		return "caption"
	case Title:
		return "title"
	}
	return "paragraph"
}

// Block is one paragraph-like unit of the article. Text has entities decoded and whitespace
// collapsed but is not normalised (the caller applies NFC).
type Block struct {
	Text  string
	Kind  Kind
	Level int // heading level: h2 is 1, h3 is 2, ..., h6 is 5; 0 for other kinds
}

// Document is the article of a web page.
type Document struct {
	Title      string   // the h1, else og:title, else <title>
	Charset    string   // the encoding the page was decoded from, in WHATWG naming ("utf-8", "windows-1258")
	Legacy     []string // legacy encodings of font-tagged text decoded (.VnTime: "tcvn3"), sorted
	LegacyRuns int      // text nodes decoded from a legacy encoding
	Blocks     []Block  // the title block first when the page has an h1, then the article

	OGTitle   string // og:title of the page's <meta> elements, "" when absent
	Headline  string // headline of the page's JSON-LD, "" when absent
	PageTitle string // the page's <title>, "" when absent
	// Published is the publication date as the page writes it (article:published_time,
	// JSON-LD datePublished, itemprop datePublished, pubdate), unparsed; "" when absent.
	Published string
}

// ErrNoContent is returned for a page whose body holds no text.
var ErrNoContent = errors.New("the page has no text")

// Read extracts the article of the HTML page held in data.
func Read(data []byte) (*Document, error) {
	text, enc, cs, err := decode(data)
	if err != nil {
		return nil, err
	}
	root, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("parse html: %w", err)
	}
	doc := &Document{Charset: cs}
	h1 := findTitle(root, doc)
	readMeta(root, doc)
	removeJunk(root)
	body := articleRoot(root)
	if body == nil {
		return nil, ErrNoContent
	}
	w := &blockWriter{pageEnc: pageEncoding(enc, cs)}
	if h1 != nil && !contains(body, h1) {
		w.block(h1, fontCtx(h1), Title, 0)
	}
	if sapo := leadOutside(root, body); sapo != nil {
		w.block(sapo, fontCtx(sapo), Paragraph, 0)
	}
	w.walk(body, fontCtx(body))
	w.flush()
	w.finish(doc)
	if len(doc.Blocks) == 0 && doc.Title == "" {
		return nil, ErrNoContent
	}
	return doc, nil
}

// finish moves the blocks and the legacy-font counts to doc; when legacy fonts were decoded, the
// title is taken from the decoded title block rather than the raw h1.
func (w *blockWriter) finish(doc *Document) {
	doc.Blocks = w.blocks
	for e, n := range w.legacy {
		doc.Legacy = append(doc.Legacy, e)
		doc.LegacyRuns += n
	}
	slices.Sort(doc.Legacy)
	if len(w.legacy) == 0 {
		return
	}
	for _, b := range doc.Blocks {
		if b.Kind == Title {
			doc.Title = b.Text
			return
		}
	}
}

// decode returns the page as UTF-8 and the name of its encoding. Valid UTF-8 with non-ASCII
// bytes is taken as UTF-8 whatever the page declares (browsers re-encode saved pages); otherwise
// the BOM or the meta charset decides, and an undeclared legacy page is read as windows-1258.
func decode(data []byte) (string, encoding.Encoding, string, error) {
	if bytes.IndexByte(data, 0) >= 0 && !bytes.HasPrefix(data, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return "", nil, "", errors.New("not text: the page holds NUL bytes")
	}
	enc, name, certain := charset.DetermineEncoding(data, "")
	if !certain || name == "utf-8" {
		if utf8.Valid(data) {
			return string(bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})), nil, "utf-8", nil
		}
		if name == "utf-8" || name == "windows-1252" && !declares(data) {
			enc, name = charmap.Windows1258, "windows-1258"
		}
	}
	out, _, err := transform.Bytes(enc.NewDecoder(), data)
	if err != nil {
		return "", nil, "", fmt.Errorf("decode %s: %w", name, err)
	}
	return string(out), enc, name, nil
}

// declares reports whether the head of the page names a charset.
func declares(data []byte) bool {
	head := bytes.ToLower(data[:min(len(data), 4096)])
	return bytes.Contains(head, []byte("charset"))
}

// findTitle sets doc.Title from the first h1 of the page, else og:title, else <title>, and
// returns the h1 used.
func findTitle(root *html.Node, doc *Document) *html.Node {
	var h1, og, title *html.Node
	var ogText string
	for n := range root.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.Data {
		case "h1":
			if h1 == nil && textOf(n) != "" && !inJunk(n) && !strings.Contains(strings.ToLower(attr(n, "class")), "logo") {
				h1 = n
			}
		case "meta":
			if og == nil && (attr(n, "property") == "og:title" || attr(n, "name") == "og:title") {
				og, ogText = n, attr(n, "content")
			}
		case "title":
			if title == nil {
				title = n
			}
		}
	}
	switch {
	case h1 != nil:
		doc.Title = textOf(h1)
	case strings.TrimSpace(ogText) != "":
		doc.Title = collapse(ogText)
	case title != nil:
		doc.Title = textOf(title)
	}
	return h1
}

// inJunk reports whether n or one of its ancestors is furniture.
func inJunk(n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if isJunk(n) {
			return true
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// textOf returns the text of n with whitespace collapsed; inline elements join without a space,
// so a word split by <b> stays whole, while block elements and <br> separate words.
func textOf(n *html.Node) string {
	var b strings.Builder
	appendText(&b, n)
	return collapse(b.String())
}

func appendText(b *strings.Builder, n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			b.WriteString(c.Data)
		case html.ElementNode:
			sep := c.Data == "br" || blockTags[c.Data]
			if sep {
				b.WriteByte(' ')
			}
			appendText(b, c)
			if sep {
				b.WriteByte(' ')
			}
		}
	}
}

// collapse joins the words of s with single spaces; NBSP counts as a space.
func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// contains reports whether n is d or an ancestor of d.
func contains(n, d *html.Node) bool {
	for ; d != nil; d = d.Parent {
		if d == n {
			return true
		}
	}
	return false
}
