package corpus

import (
	"fmt"
	"strings"

	"thamluan/corpus/docx"
	"thamluan/corpus/vntext"
)

// docxKinds maps the paragraph kinds of package docx to block kinds.
var docxKinds = map[docx.Kind]BlockKind{
	docx.Paragraph: BlockParagraph,
	docx.Heading:   BlockHeading,
	docx.ListItem:  BlockListItem,
	docx.TableRow:  BlockTable,
	docx.Note:      BlockNote,
	docx.Title:     BlockTitle,
}

// readDOCX reads a Word document: body paragraphs in order (headings, list items with their
// labels, table rows, text boxes), then footnotes and endnotes; runs in legacy Vietnamese fonts
// are decoded and every text is cleaned to NFC.
func readDOCX(path string, data []byte) (*Document, error) {
	d, err := docx.Read(data, docx.Options{})
	if err != nil {
		return nil, fmt.Errorf("docx: %w", err)
	}
	doc := &Document{Blocks: make([]Block, 0, len(d.Paras))}
	var all strings.Builder
	for _, p := range d.Paras {
		text := strings.TrimSpace(vntext.Clean(p.Text))
		if text == "" {
			continue
		}
		doc.Blocks = append(doc.Blocks, Block{Text: text, Kind: docxKinds[p.Kind], Level: p.Level})
		all.WriteString(text)
		all.WriteByte('\n')
	}
	doc.Title, doc.Date = d.Title, NormalizeDate(d.Created) // the title is chosen in chooseTitle
	doc.Warnings = append(doc.Warnings, d.Warnings...)
	if len(d.Encodings) > 0 {
		doc.Encoding = strings.Join(d.Encodings, "+")
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("%d text runs in legacy fonts decoded from %s", d.LegacyRuns, doc.Encoding))
	}
	if len(doc.Blocks) == 0 {
		doc.Warnings = append(doc.Warnings, "the document has no text")
	}
	doc.Quality = vntext.Quality(all.String())
	return doc, nil
}
