package vntext

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"strings"
	"sync"
)

// wordsGz is the Vietnamese word list: pyvi's list (MIT, data/LICENSE-words_vi.txt) with the
// shared reference's multi-word cue terms and a few domain terms added, one word per line
// (data/gen_words.sh builds it).
//
//go:embed data/words_vi.txt.gz
var wordsGz []byte

var (
	wordListOnce sync.Once
	wordList     []string
)

// WordList returns the words of the embedded Vietnamese word list as the list writes them (one or
// more syllables separated by spaces, comments left out), read once. The slice is shared: callers
// must not modify it. Key-phrase segmentation in index and OCR repair in corpus/ocr build their
// lookups from it.
func WordList() []string {
	wordListOnce.Do(func() {
		zr, err := gzip.NewReader(bytes.NewReader(wordsGz))
		if err != nil {
			panic("vntext: embedded word list: " + err.Error()) // the build embeds a valid file
		}
		sc := bufio.NewScanner(zr)
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if line == "" || line[0] == '#' {
				continue
			}
			wordList = append(wordList, line)
		}
		if err := sc.Err(); err != nil {
			panic("vntext: embedded word list: " + err.Error())
		}
	})
	return wordList
}
