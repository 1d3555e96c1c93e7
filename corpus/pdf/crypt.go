package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/md5"
	"crypto/rc4"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"

	lpdf "github.com/ledongthuc/pdf"
)

// passwordPad pads passwords in the standard security handler (PDF 32000-1, 7.6.3.3).
var passwordPad = []byte{0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA,
	0x01, 0x08, 0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A}

var (
	encryptRef = regexp.MustCompile(`/Encrypt\s+(\d{1,7})\s+(\d{1,5})\s+R`)
	firstID    = regexp.MustCompile(`/ID\s*\[\s*<([0-9A-Fa-f\s]*)>`)
	streamAt   = regexp.MustCompile(`@(\d+)$`)
)

// rc4Fix decrypts the streams of 40-bit RC4 files opened with an empty user password. The
// parser derives their per-object keys from the full 16 bytes of the MD5 hash instead of the
// first n+5 = 10 (PDF 32000-1, algorithm 1), so its streams come out as garbage.
type rc4Fix struct {
	data []byte
	key  []byte // the 5-byte file key
}

// newRC4Fix returns a fixer when data is a revision-2, 40-bit RC4 file, else nil.
func newRC4Fix(data []byte) *rc4Fix {
	m := encryptRef.FindAllSubmatch(data, -1)
	if len(m) == 0 {
		return nil
	}
	ref := m[len(m)-1]
	dict := objectDict(data, string(ref[1])+" "+string(ref[2])+" obj")
	if dict == nil || dict["O"].kind != kStr || len(dict["O"].str) != 32 {
		return nil
	}
	rev, n := int(dict["R"].num), 5
	if rev >= 3 && dict["Length"].num > 0 {
		n = int(dict["Length"].num) / 8
	}
	if rev < 2 || rev > 3 || n < 5 || n > 10 { // the parser keys longer file keys right
		return nil
	}
	ids := firstID.FindAllSubmatch(data, -1)
	if len(ids) == 0 {
		return nil
	}
	l := lexer{b: append([]byte{'<'}, append(ids[len(ids)-1][1], '>')...)}
	id := l.hex()
	p := uint32(int32(dict["P"].num))
	h := md5.New()
	h.Write(passwordPad)
	h.Write(dict["O"].str)
	h.Write([]byte{byte(p), byte(p >> 8), byte(p >> 16), byte(p >> 24)})
	h.Write(id)
	key := h.Sum(nil)
	if rev >= 3 {
		for i := 0; i < 50; i++ {
			sum := md5.Sum(key[:n])
			key = sum[:]
		}
	}
	return &rc4Fix{data: data, key: key[:n]}
}

// objectDict reads the top-level keys of the dictionary of the object whose header is hdr.
func objectDict(data []byte, hdr string) map[string]operand {
	i := bytes.LastIndex(data, []byte(hdr))
	if i < 0 {
		return nil
	}
	l := lexer{b: data[i+len(hdr):]}
	l.skipWhite()
	if !bytes.HasPrefix(l.b[l.pos:], []byte("<<")) {
		return nil
	}
	l.pos += 2
	d := map[string]operand{}
	for n := 0; n < 64; n++ {
		l.skipWhite()
		if l.pos >= len(l.b) || bytes.HasPrefix(l.b[l.pos:], []byte(">>")) {
			break
		}
		var k, v operand
		if _, isOp, ok := l.next(&k); !ok || isOp || k.kind != kName {
			break
		}
		if _, isOp, ok := l.next(&v); !ok || isOp {
			break
		}
		d[string(k.str)] = v
	}
	return d
}

// stream decrypts and inflates the data of stream v itself.
func (f *rc4Fix) stream(v lpdf.Value) ([]byte, error) {
	m := streamAt.FindStringSubmatch(v.String())
	if m == nil {
		return nil, errors.New("no stream offset")
	}
	off, _ := strconv.Atoi(m[1])
	n := int(v.Key("Length").Int64())
	if off < 0 || n < 0 || off+n > len(f.data) {
		return nil, errors.New("stream outside the file")
	}
	hdrs := objHeader.FindAllSubmatch(f.data[max(0, off-8192):off], -1)
	if len(hdrs) == 0 {
		return nil, errors.New("stream object header not found")
	}
	id, _ := strconv.Atoi(string(hdrs[len(hdrs)-1][1]))
	gen, _ := strconv.Atoi(string(hdrs[len(hdrs)-1][2]))
	h := md5.New()
	h.Write(f.key)
	h.Write([]byte{byte(id), byte(id >> 8), byte(id >> 16), byte(gen), byte(gen >> 8)})
	c, err := rc4.NewCipher(h.Sum(nil)[:len(f.key)+5])
	if err != nil {
		return nil, err
	}
	buf := make([]byte, n)
	c.XORKeyStream(buf, f.data[off:off+n])
	switch filter := v.Key("Filter"); {
	case filter.IsNull():
		return buf, nil
	case filter.Name() == "FlateDecode" || filter.Len() == 1 && filter.Index(0).Name() == "FlateDecode":
		zr, err := zlib.NewReader(bytes.NewReader(buf))
		if err != nil {
			return nil, err
		}
		out, err := io.ReadAll(io.LimitReader(zr, maxStream))
		if err != nil && len(out) == 0 {
			return nil, err
		}
		return out, nil
	default:
		return nil, fmt.Errorf("filter %v not supported in RC4 40-bit files", filter)
	}
}
