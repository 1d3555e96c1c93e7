package coding

import (
	"regexp"
	"strings"
	"thamluan/corpus/vntext"

	"thamluan/corpus"
)

var (
	romanHeadingRE  = regexp.MustCompile(`^[IVX]+\s*[.\-–)]`)
	digitHeadingRE  = regexp.MustCompile(`^\d+(\.\d+)*\.?\s`)
	letterHeadingRE = regexp.MustCompile(`^[a-zđ]\)\s`)
)

// numberLevel returns 1 for a roman-numbered heading, 2 for a numbered one, 3 for a lettered
// point and 0 for a title.
func numberLevel(h string) int {
	h = strings.TrimSpace(h)
	switch {
	case romanHeadingRE.MatchString(h):
		return 1
	case digitHeadingRE.MatchString(h):
		return 2
	case letterHeadingRE.MatchString(h):
		return 3
	}
	return 0
}

// pushHeading puts h on the heading path at its level: a title starts a new path.
func pushHeading(path []string, h string) []string {
	level := numberLevel(h)
	out := append([]string(nil), path...)
	for len(out) > 0 && numberLevel(out[len(out)-1]) >= level {
		out = out[:len(out)-1]
	}
	return append(out, h)
}

// sectionPath returns the section's heading path, or its heading alone.
func sectionPath(sec *corpus.Section) []string {
	if len(sec.HeadingPath) > 0 {
		return sec.HeadingPath
	}
	if sec.Heading != "" {
		return []string{sec.Heading}
	}
	return nil
}

// inferPaths returns a heading path for every section: its own when set, else one built from
// the headings of the sections before it by their numbering levels.
func inferPaths(secs []corpus.Section) [][]string {
	out := make([][]string, len(secs))
	var path []string
	for i := range secs {
		s := &secs[i]
		if len(s.HeadingPath) > 0 {
			path = append([]string(nil), s.HeadingPath...)
		} else if s.Heading != "" {
			path = pushHeading(path, s.Heading)
		}
		out[i] = path
	}
	return out
}

// isHeadingLike reports a title in capitals: at least 8 letters, 70% of them upper case, no
// final stop, under 200 characters.
func isHeadingLike(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len([]rune(s)) >= 200 || strings.ContainsAny(s[len(s)-1:], ".?!;") {
		return false
	}
	letters, upper := vntext.CountCase(s)
	return letters >= 8 && float64(upper) >= 0.7*float64(letters)
}

// loneLine reports whether sentence i is a paragraph of its own.
func loneLine(ss []corpus.Sentence, i int) bool {
	p := ss[i].Paragraph
	return (i == 0 || ss[i-1].Paragraph != p) && (i+1 == len(ss) || ss[i+1].Paragraph != p)
}

// actionHeading reports a numbered heading that opens with an action verb: "2. Tăng cường phối
// hợp ...", "b) Ứng dụng công nghệ thông tin ...", the items of a solutions part.
func (t *Tagger) actionHeading(toks []token) bool {
	if len(toks) < 3 || !(toks[0].num || vntext.IsLowerRoman(toks[0].norm) || len([]rune(toks[0].norm)) == 1) {
		return false
	}
	return t.mood.action.has(toks, 1)
}

// dropFixed removes the mood and remedy weights of a heading-like line.
func (a *analysis) dropFixed() {
	out := a.hits[:0]
	for _, h := range a.hits {
		if !h.fixed {
			out = append(out, h)
		}
	}
	a.hits = out
}

// itemStart returns the start of an imperative list item ("Tăng cường ...", "Một là, nâng
// cao ...", "Từng bước số hóa ...") and the end of its action verb, or -1, -1.
//
// Under a recommendations heading an item may name its addressee first, with no modal:
// "Trung ương sớm ban hành ...", "Ban Tổ chức Tỉnh ủy nghiên cứu ...".
func (m *compiledMood) itemStart(toks []token) (int, int) {
	s := addressedItem(toks, m.sentenceStart(toks))
	if e := m.actionAt(toks, s); e > 0 {
		return s, e
	}
	if a := m.addresseeEnd(toks, s); a > s && a < len(toks) && !toks[a].pause {
		if e := m.actionAt(toks, a); e > 0 {
			return a, e
		}
	}
	return -1, -1
}

// actionAt returns the end of an action verb at s, with an item adverb before it ("từng bước
// số hóa"), or 0.
func (m *compiledMood) actionAt(toks []token, s int) int {
	if _, n := m.action.at(toks, s); n > 0 {
		return s + n
	}
	if _, n := itemAdverbs.at(toks, s); n > 0 {
		if _, a := m.action.at(toks, s+n); a > 0 {
			return s + n + a
		}
	}
	return 0
}

// addressedItem skips the addressee of an item written "Với Huyện ủy: ban hành ...", "Đối với
// các chi bộ: phân công ...": the action starts after the colon (a pause within eight words).
func addressedItem(toks []token, s int) int {
	if s >= len(toks) || toks[s].norm != "với" && !(toks[s].norm == "đối" && s+1 < len(toks) && toks[s+1].norm == "với") {
		return s
	}
	for k := s + 1; k < len(toks) && k <= s+8; k++ {
		if toks[k].pause {
			return k
		}
	}
	return s
}

// narrated reports a past marker that is not part of a relative clause ("kết quả đã đạt
// được"): "Thực hiện chủ trương ..., Đảng ủy đã chỉ đạo ..." narrates. A bare "từng" is
// mostly "each" or "step by step" ("từng chi bộ", "từng bước") and does not count.
func (m *compiledMood) narrated(toks []token) bool {
	for i := range toks {
		if _, n := m.past.at(toks, i); n > 0 && !relativeBefore.endingAt(toks, i) && !(n == 1 && toks[i].norm == "từng") {
			return true
		}
	}
	return false
}

// levelWords name the level of a body written after its name: "Liên đoàn Lao động tỉnh".
var levelWords = map[string]bool{"tỉnh": true, "huyện": true, "xã": true, "phường": true, "quận": true}

// itemAdverbs may open an imperative item before its action verb.
var itemAdverbs = newPhraseSet([]string{"từng bước", "tích cực", "khẩn trương", "nghiêm túc",
	"kịp thời", "chủ động", "sớm", "dần dần", "mạnh dạn", "kiên trì", "trực tiếp"})

var relativeBefore = newPhraseSet([]string{"kết quả", "những", "các", "thành tựu", "việc", "gì",
	"điều", "mục tiêu", "chỉ tiêu", "những gì", "tiêu chí", "nhiệm vụ", "công việc", "những việc"})

// stateOwnership returns the negative phrases that name state ownership: those with "nhà
// nước", "một thành viên", "mtv", "dnnn" or "quân đội" in them.
func stateOwnership(neg []string) []string {
	var out []string
	for _, n := range neg {
		for _, w := range []string{"nhà nước", "một thành viên", "mtv", "dnnn", "quân đội"} {
			if strings.Contains(n, w) {
				out = append(out, n)
				break
			}
		}
	}
	return out
}

// carryOwnership returns the context for the sentences after toks. A sentence that states a
// company's state ownership ("Công ty ... là doanh nghiệp 100% vốn nhà nước") without a strong
// cue of the theme blocks the theme's light cues for the rest of the section: its later "công
// ty", "ban giám đốc", "công nhân" are the state company's. A later strong cue ("các doanh
// nghiệp tư nhân") lifts the block.
func (t *Tagger) carryOwnership(ctx *sectionCtx, toks []token) *sectionCtx {
	for k := range t.themes {
		ct := &t.themes[k]
		if ct.th.NegativeBlocks <= 0 {
			continue
		}
		strong := ct.strongCue(toks)
		at, _ := ct.state.find(toks, 0, len(toks))
		if block := at >= 0 && !strong; block != ctx.blocked[k] && (block || strong) {
			c := *ctx
			c.blocked = append([]bool(nil), ctx.blocked...)
			c.blocked[k] = block
			ctx = &c
		}
	}
	return ctx
}

// firstOf returns the index of the first sentence of sentence i's paragraph.
func firstOf(ss []corpus.Sentence, i int) int {
	for i > 0 && ss[i-1].Paragraph == ss[i].Paragraph {
		i--
	}
	return i
}

// continuesSpeaker reports a paragraph of a news report that goes on quoting the speaker of the
// one before by a pronoun ("Theo ông, ...", "Bà đề nghị ...", not "Ông Vũ Minh Khang ...") or
// opens on the people just named ("Đây là những người ...", "Họ ...").
func continuesSpeaker(toks []token) bool {
	if len(toks) < 3 {
		return false
	}
	if _, n := backReferences.at(toks, 0); n > 0 {
		return true
	}
	k := 0
	if toks[0].norm == "theo" {
		k = 1
	}
	if !speakerPronouns[toks[k].norm] {
		return false
	}
	return k == 1 && toks[2].pause || k == 0 && !toks[1].upper
}

var speakerPronouns = map[string]bool{"ông": true, "bà": true, "anh": true, "chị": true}

// backReferences open a sentence on what the paragraph before named.
var backReferences = newPhraseSet([]string{"đây là", "đó là", "họ", "những người này", "số này", "các đơn vị này", "những đơn vị này"})

// hasEnterpriseNoun reports a word for an enterprise in toks.
func hasEnterpriseNoun(toks []token) bool {
	at, _ := enterpriseNouns.find(toks, 0, len(toks))
	return at >= 0
}

var enterpriseNouns = newPhraseSet([]string{"doanh nghiệp", "công ty", "tập đoàn", "hộ kinh doanh", "cơ sở kinh doanh", "nhà máy"})
