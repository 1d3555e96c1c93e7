package coding

import (
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"
)

var themeIDRE = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

const maxWeight = 10

// validate checks what TOML cannot: ids, labels, cue texts, weights and rule kinds. Errors name
// the line of the offending entry.
func (c *Codebook) validate() error {
	if c.Version != 0 && c.Version != 1 {
		return c.errorf(lineOf(c.source, "version", 0, 1), "unsupported version %d (want 1)", c.Version)
	}
	if badNumber(c.Mood.DampFactor, 0, 1) {
		return c.errorf(lineOf(c.source, "damp_factor", 0, 1), "damp_factor %v out of range 0-1", c.Mood.DampFactor)
	}
	if err := c.validateMood(); err != nil {
		return err
	}
	if len(c.Theme) == 0 {
		return c.errorf(1, "no [[theme]] table")
	}
	seen := map[string]bool{}
	for k := range c.Theme {
		t := &c.Theme[k]
		line := lineOf(c.source, "[[theme]]", k, 1)
		if !themeIDRE.MatchString(t.ID) {
			return c.errorf(line, "theme %d: id %q must be lower-case letters, digits and '-'", k+1, t.ID)
		}
		if seen[t.ID] {
			return c.errorf(lineOf(c.source, strconv.Quote(t.ID), 0, line), "duplicate theme id %q", t.ID)
		}
		seen[t.ID] = true
		if strings.TrimSpace(t.Label) == "" {
			return c.errorf(line, "theme %q: empty label", t.ID)
		}
		if err := c.validateTheme(t, line); err != nil {
			return err
		}
	}
	return nil
}

// validateTheme checks one theme's numbers, cues and rules; line is its [[theme]] header.
func (c *Codebook) validateTheme(t *Theme, line int) error {
	switch {
	case badNumber(t.Threshold, 0, maxWeight):
		return c.errorf(lineOf(c.source, "threshold", 0, line), "theme %q: threshold %v out of range 0-%d", t.ID, t.Threshold, maxWeight)
	case badNumber(t.HeadingPrior, -maxWeight, maxWeight):
		return c.errorf(lineOf(c.source, "heading_prior", 0, line), "theme %q: heading_prior %v out of range", t.ID, t.HeadingPrior)
	case badNumber(t.NegativeBlocks, 0, maxWeight):
		return c.errorf(lineOf(c.source, "negative_blocks_below", 0, line), "theme %q: negative_blocks_below %v out of range 0-%d", t.ID, t.NegativeBlocks, maxWeight)
	case badNumber(t.ContraryFactor, 0, 1):
		return c.errorf(lineOf(c.source, "contrary_factor", 0, line), "theme %q: contrary_factor %v out of range 0-1", t.ID, t.ContraryFactor)
	}
	if len(t.Cues) == 0 && len(t.Rules) == 0 {
		return c.errorf(line, "theme %q: no cues and no rules", t.ID)
	}
	for i, cue := range t.Cues {
		if strings.TrimSpace(cue.Text) == "" {
			return c.errorf(lineOf(c.source, `""`, 0, line), "theme %q: cue %d is empty", t.ID, i+1)
		}
		if badNumber(cue.Weight, 0, maxWeight) || cue.Weight == 0 {
			return c.errorf(lineOf(c.source, strconv.Quote(cue.Text), 0, line), "theme %q: cue %q has weight %v (want more than 0, at most %d)", t.ID, cue.Text, cue.Weight, maxWeight)
		}
	}
	for _, lists := range [][]string{t.Negative, t.HeadingCues, t.ContraryHeadings} {
		for _, s := range lists {
			if strings.TrimSpace(s) == "" {
				return c.errorf(lineOf(c.source, `""`, 0, line), "theme %q: empty phrase in a list", t.ID)
			}
		}
	}
	for _, r := range t.Rules {
		if err := c.validateRule(t, r, line); err != nil {
			return err
		}
	}
	return nil
}

// validateRule checks a rule's kind, its word lists and its weight.
func (c *Codebook) validateRule(t *Theme, r Rule, line int) error {
	at := lineOf(c.source, strconv.Quote(r.Name), 0, line)
	if r.Name == "" {
		at = lineOf(c.source, "kind", 0, line)
	}
	needTrigger := true
	switch r.Kind {
	case RuleFollowedBy:
		if len(r.Next) == 0 {
			return c.errorf(at, "theme %q: rule %q of kind %s needs next words", t.ID, r.Name, r.Kind)
		}
	case RuleBeforeWord, RuleQuantity, RuleRemedy:
	case RulePrescriptive:
		needTrigger = false
	default:
		return c.errorf(at, "theme %q: rule %q has unknown kind %q (want followed-by, before-word, quantity, prescriptive or remedy)", t.ID, r.Name, r.Kind)
	}
	if needTrigger && len(r.Trigger) == 0 {
		return c.errorf(at, "theme %q: rule %q has no trigger", t.ID, r.Name)
	}
	for _, list := range [][]string{r.Trigger, r.Next, r.Except} {
		for _, s := range list {
			if strings.TrimSpace(s) == "" {
				return c.errorf(at, "theme %q: rule %q has an empty word", t.ID, r.Name)
			}
		}
	}
	if badNumber(r.Weight, 0, maxWeight) || r.Weight == 0 {
		return c.errorf(at, "theme %q: rule %q has weight %v (want more than 0, at most %d)", t.ID, r.Name, r.Weight, maxWeight)
	}
	if r.Window < 0 || r.Window > 30 {
		return c.errorf(at, "theme %q: rule %q has window %d (want 0-30)", t.ID, r.Name, r.Window)
	}
	return nil
}

func badNumber(v, lo, hi float64) bool {
	return math.IsNaN(v) || math.IsInf(v, 0) || v < lo || v > hi
}

// validateMood rejects empty words in the [mood] lists.
func (c *Codebook) validateMood() error {
	v := reflect.ValueOf(c.Mood)
	for i := range v.NumField() {
		f := v.Field(i)
		if f.Kind() != reflect.Slice {
			continue
		}
		key := v.Type().Field(i).Tag.Get("toml")
		for k := range f.Len() {
			if strings.TrimSpace(f.Index(k).String()) == "" {
				return c.errorf(lineOf(c.source, key, 0, 1), "[mood] %s: word %d is empty", key, k+1)
			}
		}
	}
	return nil
}
