package corpus

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"thamluan/corpus/vntext"
)

// readText reads a plain-text file (.txt, .md): it decodes the encoding (UTF-8, UTF-16, or a
// legacy Vietnamese one, repairing mojibake), then makes one block per paragraph. Blank lines
// separate paragraphs; hard-wrapped lines of one paragraph are joined. Document.Encoding names the
// source encoding when it was not plain UTF-8, and a warning reports text whose share of
// well-formed words is below vntext.LowQualityThreshold.
func readText(path string, data []byte) (*Document, error) {
	text, enc, err := vntext.Decode(data)
	if err != nil {
		return nil, fmt.Errorf("decode text: %w", err)
	}
	doc := &Document{Blocks: TextBlocks(text, 0), Warnings: []string{}}
	if enc != vntext.UTF8 && enc != vntext.UTF8BOM {
		doc.Encoding = enc
	}
	if enc == vntext.Windows1252 {
		doc.Warnings = append(doc.Warnings, "8-bit text in no Vietnamese encoding recognised, read as windows-1252")
	}
	doc.Quality = vntext.Quality(text)
	if doc.Quality < vntext.LowQualityThreshold {
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("low text quality (%.2f): many words are not well-formed Vietnamese syllables; the file may be garbled or in an unrecognised encoding", doc.Quality))
	}
	return doc, nil
}

// TextBlocks splits text into paragraph blocks on the given page. A line joins the previous one
// when the text is hard-wrapped: the previous line is long, does not end a sentence and the next
// line does not start a heading or a list item.
func TextBlocks(text string, page int) []Block {
	var blocks []Block
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			blocks = append(blocks, Block{Text: strings.Join(cur, " "), Kind: BlockParagraph, Page: page})
			cur = cur[:0]
		}
	}
	lines := strings.Split(text, "\n")
	wrapped := isHardWrapped(lines)
	for _, raw := range lines {
		line := strings.TrimSpace(strings.ReplaceAll(raw, "\t", " "))
		line = strings.Join(strings.Fields(line), " ")
		if line == "" || line == "\f" {
			flush()
			continue
		}
		if len(cur) > 0 && !(wrapped && continues(cur[len(cur)-1], line)) {
			flush()
		}
		cur = append(cur, line)
	}
	flush()
	return blocks
}

// isHardWrapped reports whether most non-empty lines have about the same, moderate length, as in
// text wrapped at a fixed width.
func isHardWrapped(lines []string) bool {
	n, long := 0, 0
	for _, l := range lines {
		c := utf8.RuneCountInString(strings.TrimSpace(l))
		if c == 0 {
			continue
		}
		n++
		if c >= 55 && c <= 100 {
			long++
		}
	}
	return n >= 6 && long*2 >= n
}

// continues reports whether next continues the paragraph whose last line is prev.
func continues(prev, next string) bool {
	if utf8.RuneCountInString(prev) < 45 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(prev)
	if strings.ContainsRune(".!?:;”\"", last) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(next)
	if strings.ContainsRune("-+•*–", first) {
		return false
	}
	return unicode.IsLower(first) || unicode.IsDigit(first) || unicode.IsPunct(first) || !unicode.IsUpper(first) || !strings.ContainsRune(".!?", last)
}
