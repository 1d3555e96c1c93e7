package structure

import (
	"strings"
	"testing"
)

// newsLeadCase is a case of TestNewsLead.
type newsLeadCase struct {
	para, want, kind string
	closing, ok      bool
}

// newsLeadCases are the paragraphs TestNewsLead reads, with the lead each opens with.
var newsLeadCases = []newsLeadCase{
	{"Đại diện Đảng ủy Công ty cổ phần Nhựa Bình An cho rằng, cần đổi mới sinh hoạt.", "Đảng ủy Công ty cổ phần Nhựa Bình An", KindOrganisation, false, true},
	{"Tham luận của Đảng bộ Cục Hải quan tỉnh Bình Lục nhấn mạnh việc kiểm tra.", "Đảng bộ Cục Hải quan tỉnh Bình Lục", KindOrganisation, false, true},
	{"Bàn về nhân sự, tham luận của Sở Nội vụ Kim Sơn nêu ba đề xuất.", "Sở Nội vụ Kim Sơn", KindOrganisation, false, true},
	{"Đảng ủy phường Tân Mai, nơi có nhiều chung cư, chia sẻ cách làm.", "Đảng ủy phường Tân Mai", KindOrganisation, false, true},
	{"Đảng ủy Bệnh viện Phổi Hà Lâm cũng đề xuất tăng kinh phí.", "Đảng ủy Bệnh viện Phổi Hà Lâm", KindOrganisation, false, true},
	{"Phát biểu kết luận hội thảo, Bí thư Tỉnh ủy Kim Sơn Đặng Quốc Vinh ghi nhận ý kiến.", "Đặng Quốc Vinh, Bí thư Tỉnh ủy Kim Sơn", KindPerson, true, true},
	{"Kết luận hội thảo, đồng chí Mai Văn Tín, Trưởng ban Tổ chức Thành ủy, yêu cầu rà soát.", "Mai Văn Tín, Trưởng ban Tổ chức Thành ủy", KindPerson, true, true},
	{"Theo đồng chí Lê Thu Hà, Giám đốc Sở Y tế, ngành đã số hóa hồ sơ.", "Lê Thu Hà, Giám đốc Sở Y tế", KindPerson, false, true},
	{"Ông Vũ Hải, Phó Giám đốc Sở Nội vụ, thông tin: năm nay tỉnh tuyển thêm 40 công chức.", "Vũ Hải, Phó Giám đốc Sở Nội vụ", KindPerson, false, true},
	{"“Chi bộ phải đi trước một bước”. Đó là chia sẻ của ông Trịnh Công Lý, Bí thư Đảng ủy xã Vạn Ninh.", "Trịnh Công Lý, Bí thư Đảng ủy xã Vạn Ninh", KindPerson, false, true},
	{"“Chúng tôi đề xuất sinh hoạt ghép”, bà Nông Thị Hoa, Chủ tịch Công đoàn Công ty, chia sẻ.", "Nông Thị Hoa, Chủ tịch Công đoàn Công ty", KindPerson, false, true},
	{"Còn theo bà Đỗ Thị Yến, Chủ tịch Hội Phụ nữ tỉnh, phụ nữ là nguồn phát triển đảng viên lớn.", "Đỗ Thị Yến, Chủ tịch Hội Phụ nữ tỉnh", KindPerson, false, true},
	{"PGS.TS Hà Quang Minh, Học viện Chính trị khu vực I, cho rằng cần sửa quy định.", "PGS.TS Hà Quang Minh, Học viện Chính trị khu vực I", KindPerson, false, true},
	{"Theo đó, các chi bộ phải họp mỗi tháng một lần.", "", "", false, false},
	{"9h40: Đại diện Đảng ủy xã Tân Hội cho biết xã đã lập tổ đoàn kết trên biển.", "Đảng ủy xã Tân Hội", KindOrganisation, false, true},
	{"Là chi bộ đông đảng viên trẻ, Chi bộ khu phố 3 cho biết đã lập nhóm Zalo.", "Chi bộ khu phố 3", KindOrganisation, false, true},
	{"Trao đổi tại hội thảo, Lê Thị Hằng, Chủ tịch Công đoàn Công ty May Hồng Lĩnh, cho biết công nhân làm ca.", "Lê Thị Hằng, Chủ tịch Công đoàn Công ty May Hồng Lĩnh", KindPerson, false, true},
	{"Bà H’Yăm Byă, Bí thư Chi bộ buôn Jiê Yuk, cho biết chi bộ giữ đội cồng chiêng.", "H’Yăm Byă, Bí thư Chi bộ buôn Jiê Yuk", KindPerson, false, true},
	{"2. Đồng chí Hà Văn Lâm – Bí thư Chi bộ thôn Tây:", "Hà Văn Lâm, Bí thư Chi bộ thôn Tây", KindPerson, false, true},
	{"Ý kiến kết luận của đồng chí chủ trì:", "", "", true, true},
	{"Năm 2024, 12 chi bộ đã kết nạp đảng viên mới.", "", "", false, false},
	{"Chị Tẩn Thị Dung, Bí thư Chi bộ thôn Phìn Hồ, mong được hỗ trợ làm nhà sinh hoạt.", "Tẩn Thị Dung, Bí thư Chi bộ thôn Phìn Hồ", KindPerson, false, true},
	// not leads: no proper name after the keyword, no verb of speech, a sentence about the organisation
	{"Đảng ủy xã đề xuất hỗ trợ kinh phí.", "", "", false, false},
	{"Đảng bộ huyện Tam Nông có 4.200 đảng viên.", "", "", false, false},
	{"Huyện ủy cần phối hợp với Sở Nội vụ để đề xuất chính sách.", "", "", false, false},
	{"Báo cáo tại hội thảo cho biết, toàn tỉnh có 300 chi bộ.", "", "", false, false},
	{"Tại Hội thảo, các ý kiến tham luận tập trung làm rõ nhiều vấn đề.", "", "", false, false},
	{"Đảng ủy Sở Giao thông ứng dụng công nghệ thông tin trong quản lý đảng viên.", "", "", false, false},
	{"Tổng kết 5 năm, Đảng bộ Khối Dân chính nêu rõ kết quả.", "Đảng bộ Khối Dân chính", KindOrganisation, false, true},
	// an introductory phrase, appositions between dashes or commas, "đại diện" before a name
	{"Ở chiều ngược lại, Đảng ủy Công ty cổ phần Cơ khí Tam Điệp – đơn vị có 900 lao động – nêu hai vướng mắc.", "Đảng ủy Công ty cổ phần Cơ khí Tam Điệp", KindOrganisation, false, true},
	{"Về phía giáo dục, Chi bộ Trường Tiểu học Hòa An, trường đạt chuẩn quốc gia, đề xuất bồi dưỡng giáo viên trẻ.", "Chi bộ Trường Tiểu học Hòa An", KindOrganisation, false, true},
	{"Tại tọa đàm, đại diện Điện lực Yên Thế cho biết đã kết nạp 5 đảng viên.", "Điện lực Yên Thế", KindOrganisation, false, true},
	{"Báo cáo đề dẫn của Ban Dân vận Tỉnh ủy nêu rõ những việc còn chậm.", "Ban Dân vận Tỉnh ủy", KindOrganisation, false, true},
	{"Dự tọa đàm có 80 đại biểu. Phát biểu tại tọa đàm, ông Chu Văn Lực, Phó Bí thư Huyện ủy cho rằng cần kiên trì.", "Chu Văn Lực, Phó Bí thư Huyện ủy", KindPerson, false, true},
	{"Ông Hầu A Lềnh, Bí thư Chi bộ bản Sín Chải (xã Tả Van), kiến nghị làm đường.", "Hầu A Lềnh, Bí thư Chi bộ bản Sín Chải, xã Tả Van", KindPerson, false, true},
	{"Đồng chí Phó Bí thư Huyện ủy Trần Hữu Nghị nhấn mạnh vai trò người đứng đầu.", "Trần Hữu Nghị, Phó Bí thư Huyện ủy", KindPerson, false, true},
	{"Bà Mạc Thị Thơm, Chủ nhiệm Hợp tác xã Gốm Bát Tràng: “Chúng tôi muốn có chi bộ riêng.”", "Mạc Thị Thơm, Chủ nhiệm Hợp tác xã Gốm Bát Tràng", KindPerson, false, true},
	{"Kết luận hội nghị, Bí thư Huyện ủy Mù Cang Chải Giàng A Tông yêu cầu rà soát.", "Giàng A Tông, Bí thư Huyện ủy Mù Cang Chải", KindPerson, true, true},
	{"Ông Trương Văn Phú, Giám đốc Hợp tác xã Chè Tân Cương, đề xuất mở lớp cảm tình Đảng.", "Trương Văn Phú, Giám đốc Hợp tác xã Chè Tân Cương", KindPerson, false, true},
	// framed leads: a place before "theo", an organisation's model or experience, an interview,
	// a person introduced first who speaks in the next sentence
	{"Tại phường Đông Hải, theo bà Lưu Thị Nga, Bí thư Đảng ủy phường, chi bộ khu phố họp đúng kỳ.", "Lưu Thị Nga, Bí thư Đảng ủy phường", KindPerson, false, true},
	{"Cách làm “mỗi đảng viên một việc tốt” của Chi bộ thôn Đông Xá được nhiều đại biểu đánh giá cao.", "Chi bộ thôn Đông Xá", KindOrganisation, false, true},
	{"Từ kinh nghiệm của Đảng ủy Công ty Than Núi Hồng, việc kết nạp công nhân cần gắn với thi đua.", "Đảng ủy Công ty Than Núi Hồng", KindOrganisation, false, true},
	{"Nhân dịp này, phóng viên đã trò chuyện với ông Cầm Văn Ươn, Trưởng bản Nà Sáy.", "Cầm Văn Ươn, Trưởng bản Nà Sáy", KindPerson, false, true},
	{"Chị Hà Thị Lụa, chủ cơ sở may Hoàng Lụa, là đảng viên trẻ. Theo chị, cơ sở cần có tổ đảng.", "Hà Thị Lụa, chủ cơ sở may Hoàng Lụa", KindPerson, false, true},
	{"Thầy Đinh Văn Khải, giáo viên Trường Tiểu học Xuân Lộc, đề xuất lập chi bộ ghép.", "Đinh Văn Khải, giáo viên Trường Tiểu học Xuân Lộc", KindPerson, false, true},
	{"Bên lề hội nghị, phóng viên Báo Lạng Giang đã trao đổi với anh Nông Văn Thắm, Bí thư Chi bộ thôn Nà Pàn.", "Nông Văn Thắm, Bí thư Chi bộ thôn Nà Pàn", KindPerson, false, true},
	{"Cách làm của Hội Nông dân xã Yên Lạc thu hút sự quan tâm của nhiều đại biểu.", "Hội Nông dân xã Yên Lạc", KindOrganisation, false, true},
	{"Mô hình của Đảng ủy xã Bình Minh được triển khai từ năm 2021.", "", "", false, false},
	{"Chị Hà Thị Lụa, chủ cơ sở may Hoàng Lụa, là đảng viên trẻ. Cơ sở có 30 công nhân.", "", "", false, false},
	{"Ở xã Tân Phú, theo đó, các chi bộ họp mỗi tháng.", "", "", false, false},
	// past decisions are not what was said at the event
	{"Năm 2022, Ban Thường vụ Huyện ủy đã chỉ đạo thành lập thêm 6 chi bộ.", "", "", false, false},
	{"Trước đó, Sở Nội vụ tỉnh Hà Lâm đã đánh giá cao mô hình này.", "", "", false, false},
	// a quotation first, the speaker after it; a point raised, the person answering it next
	{"“Sinh hoạt phải có việc cụ thể”. Đó là nhận xét của bà Lò Thị Phương, Bí thư Chi bộ bản Hua Pàng.", "Lò Thị Phương, Bí thư Chi bộ bản Hua Pàng", KindPerson, false, true},
	{"“Chúng tôi gửi tài liệu qua điện thoại” – đại diện Đảng ủy xã Mường Bon cho biết.", "Đảng ủy xã Mường Bon", KindOrganisation, false, true},
	{"Nhiều chi bộ còn lúng túng khi chọn chuyên đề. Về việc này, ông Hà Văn Tiến, Trưởng ban Tuyên giáo Huyện ủy, cho biết sẽ ra tài liệu gợi ý.", "Hà Văn Tiến, Trưởng ban Tuyên giáo Huyện ủy", KindPerson, false, true},
	{"Nhiều chi bộ còn lúng túng khi chọn chuyên đề. Việc này cần được tháo gỡ sớm.", "", "", false, false},
	// labels of a record of a discussion, a side, ranks, a closing announced after the name
	{"Đại diện Đảng ủy Công ty Thủy điện Nậm Mu: Công ty bố trí phòng họp cho chi bộ.", "Đảng ủy Công ty Thủy điện Nậm Mu", KindOrganisation, false, true},
	{"Đồng chí Lường Văn Nhất kết luận: các chi bộ rà soát lại lịch sinh hoạt.", "Lường Văn Nhất", KindPerson, true, true},
	{"BÀ LÒ THỊ XUÂN, Bí thư Chi bộ bản Nà Hẩu: Bản khó giữ thanh niên ở lại.", "Lò Thị Xuân, Bí thư Chi bộ bản Nà Hẩu", KindPerson, false, true},
	{"Phía Công ty TNHH Giấy Sông Mã cho biết đã có 3 đảng viên.", "Công ty TNHH Giấy Sông Mã", KindOrganisation, false, true},
	{"Theo Trung tá Lò Văn Pọm, Chính trị viên Đồn Biên phòng Mường Lói, đồn đã giúp bản lập chi bộ.", "Lò Văn Pọm, Chính trị viên Đồn Biên phòng Mường Lói", KindPerson, false, true},
	{"Đồng chí Cầm Ngọc Minh, Bí thư Huyện ủy phát biểu kết luận, đề nghị nhân rộng mô hình.", "Cầm Ngọc Minh, Bí thư Huyện ủy", KindPerson, true, true},
	{"Cách làm “chi bộ không giấy” của phường Chiềng Lề được nhiều đại biểu quan tâm.", "phường Chiềng Lề", KindOrganisation, false, true},
}

func TestNewsLead(t *testing.T) {
	tests := newsLeadCases
	for _, tt := range tests {
		l, ok := newsLead(tt.para)
		label := l.sp.Name // the name, then the title the text gives
		if l.sp.Role != "" {
			label += ", " + l.sp.Role
		}
		if strings.Contains(l.sp.Name, ", ") {
			t.Errorf("newsLead(%q): name %q holds a title", tt.para, l.sp.Name)
		}
		if ok != tt.ok || label != tt.want || l.sp.Kind != tt.kind || l.closing != tt.closing {
			t.Errorf("newsLead(%q) = %+v, %v; want %q (%s) closing=%v, %v", tt.para, l, ok, tt.want, tt.kind, tt.closing, tt.ok)
		}
	}
}

func TestParseAuthorLine(t *testing.T) {
	tests := []struct {
		line                    string
		name, kind, affiliation string
		ok                      bool
	}{
		{"ThS. Lê Thị Hương – Trường Chính trị tỉnh Nghệ Lâm", "ThS. Lê Thị Hương", KindPerson, "Trường Chính trị tỉnh Nghệ Lâm", true},
		{"TS. NGUYỄN VĂN AN", "TS. Nguyễn Văn An", KindPerson, "", true},
		{"PGS.TS. Phan Minh Đức, Học viện Chính trị quốc gia", "PGS.TS. Phan Minh Đức", KindPerson, "Học viện Chính trị quốc gia", true},
		{"Đinh Công Sơn - Vụ trưởng Vụ Địa phương", "Đinh Công Sơn", KindPerson, "Vụ trưởng Vụ Địa phương", true},
		{"Người trình bày: Phạm Văn Lộc, Phó Bí thư Đảng ủy xã Nam Thịnh", "Phạm Văn Lộc", KindPerson, "Phó Bí thư Đảng ủy xã Nam Thịnh", true},
		{"BIÊN BẢN", "", "", "", false},
		{"(Đảng ủy Khu công nghiệp Amata)", "Đảng ủy Khu công nghiệp Amata", KindOrganisation, "", true},
		{"TS. Park Ji-yeon – Đại học Quốc gia Seoul", "TS. Park Ji-yeon", KindPerson, "Đại học Quốc gia Seoul", true},
		{"TS. Trịnh Thị Thu Hà Học viện Chính trị khu vực II", "TS. Trịnh Thị Thu Hà", KindPerson, "Học viện Chính trị khu vực II", true},
		{"Đảng ủy Sở Y tế tỉnh Hà Lâm", "Đảng ủy Sở Y tế tỉnh Hà Lâm", KindOrganisation, "", true},
		{"BÙI THỊ LAN - NGÔ VĂN TÙNG", "Bùi Thị Lan, Ngô Văn Tùng", KindPerson, "", true},
		{"Đồng chí Triệu Văn Lâm, Bí thư Huyện ủy Ba Bể", "Triệu Văn Lâm", KindPerson, "Bí thư Huyện ủy Ba Bể", true},
		{"Trung tá Vi Văn Sáng - Đồn Biên phòng Hữu Nghị", "Trung tá Vi Văn Sáng", KindPerson, "Đồn Biên phòng Hữu Nghị", true},
		{"Tác giả: Lương Thị Thắm", "Lương Thị Thắm", KindPerson, "", true},
		{"ĐINH THỊ NGỌC ÁNH", "Đinh Thị Ngọc Ánh", KindPerson, "", true},
		{"Đinh Thị Ngọc Ánh", "", "", "", false},
		{"ĐẢNG BỘ TỈNH ĐẮK NÔNG", "", "", "", false},
		{"Đồng chí Triệu Văn Lâm", "", "", "", false},
		{"Chi bộ được thành lập năm 2015.", "", "", "", false},
		{"Việc học tập nghị quyết", "", "", "", false},
		{"Đảng ủy xã đề xuất tăng kinh phí", "", "", "", false},
		// a line naming whose contribution follows, an organisation and its spokesman
		{"(Tham luận của Đảng ủy xã Chiềng Cơi)", "Đảng ủy xã Chiềng Cơi", KindOrganisation, "", true},
		{"(Tham luận của đồng chí Quàng Văn Bình, Bí thư Đảng ủy xã Chiềng Ngần)", "Quàng Văn Bình", KindPerson, "", true},
		{"Đảng ủy xã Chiềng Sinh – đồng chí Lò Văn Ơn, Bí thư Đảng ủy", "Lò Văn Ơn", KindPerson, "Đảng ủy xã Chiềng Sinh", true},
		{"(Tham luận gửi hội thảo)", "", "", "", false},
		{"(Tham luận của Đảng ủy xã Chiềng Cơi", "", "", "", false},
	}
	for _, tt := range tests {
		sp, ok := parseAuthorLine(tt.line)
		if ok != tt.ok || sp.Name != tt.name || sp.Kind != tt.kind || sp.Affiliation != tt.affiliation {
			t.Errorf("parseAuthorLine(%q) = %+v, %v; want %q %s %q, %v", tt.line, sp, ok, tt.name, tt.kind, tt.affiliation, tt.ok)
		}
	}
}

func TestAuthorRole(t *testing.T) {
	tests := []struct{ line, role string }{
		{"Đinh Công Sơn - Vụ trưởng Vụ Địa phương", "Vụ trưởng Vụ Địa phương"},
		{"Đồng chí Triệu Văn Lâm, Bí thư Huyện ủy Ba Bể", "Bí thư Huyện ủy Ba Bể"},
		{"ThS. Lê Thị Hương – Trường Chính trị tỉnh Nghệ Lâm", ""}, // an institution, no title
		{"PGS.TS. Phan Minh Đức, Học viện Chính trị quốc gia", ""},
	}
	for _, tt := range tests {
		sp, ok := parseAuthorLine(tt.line)
		if !ok || sp.Role != tt.role {
			t.Errorf("parseAuthorLine(%q) role = %q, %v; want %q", tt.line, sp.Role, ok, tt.role)
		}
	}
}

// TestOrgNamesWithModalLookingPlaces checks that a capitalised place name that reads like a modal
// verb ("Cần" in Cần Thơ, Cần Giuộc) stays part of an organisation's name.
func TestOrgNamesWithModalLookingPlaces(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ban Tổ chức Huyện ủy Cần Đước", "Ban Tổ chức Huyện ủy Cần Đước"},
		{"Đảng ủy phường An Khánh, thành phố Cần Thơ", "Đảng ủy phường An Khánh, thành phố Cần Thơ"},
		{"Đảng ủy xã Phong Điền cần sớm kiện toàn", ""},
	}
	for _, tt := range tests {
		sp, ok := orgName(tt.in)
		if tt.want == "" {
			if ok {
				t.Errorf("orgName(%q) = %q, want no organisation", tt.in, sp.Name)
			}
			continue
		}
		if !ok || sp.Name != tt.want {
			t.Errorf("orgName(%q) = %q, %v; want %q", tt.in, sp.Name, ok, tt.want)
		}
	}
}

// TestContributionLines checks the lines around a contribution's title: the label that numbers
// it, the line naming the event under a document's label, and a cover's place and date.
func TestContributionLines(t *testing.T) {
	tests := []struct {
		line                  string
		label, event, placeAt bool
	}{
		{"THAM LUẬN SỐ 3", true, false, false},
		{"Tham luận 12:", true, false, false},
		{"BÀI THAM LUẬN", true, false, false},
		{"BÀI", false, false, false},
		{"THAM LUẬN SỐ 3: CHI BỘ VỚI DÂN", false, false, false},
		{"tại Hội thảo khoa học “Chi bộ trong trường học”", false, true, false},
		{"(Trình bày tại Hội nghị chuyên đề của Tỉnh ủy)", false, true, false},
		{"tại hội trường Huyện ủy", false, false, false},
		{"Mộc Châu, tháng 9 năm 2025", false, false, true},
		{"Huyện ủy Mai Sơn, ngày 3 tháng 7 năm 2025", false, false, true},
		{"Tháng 9 năm 2025 chi bộ họp bất thường", false, false, false},
	}
	for _, tt := range tests {
		if got := isContributionLabel(tt.line); got != tt.label {
			t.Errorf("isContributionLabel(%q) = %v, want %v", tt.line, got, tt.label)
		}
		if got := isEventLine(tt.line); got != tt.event {
			t.Errorf("isEventLine(%q) = %v, want %v", tt.line, got, tt.event)
		}
		if got := placeDateRE.MatchString(tt.line); got != tt.placeAt {
			t.Errorf("placeDateRE.MatchString(%q) = %v, want %v", tt.line, got, tt.placeAt)
		}
	}
}

// TestSplitNameAffilMarks checks names holding an apostrophe or an inner hyphen, which the fast
// path of authorSepIndex must let through to the separator after them.
func TestSplitNameAffilMarks(t *testing.T) {
	tests := []struct {
		line, name, affil string
		ok                bool
	}{
		{"H’Liên Niê - Bí thư Chi bộ buôn Dhăm", "H’Liên Niê", "Bí thư Chi bộ buôn Dhăm", true},
		{"H’LIÊN NIÊ, Chi hội Phụ nữ buôn Ea Sar", "H’Liên Niê", "Chi hội Phụ nữ buôn Ea Sar", true},
		{"Kim Min-soo – Công ty TNHH Quang điện Bắc Ninh", "Kim Min-soo", "Công ty TNHH Quang điện Bắc Ninh", true},
		{"Lê Văn A; Bí thư", "", "", false},
	}
	for _, tt := range tests {
		name, affil, ok := splitNameAffil(tt.line)
		if name != tt.name || affil != tt.affil || ok != tt.ok {
			t.Errorf("splitNameAffil(%q) = %q, %q, %v; want %q, %q, %v", tt.line, name, affil, ok, tt.name, tt.affil, tt.ok)
		}
	}
}
