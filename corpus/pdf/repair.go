package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
)

var (
	xrefSection = regexp.MustCompile(`xref\s+(\d{1,12})\s+(\d{1,12})\s`)
	sizeEntry   = regexp.MustCompile(`/(?:Size|Count)\s+(\d{1,12})`)
	indexEntry  = regexp.MustCompile(`/Index\s*\[([\d\s]{1,200})\]`)
	objHeader   = regexp.MustCompile(`(?m)(?:^|[\r\n\s])(\d{1,7})\s+(\d{1,5})\s+obj\b`)
	rootRef     = regexp.MustCompile(`/Root\s+(\d{1,7})\s+(\d{1,5})\s+R`)
	catalog     = regexp.MustCompile(`/Type\s*/Catalog\b`)
)

// rebuildXref returns a copy of data with a new cross-reference table and trailer appended, made
// by scanning the file for "N G obj" headers: it lets the parser open files whose startxref or
// xref table is damaged, or whose end was cut off. Objects inside object streams are not found.
func rebuildXref(data []byte) ([]byte, error) {
	type entry struct {
		gen int
		off int
	}
	objs := map[int]entry{}
	maxID := 0
	limit := maxObjects(data)
	for _, m := range objHeader.FindAllSubmatchIndex(data, -1) {
		id, _ := strconv.Atoi(string(data[m[2]:m[3]]))
		if id > limit {
			continue
		}
		gen, _ := strconv.Atoi(string(data[m[4]:m[5]]))
		objs[id] = entry{gen, m[2]}
		maxID = max(maxID, id)
	}
	if len(objs) == 0 {
		return nil, fmt.Errorf("no objects found")
	}
	root := ""
	if ms := rootRef.FindAllSubmatch(data, -1); len(ms) > 0 {
		last := ms[len(ms)-1]
		root = string(last[1]) + " " + string(last[2]) + " R"
	}
	if root == "" {
		loc := catalog.FindIndex(data)
		if loc == nil {
			return nil, fmt.Errorf("no document catalog found")
		}
		for id, e := range objs {
			if e.off < loc[0] && (root == "" || e.off > objs[atoiRef(root)].off) {
				root = fmt.Sprintf("%d %d R", id, e.gen)
			}
		}
	}
	var b bytes.Buffer
	b.Write(data)
	b.WriteString("\n")
	start := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", maxID+1)
	for id := 1; id <= maxID; id++ {
		if e, ok := objs[id]; ok {
			fmt.Fprintf(&b, "%010d %05d n \n", e.off, e.gen)
		} else {
			b.WriteString("0000000000 65535 f \n")
		}
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %s >>\nstartxref\n%d\n%%%%EOF\n", maxID+1, root, start)
	return b.Bytes(), nil
}

func atoiRef(ref string) int {
	n, _ := strconv.Atoi(string(bytes.Fields([]byte(ref))[0]))
	return n
}

// maxObjects bounds the object numbers a file of this size can hold: an object takes at least
// a few bytes.
func maxObjects(data []byte) int { return len(data)/4 + 1024 }

// implausibleXref reports cross-reference data that would make the parser allocate far more
// object slots than the file can hold (a damaged or hostile xref section, /Size or /Index): the
// parser would run out of memory, which no recover catches, so such files get a rebuilt table.
func implausibleXref(data []byte) bool {
	limit := int64(maxObjects(data))
	for _, m := range xrefSection.FindAllSubmatch(data, -1) {
		a, _ := strconv.ParseInt(string(m[1]), 10, 64)
		b, _ := strconv.ParseInt(string(m[2]), 10, 64)
		if a+b > limit {
			return true
		}
	}
	for _, m := range sizeEntry.FindAllSubmatch(data, -1) {
		if n, _ := strconv.ParseInt(string(m[1]), 10, 64); n > limit {
			return true
		}
	}
	for _, m := range indexEntry.FindAllSubmatch(data, -1) {
		for _, f := range bytes.Fields(m[1]) {
			if n, _ := strconv.ParseInt(string(f), 10, 64); n > limit {
				return true
			}
		}
	}
	return false
}
