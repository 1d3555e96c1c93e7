package index

import (
	"strings"
	"sync"

	"thamluan/corpus/vntext"
)

// maxWordSyllables bounds the words segmentation looks up, in syllables.
const maxWordSyllables = 8

var (
	wordsOnce sync.Once
	words     map[string]bool // lower case, tones placed by vntext.NormalizeTones
	// longestFrom and longestTo give, for a syllable, the most syllables of a word that starts
	// (ends) with it, so that segmentation tries no longer word.
	longestFrom, longestTo map[string]int
)

// wordList returns the embedded word list, read once.
func wordList() map[string]bool {
	wordsOnce.Do(func() {
		words = make(map[string]bool, 32000)
		longestFrom, longestTo = map[string]int{}, map[string]int{}
		for _, line := range vntext.WordList() {
			w := foldWord(line)
			words[w] = true
			syl := strings.Fields(w)
			if n := len(syl); n > 1 && n <= maxWordSyllables {
				longestFrom[syl[0]] = max(longestFrom[syl[0]], n)
				longestTo[syl[n-1]] = max(longestTo[syl[n-1]], n)
			}
		}
	})
	return words
}

// foldWord is the form words are looked up in: lower case, one space between syllables, tone
// marks placed alike.
func foldWord(s string) string {
	return vntext.NormalizeTones(strings.Join(strings.Fields(strings.ToLower(s)), " "))
}

// IsWord reports whether s (one or more syllables) is a word of the embedded Vietnamese word
// list, whatever its case and tone-mark placement.
func IsWord(s string) bool {
	return wordList()[foldWord(s)]
}

// segmentWords splits syllables (in the form of foldWord) into words by maximal matching, read
// forwards and backwards; the reading with fewer words wins, forwards on a tie. It returns the
// end of each word, as a syllable index. A syllable that starts no known word is a word alone.
func segmentWords(syl []string) []int {
	fw := matchForward(syl)
	if bw := matchBackward(syl); len(bw) < len(fw) {
		return bw
	}
	return fw
}

func matchForward(syl []string) []int {
	dict := wordList()
	var ends []int
	var buf []byte
	for i := 0; i < len(syl); {
		k := 1
		for n := min(longestFrom[syl[i]], len(syl)-i); n > 1; n-- {
			if buf = joinSyllables(buf[:0], syl[i:i+n]); dict[string(buf)] {
				k = n
				break
			}
		}
		i += k
		ends = append(ends, i)
	}
	return ends
}

func matchBackward(syl []string) []int {
	dict := wordList()
	var starts []int
	var buf []byte
	for j := len(syl); j > 0; {
		k := 1
		for n := min(longestTo[syl[j-1]], j); n > 1; n-- {
			if buf = joinSyllables(buf[:0], syl[j-n:j]); dict[string(buf)] {
				k = n
				break
			}
		}
		j -= k
		starts = append(starts, j)
	}
	ends := make([]int, len(starts))
	for i := range starts {
		// starts run backwards: the word starting at starts[i] ends where the one before began
		end := len(syl)
		if i > 0 {
			end = starts[i-1]
		}
		ends[len(starts)-1-i] = end
	}
	return ends
}

// joinSyllables appends the syllables to buf with single spaces between them.
func joinSyllables(buf []byte, syl []string) []byte {
	for i, s := range syl {
		if i > 0 {
			buf = append(buf, ' ')
		}
		buf = append(buf, s...)
	}
	return buf
}
