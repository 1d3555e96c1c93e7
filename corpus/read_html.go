package corpus

import (
	"fmt"
	"strings"

	"thamluan/corpus/htmldoc"
	"thamluan/corpus/vntext"
)

// htmlKinds maps the block kinds of package htmldoc to block kinds.
var htmlKinds = map[htmldoc.Kind]BlockKind{
	htmldoc.Paragraph: BlockParagraph,
	htmldoc.Heading:   BlockHeading,
	htmldoc.ListItem:  BlockListItem,
	htmldoc.TableRow:  BlockTable,
	htmldoc.Caption:   BlockCaption,
	htmldoc.Title:     BlockTitle,
}

// readHTML reads a saved web page: the article body only, with image captions kept as caption
// blocks and text in legacy fonts (<font face=".VnTime">) decoded, in NFC.
func readHTML(path string, data []byte) (*Document, error) {
	h, err := htmldoc.Read(data)
	if err != nil {
		return nil, fmt.Errorf("html: %w", err)
	}
	doc := &Document{Title: htmlMetaTitle(h), Date: NormalizeDate(h.Published), Blocks: make([]Block, 0, len(h.Blocks))}
	if h.Charset != "utf-8" {
		doc.Encoding = h.Charset
	}
	if len(h.Legacy) > 0 {
		doc.Encoding = strings.Join(h.Legacy, "+")
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("%d text runs in legacy fonts decoded from %s", h.LegacyRuns, doc.Encoding))
	}
	var all strings.Builder
	for _, b := range h.Blocks {
		text := strings.TrimSpace(vntext.Clean(b.Text))
		if text == "" {
			continue
		}
		doc.Blocks = append(doc.Blocks, Block{Text: text, Kind: htmlKinds[b.Kind], Level: b.Level})
		if b.Kind != htmldoc.Caption {
			all.WriteString(text)
			all.WriteByte('\n')
		}
	}
	if len(doc.Blocks) == 0 {
		doc.Warnings = append(doc.Warnings, "the page has no article text")
	}
	doc.Quality = vntext.Quality(all.String())
	return doc, nil
}

// htmlMetaTitle is the title a page's metadata states: og:title, else the JSON-LD headline,
// else the <title> without the site's name; the h1 is a title block and is chosen before it.
func htmlMetaTitle(h *htmldoc.Document) string {
	for _, t := range []string{h.OGTitle, h.Headline, pageTitle(h.PageTitle)} {
		if t = strings.TrimSpace(vntext.Clean(t)); t != "" {
			return t
		}
	}
	return ""
}
