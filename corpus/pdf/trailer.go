package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"

	lpdf "github.com/ledongthuc/pdf"
)

var (
	startxrefAt = regexp.MustCompile(`startxref\s+(\d{1,12})\s`)
	sizeKey     = regexp.MustCompile(`/Size\s+\d{1,12}`)
	prevKey     = regexp.MustCompile(`/Prev\s+\d{1,12}`)
)

// repairPageTree reopens a file the parser opened without finding its page tree. The known
// cause is a trailer whose /Size is smaller than its cross-reference table: poppler's pdfunite
// writes the /Size of its first input while numbering the objects of all of them, and the parser
// cuts the table at /Size, so the catalog, numbered last, is lost and the file seems to have no
// pages. The file is reopened with a trailer giving the table's true size, else with a
// cross-reference table rebuilt from the object headers. It returns r and data unchanged when
// the page tree is found or no repair finds it.
func repairPageTree(r *lpdf.Reader, data []byte) (*lpdf.Reader, []byte) {
	if hasPageTree(r) {
		return r, data
	}
	if fixed, ok := fixTrailerSize(data); ok {
		if r2, err := newReader(fixed); err == nil && hasPageTree(r2) {
			return r2, fixed
		}
	}
	if fixed, err := rebuildXref(data); err == nil {
		if r2, err := newReader(fixed); err == nil && hasPageTree(r2) {
			return r2, fixed
		}
	}
	return r, data
}

// hasPageTree reports whether the catalog's /Pages resolves to a dictionary.
func hasPageTree(r *lpdf.Reader) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return r.Trailer().Key("Root").Key("Pages").Kind() == lpdf.Dict
}

// fixTrailerSize returns data with an update appended whose trailer is the last one with /Size
// raised to the number of entries of the cross-reference tables (the last one and those its
// /Prev chain reaches) and /Prev pointing at the last table, so that every byte offset stays.
// ok is false when the last cross-reference section is not a table (a cross-reference stream)
// or /Size already covers it.
func fixTrailerSize(data []byte) (fixed []byte, ok bool) {
	ms := startxrefAt.FindAllSubmatch(data, -1)
	if len(ms) == 0 {
		return nil, false
	}
	last, err := strconv.Atoi(string(ms[len(ms)-1][1]))
	if err != nil || last < 0 || last >= len(data) {
		return nil, false
	}
	entries, size := 0, -1
	var trailer []byte
	seen := map[int]bool{}
	for off := last; off >= 0 && off < len(data) && !seen[off] && len(seen) < 64; {
		seen[off] = true
		n, dict, ok := xrefTable(data, off)
		if !ok {
			break
		}
		entries = max(entries, n)
		if trailer == nil {
			trailer = dict
			size = trailerInt(dict, sizeKey)
		}
		off = trailerInt(dict, prevKey)
	}
	if trailer == nil || size < 0 || entries <= size || entries > maxObjects(data) {
		return nil, false
	}
	t := sizeKey.ReplaceAll(trailer, []byte("/Size "+strconv.Itoa(entries)))
	t = prevKey.ReplaceAll(t, nil)
	t = append(t[:len(t)-2:len(t)-2], []byte(fmt.Sprintf(" /Prev %d >>", last))...)
	var b bytes.Buffer
	b.Write(data)
	b.WriteString("\n")
	start := b.Len()
	fmt.Fprintf(&b, "xref\n0 0\ntrailer\n%s\nstartxref\n%d\n%%%%EOF\n", t, start)
	return b.Bytes(), true
}

// trailerInt reads the integer of a /Size or /Prev entry of a trailer dictionary, -1 if absent.
func trailerInt(dict []byte, key *regexp.Regexp) int {
	m := key.Find(dict)
	if m == nil {
		return -1
	}
	f := bytes.Fields(m)
	n, err := strconv.Atoi(string(f[len(f)-1]))
	if err != nil {
		return -1
	}
	return n
}

// xrefTable reads the classic cross-reference table at off: the number of object slots its
// subsections reach and the bytes of the trailer dictionary that follows it.
func xrefTable(data []byte, off int) (entries int, trailer []byte, ok bool) {
	if !bytes.HasPrefix(data[off:], []byte("xref")) {
		return 0, nil, false
	}
	l := lexer{b: data, pos: off + 4}
	for {
		var start, count operand
		kw, isOp, more := l.next(&start)
		if !more {
			return 0, nil, false
		}
		if isOp && kw == "trailer" {
			break
		}
		if _, isOp, more := l.next(&count); isOp || !more || start.kind != kNum || count.kind != kNum ||
			start.num < 0 || count.num < 0 || count.num > float64(len(data)) {
			return 0, nil, false
		}
		entries = max(entries, int(start.num+count.num))
		for i := 0; i < 3*int(count.num); i++ { // offset, generation, f or n
			var x operand
			if _, _, more := l.next(&x); !more {
				return 0, nil, false
			}
		}
	}
	l.skipWhite()
	if !bytes.HasPrefix(data[l.pos:], []byte("<<")) {
		return 0, nil, false
	}
	var d operand
	if _, isOp, more := l.next(&d); isOp || !more || d.kind != kOther || !bytes.HasSuffix(d.str, []byte(">>")) {
		return 0, nil, false
	}
	return entries, d.str, true
}

// findPage returns page num (1-based) of the page tree, like the parser's Reader.Page, but
// descends at most 64 levels and looks at most at 1<<20 kids: the parser loops for ever on a
// /Pages node that lists itself among its kids.
func findPage(r *lpdf.Reader, num int) lpdf.Value {
	num--
	node := r.Trailer().Key("Root").Key("Pages")
	steps := 0
descend:
	for depth := 0; depth < 64 && node.Key("Type").Name() == "Pages"; depth++ {
		if int(node.Key("Count").Int64()) <= num {
			return lpdf.Value{}
		}
		kids := node.Key("Kids")
		for i := 0; i < kids.Len(); i++ {
			if steps++; steps > 1<<20 {
				return lpdf.Value{}
			}
			kid := kids.Index(i)
			switch kid.Key("Type").Name() {
			case "Pages":
				if c := int(kid.Key("Count").Int64()); num >= c {
					num -= c
					continue
				}
				node = kid
				continue descend
			case "Page":
				if num == 0 {
					return kid
				}
				num--
			}
		}
		return lpdf.Value{}
	}
	return lpdf.Value{}
}
