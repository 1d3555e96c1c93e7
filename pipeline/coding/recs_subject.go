package coding

import (
	"strings"

	"thamluan/corpus/vntext"
)

// The subject and the addressee of a recommendation: who is to act, read from the tokens
// around its modal or proposal verb.

// sentenceStart returns the first token after enumerators and list openers ("Thứ nhất,").
func (m *compiledMood) sentenceStart(toks []token) int {
	s := 0
	for s < len(toks) && (toks[s].num || len(toks[s].norm) <= 4 && vntext.IsLowerRoman(toks[s].norm) || len([]rune(toks[s].norm)) == 1) && s < 2 {
		s++
	}
	if _, n := m.openers.at(toks, s); n > 0 {
		s += n
	}
	return s
}

// subjectOf returns the subject before a modal at i when it names a body ("Huyện ủy cần ...",
// "Các chi bộ nên ..."): the words from the clause start to the modal, at most seven.
func (m *compiledMood) subjectOf(toks []token, i int) string {
	s := i
	for s > 0 && !toks[s].pause {
		s--
	}
	if s < i && m.openers.has(toks, s) {
		return ""
	}
	at := s
	if determiners.has(toks, s) {
		at++
	}
	if s == i || i-s > 7 || !m.addr.has(toks, at) {
		return ""
	}
	return joinTokens(toks, s, i)
}

// addresseeAt returns the body named at token k: an addressee head extended by the capitalised
// words of its name ("Ban Tổ chức Tỉnh ủy", "Huyện ủy Thọ Xuân") or by "cấp trên", "các cấp".
func (m *compiledMood) addresseeAt(toks []token, k int) string {
	if j := m.addresseeEnd(toks, k); j > k {
		return joinTokens(toks, k, j)
	}
	return ""
}

// addresseeEnd returns the end of the body named at token k (see addresseeAt), or k.
func (m *compiledMood) addresseeEnd(toks []token, k int) int {
	if k >= len(toks) {
		return k
	}
	d := k
	if determiners.has(toks, k) && m.addr.has(toks, k+1) {
		d = k + 1 // "các đảng ủy trực thuộc", "mỗi chi bộ"
	}
	_, n := m.addr.at(toks, d)
	if n == 0 {
		return k
	}
	j := d + n
	for j < len(toks) && j-k < 9 && !toks[j].pause {
		w := toks[j].norm
		if _, an := m.addr.at(toks, j); an > 1 && toks[j].upper {
			j += an // "Ban Tổ chức Trung ương": a head written with a lower-case second word
			continue
		}
		switch {
		case toks[j].upper:
		case (w == "ủy" || w == "uỷ") && toks[j-1].upper:
		case levelWords[w] && (j == d+n || toks[j-1].upper): // "Liên đoàn Lao động tỉnh"
		case j >= 2 && toks[j-1].upper && toks[j-2].upper && !m.verbLike(toks, j):
			// the lower-case end of a name's word: "Ban Chấp hành", "Hội Nông dân"
		case (w == "trong" || w == "của" || w == "thuộc") && j+1 < len(toks) && toks[j+1].upper:
			// "Mỗi đồng chí trong Ban Thường vụ"
		case (w == "cấp" || w == "các") && j+1 < len(toks) && (toks[j+1].norm == "trên" || toks[j+1].norm == "cấp"):
			j++
		case w == "trong" || w == "ở" || w == "tại":
			// "Các chi bộ trong doanh nghiệp nhà nước tiếp tục ...": a scope, then the action
			return m.scopeEnd(toks, j)
		default:
			return j
		}
		j++
	}
	return j
}

// verbLike reports an action, modal or proposal verb (or an item adverb) at k: the predicate
// after a body's name, not part of it.
func (m *compiledMood) verbLike(toks []token, k int) bool {
	return m.action.has(toks, k) || itemAdverbs.has(toks, k) || m.modals.has(toks, k) || m.proposal.has(toks, k)
}

// joinTokens returns the words of tokens [i, j) joined by single spaces, as written.
func joinTokens(toks []token, i, j int) string {
	parts := make([]string, 0, j-i)
	for _, t := range toks[i:j] {
		parts = append(parts, t.text)
	}
	return strings.Join(parts, " ")
}
