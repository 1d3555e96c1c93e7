package structure

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"thamluan/corpus"
)

// The front matter of a volume or a thesis: its table of contents, the title of its cover and an
// inner cover that repeats it.

// pageNumberEndRE matches the page number that ends an entry of a table of contents.
var pageNumberEndRE = regexp.MustCompile(`(?:^|\s|\.{2,}|…)\d{1,3}$`)

// markContents returns blocks with the entries of a volume's table of contents, the lines after
// "MỤC LỤC" that end with a page number or whose next line does, marked as notes: an entry names
// a contribution and its author but opens none.
func markContents(blocks []block) []block {
	at := -1
	for i, b := range blocks {
		if len(b.Text) > 32 {
			continue // "MỤC LỤC", "NỘI DUNG" alone on their line
		}
		if f := strings.Trim(foldLower(b.Text), " .:"); f == "muc luc" || f == "noi dung" {
			at = i
			break
		}
	}
	if at < 0 {
		return blocks
	}
	end := at + 1
	for end < len(blocks) && isContentsEntry(blocks, end) {
		end++
	}
	if end == at+1 {
		return blocks
	}
	out := slices.Clone(blocks)
	for i := at + 1; i < end; i++ {
		out[i].Kind = corpus.BlockNote
	}
	return out
}

// isContentsEntry reports whether blocks[i] is an entry of a table of contents, or a line of one:
// every line is short and no sentence, and ends with a page number or stands over at most three
// such lines of which the last does ("CHƯƠNG 2" over the chapter's title over "........ 23").
func isContentsEntry(blocks []block, i int) bool {
	var lines []string // the lines of blocks[i], then of the next blocks, for the look ahead
	for j := i; j < len(blocks) && j < i+4; j++ {
		lines = append(lines, strings.Split(blocks[j].Text, "\n")...)
	}
	own := strings.Count(blocks[i].Text, "\n") + 1
	for k := 0; k < own; k++ {
		if !contentsLineUpTo(lines, k, k+3) {
			return false
		}
	}
	return true
}

// contentsLineUpTo reports whether lines[k] is a short line that is no sentence, ending with a page
// number or followed, before lines[limit], by such lines of which one does.
func contentsLineUpTo(lines []string, k, limit int) bool {
	for ; k < len(lines) && k <= limit; k++ {
		l := strings.TrimSpace(lines[k])
		if l == "" || utf8.RuneCountInString(l) > 160 {
			return false
		}
		if pageNumberEndRE.MatchString(l) {
			return true
		}
		if endsSentence(l) {
			return false
		}
	}
	return false
}

// coverTitleLines returns how many lines from blocks[i] the title of a cover spans: an upper-case
// title wrapped over up to three lines, when the place and date of the volume follow them.
func coverTitleLines(blocks []block, i int) int {
	if !blocks[i].titleLike() {
		return 1
	}
	for n := 1; n <= 3 && i+n < len(blocks); n++ {
		next := blocks[i+n].Text
		if placeDateRE.MatchString(next) || datedLineRE.MatchString(next) {
			return n
		}
		if !isTitleLike(next) || isVolumeLabel(next) || headingLevel(next) != 0 || utf8.RuneCountInString(next) > 120 {
			return 1
		}
		if sp, ok := orgName(next); ok && sp.Name == strings.TrimSpace(next) {
			return 1 // an organiser under the title
		}
	}
	return 1
}

// joinTexts joins the texts of blocks with spaces.
func joinTexts(blocks []block) string {
	parts := make([]string, len(blocks))
	for i, b := range blocks {
		parts[i] = strings.TrimSpace(b.Text)
	}
	return strings.Join(parts, " ")
}

// coverYearRE matches the place and year at the foot of a thesis's cover: "CẦN THƠ - 2022".
var coverYearRE = regexp.MustCompile(`^\p{Lu}[\p{L} .]{1,40}?\s*[-–,]\s*\d{4}$`)

// coverRepeatSpan is how many blocks after a paper's title may repeat its cover (an inner cover).
const coverRepeatSpan = 40

// coverRepeats returns blocks[i:], the body of a paper, with the upper-case lines among its first
// blocks that repeat a line above the body (the inner cover of a thesis: the university, the
// author, the title, "THÁI NGUYÊN - 2020") marked as notes: they head no section.
func coverRepeats(blocks []block, i int) []block {
	cover := map[string]bool{}
	for _, b := range blocks[:i] {
		for _, l := range strings.Split(b.Text, "\n") {
			cover[strings.TrimSpace(l)] = true
		}
	}
	body := blocks[i:]
	cloned := false
	for k := 0; k < len(body) && k < coverRepeatSpan; k++ {
		t := strings.TrimSpace(body[k].Text)
		if !cover[t] || !isTitleLike(t) || !isRunningText(body[k]) {
			continue
		}
		if !cloned {
			body, cloned = slices.Clone(body), true
		}
		body[k].Kind = corpus.BlockNote
	}
	return body
}
