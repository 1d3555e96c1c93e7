package export

import (
	"sort"
	"strings"
	"unicode/utf8"

	"thamluan/corpus"
	"thamluan/index"
)

// SectionText is a section's plain text rebuilt from its stored sentences (sentences of one
// paragraph joined by a space, paragraphs by a blank line), with each sentence's range in it.
type SectionText struct {
	Text   string
	Ranges []Range // one per sentence, in characters (Unicode code points)
}

// Range is a half-open range of characters.
type Range struct{ Start, End int }

// BuildText rebuilds the text of a section.
func BuildText(sec *index.SectionRecord) SectionText {
	var b strings.Builder
	var out SectionText
	n, para := 0, 0
	for i, x := range sec.Sentences {
		sep := ""
		if i > 0 {
			sep = " "
			if x.Paragraph != para {
				sep = "\n\n"
			}
		}
		para = x.Paragraph
		b.WriteString(sep)
		n += len(sep)
		l := utf8.RuneCountInString(x.Text)
		b.WriteString(x.Text)
		out.Ranges = append(out.Ranges, Range{n, n + l})
		n += l
	}
	out.Text = b.String()
	return out
}

// themeOf returns the set of theme ids of a section.
func themeOf(tags []corpus.ThemeTag) map[string]bool {
	m := make(map[string]bool, len(tags))
	for _, t := range tags {
		m[t.ID] = true
	}
	return m
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
