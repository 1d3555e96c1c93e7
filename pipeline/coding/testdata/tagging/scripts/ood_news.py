# Writes pipeline/coding/testdata/tagging/ood_news.json: original general-news paragraphs (own work),
# labelled by hand before the tagger was first run on them.
import json
N=[]
def sec(h, *paras):
    for p in paras:
        text, themes, recs = p if len(p)==3 else (p[0], p[1], [])
        N.append({"headings":[h], "text":text, "themes":themes, "recommendations":recs})
S,O,D,P="shortcomings","solutions","digital-transformation","private-enterprise"
sec("U23 Việt Nam thua ngược, người hâm mộ đòi HLV phải từ chức",
 ("Đội tuyển U23 Việt Nam để thua 1-2 trước đối thủ Thái Lan trong trận bán kết tối qua dù đã dẫn trước ngay từ phút thứ 12.",[]),
 ("Hàng thủ liên tục mắc sai lầm trong hiệp hai, tiền vệ trụ bị thay ra vì chấn thương khiến thế trận của đội bị đảo ngược.",[]),
 ("Sau trận đấu, hàng nghìn bình luận trên trang người hâm mộ cho rằng HLV phải từ chức vì những quyết định thay người khó hiểu.",[]),
 ("Một số cựu cầu thủ nhận định đội cần thêm thời gian tập luyện cùng nhau và không nên thay đổi ban huấn luyện giữa giải.",[]),
 ("Liên đoàn bóng đá cho biết sẽ họp đánh giá toàn diện sau khi giải đấu kết thúc vào cuối tháng.",[]),
)
sec("Giải chạy bán marathon ven biển thu hút 8.000 vận động viên",
 ("Sáng chủ nhật, hơn 8.000 vận động viên đến từ 30 quốc gia đã tham gia giải chạy bán marathon trên cung đường ven biển dài 21 km.",[]),
 ("Ban tổ chức khuyến cáo người chạy phải uống đủ nước, không cố gắng quá sức và dừng lại ngay khi thấy chóng mặt.",[]),
 ("Năm nay số điểm tiếp nước tăng lên 12, mỗi điểm có nhân viên y tế và xe cứu thương túc trực.",[]),
)
sec("Miền Bắc đón đợt không khí lạnh mạnh nhất từ đầu mùa",
 ("Theo Trung tâm Dự báo khí tượng thủy văn quốc gia, từ đêm nay không khí lạnh sẽ tràn xuống các tỉnh miền Bắc, nhiệt độ vùng núi có nơi dưới 5 độ C.",[]),
 ("Ở Sa Pa, Mẫu Sơn có khả năng xuất hiện băng giá, gây khó khăn cho việc đi lại và chăn nuôi gia súc.",[]),
 ("Người dân cần giữ ấm cho trẻ nhỏ, người già và chủ động che chắn chuồng trại cho trâu, bò.",[]),
 ("Các trường mầm non được phép cho trẻ nghỉ học khi nhiệt độ xuống dưới 10 độ C.",[]),
)
sec("Mưa lớn gây ngập sâu nhiều tuyến phố",
 ("Trận mưa kéo dài hơn ba giờ chiều qua khiến hàng chục tuyến phố nội đô ngập từ 30 đến 50 cm, nhiều xe máy chết máy giữa đường.",[]),
 ("Hệ thống thoát nước ở khu vực này đã xuống cấp, nhiều đoạn cống nhỏ không kịp tiêu nước khi mưa to.",[]),
 ("Công ty thoát nước đã huy động 200 công nhân và 15 máy bơm để hút nước tại các điểm ngập.",[]),
)
sec("Quy chế thi tốt nghiệp trung học phổ thông năm nay",
 ("Thí sinh phải có mặt tại phòng thi trước giờ làm bài 30 phút, mang theo căn cước và thẻ dự thi.",[]),
 ("Thí sinh không được mang điện thoại, đồng hồ thông minh hoặc bất kỳ thiết bị thu phát nào vào phòng thi.",[]),
 ("Thí sinh đến muộn quá 15 phút sau khi tính giờ làm bài sẽ không được dự thi buổi đó.",[]),
 ("Bộ Giáo dục và Đào tạo đề nghị các địa phương bố trí phương tiện đưa đón thí sinh ở vùng sâu, vùng xa.",[]),
 ("Năm nay cả nước có khoảng một triệu thí sinh đăng ký dự thi, tăng hơn 20.000 em so với năm trước.",[]),
)
sec("Đánh giá bộ phát wifi 6 tầm trung",
 ("Bộ phát có thiết kế gọn, bốn ăng-ten gập được, hỗ trợ chuẩn wifi 6 với tốc độ tối đa 3.000 Mb/s.",[]),
 ("Trong thử nghiệm ở căn hộ 80 m2, tốc độ tải xuống ở phòng ngủ xa nhất vẫn đạt khoảng 400 Mb/s.",[]),
 ("Hạn chế lớn nhất là ứng dụng quản lý còn khó dùng, nhiều tùy chọn bảo mật bị giấu sâu trong menu.",[]),
 ("Người dùng nên cập nhật phần mềm ngay sau khi mua và đổi mật khẩu quản trị mặc định.",[]),
 ("Với mức giá dưới hai triệu đồng, đây là lựa chọn đáng cân nhắc cho các gia đình nhỏ.",[]),
)
sec("Trên tay điện thoại gập mới: màn hình đẹp, pin chưa như kỳ vọng",
 ("Máy có màn hình trong 7,6 inch, nếp gấp gần như không thấy khi nhìn thẳng, bản lề chắc chắn.",[]),
 ("Thời lượng pin chỉ khoảng một ngày với nhu cầu sử dụng vừa phải, sạc đầy mất gần 90 phút.",[]),
 ("Camera chụp đêm cho ảnh nhiều nhiễu, phần mềm xử lý màu còn chưa ổn định.",[]),
)
sec("Phụ huynh bức xúc vì clip cô giáo mầm non quát mắng trẻ",
 ("Một đoạn clip dài 40 giây lan truyền trên mạng xã hội ghi lại cảnh cô giáo một lớp mầm non tư thục quát mắng và giật tay một bé gái.",[]),
 ("Camera của lớp học cho thấy sự việc xảy ra vào giờ ăn trưa, khi bé không chịu ăn hết suất cơm.",[]),
 ("Phòng Giáo dục quận đã yêu cầu nhà trường tạm đình chỉ công việc của giáo viên này để xác minh.",[]),
 ("Chuyên gia tâm lý khuyên phụ huynh nên trò chuyện nhẹ nhàng với con và để ý những thay đổi bất thường trong giấc ngủ, ăn uống.",[]),
)
sec("Trường mầm non mở lớp làm quen tiếng Anh qua trò chơi",
 ("Từ tháng 9, các bé lớp lá được học tiếng Anh hai buổi mỗi tuần qua bài hát, trò chơi và tranh ảnh.",[]),
 ("Phụ huynh có thể xem lại video các buổi học trên ứng dụng liên lạc của trường.",[]),
)
sec("Ùn tắc kéo dài ở cửa ngõ phía Tây",
 ("Chiều thứ sáu, dòng xe ô tô và xe máy nối dài gần 3 km trên quốc lộ hướng ra cửa ngõ phía Tây thành phố.",[]),
 ("Nguyên nhân chính là một xe tải chết máy giữa nút giao trong giờ cao điểm, cùng với lượng người về quê dịp cuối tuần tăng mạnh.",[]),
 ("Cảnh sát giao thông khuyến cáo người dân nên đi sớm hoặc chọn tuyến đường vành đai để tránh ùn tắc.",[]),
 ("Dự án mở rộng nút giao đã chậm tiến độ gần hai năm do vướng mặt bằng.",[]),
)
sec("Tăng cường xử lý vi phạm nồng độ cồn dịp cuối năm",
 ("Trong tháng qua, lực lượng cảnh sát giao thông toàn tỉnh đã lập biên bản hơn 3.500 trường hợp vi phạm nồng độ cồn.",[]),
 ("Người đã uống rượu bia tuyệt đối không được điều khiển phương tiện tham gia giao thông.",[]),
 ("Phòng Cảnh sát giao thông đề xuất lắp thêm camera giám sát tại các tuyến đường thường xảy ra tai nạn vào ban đêm.",[]),
)
sec("Liên hoan phim quốc tế khai mạc với 120 tác phẩm",
 ("Tối qua, liên hoan phim quốc tế đã khai mạc tại nhà hát lớn với sự tham gia của nhiều đạo diễn, diễn viên trong và ngoài nước.",[]),
 ("Phim truyện dự thi năm nay phần lớn khai thác đề tài gia đình và thân phận người phụ nữ nông thôn.",[]),
 ("Một số nhà phê bình cho rằng phim Việt vẫn yếu ở khâu kịch bản, nhiều tác phẩm đẹp về hình ảnh nhưng câu chuyện rời rạc.",[]),
)
sec("Đêm nhạc trịnh công sơn bên hồ",
 ("Hơn 2.000 khán giả đã ngồi kín các bậc thềm quanh hồ để nghe những ca khúc quen thuộc trong không gian se lạnh đầu đông.",[]),
 ("Ban tổ chức cho biết toàn bộ tiền bán vé sẽ được dùng để xây một điểm trường cho học sinh vùng cao.",[]),
)
sec("Giá xăng giảm lần thứ ba liên tiếp",
 ("Từ 15 giờ chiều nay, giá xăng RON 95 giảm 320 đồng mỗi lít, xuống còn khoảng 21.500 đồng.",[]),
 ("Liên bộ Công Thương - Tài chính tiếp tục không trích lập quỹ bình ổn giá trong kỳ điều hành này.",[]),
)
sec("Giá cà phê lập đỉnh, nông dân vẫn lo thiếu hàng",
 ("Giá cà phê nhân xô tại Tây Nguyên hôm nay lên mức 120.000 đồng mỗi kg, cao nhất từ trước tới nay.",[]),
 ("Tuy vậy nhiều hộ trồng cà phê cho biết sản lượng năm nay giảm do hạn hán kéo dài, vườn già cỗi chưa kịp tái canh.",[]),
)
sec("Bệnh viện tỉnh ghép thận thành công cho bệnh nhân 16 tuổi",
 ("Ca phẫu thuật kéo dài 6 giờ với sự hỗ trợ của các chuyên gia từ bệnh viện tuyến trung ương.",[]),
 ("Sau 10 ngày, bệnh nhân đã tỉnh táo, ăn uống được và chức năng thận mới hoạt động tốt.",[]),
)
sec("Cháy nhà trọ trong đêm, 12 người thoát nạn",
 ("Khoảng 2 giờ sáng, ngọn lửa bùng lên từ tầng trệt một dãy nhà trọ, nơi để nhiều xe máy của người thuê.",[]),
 ("Lực lượng cứu hỏa đã dùng thang dây đưa 12 người mắc kẹt trên tầng ba xuống an toàn.",[]),
 ("Nhiều dãy nhà trọ trong khu vực không có lối thoát hiểm thứ hai, bình chữa cháy đã hết hạn.",[]),
)
sec("Công thức nấu phở bò tại nhà",
 ("Xương bò rửa sạch, chần qua nước sôi rồi ninh nhỏ lửa ít nhất 6 giờ để nước dùng trong và ngọt.",[]),
 ("Hành tây, gừng nướng thơm cho vào nồi cùng quế, hồi, thảo quả đã rang.",[]),
)
# in-domain news items, for true positives
sec("Tỉnh ủy sơ kết một năm triển khai Sổ tay đảng viên điện tử",
 ("Sau một năm triển khai, 96% đảng viên trong tỉnh đã cài đặt và sử dụng Sổ tay đảng viên điện tử để nhận tài liệu sinh hoạt.",[D]),
 ("Tuy nhiên, ở một số chi bộ nông thôn, đảng viên cao tuổi chưa thành thạo điện thoại thông minh nên vẫn phải in tài liệu.",[S,D]),
 ("Đồng chí Phó Bí thư Tỉnh ủy yêu cầu các cấp ủy cơ sở phân công đảng viên trẻ kèm cặp, hướng dẫn các đồng chí lớn tuổi sử dụng ứng dụng.",[O,D],["Đồng chí Phó Bí thư Tỉnh ủy yêu cầu các cấp ủy cơ sở phân công đảng viên trẻ kèm cặp, hướng dẫn các đồng chí lớn tuổi sử dụng ứng dụng."]),
)
sec("Phát triển đảng viên trong doanh nghiệp ngoài nhà nước còn chậm",
 ("Toàn thành phố có hơn 9.000 doanh nghiệp ngoài nhà nước nhưng mới có 160 tổ chức đảng.",[S,P]),
 ("Nhiều chủ doanh nghiệp còn e ngại việc thành lập chi bộ sẽ ảnh hưởng đến thời gian sản xuất.",[S,P]),
 ("Ban Tổ chức Thành ủy đề nghị các quận, huyện ủy chủ động gặp gỡ chủ doanh nghiệp để tuyên truyền về lợi ích của tổ chức đảng.",[O,P],["Ban Tổ chức Thành ủy đề nghị các quận, huyện ủy chủ động gặp gỡ chủ doanh nghiệp để tuyên truyền về lợi ích của tổ chức đảng."]),
)
sec("Thành phố đưa 100% thủ tục hành chính lên cổng dịch vụ công",
 ("Từ tháng 7, người dân có thể nộp hồ sơ cấp phép xây dựng, đăng ký kinh doanh hộ cá thể hoàn toàn trực tuyến.",[D]),
 ("Tỷ lệ hồ sơ nộp trực tuyến mới đạt 38% do nhiều người chưa quen thao tác và lo ngại lộ thông tin cá nhân.",[S,D]),
)
json.dump({"about":"Out-of-domain set 1 (original text, own work): general news paragraphs — sport, weather, school exams, consumer tech reviews, kindergartens, traffic, culture, prices, health, fire, a recipe — with three party and public-service news items for true positives. Written and labelled by hand before the tagger was first run on them. Convention: a theme only where the paragraph speaks of the theme's subject as the codebook describes it (the work of party organisations and the political system; digital tools in the work of public bodies and organisations; the private business sector and party work in it). Rules, advice and demands in sport, exams, traffic, weather, consumer use or health are not solutions and not recommendations; troubles of ordinary life (a bad router, a traffic jam, a flooded street, a lost match) are not shortcomings.","paragraphs":N}, open("pipeline/coding/testdata/tagging/ood_news.json","w"), ensure_ascii=False, indent=1)
print(len(N))
