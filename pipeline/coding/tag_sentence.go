package coding

import "sort"

// analysis is what the tagger found in one sentence before the section context is applied.
type analysis struct {
	text string
	toks []token
	hits []hit
	mood moodResult
}

// analyze finds the cues and rules of every theme in a sentence, made of the tokens toks, and
// its mood.
func (t *Tagger) analyze(text string, toks []token, ctx *sectionCtx) *analysis {
	a := &analysis{text: text, toks: toks}
	meta := t.mood.metaSpans(a.toks)
	t.mood.framedSpans(text, a.toks, meta)
	raw := t.cueHits(a.toks, ctx.blocked)
	sup := t.remedies(a, raw)
	for _, h := range raw {
		if !overlaps(meta, h.i, h.j) && !overlaps(sup, h.i, h.j) {
			a.hits = append(a.hits, h)
		}
	}
	for k := range t.themes {
		t.ruleHits(a, k, meta, ctx.blocked[k])
		if ctx.scope[k] && !ctx.blocked[k] && !t.themes[k].anyNegative(a.toks) {
			a.partyWork(k, t.themes[k].th.Threshold)
		}
	}
	t.dropOvercome(a)
	underSolutions := t.presc >= 0 && ctx.prior[t.presc] > 0 && ctx.contrary[t.presc] == 1
	described := -1
	for _, h := range a.hits {
		if t.themes[h.theme].damped && !h.fixed && h.weight >= t.themes[h.theme].th.Threshold && (described < 0 || h.i < described) {
			described = h.i
		}
	}
	a.mood = t.mood.analyze(a.toks, meta, underSolutions, described)
	if a.mood.prescriptive && t.presc >= 0 {
		for _, r := range t.themes[t.presc].rules {
			if r.Kind == RulePrescriptive {
				a.hits = append(a.hits, hit{theme: t.presc, i: a.mood.trig, j: a.mood.trigEnd,
					weight: r.Weight, rule: r.Name, fixed: true})
				break
			}
		}
	}
	return a
}

// score is theme k's score for the analysed sentence in its section; withCtx counts the
// context cues. Cue weights are damped in a prescriptive sentence (before a reason clause) for
// the damped themes and multiplied by the heading's contrary factor; rule weights for the
// sentence's mood and remedies are added as they are; the heading prior is added to a sentence
// with some evidence.
func (t *Tagger) score(a *analysis, k int, ctx *sectionCtx, withCtx bool) float64 {
	var cues, reason, fixed float64
	damp := a.mood.prescriptive && t.themes[k].damped
	for _, h := range a.hits {
		if h.theme != k || h.context && !withCtx {
			continue
		}
		if h.fixed {
			fixed += h.weight
			continue
		}
		w := h.weight
		if damp && (a.mood.causal < 0 || h.i < a.mood.causal) {
			w *= t.cb.Mood.DampFactor
		}
		if a.mood.prescriptive && a.mood.causal >= 0 && h.i >= a.mood.causal {
			reason += w // the reason a proposal gives: a recommendations heading does not damp it
			continue
		}
		cues += w
	}
	sc := cues*ctx.contrary[k] + reason + fixed
	if sc > 0 {
		sc += ctx.prior[k]
	}
	return sc
}

// cueHits finds every theme's cues, longest first, without overlaps within a theme, and drops
// those inside the theme's negative phrases or right after a negation ("không để xảy ra ...");
// blocked[k] (from the headings) drops theme k's light cues as a negative phrase would.
func (t *Tagger) cueHits(toks []token, blocked []bool) []hit {
	var out []hit
	for k := range t.themes {
		ct := &t.themes[k]
		var cands []hit
		for i := range toks {
			p, n := ct.cues.at(toks, i)
			for n > 0 {
				c := ct.th.Cues[p.id]
				cands = append(cands, hit{theme: k, i: i, j: i + n, weight: c.Weight, context: c.Context})
				p, n = ct.cues.shorter(toks, i, n)
			}
		}
		sort.SliceStable(cands, func(a, b int) bool {
			la, lb := cands[a].j-cands[a].i, cands[b].j-cands[b].i
			if la != lb {
				return la > lb
			}
			return cands[a].weight > cands[b].weight
		})
		taken := make([]bool, len(toks))
		var got []hit
		blocks := ct.th.NegativeBlocks > 0 && (blocked[k] || ct.anyNegative(toks))
		for _, h := range cands {
			if overlaps(taken, h.i, h.j) {
				continue
			}
			for j := h.i; j < h.j; j++ {
				taken[j] = true
			}
			if blocks && h.weight < ct.th.NegativeBlocks || inName(toks, h.i) && !associationName(toks, h.i) || numbered(toks, h.j) {
				continue
			}
			if !ct.negated(toks, h.i) && !t.mood.negators.endingAt(toks, h.i) && !noneOf(toks, h.i) {
				got = append(got, h)
			}
		}
		sort.SliceStable(got, func(a, b int) bool { return got[a].i < got[b].i })
		out = append(out, got...)
	}
	return out
}

// remedies applies the remedy rules: a remedy verb (khắc phục, tháo gỡ, tránh) before a cue of
// another theme turns that cue into the object of a solution. It returns the suppressed tokens.
func (t *Tagger) remedies(a *analysis, raw []hit) []bool {
	sup := make([]bool, len(a.toks))
	for k, ct := range t.themes {
		for _, r := range ct.rules {
			if r.Kind != RuleRemedy {
				continue
			}
			for i := 0; i < len(a.toks); i++ {
				_, n := r.trigger.at(a.toks, i)
				if n == 0 || !t.isRemedyVerb(a.toks, i, n, raw, k) {
					continue
				}
				object := false
				for _, h := range raw {
					if h.theme != k && h.i >= i && h.i <= i+n+r.Window && !pauseBetween(a.toks, i+n, h.i) {
						object = true
						for j := max(h.i, i); j < h.j; j++ {
							sup[j] = true
						}
					}
				}
				if object && !a.hasRule(k, r.Name) {
					a.hits = append(a.hits, hit{theme: k, i: i, j: i + n, weight: r.Weight, rule: r.Name, fixed: true})
				}
				i += n - 1
			}
		}
	}
	return sup
}

// isRemedyVerb reports whether the trigger at i is used as a verb: a trigger that is also a cue
// of another theme ("hạn chế") is a verb only after a modal or a purpose word, or before
// "tình trạng", "việc".
func (t *Tagger) isRemedyVerb(toks []token, i, n int, raw []hit, k int) bool {
	isCue := false
	for _, h := range raw {
		if h.theme != k && h.i == i {
			isCue = true
		}
	}
	if !isCue {
		return true
	}
	if t.mood.purpose.endingAt(toks, i) || t.mood.modals.endingAt(toks, i) {
		return true
	}
	return i+n < len(toks) && remedyObjects.has(toks, i+n)
}

var remedyObjects = newPhraseSet([]string{"tình trạng", "việc", "sự", "đến mức", "tối đa", "những tác động", "rủi ro"})

// ruleHits evaluates the followed-by, before-word and quantity rules of theme k.
func (t *Tagger) ruleHits(a *analysis, k int, meta []bool, blocked bool) {
	ct := &t.themes[k]
	toks := a.toks
	blocks := ct.th.NegativeBlocks > 0 && (blocked || ct.anyNegative(toks))
	// the tokens where a trigger of some rule may start: the others start none
	var buf [64]int
	cands := buf[:0]
	for i := range toks {
		if ct.triggers.mayStart(toks[i].hash) {
			cands = append(cands, i)
		}
	}
	for _, r := range ct.rules {
		if blocks && r.Weight < ct.th.NegativeBlocks {
			continue
		}
		from := 0 // a hit takes its tokens
		for _, i := range cands {
			if i < from {
				continue
			}
			_, n := r.trigger.at(toks, i)
			if n == 0 || overlaps(meta, i, i+n) || ct.negatedSpan(toks, i, i+n) {
				continue
			}
			if end := r.match(toks, i, n); end > 0 && !doubleNegative(toks, i) && !deniedMishap(toks, i) && !ct.negated(toks, end-1) &&
				!inName(toks, i) && !inName(toks, r.tailStart(toks, i+n, end)) {
				a.hits = append(a.hits, hit{theme: k, i: i, j: end, weight: r.Weight, rule: r.Name})
				from = end
			}
		}
	}
}

// tailStart returns the first token of the next phrase that ends a followed-by match at end (a
// name there is checked on its first word: "doanh nghiệp Nhật Bản" names a nationality, "Khối
// Doanh nghiệp" a body), or end-1 for the other kinds.
func (r *compiledRule) tailStart(toks []token, from, end int) int {
	if r.Kind == RuleFollowedBy {
		for k := from; k < end; k++ {
			if _, m := r.next.at(toks, k); m > 0 && k+m == end {
				return k
			}
		}
	}
	return end - 1
}

// match returns the end of the rule's match for a trigger at [i, i+n), or 0.
func (r *compiledRule) match(toks []token, i, n int) int {
	j := i + n
	switch r.Kind {
	case RuleFollowedBy:
		for k := j; k <= j+r.Window-1 && k < len(toks); k++ {
			if toks[k].pause {
				return 0 // "doanh nghiệp, Ban Thường vụ ...": the next word is in another clause
			}
			if _, m := r.next.at(toks, k); m > 0 && !r.except.endingAt(toks, k) {
				return k + m
			}
		}
	case RuleBeforeWord:
		if j < len(toks) && !toks[j].num && !toks[j].pause && !r.except.has(toks, j) {
			return j + 1
		}
	case RuleQuantity:
		if r.except.endingAt(toks, i) {
			return 0
		}
		for k := j; k <= j+r.Window-1 && k < len(toks); k++ {
			if k > j && toks[k].pause {
				return 0
			}
			if toks[k].num {
				return k + 1
			}
		}
	}
	return 0
}

// inName reports whether token i continues a proper name: capitalised after a capitalised
// word, as "Điện tử" in "Công ty TNHH Điện tử Sao Việt" or "Doanh nghiệp" in "Đảng ủy Khối
// Doanh nghiệp". Such words name a body; they do not speak of the theme.
// A capitalised first word of the sentence does not open a name.
func inName(toks []token, i int) bool {
	// the first word is capitalised as the sentence's: "Tại Công ty TNHH ..." starts no name there
	return i > 1 && toks[i].upper && toks[i-1].upper && !toks[i].pause
}

// numbered reports a cue ending in "số" followed by a number: "hồ sơ số 12", "Chi bộ số 3"
// number a file or a cell; "hồ sơ số", "chi bộ số" alone are digital.
func numbered(toks []token, j int) bool {
	return j > 0 && j < len(toks) && toks[j-1].norm == "số" && toks[j].num
}

// associationName reports a cue inside the name of an association of its members: "Hội Doanh
// nhân trẻ", "Hiệp hội Doanh nghiệp nhỏ và vừa" speak for private business, unlike "Đảng ủy
// Khối Doanh nghiệp".
func associationName(toks []token, i int) bool {
	s := i
	for s > 0 && toks[s-1].upper && !toks[s].pause {
		s--
	}
	return associations.has(toks, s)
}

var associations = newPhraseSet([]string{"hội", "hiệp hội", "câu lạc bộ", "clb", "liên hiệp hội"})

// anyNegative reports whether a negative phrase of the theme occurs in toks.
func (ct *compiledTheme) anyNegative(toks []token) bool {
	at, _ := ct.negative.find(toks, 0, len(toks))
	return at >= 0
}

// noneOf reports "không có chi bộ nào bị xếp loại yếu kém": a cue after "không có/còn ... nào"
// in the same clause is denied.
func noneOf(toks []token, i int) bool {
	nao := false
	for k := i - 1; k >= 0 && k >= i-12; k-- {
		if toks[k].norm == "nào" {
			nao = true
		}
		if nao && (toks[k].norm == "không" || toks[k].norm == "chẳng") {
			return true
		}
		if toks[k].pause {
			return false
		}
	}
	return false
}

// doubleNegative reports "không còn thôn nào chưa có đảng viên": a negation before the trigger
// with "nào" between, in the same clause.
func doubleNegative(toks []token, i int) bool {
	nao := false
	for k := i - 1; k >= 0 && k >= i-10; k-- {
		if toks[k].norm == "nào" {
			nao = true
		}
		if (toks[k].norm == "không" || toks[k].norm == "chẳng") && nao {
			return true
		}
		if toks[k].pause {
			break
		}
	}
	return false
}

// deniedMishap reports "chưa có đảng viên nào bị kỷ luật", "không có chi bộ nào vi phạm": a
// negation at i that denies a mishap to anyone ("... nào" then a mishap word, in the same
// clause) reports a clean record, not a shortcoming.
func deniedMishap(toks []token, i int) bool {
	if w := toks[i].norm; w != "chưa" && w != "không" && w != "chẳng" {
		return false
	}
	for k := i + 1; k+1 < len(toks) && k <= i+10; k++ {
		if toks[k].pause {
			return false
		}
		if toks[k].norm == "nào" && mishaps.has(toks, k+1) {
			return true
		}
	}
	return false
}

var mishaps = newPhraseSet([]string{"bị", "vi phạm", "phạm", "mắc", "sai phạm", "để xảy ra", "xảy ra"})

func (a *analysis) hasRule(k int, name string) bool {
	for _, h := range a.hits {
		if h.theme == k && h.rule == name {
			return true
		}
	}
	return false
}

func overlaps(mask []bool, i, j int) bool {
	for k := i; k < j && k < len(mask); k++ {
		if mask[k] {
			return true
		}
	}
	return false
}

func pauseBetween(toks []token, i, j int) bool {
	for k := i + 1; k <= j && k < len(toks); k++ {
		if toks[k].pause {
			return true
		}
	}
	return false
}

// partyWorkRule names the hit of a sentence on party work under a heading that names the kind
// of enterprise.
const partyWorkRule = "party-work"

// partyWork adds a context hit for theme k on the first mention of party work ("chi bộ",
// "đảng viên", "kết nạp"): under "KINH NGHIỆM ... Ở DOANH NGHIỆP CÓ VỐN ĐẦU TƯ NƯỚC NGOÀI" the
// cell and its members are the enterprise's. It does not count among the context cues that
// make a theme by themselves.
func (a *analysis) partyWork(k int, w float64) {
	if at, n := partyWords.find(a.toks, 0, len(a.toks)); at >= 0 {
		a.hits = append(a.hits, hit{theme: k, i: at, j: at + n, weight: w, rule: partyWorkRule, context: true})
	}
}

// partyWords name the party's organisation and work at the base.
var partyWords = newPhraseSet([]string{"chi bộ", "đảng viên", "tổ chức đảng", "kết nạp", "cấp ủy",
	"chi ủy", "đảng ủy", "đảng bộ", "công tác đảng", "vào đảng", "sinh hoạt", "phát triển đảng", "quần chúng", "cảm tình đảng", "nhận thức về đảng"})
