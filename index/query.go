package index

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"thamluan/corpus/vntext"
)

// ErrQuery is wrapped by every error about a malformed query: an unclosed quote or parenthesis,
// an OR without a term on one side, a filter without a value, a query that only excludes.
var ErrQuery = errors.New("malformed query")

// QueryError says what is wrong with a query and where (Pos counts characters from 1; 0 when the
// problem is the query as a whole). It wraps ErrQuery.
type QueryError struct {
	Query string
	Pos   int
	Msg   string
}

// Error implements error.
func (e *QueryError) Error() string {
	if e.Pos > 0 {
		return fmt.Sprintf("query %q: %s (at character %d)", e.Query, e.Msg, e.Pos)
	}
	return fmt.Sprintf("query %q: %s", e.Query, e.Msg)
}

// Unwrap returns ErrQuery.
func (e *QueryError) Unwrap() error { return ErrQuery }

// occur is how a clause takes part in its group.
type occur int

const (
	occurShould  occur = iota // plain: the more such clauses match, the better
	occurMust                 // +clause: required
	occurMustNot              // -clause: excluded
)

// node is a part of a parsed query. String renders it compactly for tests and debugging.
type node interface{ String() string }

// termNode is a word as typed; prefix is set for a trailing '*' (chuyen*).
type termNode struct {
	text   string
	prefix bool
}

// phraseNode is a "quoted phrase".
type phraseNode struct{ text string }

// filterNode is field:value, field being a key of filterFields.
type filterNode struct{ field, value string }

// clause is a node with its occurrence in a group.
type clause struct {
	op occur
	n  node
}

// andNode is a sequence of clauses (juxtaposition).
type andNode struct{ clauses []clause }

// orNode holds alternatives joined by OR.
type orNode struct{ alts []node }

func (t termNode) String() string {
	if t.prefix {
		return t.text + "*"
	}
	return t.text
}

func (p phraseNode) String() string { return `"` + p.text + `"` }

func (f filterNode) String() string {
	if strings.ContainsRune(f.value, ' ') {
		return f.field + `:"` + f.value + `"`
	}
	return f.field + ":" + f.value
}

func (a andNode) String() string {
	parts := make([]string, len(a.clauses))
	for i, c := range a.clauses {
		parts[i] = [...]string{"", "+", "-"}[c.op] + c.n.String()
	}
	return "(and " + strings.Join(parts, " ") + ")"
}

func (o orNode) String() string {
	parts := make([]string, len(o.alts))
	for i, a := range o.alts {
		parts[i] = a.String()
	}
	return "(or " + strings.Join(parts, " ") + ")"
}

// filterFields maps the field names a query may filter on to index fields.
var filterFields = map[string]string{
	"theme": FieldThemes, "speaker": FieldSpeaker, "org": FieldSpeaker, "workshop": FieldWorkshop,
	"year": FieldYear, "doc": FieldPath, "format": FieldFormat, "lang": FieldLanguage,
}

// parser is a recursive-descent parser over the runes of a query:
//
//	query  = or EOF
//	or     = and { "OR" and }
//	and    = clause { clause }
//	clause = [ "+" | "-" ] primary
//	primary = "(" or ")" | phrase | field ":" ( word | phrase ) | word [ "*" ]
type parser struct {
	q   string
	rs  []rune
	pos int
}

// parseQuery parses a query of thamluan's query language into its syntax tree.
func parseQuery(q string) (node, error) {
	q = vntext.Clean(q)
	p := &parser{q: q, rs: []rune(q)}
	p.skipSpace()
	if p.eof() {
		return nil, p.errAt(0, "nothing to search for")
	}
	n, err := p.parseOr()
	if err != nil {
		return nil, err
	}
	if !p.eof() { // only a stray ')' stops parseOr early
		return nil, p.errAt(p.pos+1, "')' without a matching '('")
	}
	if !positive(n) {
		return nil, p.errAt(0, "a query cannot only exclude: add a word, phrase or filter to search for")
	}
	return n, nil
}

func (p *parser) errAt(pos int, msg string) error { return &QueryError{Query: p.q, Pos: pos, Msg: msg} }

func (p *parser) eof() bool { return p.pos >= len(p.rs) }

func (p *parser) skipSpace() {
	for !p.eof() && unicode.IsSpace(p.rs[p.pos]) {
		p.pos++
	}
}

// atOR reports whether the next token is the operator OR (upper case, standing alone).
func (p *parser) atOR() bool {
	if p.pos+2 > len(p.rs) || string(p.rs[p.pos:p.pos+2]) != "OR" {
		return false
	}
	return p.pos+2 == len(p.rs) || unicode.IsSpace(p.rs[p.pos+2]) || p.rs[p.pos+2] == '(' || p.rs[p.pos+2] == ')' || isQuote(p.rs[p.pos+2])
}

func (p *parser) parseOr() (node, error) {
	first, err := p.parseAnd()
	if err != nil {
		return nil, err
	}
	alts := []node{first}
	for p.atOR() {
		at := p.pos + 1
		p.pos += 2
		p.skipSpace()
		if p.eof() || p.rs[p.pos] == ')' || p.atOR() {
			return nil, p.errAt(at, "OR needs a term on both sides")
		}
		n, err := p.parseAnd()
		if err != nil {
			return nil, err
		}
		alts = append(alts, n)
	}
	if len(alts) == 1 {
		return first, nil
	}
	return orNode{alts: alts}, nil
}

func (p *parser) parseAnd() (node, error) {
	var cs []clause
	for {
		p.skipSpace()
		if p.eof() || p.rs[p.pos] == ')' || p.atOR() {
			break
		}
		c, ok, err := p.parseClause()
		if err != nil {
			return nil, err
		}
		if ok {
			cs = append(cs, c)
		}
	}
	if len(cs) == 0 {
		if p.atOR() {
			return nil, p.errAt(p.pos+1, "OR needs a term on both sides")
		}
		return nil, p.errAt(p.pos+1, "nothing to search for here")
	}
	if len(cs) == 1 && cs[0].op == occurShould {
		return cs[0].n, nil
	}
	return andNode{clauses: cs}, nil
}

// parseClause reads an optional sign and a primary. ok is false for a word with no letter or
// digit in it (a dash between words), which is skipped.
func (p *parser) parseClause() (clause, bool, error) {
	op := occurShould
	if r := p.rs[p.pos]; (r == '+' || r == '-') && p.pos+1 < len(p.rs) {
		if next := p.rs[p.pos+1]; !unicode.IsSpace(next) && next != ')' {
			op = map[rune]occur{'+': occurMust, '-': occurMustNot}[r]
			p.pos++
		}
	}
	at := p.pos + 1
	n, err := p.parsePrimary()
	if err != nil || n == nil {
		return clause{}, false, err
	}
	if t, isTerm := n.(termNode); isTerm && !hasWordChar(t.text) {
		if t.prefix {
			return clause{}, false, p.errAt(at, "'*' must end a word (chuyen*)")
		}
		return clause{}, false, nil
	}
	return clause{op: op, n: n}, true, nil
}

func (p *parser) parsePrimary() (node, error) {
	r := p.rs[p.pos]
	switch {
	case r == '(':
		open := p.pos + 1
		p.pos++
		p.skipSpace()
		if !p.eof() && p.rs[p.pos] == ')' {
			return nil, p.errAt(open, "empty parentheses")
		}
		n, err := p.parseOr()
		if err != nil {
			return nil, err
		}
		if p.eof() {
			return nil, p.errAt(open, "'(' is never closed")
		}
		p.pos++ // ')'
		return n, nil
	case isQuote(r):
		text, err := p.readPhrase()
		if err != nil {
			return nil, err
		}
		return phraseNode{text: text}, nil
	}
	return p.readWordOrFilter()
}

// readPhrase reads a quoted phrase starting at the opening quote.
func (p *parser) readPhrase() (string, error) {
	open := p.pos + 1
	j := p.pos + 1
	for j < len(p.rs) && !isQuote(p.rs[j]) {
		j++
	}
	if j >= len(p.rs) {
		return "", p.errAt(open, "unclosed quote")
	}
	text := strings.Join(strings.Fields(string(p.rs[p.pos+1:j])), " ")
	p.pos = j + 1
	if !hasWordChar(text) {
		return "", p.errAt(open, "empty phrase")
	}
	return text, nil
}

// readWordOrFilter reads a word up to a space, quote or parenthesis; field:value when the part
// before the colon names a filter.
func (p *parser) readWordOrFilter() (node, error) {
	start := p.pos
	for !p.eof() && !unicode.IsSpace(p.rs[p.pos]) && !isQuote(p.rs[p.pos]) && p.rs[p.pos] != '(' && p.rs[p.pos] != ')' {
		p.pos++
	}
	w := string(p.rs[start:p.pos])
	if k := strings.IndexByte(w, ':'); k > 0 {
		name := strings.ToLower(w[:k])
		if _, ok := filterFields[name]; ok {
			val := w[k+1:]
			if val == "" && !p.eof() && isQuote(p.rs[p.pos]) {
				text, err := p.readPhrase()
				if err != nil {
					return nil, err
				}
				val = text
			}
			if strings.TrimSpace(val) == "" {
				return nil, p.errAt(start+1, name+": needs a value ("+name+":VALUE)")
			}
			return filterNode{field: name, value: val}, nil
		}
	}
	if w == "" {
		return nil, p.errAt(start+1, fmt.Sprintf("unexpected %q", p.rs[start]))
	}
	prefix := strings.HasSuffix(w, "*")
	w = strings.TrimSuffix(w, "*")
	if strings.ContainsRune(w, '*') {
		return nil, p.errAt(start+1, "'*' must end a word (chuyen*)")
	}
	if prefix && len([]rune(w)) < 2 && hasWordChar(w) {
		return nil, p.errAt(start+1, "a prefix needs at least two letters before '*'")
	}
	return termNode{text: w, prefix: prefix}, nil
}

func isQuote(r rune) bool { return r == '"' || r == '“' || r == '”' || r == '„' }

func hasWordChar(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// positive reports whether n can match anything by itself: it holds a clause that is not
// excluded.
func positive(n node) bool {
	switch x := n.(type) {
	case andNode:
		for _, c := range x.clauses {
			if c.op != occurMustNot && positive(c.n) {
				return true
			}
		}
		return false
	case orNode:
		for _, a := range x.alts {
			if !positive(a) {
				return false
			}
		}
		return true
	}
	return true
}
