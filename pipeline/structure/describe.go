package structure

import "thamluan/corpus"

// The first pass of Segment describes every block once: what kind of line it is (its heading
// level, whether it reads as a title, the author line it holds, the speaker lead that opens it).
// The noise filter, the shape detector, the segmenters and the workshop reader then read these
// descriptions instead of asking the same questions of the same text again, as layout analysers
// classify the lines of a page before they assemble them. The rules stay where they are
// (headingLevel, isTitleLike, parseAuthorLine, newsLead); a description only records their
// answers, each the first time it is asked.

// block is a block of the document with its description.
type block struct {
	corpus.Block
	d *desc
}

// desc records what the rules say of one text. A question about another text (a block whose
// text a pass has trimmed or cut, a line of a block) is answered by the rule itself.
type desc struct {
	text string
	have uint8 // the askX bits of the answers recorded

	level     int
	titleLike bool
	author    authorLine
	lead      leadLine
}

// authorLine and leadLine are the answers of parseAuthorLine and newsLead.
type (
	authorLine struct {
		sp speaker
		ok bool
	}
	leadLine struct {
		l  lead
		ok bool
	}
)

const (
	askLevel = 1 << iota
	askTitle
	askAuthor
	askLead
)

// describes reports whether d records the answers about t.
func (d *desc) describes(t string) bool { return d != nil && t == d.text }

// recall returns *v, asking rule(t) first unless the bit of *have says the answer is recorded.
func recall[T any](have *uint8, bit uint8, v *T, t string, rule func(string) T) T {
	if *have&bit == 0 {
		*v, *have = rule(t), *have|bit
	}
	return *v
}

// describeBlocks returns the blocks with an empty description each, filled as the passes ask.
func describeBlocks(in []corpus.Block) []block {
	descs := make([]desc, len(in))
	out := make([]block, len(in))
	for i, b := range in {
		descs[i].text = b.Text
		out[i] = block{Block: b, d: &descs[i]}
	}
	return out
}

// withText returns b holding text t, described afresh when t is another text.
func (b block) withText(t string) block {
	if t != b.Text {
		b.Text, b.d = t, &desc{text: t}
	}
	return b
}

// headingLevel is headingLevel(t), recorded when t is the described text.
func (d *desc) headingLevel(t string) int {
	if d.describes(t) {
		return recall(&d.have, askLevel, &d.level, t, headingLevel)
	}
	return headingLevel(t)
}

// isTitleLike is isTitleLike(t), recorded when t is the described text.
func (d *desc) isTitleLike(t string) bool {
	if !d.describes(t) {
		return isTitleLike(t)
	}
	return recall(&d.have, askTitle, &d.titleLike, t, isTitleLike)
}

// parseAuthorLine is parseAuthorLine(t), recorded when t is the described text; the rule reads
// the description too (whether t reads as a title, a document's label).
func (d *desc) parseAuthorLine(t string) (speaker, bool) {
	a := authorLine{}
	if d.describes(t) {
		a = recall(&d.have, askAuthor, &d.author, t, func(t string) authorLine {
			sp, ok := authorLineOf(d, t)
			return authorLine{sp, ok}
		})
	} else {
		a.sp, a.ok = parseAuthorLine(t)
	}
	return a.sp, a.ok
}

// newsLead is newsLead(t), recorded when t is the described text.
func (d *desc) newsLead(t string) (lead, bool) {
	if !d.describes(t) {
		return newsLead(t)
	}
	l := recall(&d.have, askLead, &d.lead, t, func(t string) leadLine {
		l, ok := newsLead(t)
		return leadLine{l, ok}
	})
	return l.l, l.ok
}

// level returns the heading level of b's text (headingLevel).
func (b block) level() int { return b.d.headingLevel(b.Text) }

// titleLike reports whether b's text reads as a title (isTitleLike).
func (b block) titleLike() bool { return b.d.isTitleLike(b.Text) }

// author returns the author line b's text holds (parseAuthorLine).
func (b block) author() (speaker, bool) { return b.d.parseAuthorLine(b.Text) }

// newsLead returns the speaker lead that opens b's text (newsLead).
func (b block) newsLead() (lead, bool) { return b.d.newsLead(b.Text) }

// paperLabel reports whether b's text names the kind of document (isPaperLabel).
func (b block) paperLabel() bool { return paperLabelOf(b.d, b.Text) }
