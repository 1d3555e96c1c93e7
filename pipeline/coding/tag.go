package coding

import (
	"math"

	"thamluan/corpus"
)

// Tagger tags the sentences and sections of documents with a codebook's themes and flags the
// sentences that put a recommendation forward. It is safe for concurrent use.
type Tagger struct {
	cb     *Codebook
	themes []compiledTheme
	mood   compiledMood
	presc  int        // index of the theme with the prescriptive rule, -1 when none
	domain *phraseSet // the codebook's field (Codebook.Domain), nil when it lists none
	notDom *phraseSet // phrases that start with a domain term but do not count (Codebook.DomainNot)
	// domFilter passes over the texts that name no domain term without tokenizing them; nil
	// when the domain's terms hold a letter it does not cover
	domFilter *domainFilter
}

type compiledTheme struct {
	th       *Theme
	cues     *phraseSet // ids index th.Cues
	negative *phraseSet
	heading  *phraseSet
	contrary *phraseSet
	state    *phraseSet // negative phrases that name state ownership ("vốn nhà nước", "tnhh mtv")
	rules    []compiledRule
	triggers *phraseSet // the triggers of all rules: a token where none may start starts no rule
	damped   bool       // weighs less in a prescriptive sentence
}

type compiledRule struct {
	Rule
	trigger, next, except *phraseSet
}

// hit is one cue or rule that fired in a sentence: tokens [i, j).
type hit struct {
	theme   int
	i, j    int
	weight  float64
	rule    string
	context bool // counts only with the theme in the heading or the paragraph
	fixed   bool // a mood or remedy weight: neither damped nor multiplied by the heading factor
}

// NewTagger returns a tagger for cb (the default codebook when nil).
func NewTagger(cb *Codebook) *Tagger {
	if cb == nil {
		cb = DefaultCodebook()
	}
	t := &Tagger{cb: cb, presc: -1, mood: compileMood(&cb.Mood)}
	if len(cb.Domain) > 0 {
		t.domain = newPhraseSet(cb.Domain)
		t.notDom = newPhraseSet(cb.DomainNot)
		t.domFilter = newDomainFilter(cb.Domain)
	}
	damp := map[string]bool{}
	for _, id := range cb.Mood.PrescriptiveDamp {
		damp[id] = true
	}
	for k := range cb.Theme {
		th := &cb.Theme[k]
		ct := compiledTheme{th: th, cues: &phraseSet{byFirst: map[string][]phrase{}},
			negative: newPhraseSet(th.Negative), heading: newPhraseSet(th.HeadingCues),
			contrary: newPhraseSet(th.ContraryHeadings), damped: damp[th.ID]}
		for i, c := range th.Cues {
			ct.cues.add(c.Text, i)
		}
		ct.state = newPhraseSet(stateOwnership(th.Negative))
		var triggers []string
		for _, r := range th.Rules {
			triggers = append(triggers, r.Trigger...)
			ct.rules = append(ct.rules, compiledRule{Rule: r, trigger: newPhraseSet(r.Trigger),
				next: newPhraseSet(r.Next), except: newPhraseSet(r.Except)})
			if r.Kind == RulePrescriptive && t.presc < 0 {
				t.presc = k
			}
		}
		ct.triggers = newPhraseSet(triggers)
		t.themes = append(t.themes, ct)
	}
	return t
}

// Codebook returns the tagger's codebook.
func (t *Tagger) Codebook() *Codebook { return t.cb }

// sectionCtx is what a section's headings say about each theme.
type sectionCtx struct {
	prior    []float64 // added to every sentence's score
	onTheme  []bool    // a heading speaks of the theme: context cues count
	contrary []float64 // factor on cue scores (1 when none)
	blocked  []bool    // a heading holds a negative phrase of the theme: its light cues are off
	scope    []bool    // a heading names the theme's kind of enterprise: its party work is theirs
}

// headingContext walks the heading path from the innermost heading outwards; the first heading
// that names a theme (or a contrary part, such as results) decides for that theme.
func (t *Tagger) headingContext(path []string) sectionCtx {
	n := len(t.themes)
	ctx := sectionCtx{prior: make([]float64, n), onTheme: make([]bool, n), contrary: make([]float64, n),
		blocked: make([]bool, n), scope: make([]bool, n)}
	for k := range t.themes {
		ctx.contrary[k] = 1
	}
	htoks := make([][]token, len(path))
	for h := range path {
		htoks[h] = tokenize(path[h])
	}
	// a paper's parts (numbered, or under a title in capitals), not a news report under its
	// headline, whose backdrop paragraphs name the event
	paper := len(path) > 0 && (numberLevel(path[len(path)-1]) > 0 || isHeadingLike(path[len(path)-1]))
	for k, ct := range t.themes {
		ctx.blocked[k] = ct.blockedBy(htoks)
		for h := len(path) - 1; h >= 0; h-- {
			toks := htoks[h]
			if at, _ := ct.heading.find(toks, 0, len(toks)); at >= 0 && !ct.negated(toks, at) {
				ctx.onTheme[k] = true
				ctx.prior[k] = ct.th.HeadingPrior
				ctx.scope[k] = paper && ct.th.NegativeBlocks > 0 && !ctx.blocked[k]
				break
			}
			if ct.strongCue(toks) {
				ctx.onTheme[k] = true // "Tham luận của Công ty TNHH ...": context cues count
				// "... DOANH NGHIỆP DU LỊCH TƯ NHÂN": an enterprise of the kind, not a school
				ctx.scope[k] = paper && ct.th.NegativeBlocks > 0 && !ctx.blocked[k] && hasEnterpriseNoun(toks)
				break
			}
			if k == t.presc && t.actionHeading(toks) {
				ctx.onTheme[k] = true // "2. Tăng cường phối hợp ...": a numbered imperative heading
				ctx.prior[k] = ct.th.HeadingPrior
				break
			}
			// a title over numbered parts ("THỰC TRẠNG VÀ KIẾN NGHỊ") names them all: no contrary
			if at, _ := ct.contrary.find(toks, 0, len(toks)); at >= 0 && (h == len(path)-1 || numberLevel(path[h]) > 0) {
				ctx.contrary[k] = ct.th.ContraryFactor
				break
			}
		}
	}
	return ctx
}

// blockedBy reports a heading that holds one of the theme's negative phrases and none of its
// strong cues, for a theme whose negatives block light cues: under "Số hóa hồ sơ ở đảng bộ
// doanh nghiệp nhà nước" a bare "công ty" or "đảng bộ doanh nghiệp" is the state company's.
func (ct *compiledTheme) blockedBy(htoks [][]token) bool {
	if ct.th.NegativeBlocks <= 0 {
		return false
	}
	for _, toks := range htoks {
		if ct.anyNegative(toks) && !ct.strongCue(toks) {
			return true
		}
	}
	return false
}

// speakerContext turns on the context cues of a theme the section's speaker or affiliation names
// ("Chi bộ Công ty TNHH ...": its "công ty", "giám đốc" are a private enterprise's).
func (t *Tagger) speakerContext(ctx *sectionCtx, sec *corpus.Section) {
	for _, s := range []string{sec.Speaker, sec.Affiliation} {
		if s == "" {
			continue
		}
		toks := tokenize(s)
		for k := range t.themes {
			if t.themes[k].strongCue(toks) {
				ctx.onTheme[k] = true
			}
		}
	}
}

// strongCue reports whether toks hold a cue of the theme that needs no context and weighs at
// least the threshold.
func (ct *compiledTheme) strongCue(toks []token) bool {
	for i := range toks {
		p, n := ct.cues.at(toks, i)
		if n == 0 {
			continue
		}
		c := ct.th.Cues[p.id]
		if !c.Context && c.Weight >= ct.th.Threshold && !ct.negated(toks, i) {
			return true
		}
	}
	return false
}

// negated reports whether token at lies inside one of the theme's negative phrases.
func (ct *compiledTheme) negated(toks []token, at int) bool {
	return ct.negatedSpan(toks, at, at)
}

// negatedSpan reports whether token at lies inside one of the theme's negative phrases that
// the cue or trigger [at, end) does not contain whole: "không còn thanh niên" is more specific
// than the negative "không còn".
func (ct *compiledTheme) negatedSpan(toks []token, at, end int) bool {
	for i := max(at-6, 0); i <= at; i++ {
		if _, n := ct.negative.at(toks, i); n > 0 && i+n > at && !(i >= at && i+n <= end) {
			return true
		}
	}
	return false
}

// TagDocument tags every sentence and section of doc. Sections without a heading path get one
// inferred from the headings before them (roman numerals above numbers). A document that names
// no term of the codebook's field (Codebook.Domain) gets no theme and no recommendation.
func (t *Tagger) TagDocument(doc *corpus.Document) {
	paths := inferPaths(doc.Sections)
	in := t.docInDomain(doc, paths)
	for si := range doc.Sections {
		if !in {
			clearSection(&doc.Sections[si])
			continue
		}
		t.tagSection(&doc.Sections[si], paths[si])
	}
}

// TagSection tags the sentences of sec (already split) and sets the section's themes. The section
// is taken to belong to the codebook's field: the domain check (Codebook.Domain) is
// TagDocument's, over the whole document.
func (t *Tagger) TagSection(sec *corpus.Section) {
	t.tagSection(sec, sectionPath(sec))
}

// tagSection tags sec under the heading path. A paragraph that is a lone heading-like line (a
// title in capitals left in the body) starts a new local heading for the paragraphs after it.
func (t *Tagger) tagSection(sec *corpus.Section, path []string) {
	arena := sectionTokens.Get().(*[]token) // the sentences' tokens, dead once they are filled
	defer sectionTokens.Put(arena)
	*arena = (*arena)[:0]
	base := t.headingContext(path)
	t.speakerContext(&base, sec)
	ctxs := make([]*sectionCtx, len(sec.Sentences))
	as := make([]*analysis, len(sec.Sentences))
	paraOn := map[int][]bool{}
	ctx := &base
	for i := range sec.Sentences {
		if loneLine(sec.Sentences, i) && isHeadingLike(sec.Sentences[i].Text) {
			path = pushHeading(path, sec.Sentences[i].Text)
			c := t.headingContext(path)
			t.speakerContext(&c, sec)
			ctx = &c
		}
		ctxs[i] = ctx
		a := t.analyze(sec.Sentences[i].Text, tokensIn(arena, sec.Sentences[i].Text), ctx)
		ctx = t.carryOwnership(ctx, a.toks)
		if isHeadingLike(a.text) {
			a.mood = moodResult{trig: -1, causal: -1}
			a.dropFixed()
		}
		if i > 0 && as[i-1].mood.rec && sec.Sentences[i-1].Paragraph == sec.Sentences[i].Paragraph {
			t.continueProposal(a) // "Ông đề nghị ... Cùng với đó, các cơ sở phải ..."
		}
		as[i] = a
		p := sec.Sentences[i].Paragraph
		if paraOn[p] == nil {
			paraOn[p] = make([]bool, len(t.themes))
		}
		for k := range t.themes {
			if t.score(a, k, ctx, false) >= t.themes[k].th.Threshold {
				paraOn[p][k] = true
			}
		}
	}
	// the previous paragraph lends its themes to the context cues only under a numbered heading
	// or a title in capitals (a part of a paper, a contribution); in a news report, under its
	// headline, consecutive paragraphs quote different speakers
	numbered := len(path) > 0 && (numberLevel(path[len(path)-1]) > 0 || isHeadingLike(path[len(path)-1]))
	// a paragraph that carries a theme through its context cues lends it on in turn: "Những
	// doanh nghiệp này ..." after "Một số chủ doanh nghiệp ...", then "... công ty khác ..."
	none := make([]bool, len(t.themes))
	carried := map[int][]bool{}
	for i := range sec.Sentences {
		p := sec.Sentences[i].Paragraph
		prev := carried[p-1]
		if prev == nil || !numbered && !continuesSpeaker(as[firstOf(sec.Sentences, i)].toks) {
			prev = none
		}
		t.fill(&sec.Sentences[i], as[i], ctxs[i], paraOn[p], prev)
		if carried[p] == nil {
			carried[p] = append([]bool(nil), paraOn[p]...)
		}
		for k, ct := range t.themes {
			if containsString(sec.Sentences[i].Themes, ct.th.ID) {
				carried[p][k] = true
			}
		}
	}
	sec.Themes = t.sectionThemes(sec)
}

// contextCues counts the distinct context cues of theme k in the sentence: "Giám đốc một công
// ty ... công nhân" speaks of an enterprise without naming its kind.
func (a *analysis) contextCues(k int) int {
	seen := map[string]bool{}
	for _, h := range a.hits {
		if h.theme == k && h.context && h.rule != partyWorkRule {
			seen[textOf(a.text, a.toks, h.i, h.j)] = true
		}
	}
	return len(seen)
}

// continueProposal makes a sentence with a weak modal that follows a recommendation in the
// same paragraph a recommendation too.
func (t *Tagger) continueProposal(a *analysis) {
	if a.mood.rec || a.mood.weak < 0 || t.presc < 0 || t.mood.laySubject(a.toks, a.mood.weak) {
		return
	}
	a.mood.prescriptive, a.mood.rec = true, true
	a.mood.trig, a.mood.trigEnd = a.mood.weak, a.mood.weakEnd
	a.mood.addressee = t.mood.subjectOf(a.toks, a.mood.weak)
	if i, _ := t.mood.causal.find(a.toks, a.mood.trigEnd, len(a.toks)); i >= 0 {
		a.mood.causal = i
	}
	for _, r := range t.themes[t.presc].rules {
		if r.Kind == RulePrescriptive {
			a.hits = append(a.hits, hit{theme: t.presc, i: a.mood.trig, j: a.mood.trigEnd, weight: r.Weight, rule: r.Name, fixed: true})
			return
		}
	}
}

// fill writes an analysis into a sentence: themes, scores, evidence, recommendation.
func (t *Tagger) fill(s *corpus.Sentence, a *analysis, ctx *sectionCtx, paraOn, prevOn []bool) {
	s.Themes = []string{}
	s.Scores = nil
	s.Evidence = nil
	for k, ct := range t.themes {
		withCtx := ctx.onTheme[k] || paraOn[k] || prevOn[k] || a.contextCues(k) >= 2
		sc := t.score(a, k, ctx, withCtx)
		if sc <= 0 {
			continue
		}
		if s.Scores == nil {
			s.Scores = map[string]float64{}
		}
		s.Scores[ct.th.ID] = math.Round(sc*100) / 100
		if sc >= ct.th.Threshold {
			s.Themes = append(s.Themes, ct.th.ID)
		}
	}
	for _, h := range a.hits {
		if h.context && !(ctx.onTheme[h.theme] || paraOn[h.theme] || prevOn[h.theme] || a.contextCues(h.theme) >= 2) {
			continue
		}
		if h.i < 0 || h.j <= h.i || h.j > len(a.toks) {
			continue // a rule's hit without a span of the sentence (a cue found at its edge) has no evidence to show
		}
		s.Evidence = append(s.Evidence, corpus.Evidence{Theme: t.themes[h.theme].th.ID,
			Text: textOf(a.text, a.toks, h.i, h.j), Start: a.toks[h.i].start, End: a.toks[h.j-1].end,
			Weight: h.weight, Rule: h.rule})
	}
	s.Recommendation = a.mood.rec
	s.Addressee = ""
	if a.mood.rec {
		s.Addressee = a.mood.addressee
	}
}

// sectionThemes aggregates the sentences' themes: a theme's score is the sum of the scores of
// the sentences that carry it; its evidence, the distinct cue texts, at most eight.
func (t *Tagger) sectionThemes(sec *corpus.Section) []corpus.ThemeTag {
	out := []corpus.ThemeTag{}
	for _, ct := range t.themes {
		id := ct.th.ID
		tag := corpus.ThemeTag{ID: id, Label: ct.th.Label, Evidence: []string{}}
		seen := map[string]bool{}
		for _, s := range sec.Sentences {
			if !containsString(s.Themes, id) {
				continue
			}
			tag.Score += s.Scores[id]
			for _, e := range s.Evidence {
				if e.Theme == id && !seen[e.Text] && len(tag.Evidence) < 8 {
					seen[e.Text] = true
					tag.Evidence = append(tag.Evidence, e.Text)
				}
			}
		}
		if tag.Score > 0 {
			tag.Score = math.Round(tag.Score*100) / 100
			out = append(out, tag)
		}
	}
	return out
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
