package recurring

// concepts maps a concept to the words and phrases that name it in proposals. Two proposals that
// ask for the same thing in other words ("thẩm tra lý lịch" / "xác minh lý lịch", "vào cuối tuần"
// / "vào thứ bảy, chủ nhật") meet on the concept. The phrases are lower case, NFC, new-style tone
// placement (hoá, thuỷ: see vntext.NormalizeTones), one space between syllables. The lexicon is
// general vocabulary of party building, administration and enterprise; it names no workshop.
var concepts = map[string][]string{
	// actions
	"@support":   {"hỗ trợ", "trợ giúp", "giúp đỡ", "tạo điều kiện", "cấp", "cấp phát", "bố trí", "bảo đảm", "đảm bảo", "tài trợ", "dành", "chi", "trả", "chi trả"},
	"@issue":     {"ban hành", "xây dựng và ban hành", "nghiên cứu ban hành"},
	"@simplify":  {"rút ngắn", "đơn giản hoá", "cải cách", "giảm", "rút gọn", "tinh gọn", "gọn", "gọn hơn", "nhanh", "nhanh hơn", "rút ngắn thời gian", "không còn kéo dài", "không bị kéo dài", "không kéo dài"},
	"@verify":    {"thẩm tra", "xác minh", "kiểm tra", "thẩm định"},
	"@train":     {"bồi dưỡng", "đào tạo", "tập huấn", "huấn luyện", "giáo dục"},
	"@open":      {"mở", "tổ chức", "khai giảng"},
	"@guide":     {"hướng dẫn", "theo dõi", "chỉ đạo", "giúp", "hỗ trợ trực tiếp", "phụ trách", "kèm cặp"},
	"@assign":    {"cử", "phân công", "giao", "bố trí cán bộ", "điều động"},
	"@commend":   {"khen thưởng", "biểu dương", "tôn vinh", "động viên", "ghi nhận", "khen"},
	"@digitise":  {"số hoá", "điện tử hoá", "cơ sở dữ liệu", "dữ liệu điện tử", "phần mềm quản lý", "cơ sở dữ liệu điện tử"},
	"#contest":   {"thi", "cuộc thi", "hội thi", "thi tìm hiểu"},
	"@promote":   {"đẩy mạnh", "tăng cường", "nâng cao", "phát huy", "mở rộng", "nhân rộng"},
	"@summarise": {"tổng kết", "sơ kết", "đánh giá"},
	"@recruit":   {"kết nạp", "phát triển đảng viên", "kết nạp đảng viên", "kết nạp đảng"},
	"@propagate": {"tuyên truyền", "phổ biến", "quán triệt", "vận động", "thông tin"},
	"@amend":     {"sửa đổi", "bổ sung", "điều chỉnh", "sửa đổi bổ sung", "hoàn thiện"},
	"@raise":     {"nâng mức", "tăng mức", "nâng", "tăng"},
	"@install":   {"cài đặt", "sử dụng", "khai thác", "triển khai"},

	// objects and beneficiaries
	"#funds":             {"kinh phí", "ngân sách", "nguồn kinh phí", "kinh phí hoạt động", "chi phí hoạt động", "tài chính", "nguồn lực tài chính", "quỹ"},
	"#allowance":         {"phụ cấp", "thù lao", "trợ cấp", "chế độ đãi ngộ", "phụ cấp trách nhiệm", "chế độ phụ cấp", "đãi ngộ", "bồi dưỡng thù lao", "mức bồi dưỡng", "khoản phụ cấp", "tiền bồi dưỡng"},
	"#policy":            {"chính sách", "cơ chế", "chế độ", "quy định", "chủ trương"},
	"#background":        {"lý lịch", "lý lịch đảng viên", "hồ sơ lý lịch", "lý lịch người xin vào đảng", "nhân thân", "lý lịch nhân thân", "xác minh nhân thân"},
	"!applicant":         {"quần chúng ưu tú", "quần chúng", "người xin vào đảng", "đối tượng kết nạp", "đối tượng đảng", "xin vào đảng", "người vào đảng"},
	"#weekend":           {"cuối tuần", "thứ bảy chủ nhật", "thứ bảy và chủ nhật", "ngày nghỉ", "ngày nghỉ cuối tuần", "thứ bảy", "chủ nhật", "buổi tối", "ngoài giờ làm việc", "ngoài giờ", "ngày nghỉ cuối tuần", "ngoài giờ hành chính"},
	"#class":             {"lớp", "lớp học", "khoá học", "khoá"},
	"!partyawareness":    {"nhận thức về đảng", "cảm tình đảng", "lý luận chính trị", "điều lệ đảng", "tìm hiểu về đảng", "học tập về đảng"},
	"#handbook":          {"sổ tay đảng viên điện tử", "sổ tay đảng viên", "ứng dụng sổ tay đảng viên"},
	"#app":               {"ứng dụng", "phần mềm", "nền tảng số", "ứng dụng di động"},
	"#memberrecords":     {"hồ sơ đảng viên", "dữ liệu đảng viên", "dữ liệu về đảng viên", "thông tin đảng viên", "cơ sở dữ liệu về đảng viên", "cơ sở dữ liệu đảng viên"},
	"#parttime":          {"kiêm nhiệm", "không chuyên trách", "bán chuyên trách", "hoạt động kiêm nhiệm"},
	"#regular":           {"hằng tháng", "hàng tháng", "thường xuyên", "định kỳ", "hằng quý"},
	"#otherprovince":     {"tỉnh khác", "ngoại tỉnh", "địa phương khác", "tỉnh bạn", "các tỉnh bạn", "quê quán ở tỉnh khác", "quê ở tỉnh khác", "nơi khác"},
	"#land":              {"quỹ đất", "diện tích", "mặt bằng", "đất"},
	"#culturefacility":   {"nhà văn hoá", "sân thể thao", "thiết chế văn hoá", "thiết chế văn hoá thể thao", "khu vui chơi", "văn hoá thể thao", "thể thao"},
	"@retain":            {"giữ lại", "để lại", "được giữ lại", "được để lại", "trích lại"},
	"#unionfee":          {"kinh phí công đoàn", "đoàn phí công đoàn", "đoàn phí"},
	"#account":           {"tài khoản", "cấp tài khoản"},
	"#ranking":           {"xếp loại", "đánh giá xếp loại", "tiêu chí đánh giá", "thi đua"},
	"#target":            {"chỉ tiêu", "chỉ tiêu giao"},
	"#equipment":         {"máy chiếu", "máy tính", "trang thiết bị", "thiết bị", "đường truyền"},
	"!transfer":          {"chuyển sinh hoạt đảng", "giới thiệu sinh hoạt đảng", "chuyển sinh hoạt", "thủ tục chuyển sinh hoạt đảng", "chuyển đảng chính thức", "công nhận đảng viên chính thức"},
	"#enterprise":        {"doanh nghiệp", "công ty", "cơ sở sản xuất", "nhà máy"},
	"#file":              {"hồ sơ", "hồ sơ năng lực"},
	"#regulation":        {"quy chế", "quy chế phối hợp", "quy chế làm việc", "quy chế mẫu"},
	"#coordination":      {"phối hợp", "mối quan hệ công tác", "quan hệ phối hợp"},
	"#cadre":             {"cán bộ", "cán bộ chuyên trách", "cán bộ chuyên môn"},
	"#procedure":         {"thủ tục", "thời gian", "quy trình", "thủ tục hành chính"},
	"#training-material": {"tài liệu", "giáo trình", "tài liệu bồi dưỡng", "tài liệu sinh hoạt"},
	"#meeting":           {"sinh hoạt", "sinh hoạt chi bộ", "sinh hoạt chuyên đề", "họp"},
	"#online":            {"trực tuyến", "qua mạng", "trên mạng", "trên môi trường mạng", "môi trường mạng", "trực tuyến", "qua mạng", "từ xa"},

	// entities: who or what a proposal is about; two proposals about different entities are not
	// the same proposal (see entityConcepts)
	"!partyorg":   {"chi bộ", "tổ chức đảng", "tổ chức cơ sở đảng", "đảng bộ", "chi bộ ghép", "tổ chức cơ sở đảng", "đảng bộ cơ sở", "chi bộ cơ sở"},
	"!union":      {"công đoàn", "công đoàn cơ sở", "tổ chức công đoàn"},
	"!youth":      {"đoàn thanh niên", "chi đoàn", "đoàn viên"},
	"!secretary":  {"bí thư", "phó bí thư", "bí thư chi bộ", "phó bí thư chi bộ", "cấp uỷ viên", "bí thư cấp uỷ", "bí thư đảng uỷ", "bí thư chi đoàn"},
	"!owner":      {"chủ doanh nghiệp", "người đứng đầu doanh nghiệp", "giám đốc", "ban giám đốc", "doanh nhân", "người sử dụng lao động", "chủ sở hữu"},
	"!investor":   {"nhà đầu tư", "nhà thầu", "dự án"},
	"!worker":     {"công nhân", "người lao động", "lao động", "công nhân lao động"},
	"!member":     {"đảng viên", "đảng viên trẻ"},
	"!privateent": {"doanh nghiệp tư nhân", "doanh nghiệp ngoài nhà nước", "doanh nghiệp ngoài khu vực nhà nước", "khu vực kinh tế tư nhân", "kinh tế tư nhân", "doanh nghiệp dân doanh"},
	"!fdi":        {"doanh nghiệp có vốn đầu tư nước ngoài", "doanh nghiệp fdi", "fdi", "vốn đầu tư nước ngoài", "doanh nghiệp nước ngoài", "nhà đầu tư nước ngoài"},
	"!language":   {"tiếng anh", "tiếng hàn", "tiếng nhật", "tiếng trung", "ngoại ngữ", "tin học"},
}

// impliedEntities are the entities a concept is about by itself: a party member's records are
// about party members.
var impliedEntities = map[string]string{"#memberrecords": "!member", "#handbook": "!member", "!applicant": "!applicant"}

// entityGroups sorts the entities into groups: two proposals that both name entities of a group
// must share one of them. "who" is whom a proposal is for (party cells, unions, secretaries,
// owners, workers ...); "subject" is what a class or a material teaches.
var entityGroups = map[string]string{
	"!partyorg": "who", "!union": "who", "!youth": "who", "!secretary": "who", "!owner": "who", "!investor": "who",
	"!worker": "who", "!member": "who", "!applicant": "who",
	"!partyawareness": "subject", "!language": "subject",
	// "matter" is the particular thing a proposal asks for: a transfer of membership is not a
	// meeting, operating funds are not an allowance, a share kept back is not equipment bought.
	"!transfer": "matter", "#meeting": "matter", "#background": "matter", "@retain": "matter", "#equipment": "matter",
	"#account": "matter", "#ranking": "matter", "#target": "matter", "#funds": "matter", "#allowance": "matter",
	"#land": "matter", "#culturefacility": "matter", "#memberrecords": "matter",
}

// addresseeKinds sorts the heads of addressees (the codebook's "addressees" and the subjects of
// "X cần ...") into the kinds of body a proposal can be made to: the party and the state at any
// level, the enterprise, the mass organisations, the party's own cells and members. A proposal to
// the province and one to business owners ask different people, however alike their words.
var addresseeKinds = map[string][]string{
	"party-state": {"trung ương", "ban chấp hành trung ương", "bộ chính trị", "ban bí thư", "chính phủ", "quốc hội", "thủ tướng",
		"tỉnh", "tỉnh uỷ", "thành uỷ", "huyện uỷ", "quận uỷ", "thị uỷ", "đảng uỷ", "ủy ban nhân dân", "uỷ ban nhân dân", "ubnd",
		"hội đồng nhân dân", "nhà nước", "chính quyền", "bộ", "sở", "ban", "ban tổ chức", "ban tuyên giáo", "ban dân vận",
		"ban thường vụ", "uỷ ban kiểm tra", "cơ quan chức năng", "các cơ quan chức năng", "ngành chức năng", "các ngành", "các cấp",
		"cấp trên", "cấp uỷ cấp trên", "trường chính trị", "trung tâm chính trị", "ban quản lý", "huyện", "thành phố", "xã",
		"đảng uỷ khối", "đảng uỷ khu kinh tế", "cơ quan", "các cơ quan", "địa phương", "các địa phương", "sở thông tin và truyền thông"},
	"enterprise": {"doanh nghiệp", "các doanh nghiệp", "chủ doanh nghiệp", "các chủ doanh nghiệp", "công ty", "ban giám đốc",
		"người sử dụng lao động", "nhà đầu tư", "người đứng đầu doanh nghiệp", "giám đốc"},
	"mass": {"liên đoàn lao động", "công đoàn", "đoàn thanh niên", "tỉnh đoàn", "mặt trận", "mặt trận tổ quốc", "hội",
		"hội doanh nhân trẻ", "hội phụ nữ", "hội cựu chiến binh"},
	"cells": {"chi bộ", "các chi bộ", "cấp uỷ", "các cấp uỷ", "cấp uỷ cơ sở", "các cấp uỷ cơ sở", "chi uỷ", "đảng viên",
		"bí thư", "tổ chức đảng", "các tổ chức đảng", "tổ chức cơ sở đảng"},
}
