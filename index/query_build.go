package index

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"thamluan/corpus/vntext"
)

// Boosts of the sub-queries a free-text query runs. The folded fields carry the weight, so a
// query typed without diacritics ranks like the accented one; exact accents, adjacent syllables
// (shingles, phrases), headings and speakers add to it.
var boosts = struct {
	Folded, Exact, ExactWord, Shingle, Phrase, PhraseExact, Heading, Speaker, English, Prefix float64
}{
	Folded: 1.0, Exact: 0.4, ExactWord: 2.0, Shingle: 4.0, Phrase: 2.0, PhraseExact: 1.0, Heading: 1.2, Speaker: 1.5, English: 1.0, Prefix: 0.8,
}

// builder turns a syntax tree into a Bleve query. exact is set for a query typed with
// diacritics: its words then match only words with the same letters and marks (tone placement
// and case aside), while a query typed without them matches everything that folds to it.
// bound, when set, makes the words' sum a pruned one whose folded words only follow (see
// prune.go) and receives their bound.
// count makes words match as their sum would, unscored, for counting. topK goes with bound: the
// hits the search keeps.
// reading, for an accent-free query of plain words, is their inferred accented reading
// (restore.go): exact accents are scored on it, and sections holding any of its words come first.
type builder struct {
	exact, count bool
	bound        *float64
	topK         int
	floor        float64
	reading      string
}

// buildQuery turns a parsed query and the request's filters into a Bleve query over sections.
func buildQuery(n node, req *Request) (query.Query, error) {
	return buildQueryWith(builder{exact: accented(n)}, n, req)
}

func buildQueryWith(b builder, n node, req *Request) (query.Query, error) {
	q, err := b.build(n)
	if err != nil {
		return nil, err
	}
	must := []query.Query{q}
	if !sectionOnly(n) {
		// A document's own record shares the path, format, workshop and year fields: keep only
		// sections. A query whose words must match needs no such filter, and conjoining every
		// match with the type's 35,000-long posting list was a third of a common word's time.
		typ := bleve.NewTermQuery(typeSection)
		typ.SetField(FieldType)
		must = append([]query.Query{typ}, must...)
	}
	extra := map[string][]string{"theme": req.Themes}
	if req.Speaker != "" {
		extra["speaker"] = []string{req.Speaker}
	}
	if req.Workshop != "" {
		extra["workshop"] = []string{req.Workshop}
	}
	for _, name := range []string{"theme", "speaker", "workshop"} {
		if len(extra[name]) == 0 {
			continue
		}
		var alts []query.Query
		for _, v := range extra[name] {
			fq, err := filterQuery(filterNode{field: name, value: v})
			if err != nil {
				return nil, err
			}
			alts = append(alts, fq)
		}
		must = append(must, bleve.NewDisjunctionQuery(alts...))
	}
	return bleve.NewConjunctionQuery(must...), nil
}

// sectionOnly reports whether only sections can match n: words and phrases search fields that
// only sections have, and so do the theme, speaker and language filters, while a document's
// record also carries its path, format, workshop and year.
func sectionOnly(n node) bool {
	switch x := n.(type) {
	case termNode, phraseNode:
		return true
	case filterNode:
		switch filterFields[x.field] {
		case FieldThemes, FieldSpeaker, FieldLanguage:
			return true
		}
		return false
	case orNode:
		for _, a := range x.alts {
			if !sectionOnly(a) {
				return false
			}
		}
		return true
	case andNode:
		// As buildAnd: +clauses, phrases and filters are required; when none is a word or phrase,
		// at least one of the plain clauses must match too.
		should, shouldOnly, textMust := 0, true, false
		for _, c := range x.clauses {
			_, isFilter := c.n.(filterNode)
			_, isPhrase := c.n.(phraseNode)
			switch {
			case c.op == occurMustNot:
			case c.op == occurMust || isPhrase || isFilter:
				if sectionOnly(c.n) {
					return true
				}
				textMust = textMust || !isFilter
			default:
				should++
				shouldOnly = shouldOnly && sectionOnly(c.n)
			}
		}
		return should > 0 && shouldOnly && !textMust
	}
	return false
}

// accented reports whether the words and phrases of a query (not its filters) carry any
// diacritic, đ included.
func accented(n node) bool {
	has := func(s string) bool { l := strings.ToLower(s); return vntext.Fold(l) != l }
	switch x := n.(type) {
	case termNode:
		return has(x.text)
	case phraseNode:
		return has(x.text)
	case orNode:
		for _, a := range x.alts {
			if accented(a) {
				return true
			}
		}
	case andNode:
		for _, c := range x.clauses {
			if accented(c.n) {
				return true
			}
		}
	}
	return false
}

func (b builder) build(n node) (query.Query, error) {
	switch x := n.(type) {
	case termNode:
		if x.prefix {
			return b.prefixQuery(x.text), nil
		}
		return b.wordsQuery(x.text), nil
	case phraseNode:
		return b.phraseQuery(x.text), nil
	case filterNode:
		return filterQuery(x)
	case orNode:
		alts := make([]query.Query, 0, len(x.alts))
		for _, a := range x.alts {
			q, err := b.build(a)
			if err != nil {
				return nil, err
			}
			alts = append(alts, q)
		}
		return bleve.NewDisjunctionQuery(alts...), nil
	case andNode:
		return b.buildAnd(x)
	}
	return nil, fmt.Errorf("%w: unknown query part %T", ErrQuery, n)
}

// buildAnd groups a sequence of clauses: plain words are scored together (so their adjacency
// counts), plain phrases and filters are required, +clauses required, -clauses excluded.
func (b builder) buildAnd(a andNode) (query.Query, error) {
	var must, should, mustNot []query.Query
	var words []string
	textMust := false
	for _, c := range a.clauses {
		if t, ok := c.n.(termNode); ok && c.op == occurShould && !t.prefix {
			words = append(words, t.text)
			continue
		}
		q, err := b.build(c.n)
		if err != nil {
			return nil, err
		}
		_, isFilter := c.n.(filterNode)
		_, isPhrase := c.n.(phraseNode)
		switch {
		case c.op == occurMustNot:
			mustNot = append(mustNot, q)
		case c.op == occurMust || isPhrase:
			must = append(must, q)
			textMust = textMust || !isFilter
		case isFilter:
			must = append(must, q)
		default:
			should = append(should, q)
		}
	}
	if len(words) > 0 {
		should = append(should, b.wordsQuery(strings.Join(words, " ")))
	}
	bq := bleve.NewBooleanQuery()
	if len(must) == 0 && len(should) == 0 {
		must = append(must, bleve.NewMatchAllQuery())
	}
	bq.AddMust(must...)
	bq.AddShould(should...)
	bq.AddMustNot(mustNot...)
	if len(should) > 0 && !textMust {
		bq.SetMinShould(1) // filters alone do not make a section relevant to the words
	}
	return bq, nil
}

func match(field, text string, boost float64) query.Query {
	q := bleve.NewMatchQuery(text)
	q.SetField(field)
	q.SetBoost(boost)
	return q
}

func matchPhrase(field, text string, boost float64) query.Query {
	q := bleve.NewMatchPhraseQuery(text)
	q.SetField(field)
	q.SetBoost(boost)
	return q
}

// wordsQuery matches any of the words. Sections with more of them rank higher (coordination),
// and with them adjacent (bigrams, the whole run), with exact accents, in a heading or a
// speaker's name higher still.
func (b builder) wordsQuery(text string) query.Query {
	qs := []query.Query{
		match(FieldTextFolded, text, boosts.Folded),
		match(FieldHeadingFolded, text, boosts.Heading),
		match(FieldSpeakerFolded, text, boosts.Speaker),
		englishQuery(text, false),
	}
	words := foldedWords(text)
	written := text // the words with the marks exact accents are scored on
	runPart := -1   // the accented run's part, which holds the reading
	if b.reading != "" {
		written = b.reading
	}
	if len(words) < 2 {
		qs = append(qs, match(FieldText, written, boosts.ExactWord))
	} else {
		// Several words: exact accents add only a little, so a query typed without diacritics and
		// the accented one rank the sections both match alike.
		run := accentedRun(written, words, boosts.Exact)
		if b.reading != "" && !b.count {
			// the sections holding the reading itself (holdsReading) come first
			run = constQuery{q: run, score: restoreBoost, add: true}
		}
		runPart = len(qs)
		qs = append(qs, run)
		if len(words) == 2 { // the run is the one pair: evaluate it once, with both weights
			qs = append(qs, pairsQuery(words, boosts.Shingle+boosts.Phrase))
		} else {
			qs = append(qs, pairsQuery(words, boosts.Shingle), runQuery(words, boosts.Phrase))
		}
	}
	if b.count { // what the sum matches: the other parts match only sections these match
		cover := bleve.NewDisjunctionQuery(qs[:4]...)
		if b.exact {
			return exactOnly(cover, matchOn(text))
		}
		return cover
	}
	near := -1 // the part of sections near the reading, which follows when pruned
	switch {
	case b.reading == "":
	case len(words) < 2:
		qs = append(qs, constQuery{q: holdsReading(written, words), score: restoreBoost})
	default:
		near = len(qs)
		qs = append(qs, constQuery{q: nearReading(written, words), score: restoreBoost / 2})
	}
	sum := sumQuery{parts: qs}
	if b.bound != nil && len(words) >= 2 {
		// The words anywhere in the text follow what finds sections by itself: the words together,
		// in the heading or a speaker's name, exact, or English (see prune.go). (A short heading
		// can score near its bound, which is too high for the heading to follow.)
		sum.follow = make([]float64, len(qs))
		sum.follow[0] = boosts.Folded
		if near >= 0 {
			sum.follow[near] = restoreBoost / 2
		}
		if b.floor >= restoreBoost {
			// Only sections holding the reading can enter the page: they lead, the rest follows.
			for i := range sum.follow {
				if i != runPart && sum.follow[i] == 0 {
					sum.follow[i] = unbounded
				}
			}
		}
		sum.bound, sum.topK, sum.floor = b.bound, b.topK, b.floor
	}
	if b.exact {
		return exactOnly(sum, matchOn(text))
	}
	return sum
}

// exactOnly keeps the sections q matches that also hold what part makes of the exact text,
// heading or speaker fields: a query typed with diacritics scores as the same query typed
// without them would, so both rank alike, but matches only words with its own marks.
func exactOnly(q query.Query, part func(field string) query.Query) query.Query {
	bq := bleve.NewBooleanQuery()
	bq.AddMust(q, exactAny(part))
	return bq
}

// holdsReading matches the sections holding an accent-free query's reading written as the
// reading has it: the one word (in the text, heading or a speaker's name), or the words together
// in the text (their folded run, every word exact: what accentedRun matches). Sections holding
// only some of its words, or the run in other marks ("có số" for "cơ sở"), rank by their scores
// among the rest.
func holdsReading(written string, words []string) query.Query {
	if len(words) < 2 {
		return exactAny(matchOn(written))
	}
	return withExact(runQuery(words, 0), FieldText, written, 0)
}

// nearReading matches the sections that hold two adjacent words of the query, in any marks, or
// a word of its reading as written: they rank above sections that share only scattered
// syllables written otherwise, which an accented query would not match. (Two rarer syllables
// count when the section holds both: their positions are not compared.)
func nearReading(written string, words []string) query.Query {
	qs := []query.Query{exactAny(matchOn(written))}
	for i := 0; i+1 < len(words); i++ {
		a, b := words[i], words[i+1]
		if IsCommonSyllable(a) || IsCommonSyllable(b) {
			qs = append(qs, term(FieldTextGrams, a+" "+b))
		} else {
			qs = append(qs, bleve.NewConjunctionQuery(term(FieldTextFolded, a), term(FieldTextFolded, b)))
		}
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// matchOn makes, for exactOnly and exactAny, the match of text's words on a field.
func matchOn(text string) func(field string) query.Query {
	return func(field string) query.Query { return match(field, text, 0) }
}

// exactAny matches what part makes of the exact text, heading or speaker fields.
func exactAny(part func(field string) query.Query) query.Query {
	return bleve.NewDisjunctionQuery(part(FieldText), part(FieldHeading), part(FieldSpeakerText))
}

// phraseQuery requires the words in order, in the text, heading or speaker; exact accents add,
// or, for a phrase typed with diacritics, are required.
func (b builder) phraseQuery(text string) query.Query {
	words := foldedWords(text)
	if len(words) < 2 {
		if b.exact {
			return exactOnly(builder{}.phraseQuery(text), matchOn(text))
		}
		return sumQuery{parts: []query.Query{
			match(FieldTextFolded, text, boosts.Phrase),
			match(FieldText, text, boosts.ExactWord),
			match(FieldHeadingFolded, text, boosts.Heading*boosts.Phrase),
			match(FieldSpeakerFolded, text, boosts.Speaker*boosts.Phrase),
			englishQuery(text, true),
		}}
	}
	if b.exact {
		return sumQuery{parts: []query.Query{
			withExact(runQuery(words, boosts.Phrase), FieldText, text, boosts.PhraseExact),
			withExact(matchPhrase(FieldHeadingFolded, text, boosts.Heading*boosts.Phrase), FieldHeading, text, 0),
			withExact(matchPhrase(FieldSpeakerFolded, text, boosts.Speaker*boosts.Phrase), FieldSpeakerText, text, 0),
			englishQuery(text, true),
		}}
	}
	bq := bleve.NewBooleanQuery()
	bq.AddMust(sumQuery{parts: []query.Query{
		runQuery(words, boosts.Phrase),
		matchPhrase(FieldHeadingFolded, text, boosts.Heading*boosts.Phrase),
		matchPhrase(FieldSpeakerFolded, text, boosts.Speaker*boosts.Phrase),
		englishQuery(text, true),
	}})
	bq.AddShould(accentedRun(text, words, boosts.PhraseExact))
	return bq
}

// withExact requires, beside q, every word of text on the exact field, which adds its score
// times boost.
func withExact(q query.Query, field, text string, boost float64) *query.ConjunctionQuery {
	exact := bleve.NewMatchQuery(text)
	exact.SetField(field)
	exact.SetOperator(query.MatchQueryOperatorAnd)
	exact.SetBoost(boost)
	return bleve.NewConjunctionQuery(q, exact)
}

// pairQuery matches the folded words a and b adjacent, in this order. A pair with a common
// syllable is one term of the bigram field; a pair of two rarer syllables is a phrase on the
// folded field, whose positions are cheap to compare because neither has long posting lists
// (CommonGrams, as in Lucene).
func pairQuery(a, b string, boost float64) query.Query {
	if IsCommonSyllable(a) || IsCommonSyllable(b) {
		t := bleve.NewTermQuery(a + " " + b)
		t.SetField(FieldTextGrams)
		t.SetBoost(boost)
		return t
	}
	p := bleve.NewPhraseQuery([]string{a, b}, FieldTextFolded)
	p.SetBoost(2 * boost) // two common-ish words score less than the rarer bigram term would
	return p
}

// pairsQuery scores a section by how many of the query's adjacent pairs of words it holds
// adjacent (each pair weighs boost: Bleve applies a disjunction's own boost to nothing).
func pairsQuery(words []string, boost float64) query.Query {
	qs := make([]query.Query, 0, len(words)-1)
	for i := 0; i+1 < len(words); i++ {
		qs = append(qs, pairQuery(words[i], words[i+1], boost))
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// runQuery requires the folded words adjacent and in order, as the chain of their pairs (see
// pairQuery): no positions to compare for common syllables, which keeps phrases fast on a large
// archive. (A chain can in principle join pairs from different places of a section; in running
// text the chain of a three- or four-syllable phrase almost never occurs apart from the phrase.)
func runQuery(words []string, boost float64) query.Query {
	qs := make([]query.Query, 0, len(words)-1)
	for i := 0; i+1 < len(words); i++ {
		qs = append(qs, pairQuery(words[i], words[i+1], boost/float64(len(words)-1)))
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewConjunctionQuery(qs...)
}

// accentedRun scores a section where the query's words stand together (the folded run) and
// each of them is also there with the query's own accents: "có số" ranks a section with "có
// số" above one with "cơ sở". A query typed without diacritics finds no exact words, so it
// only changes the order among sections the accent-free query finds too.
func accentedRun(text string, words []string, boost float64) query.Query {
	q := withExact(runQuery(words, 0), FieldText, text, 1)
	q.SetBoost(boost)
	return q
}

// foldedAnalyzer is the analyzer of the folded fields, for splitting query text the same way.
var foldedAnalyzer = sync.OnceValue(func() analysis.Analyzer {
	m, err := NewMapping()
	if err != nil {
		panic(err) // the mapping is static: an error is a programming error caught by any test
	}
	return m.AnalyzerNamed(FoldedAnalyzerName)
})

// foldedWords returns the folded, lower-case words of text.
func foldedWords(text string) []string {
	var out []string
	for _, t := range foldedAnalyzer().Analyze([]byte(text)) {
		out = append(out, string(t.Term))
	}
	return out
}

// highlightQuery matches the positive words of a query on the fields that keep term locations,
// to find them in the hits' text.
func highlightQuery(units []unit) query.Query {
	var qs []query.Query
	for _, u := range units {
		text := strings.Join(u.words, " ")
		if u.prefix && len(u.words) == 1 {
			qs = append(qs, prefixOn(FieldTextFolded, u.words[0], 1))
			continue
		}
		qs = append(qs, match(FieldTextFolded, text, 1), englishQuery(strings.Join(u.raw, " "), false))
	}
	if len(qs) == 0 {
		return bleve.NewMatchNoneQuery()
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// englishQuery matches the stemmed English field; Vietnamese text leaves that field empty.
func englishQuery(text string, phrase bool) query.Query {
	if phrase {
		q := bleve.NewMatchPhraseQuery(text)
		q.SetField(FieldTextEnglish)
		q.Analyzer = EnglishQueryAnalyzer
		q.SetBoost(boosts.English * boosts.Phrase)
		return q
	}
	q := bleve.NewMatchQuery(text)
	q.SetField(FieldTextEnglish)
	q.Analyzer = EnglishQueryAnalyzer
	q.SetBoost(boosts.English)
	return q
}

// prefixQuery matches words starting with p, with or without diacritics; exact accents add.
// Typed with diacritics (in a query that has any), only words starting with p as typed match.
func (b builder) prefixQuery(p string) query.Query {
	exact := strings.ToLower(vntext.NormalizeTones(p))
	folded := vntext.Fold(exact)
	if b.exact {
		return exactOnly(builder{}.prefixQuery(p), func(field string) query.Query { return prefixOn(field, exact, 0) })
	}
	qs := []query.Query{prefixOn(FieldTextFolded, folded, boosts.Prefix), prefixOn(FieldHeadingFolded, folded, boosts.Prefix*boosts.Heading)}
	if exact != folded {
		qs = append(qs, prefixOn(FieldText, exact, boosts.Prefix*boosts.ExactWord))
	}
	return sumQuery{parts: qs}
}

func prefixOn(field, p string, boost float64) query.Query {
	q := bleve.NewPrefixQuery(p)
	q.SetField(field)
	q.SetBoost(boost)
	return q
}

// filterQuery matches a field:value filter.
func filterQuery(f filterNode) (query.Query, error) {
	field := filterFields[f.field]
	switch field {
	case FieldYear:
		return yearQuery(f.value)
	case FieldPath:
		q := bleve.NewWildcardQuery("*" + escapeWildcard(f.value) + "*")
		q.SetField(field)
		return q, nil
	case FieldSpeaker:
		return bleve.NewDisjunctionQuery(term(field, f.value), matchPhrase(FieldSpeakerFolded, f.value, 1)), nil
	case FieldWorkshop:
		return bleve.NewDisjunctionQuery(term(field, f.value), matchPhrase(FieldWorkshopFolded, f.value, 1)), nil
	case FieldThemes, FieldLanguage, FieldFormat:
		return term(field, strings.ToLower(f.value)), nil
	}
	return nil, &QueryError{Query: f.String(), Msg: "unknown filter " + f.field}
}

func term(field, v string) query.Query {
	q := bleve.NewTermQuery(v)
	q.SetField(field)
	return q
}

func escapeWildcard(s string) string {
	return strings.NewReplacer(`*`, `\*`, `?`, `\?`, `\`, `\\`).Replace(s)
}

// yearQuery matches year:2023 or a range year:2019-2023 (also 2019..2023).
func yearQuery(v string) (query.Query, error) {
	lo, hi, ok := strings.Cut(strings.Replace(v, "..", "-", 1), "-")
	if !ok {
		hi = lo
	}
	y1, err1 := strconv.Atoi(lo)
	y2, err2 := strconv.Atoi(hi)
	if err1 != nil || err2 != nil || y1 < 1000 || y2 > 9999 || y1 > y2 {
		return nil, &QueryError{Query: "year:" + v, Msg: "not a year or range of years (year:2023, year:2019-2023)"}
	}
	a, b := float64(y1), float64(y2+1)
	inc, exc := true, false
	q := bleve.NewNumericRangeInclusiveQuery(&a, &b, &inc, &exc)
	q.SetField(FieldYear)
	return q, nil
}
