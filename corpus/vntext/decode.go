package vntext

import (
	"bytes"
	"errors"
	"unicode/utf16"
	"unicode/utf8"
)

// ErrBinary is returned by Decode for data that is not text in any encoding it knows.
var ErrBinary = errors.New("not text: binary data")

// Decode turns the bytes of a text file into clean NFC text and names the encoding it found:
// "utf-8", "utf-8-bom", "utf-16le", "utf-16be".
func Decode(data []byte) (text, encoding string, err error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data, encoding = data[3:], "utf-8-bom"
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return Clean(decodeUTF16(data[2:], false)), "utf-16le", nil
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return Clean(decodeUTF16(data[2:], true)), "utf-16be", nil
	default:
		encoding = "utf-8"
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", "", ErrBinary
	}
	if !utf8.Valid(data) {
		return "", "", errors.New("not valid UTF-8")
	}
	return Clean(string(data)), encoding, nil
}

func decodeUTF16(b []byte, bigEndian bool) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		if bigEndian {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		} else {
			u = append(u, uint16(b[i+1])<<8|uint16(b[i]))
		}
	}
	return string(utf16.Decode(u))
}
