package structure

import (
	"testing"

	"thamluan/corpus"
)

// TestWorkshopDateFromMetadata checks the year and date a document gets from the date its file's
// metadata states (corpus.Document.Date) beside the dates of its text: the metadata gives the year
// of a day and month written without one, and the date when the text states none; a date the text
// states wins; a year the body mentions is never taken.
func TestWorkshopDateFromMetadata(t *testing.T) {
	cases := []struct {
		name, meta, text string
		date             string
		year             int
	}{
		{"day and month take the metadata's year", "2017-02-06",
			"Tàu cá vỏ thép ra khơi đầu năm\n\nSáng 6-2, các ngư dân của xã Phổ Quang đưa ba tàu cá vỏ thép ra khơi.\n\nÔng Lê Văn Tấn, sinh năm 1963, là thuyền trưởng lâu năm nhất.\n",
			"2017-02-06", 2017},
		{"no date in the text: the metadata's", "2019-05",
			"Chi bộ khu phố họp định kỳ\n\nChi bộ khu phố 3 duy trì họp đều đặn từ năm 1998 đến nay.\n",
			"2019-05", 2019},
		{"a date in the text wins", "2021-01-02",
			"Hội thảo về chi bộ làng nghề\n\nNgày 15 tháng 11 năm 2020, Huyện ủy Kim Bảng tổ chức hội thảo về chi bộ ở làng nghề.\n",
			"2020-11-15", 2020},
		{"no metadata, a year of the body only", "",
			"Ông Hồ Sĩ Bình nhận nhiệm vụ mới\n\nSáng 6-1, Đảng ủy trường tổ chức lễ công bố quyết định.\n\nÔng Hồ Sĩ Bình sinh năm 1963, quê ở Nghệ An.\n",
			"", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := &corpus.Document{Path: "t.txt", Date: c.meta, Blocks: blocksOf(c.text)}
			Segment(doc, SegmentOptions{})
			date, year := "", 0
			if doc.Workshop != nil {
				date, year = doc.Workshop.Date, doc.Workshop.Year
			}
			if date != c.date || year != c.year {
				t.Errorf("date %q, year %d; want %q, %d", date, year, c.date, c.year)
			}
		})
	}
}
