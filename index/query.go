package index

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"thamluan/corpus/vntext"
)

// Boosts of the fields a free-text query runs on: exact accents rank above folded matches, and
// adjacent syllables (shingles, phrases) above scattered ones.
const (
	boostExact   = 2.0
	boostFolded  = 1.0
	boostShingle = 1.5
	boostPhrase  = 3.0
	boostHeading = 1.5
	boostSpeaker = 1.5
)

// parsedQuery is a user's query split into its parts.
type parsedQuery struct {
	words    []string // free words, as typed
	phrases  []string // "quoted phrases"
	required []string // +word or +"phrase"
	excluded []string // -word or -"phrase"
	filters  map[string][]string
}

// parseQuery splits a query into words, "phrases", +required, -excluded terms and field:value
// filters. It returns an error for an unbalanced quote or an empty query.
func parseQuery(q string) (*parsedQuery, error) {
	q = vntext.Clean(q)
	pq := &parsedQuery{filters: map[string][]string{}}
	rs := []rune(q)
	for i := 0; i < len(rs); {
		if unicode.IsSpace(rs[i]) {
			i++
			continue
		}
		sign := rune(0)
		if rs[i] == '+' || rs[i] == '-' {
			sign = rs[i]
			i++
		}
		var tok string
		quoted := false
		if i < len(rs) && (rs[i] == '"' || rs[i] == '“') {
			j := i + 1
			for j < len(rs) && rs[j] != '"' && rs[j] != '”' {
				j++
			}
			if j >= len(rs) {
				return nil, fmt.Errorf("query %q: unclosed quote", q)
			}
			tok, quoted, i = string(rs[i+1:j]), true, j+1
		} else {
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) {
				j++
			}
			tok, i = string(rs[i:j]), j
		}
		if !quoted {
			if k := strings.IndexByte(tok, ':'); k > 0 && k < len(tok)-1 {
				field := strings.ToLower(tok[:k])
				if _, ok := filterFields[field]; ok {
					pq.filters[field] = append(pq.filters[field], tok[k+1:])
					continue
				}
			}
		}
		switch {
		case sign == '+':
			pq.required = append(pq.required, tok)
		case sign == '-':
			pq.excluded = append(pq.excluded, tok)
		case quoted:
			pq.phrases = append(pq.phrases, tok)
		default:
			pq.words = append(pq.words, tok)
		}
	}
	if len(pq.words)+len(pq.phrases)+len(pq.required)+len(pq.filters) == 0 {
		return nil, fmt.Errorf("query %q: nothing to search for", q)
	}
	return pq, nil
}

// filterFields maps the field names a query may filter on to index fields.
var filterFields = map[string]string{
	"theme": FieldThemes, "speaker": FieldSpeaker, "org": FieldSpeaker, "workshop": FieldWorkshop,
	"year": FieldYear, "doc": FieldPath, "format": FieldFormat, "lang": FieldLanguage,
}

// textQuery matches text on the exact and folded fields of the section's text, heading and speaker.
func textQuery(text string, phrase bool) query.Query {
	var qs []query.Query
	add := func(field string, boost float64) {
		var q query.Query
		if phrase {
			mq := bleve.NewMatchPhraseQuery(text)
			mq.SetField(field)
			mq.SetBoost(boost * boostPhrase)
			q = mq
		} else {
			mq := bleve.NewMatchQuery(text)
			mq.SetField(field)
			mq.SetBoost(boost)
			q = mq
		}
		qs = append(qs, q)
	}
	add(FieldText, boostExact)
	add(FieldTextFolded, boostFolded)
	add(FieldHeading, boostExact*boostHeading)
	add(FieldHeadingFolded, boostFolded*boostHeading)
	add(FieldSpeakerText, boostExact*boostSpeaker)
	add(FieldSpeakerFolded, boostFolded*boostSpeaker)
	if !phrase && len(strings.Fields(text)) > 1 {
		sq := bleve.NewMatchQuery(text)
		sq.SetField(FieldTextShingle)
		sq.SetBoost(boostShingle)
		qs = append(qs, sq)
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// buildQuery turns a parsed query and the request's filters into a Bleve query.
func buildQuery(pq *parsedQuery, req *Request) (query.Query, error) {
	typ := bleve.NewTermQuery(typeSection)
	typ.SetField(FieldType)
	must := []query.Query{typ}
	var should []query.Query
	if len(pq.words) > 0 {
		should = append(should, textQuery(strings.Join(pq.words, " "), false))
		if len(pq.words) > 1 {
			should = append(should, textQuery(strings.Join(pq.words, " "), true))
		}
	}
	for _, p := range pq.phrases {
		must = append(must, textQuery(p, true))
	}
	for _, r := range pq.required {
		must = append(must, textQuery(r, strings.Contains(r, " ")))
	}
	filters := map[string][]string{}
	for k, v := range pq.filters {
		filters[k] = append(filters[k], v...)
	}
	for _, t := range req.Themes {
		filters["theme"] = append(filters["theme"], t)
	}
	if req.Speaker != "" {
		filters["speaker"] = append(filters["speaker"], req.Speaker)
	}
	if req.Workshop != "" {
		filters["workshop"] = append(filters["workshop"], req.Workshop)
	}
	for name, vals := range filters {
		fq, err := filterQuery(name, vals)
		if err != nil {
			return nil, err
		}
		must = append(must, fq)
	}
	bq := bleve.NewBooleanQuery()
	bq.AddMust(must...)
	if len(should) > 0 {
		bq.AddShould(should...)
		if len(pq.phrases)+len(pq.required) == 0 {
			bq.SetMinShould(1)
		}
	}
	for _, e := range pq.excluded {
		bq.AddMustNot(textQuery(e, strings.Contains(e, " ")))
	}
	return bq, nil
}

// filterQuery matches any of vals on the filter's field.
func filterQuery(name string, vals []string) (query.Query, error) {
	field := filterFields[name]
	var qs []query.Query
	for _, v := range vals {
		switch field {
		case FieldYear:
			var y float64
			if _, err := fmt.Sscanf(v, "%g", &y); err != nil {
				return nil, fmt.Errorf("year:%s: not a year", v)
			}
			hi := y + 1
			inc := true
			nq := bleve.NewNumericRangeInclusiveQuery(&y, &hi, &inc, new(bool))
			nq.SetField(field)
			qs = append(qs, nq)
		case FieldPath:
			wq := bleve.NewWildcardQuery("*" + v + "*")
			wq.SetField(field)
			qs = append(qs, wq)
		default:
			tq := bleve.NewTermQuery(v)
			tq.SetField(field)
			qs = append(qs, tq)
			if field == FieldSpeaker || field == FieldWorkshop {
				mq := bleve.NewMatchPhraseQuery(v)
				mq.SetField(FieldSpeakerFolded)
				if field == FieldSpeaker {
					qs = append(qs, mq)
				}
			}
		}
	}
	return bleve.NewDisjunctionQuery(qs...), nil
}
