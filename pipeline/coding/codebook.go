package coding

import (
	_ "embed"
	"errors"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

//go:embed codebook.toml
var defaultCodebookTOML []byte

// Cue is a phrase whose presence in a sentence speaks for a theme.
type Cue struct {
	Text    string  `toml:"text"`
	Weight  float64 `toml:"weight"`
	Context bool    `toml:"context"` // counts only when the heading or the paragraph is on the theme
}

// Rule is a context rule of a theme: a pattern that needs more than a fixed phrase.
type Rule struct {
	Name    string   `toml:"name"`
	Kind    string   `toml:"kind"` // followed-by, before-word, quantity, prescriptive, remedy
	Trigger []string `toml:"trigger"`
	Next    []string `toml:"next"`
	Except  []string `toml:"except"`
	Window  int      `toml:"window"`
	Weight  float64  `toml:"weight"`
}

// The kinds of rule a codebook may use.
const (
	RuleFollowedBy   = "followed-by"
	RuleBeforeWord   = "before-word"
	RuleQuantity     = "quantity"
	RulePrescriptive = "prescriptive"
	RuleRemedy       = "remedy"
)

// Theme is one code of a codebook.
type Theme struct {
	ID               string   `toml:"id"`
	Label            string   `toml:"label"` // Vietnamese
	LabelEN          string   `toml:"label_en"`
	Description      string   `toml:"description"`
	Threshold        float64  `toml:"threshold"`
	HeadingCues      []string `toml:"heading_cues"`
	HeadingPrior     float64  `toml:"heading_prior"`
	ContraryHeadings []string `toml:"contrary_headings"`
	ContraryFactor   float64  `toml:"contrary_factor"`
	Cues             []Cue    `toml:"cues"`
	Negative         []string `toml:"negative"`
	NegativeBlocks   float64  `toml:"negative_blocks_below"` // a negative phrase in the sentence cancels cues lighter than this
	Rules            []Rule   `toml:"rules"`
}

// Mood holds the word lists that decide whether a sentence puts a proposal forward.
type Mood struct {
	ProposalVerbs    []string `toml:"proposal_verbs"`
	Modals           []string `toml:"modals"`
	WeakModals       []string `toml:"weak_modals"`
	Strengtheners    []string `toml:"strengtheners"`
	CausalNext       []string `toml:"causal_next"`
	NarrativeBefore  []string `toml:"narrative_before"`
	NotModalAfter    []string `toml:"not_modal_after"`
	NotModalBefore   []string `toml:"not_modal_before"`
	PastMarkers      []string `toml:"past_markers"`
	MetaSubjects     []string `toml:"meta_subjects"`
	MetaVerbs        []string `toml:"meta_verbs"`
	MetaObjects      []string `toml:"meta_objects"`
	MetaFillers      []string `toml:"meta_fillers"`
	ActionVerbs      []string `toml:"action_verbs"`
	ListOpeners      []string `toml:"list_openers"`
	AddresseeHeads   []string `toml:"addressees"`
	Causal           []string `toml:"causal"`
	PrescriptiveDamp []string `toml:"prescriptive_damps"`
	DampFactor       float64  `toml:"damp_factor"`
	Purpose          []string `toml:"purpose"`
	Negators         []string `toml:"negators"`
	EventNouns       []string `toml:"event_nouns"`
	Attendance       []string `toml:"attendance"`
	AttendanceLists  []string `toml:"attendance_lists"`
	ReportingVerbs   []string `toml:"reporting_verbs"`
	// LaySubjects are the people of general news and notices (candidates, parents, users,
	// players, coaches, fans): a modal or proposal verb right after one of them gives advice or
	// states a rule ("thí sinh phải có mặt ...", "HLV phải từ chức"); it proposes nothing.
	LaySubjects []string `toml:"lay_subjects"`
}

// Codebook is the set of themes sentences are tagged with, and the mood lists for
// recommendations. Build one with DefaultCodebook, LoadCodebook or ParseCodebook.
type Codebook struct {
	Version int     `toml:"version"`
	Theme   []Theme `toml:"theme"`
	Mood    Mood    `toml:"mood"`
	// Domain lists the terms of the field the codebook codes (party building, the political
	// system, public administration and the private sector as its subject). A document that
	// names none of them — a match report, a weather bulletin, a product review — is coded with
	// no theme and no recommendation. Empty: every document is coded.
	Domain []string `toml:"domain"`
	// DomainNot lists phrases that start with a domain term but name something else (another
	// country's parties: "đảng Cộng hòa"); they do not count.
	DomainNot []string `toml:"domain_not"`

	source []byte // the TOML it was parsed from
	name   string
}

// DefaultCodebook returns the codebook embedded in the binary (pipeline/coding/codebook.toml).
func DefaultCodebook() *Codebook {
	cb, err := ParseCodebook(defaultCodebookTOML, defaultName)
	if err != nil {
		panic("pipeline: the embedded codebook is invalid: " + err.Error())
	}
	return cb
}

// LoadCodebook reads and validates the codebook file at path.
func LoadCodebook(path string) (*Codebook, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("codebook %s: %w", path, err)
	}
	return ParseCodebook(data, path)
}

// ParseCodebook parses and validates a codebook in TOML; name (usually the file's path) names it
// in errors, which read "codebook NAME: line N: reason".
func ParseCodebook(data []byte, name string) (*Codebook, error) {
	var cb Codebook
	md, err := toml.Decode(string(data), &cb)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &CodebookError{File: name, Line: pe.Position.Line, Msg: pe.Message, Err: err}
		}
		msg := typeErrPrefixRE.ReplaceAllString(err.Error(), "")
		return nil, &CodebookError{File: name, Line: typeErrorLine(data, err.Error()), Msg: msg, Err: err}
	}
	if und := md.Undecoded(); len(und) > 0 {
		k := und[0]
		last := k[len(k)-1]
		return nil, &CodebookError{File: name, Line: lineOf(data, last+" ", 0, 1), Msg: fmt.Sprintf("unknown key %q", k.String())}
	}
	cb.source, cb.name = data, name
	if err := cb.validate(); err != nil {
		return nil, err
	}
	cb.fillDefaults()
	if name != defaultName {
		cb.Mood.inherit(&DefaultCodebook().Mood)
	}
	return &cb, nil
}

const defaultName = "codebook.toml (embedded)"

// inherit fills the word lists a user's [mood] leaves out (or the whole table, when absent)
// from the default codebook's, so that a file with only themes still finds recommendations.
func (m *Mood) inherit(def *Mood) {
	v, d := reflect.ValueOf(m).Elem(), reflect.ValueOf(def).Elem()
	for i := range v.NumField() {
		f := v.Field(i)
		switch f.Kind() {
		case reflect.Slice:
			if f.Len() == 0 {
				f.Set(d.Field(i))
			}
		case reflect.Float64:
			if f.Float() == 0 {
				f.Set(d.Field(i))
			}
		}
	}
}

// fillDefaults sets the values a user file may leave out.
func (c *Codebook) fillDefaults() {
	for i := range c.Theme {
		t := &c.Theme[i]
		if t.Threshold == 0 {
			t.Threshold = 1
		}
		if t.ContraryFactor == 0 {
			t.ContraryFactor = 1
		}
		for j := range t.Rules {
			if t.Rules[j].Window == 0 {
				t.Rules[j].Window = 1
			}
		}
	}
}

// Themes returns the codebook's themes in order.
func (c *Codebook) Themes() []Theme { return c.Theme }

// Label returns the Vietnamese label of a theme id, or the id itself.
func (c *Codebook) Label(id string) string {
	for _, t := range c.Theme {
		if t.ID == id {
			return t.Label
		}
	}
	return id
}

// TOML returns the codebook's source: for the default codebook, the file `thamluan codebook`
// prints for users to copy and edit.
func (c *Codebook) TOML() []byte {
	if c.source != nil {
		return append([]byte(nil), c.source...)
	}
	var b strings.Builder
	if err := toml.NewEncoder(&b).Encode(c); err != nil {
		return nil
	}
	return []byte(b.String())
}

// errorf returns a validation error at a line of the codebook file.
func (c *Codebook) errorf(line int, format string, args ...any) error {
	return &CodebookError{File: c.name, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// CodebookError is an error in a codebook file, at a line.
type CodebookError struct {
	File string
	Line int
	Msg  string
	Err  error // the TOML decoder's error, when it found the problem
}

// Error reads "codebook FILE: line N: reason".
func (e *CodebookError) Error() string {
	return fmt.Sprintf("codebook %s: line %d: %s", e.File, e.Line, e.Msg)
}

// Unwrap returns the decoder's error.
func (e *CodebookError) Unwrap() error { return e.Err }

var (
	typeErrPrefixRE = regexp.MustCompile(`^toml: (line \d+ )?(\(last key "[^"]*"\): )?`)
	typeErrKeyRE    = regexp.MustCompile(`last key "([^"]+)"`)
	typeErrDestRE   = regexp.MustCompile(`destination has type (\w+)`)
	typeErrLineRE   = regexp.MustCompile(`line (\d+)`)
)

// typeErrorLine finds the line of a value of the wrong type. The TOML decoder reports the last
// key's line, which for arrays of tables is the last entry's, so the source is searched for the
// first value of that key whose type does not fit the destination.
func typeErrorLine(data []byte, msg string) int {
	line := 1
	if m := typeErrLineRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
	}
	km, dm := typeErrKeyRE.FindStringSubmatch(msg), typeErrDestRE.FindStringSubmatch(msg)
	if km == nil || dm == nil {
		return line
	}
	parts := strings.Split(km[1], ".")
	valRE := regexp.MustCompile(`(?:^|[{,\s])` + regexp.QuoteMeta(parts[len(parts)-1]) + `\s*=\s*(\S)`)
	for i, l := range strings.Split(string(data), "\n") {
		for _, m := range valRE.FindAllStringSubmatch(l, -1) {
			if !fitsType(m[1][0], dm[1]) {
				return i + 1
			}
		}
	}
	return line
}

// fitsType reports whether a TOML value starting with c fits a Go destination type.
func fitsType(c byte, dest string) bool {
	switch {
	case strings.HasPrefix(dest, "float"), strings.HasPrefix(dest, "int"):
		return c == '-' || c == '+' || c >= '0' && c <= '9' || c == 'i' || c == 'n'
	case dest == "string":
		return c == '"' || c == '\''
	case dest == "bool":
		return c == 't' || c == 'f'
	case dest == "slice":
		return c == '['
	}
	return true
}

// lineOf returns the 1-based line of the n-th (0-based) occurrence of needle at or after the
// line from; it returns from when needle is not found.
func lineOf(data []byte, needle string, n, from int) int {
	lines := strings.Split(string(data), "\n")
	for i := from - 1; i >= 0 && i < len(lines); i++ {
		if strings.Contains(lines[i], needle) {
			if n == 0 {
				return i + 1
			}
			n--
		}
	}
	return from
}
