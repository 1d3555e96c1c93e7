package pdf

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/sha256"
	"crypto/sha512"
	"errors"
	"strconv"
)

// errNoEmptyPassword means an AES-256 file needs a user password.
var errNoEmptyPassword = errors.New("a user password is needed to open it")

// decryptAES256 returns a copy of data with every stream decrypted in place and the /Encrypt
// entries blanked, for AES-256 files (V 5, R 5 or 6) that open with the empty user password;
// the parser has no AES-256. Byte offsets are kept: a decrypted stream is shorter than its
// ciphertext and is padded with newlines. Strings outside streams stay encrypted; the text layer
// does not use them.
func decryptAES256(data []byte) ([]byte, error) {
	m := encryptRef.FindAllSubmatch(data, -1)
	if len(m) == 0 {
		return nil, errors.New("no /Encrypt entry")
	}
	ref := m[len(m)-1]
	enc := readDict(data, string(ref[1])+" "+string(ref[2])+" obj")
	u, ue := enc["U"].str, enc["UE"].str
	if enc["V"].num != 5 || len(u) < 48 || len(ue) != 32 {
		return nil, errors.New("not an AES-256 security handler")
	}
	key, err := aes256Key(int(enc["R"].num), u, ue)
	if err != nil {
		return nil, err
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	out := append([]byte(nil), data...)
	for _, h := range objHeader.FindAllSubmatchIndex(out, -1) {
		decryptStreamAt(out, h[1], block)
	}
	for _, loc := range encryptRef.FindAllIndex(out, -1) {
		for i := loc[0]; i < loc[1]; i++ {
			out[i] = ' '
		}
	}
	return out, nil
}

// decryptStreamAt decrypts the stream of the object whose header ends at pos, if it has one.
func decryptStreamAt(out []byte, pos int, block cipher.Block) {
	l := lexer{b: out, pos: pos}
	l.skipWhite()
	if !bytes.HasPrefix(out[l.pos:], []byte("<<")) {
		return
	}
	d := dictAt(&l)
	if string(d["Type"].str) == "XRef" {
		return // cross-reference streams are not encrypted
	}
	l.skipWhite()
	if !bytes.HasPrefix(out[l.pos:], []byte("stream")) {
		return
	}
	start := l.pos + len("stream")
	if start < len(out) && out[start] == '\r' {
		start++
	}
	if start < len(out) && out[start] == '\n' {
		start++
	}
	n := int(d["Length"].num)
	if d["Length"].kind == kOther { // an indirect length
		n = int(readDict(out, string(d["Length"].str)+" obj")[""].num)
	}
	if n < 32 || n%16 != 0 || start+n > len(out) {
		return
	}
	seg := out[start : start+n]
	iv := append([]byte(nil), seg[:16]...)
	plain := make([]byte, n-16)
	cipher.NewCBCDecrypter(block, iv).CryptBlocks(plain, seg[16:])
	if p := int(plain[len(plain)-1]); p >= 1 && p <= 16 {
		plain = plain[:len(plain)-p]
	}
	copy(seg, plain)
	for i := len(plain); i < n; i++ {
		seg[i] = '\n'
	}
}

// readDict reads the dictionary (or, under the key "", the number) of the object whose header
// is hdr.
func readDict(data []byte, hdr string) map[string]operand {
	i := bytes.LastIndex(data, []byte(hdr))
	if i < 0 {
		return map[string]operand{}
	}
	l := lexer{b: data, pos: i + len(hdr)}
	l.skipWhite()
	if !bytes.HasPrefix(data[l.pos:], []byte("<<")) {
		var op operand
		l.next(&op)
		return map[string]operand{"": op}
	}
	return dictAt(&l)
}

// dictAt reads a dictionary at l.pos; indirect references come out as kOther operands whose str
// is "id gen".
func dictAt(l *lexer) map[string]operand {
	d := map[string]operand{}
	l.pos += 2
	var key string
	var vals []operand
	flush := func() {
		if key != "" && len(vals) > 0 {
			d[key] = vals[0]
		}
		vals = vals[:0]
	}
	for n := 0; n < 4096; n++ {
		l.skipWhite()
		if l.pos >= len(l.b) || bytes.HasPrefix(l.b[l.pos:], []byte(">>")) {
			l.pos += 2
			break
		}
		var op operand
		kw, isOp, ok := l.next(&op)
		if !ok {
			break
		}
		switch {
		case isOp && kw == "R" && len(vals) >= 2:
			ref := strconv.Itoa(int(vals[len(vals)-2].num)) + " " + strconv.Itoa(int(vals[len(vals)-1].num))
			vals = append(vals[:len(vals)-2], operand{kind: kOther, str: []byte(ref)})
		case isOp:
		case op.kind == kName && len(vals) > 0 || op.kind == kName && key == "":
			flush()
			key = string(op.str)
		case op.kind == kName:
			vals = append(vals, op)
		default:
			vals = append(vals, op)
		}
	}
	flush()
	return d
}

// aes256Key returns the file key of an AES-256 file for the empty user password (PDF 32000-2,
// algorithms 2.A and 2.B).
func aes256Key(rev int, u, ue []byte) ([]byte, error) {
	var check, ik []byte
	switch rev {
	case 5:
		c := sha256.Sum256(u[32:40])
		k := sha256.Sum256(u[40:48])
		check, ik = c[:], k[:]
	case 6:
		check, ik = hash2B(u[32:40]), hash2B(u[40:48])
	default:
		return nil, errors.New("unknown AES-256 revision " + strconv.Itoa(rev))
	}
	if !bytes.Equal(check, u[:32]) {
		return nil, errNoEmptyPassword
	}
	block, err := aes.NewCipher(ik)
	if err != nil {
		return nil, err
	}
	key := make([]byte, 32)
	cipher.NewCBCDecrypter(block, make([]byte, 16)).CryptBlocks(key, ue)
	return key, nil
}

// hash2B is algorithm 2.B of PDF 32000-2 for the empty password and no user key.
func hash2B(salt []byte) []byte {
	s := sha256.Sum256(salt)
	k := s[:]
	for i := 0; ; i++ {
		k1 := bytes.Repeat(k, 64)
		block, _ := aes.NewCipher(k[:16])
		e := make([]byte, len(k1))
		cipher.NewCBCEncrypter(block, k[16:32]).CryptBlocks(e, k1)
		sum := 0
		for _, b := range e[:16] {
			sum += int(b)
		}
		switch sum % 3 {
		case 0:
			h := sha256.Sum256(e)
			k = h[:]
		case 1:
			h := sha512.Sum384(e)
			k = h[:]
		default:
			h := sha512.Sum512(e)
			k = h[:]
		}
		if i >= 63 && int(e[len(e)-1]) <= i-31 {
			break
		}
	}
	return k[:32]
}
