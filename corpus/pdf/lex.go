package pdf

import (
	"bytes"
	"strconv"
)

// opKind is the kind of an operand of a content-stream operator.
type opKind uint8

const (
	kNum opKind = iota
	kName
	kStr
	kArr
	kOther // a dictionary, a boolean, null: kept only to be counted
)

// operand is one operand of a content-stream operator.
type operand struct {
	kind opKind
	num  float64
	str  []byte // string bytes, or the name without its slash
	arr  []operand
}

// lexer tokenises a content stream or a CMap. It never panics on malformed input: an unknown byte
// is skipped.
type lexer struct {
	b     []byte
	pos   int
	depth int // array nesting, bounded so that hostile input cannot exhaust the stack
}

func isWhite(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func (l *lexer) skipWhite() {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		if isWhite(c) {
			l.pos++
			continue
		}
		if c == '%' {
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		return
	}
}

// next reads the next operand into op, or returns the keyword of an operator. It returns ok=false
// at the end of the data.
func (l *lexer) next(op *operand) (keyword string, isOp, ok bool) {
	for {
		l.skipWhite()
		if l.pos >= len(l.b) {
			return "", false, false
		}
		// Stray closing delimiters and bytes that start no token are skipped.
		if c := l.b[l.pos]; c == ']' || c == '>' || c == ')' || c == '{' || c == '}' {
			l.pos++
			continue
		}
		if kw, isOp, ok, skip := l.token(op); !skip {
			return kw, isOp, ok
		}
	}
}

// token reads one token at l.pos; skip reports a byte that starts none.
func (l *lexer) token(op *operand) (keyword string, isOp, ok, skip bool) {
	c := l.b[l.pos]
	switch {
	case c == '/':
		l.pos++
		start := l.pos
		for l.pos < len(l.b) && !isWhite(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
			l.pos++
		}
		*op = operand{kind: kName, str: l.b[start:l.pos]}
	case c == '(':
		*op = operand{kind: kStr, str: l.literal()}
	case c == '<' && l.pos+1 < len(l.b) && l.b[l.pos+1] == '<':
		start := l.pos
		l.pos += 2
		l.skipDict()
		*op = operand{kind: kOther, str: l.b[start:l.pos]}
	case c == '<':
		*op = operand{kind: kStr, str: l.hex()}
	case c == '[':
		l.pos++
		if l.depth >= 32 {
			return "", false, false, true
		}
		l.depth++
		*op = operand{kind: kArr, arr: l.array()}
		l.depth--
	case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
		start := l.pos
		l.pos++
		for l.pos < len(l.b) && !isWhite(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
			l.pos++
		}
		*op = operand{kind: kNum, num: parseNum(l.b[start:l.pos])}
	default:
		start := l.pos
		for l.pos < len(l.b) && !isWhite(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
			l.pos++
		}
		if l.pos == start {
			l.pos++
			return "", false, false, true
		}
		kw := string(l.b[start:l.pos])
		switch kw {
		case "true", "false", "null":
			*op = operand{kind: kOther}
			return "", false, true, false
		}
		return kw, true, true, false
	}
	return "", false, true, false
}

func parseNum(b []byte) float64 {
	f, err := strconv.ParseFloat(string(b), 64)
	if err == nil {
		return f
	}
	// Malformed numbers such as "--5" or "1.2.3": keep the leading valid part.
	end := 0
	for end < len(b) && (b[end] == '-' || b[end] == '+' || b[end] == '.' || (b[end] >= '0' && b[end] <= '9')) {
		end++
	}
	for end > 0 {
		if f, err := strconv.ParseFloat(string(b[:end]), 64); err == nil {
			return f
		}
		end--
	}
	return 0
}

func (l *lexer) array() []operand {
	var arr []operand
	for {
		l.skipWhite()
		if l.pos >= len(l.b) {
			return arr
		}
		if l.b[l.pos] == ']' {
			l.pos++
			return arr
		}
		var op operand
		kw, isOp, ok := l.next(&op)
		if !ok {
			return arr
		}
		if isOp {
			// An operator inside an array is malformed; a CMap may hold names as keywords.
			op = operand{kind: kName, str: []byte(kw)}
		}
		arr = append(arr, op)
	}
}

func (l *lexer) skipDict() {
	depth := 1
	for l.pos < len(l.b) && depth > 0 {
		c := l.b[l.pos]
		switch {
		case c == '(':
			l.literal()
			continue
		case c == '<' && l.pos+1 < len(l.b) && l.b[l.pos+1] == '<':
			depth++
			l.pos++
		case c == '>' && l.pos+1 < len(l.b) && l.b[l.pos+1] == '>':
			depth--
			l.pos++
		}
		l.pos++
	}
}

func (l *lexer) literal() []byte {
	l.pos++ // (
	var out []byte
	depth := 1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return out
			}
		case '\\':
			if l.pos >= len(l.b) {
				return out
			}
			e := l.b[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.pos < len(l.b) && l.b[l.pos] == '\n' {
					l.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for i := 0; i < 2 && l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '7'; i++ {
						v = v*8 + int(l.b[l.pos]-'0')
						l.pos++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return out
}

func (l *lexer) hex() []byte {
	l.pos++ // <
	var out []byte
	hi, have := byte(0), false
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		if c == '>' {
			break
		}
		v, ok := unhex(c)
		if !ok {
			continue
		}
		if have {
			out = append(out, hi<<4|v)
			have = false
		} else {
			hi, have = v, true
		}
	}
	if have {
		out = append(out, hi<<4)
	}
	return out
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// skipInlineImage moves past the data of an inline image (after BI ... ID) to its EI.
func (l *lexer) skipInlineImage() {
	for l.pos < len(l.b) && l.pos+1 < len(l.b) {
		if l.b[l.pos] == 'I' && l.b[l.pos+1] == 'D' && (l.pos+2 >= len(l.b) || isWhite(l.b[l.pos+2])) {
			l.pos += 3
			break
		}
		l.pos++
	}
	for l.pos+1 < len(l.b) {
		if isWhite(l.b[l.pos]) && l.b[l.pos+1] == 'E' && l.pos+2 < len(l.b) && l.b[l.pos+2] == 'I' &&
			(l.pos+3 >= len(l.b) || isWhite(l.b[l.pos+3]) || isDelim(l.b[l.pos+3])) {
			l.pos += 3
			return
		}
		l.pos++
	}
	l.pos = len(l.b)
}

// actualText returns the /ActualText string of a marked-content property dictionary given as its
// raw bytes, and whether there is one.
func actualText(dict []byte) (string, bool) {
	i := bytes.Index(dict, []byte("/ActualText"))
	if i < 0 {
		return "", false
	}
	l := lexer{b: dict, pos: i + len("/ActualText")}
	var op operand
	if _, isOp, ok := l.next(&op); !ok || isOp || op.kind != kStr {
		return "", false
	}
	return textString(op.str), true
}

// textString decodes a PDF text string: UTF-16BE with a byte-order mark, else PDFDocEncoding,
// which matches Latin-1 for the letters that matter here.
func textString(b []byte) string {
	if len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF {
		return decodeUTF16BE(b[2:])
	}
	rs := make([]rune, len(b))
	for i, c := range b {
		rs[i] = rune(c)
	}
	return string(rs)
}
