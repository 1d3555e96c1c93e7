package pdf

import (
	"unicode/utf16"
)

// codeRange is one codespace range of a CMap: codes of n bytes between lo and hi.
type codeRange struct {
	n      int
	lo, hi uint32
}

// cmap is what we use of a CMap: the code lengths and the code-to-Unicode map of a ToUnicode
// CMap.
type cmap struct {
	space  []codeRange
	single map[uint32]string
	ranges []uniRange
}

// uniRange maps the codes lo..hi to consecutive Unicode values from dst, or to the strings of arr.
type uniRange struct {
	lo, hi uint32
	dst    []rune
	arr    []string
}

// parseCMap reads a ToUnicode or encoding CMap. Malformed parts are skipped.
func parseCMap(data []byte) *cmap {
	m := &cmap{single: map[uint32]string{}}
	l := lexer{b: data}
	var stack []operand
	for {
		var op operand
		kw, isOp, ok := l.next(&op)
		if !ok {
			break
		}
		if !isOp {
			stack = append(stack, op)
			continue
		}
		switch kw {
		case "endcodespacerange":
			for i := 0; i+1 < len(stack); i += 2 {
				lo, hi := stack[i], stack[i+1]
				if lo.kind == kStr && hi.kind == kStr && len(lo.str) > 0 && len(lo.str) <= 4 {
					m.space = append(m.space, codeRange{len(lo.str), code(lo.str), code(hi.str)})
				}
			}
		case "endbfchar":
			for i := 0; i+1 < len(stack); i += 2 {
				if stack[i].kind == kStr {
					m.single[code(stack[i].str)] = dstString(stack[i+1])
				}
			}
		case "endbfrange":
			m.addRanges(stack)
		}
		if kw != "" {
			stack = stack[:0]
		}
		if len(m.single) > 1<<20 || len(m.ranges) > 1<<20 {
			break
		}
	}
	return m
}

func (m *cmap) addRanges(stack []operand) {
	for i := 0; i+2 < len(stack); i += 3 {
		lo, hi, dst := stack[i], stack[i+1], stack[i+2]
		if lo.kind != kStr || hi.kind != kStr {
			continue
		}
		r := uniRange{lo: code(lo.str), hi: code(hi.str)}
		if r.hi < r.lo || r.hi-r.lo > 1<<16 {
			continue
		}
		switch dst.kind {
		case kStr:
			r.dst = []rune(decodeUTF16BE(dst.str))
			if len(r.dst) == 0 {
				continue
			}
		case kArr:
			for _, a := range dst.arr {
				r.arr = append(r.arr, dstString(a))
			}
		default:
			continue
		}
		m.ranges = append(m.ranges, r)
	}
}

// lookup returns the Unicode text of a code and whether the map has it.
func (m *cmap) lookup(c uint32) (string, bool) {
	if s, ok := m.single[c]; ok {
		return s, true
	}
	for i := range m.ranges {
		r := &m.ranges[i]
		if c < r.lo || c > r.hi {
			continue
		}
		off := c - r.lo
		if r.arr != nil {
			if int(off) < len(r.arr) {
				return r.arr[off], true
			}
			return "", false
		}
		rs := append([]rune(nil), r.dst...)
		rs[len(rs)-1] += rune(off)
		return string(rs), true
	}
	return "", false
}

// split cuts a shown string into codes using the codespace ranges; without ranges every code is
// width bytes long.
func (m *cmap) split(s []byte, width int, out []uint32) []uint32 {
	for len(s) > 0 {
		n := 0
		if m != nil && len(m.space) > 0 {
			for _, r := range m.space {
				if r.n <= len(s) {
					c := code(s[:r.n])
					if c >= r.lo && c <= r.hi {
						n = r.n
						break
					}
				}
			}
			if n == 0 {
				n = min(m.space[0].n, len(s))
			}
		} else {
			n = min(width, len(s))
		}
		out = append(out, code(s[:n]))
		s = s[n:]
	}
	return out
}

func code(b []byte) uint32 {
	var c uint32
	for _, x := range b {
		c = c<<8 | uint32(x)
	}
	return c
}

func dstString(op operand) string {
	switch op.kind {
	case kStr:
		return decodeUTF16BE(op.str)
	case kName:
		return glyphText(string(op.str))
	}
	return ""
}

func decodeUTF16BE(b []byte) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	if len(b)%2 == 1 { // a one-byte destination: take the byte as a code point
		u = append(u, uint16(b[len(b)-1]))
	}
	return string(utf16.Decode(u))
}
