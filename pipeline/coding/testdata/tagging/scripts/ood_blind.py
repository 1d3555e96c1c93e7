# Writes pipeline/coding/testdata/tagging/ood_blind.json: a third out-of-domain set (own work), written and
# labelled after the domain and lay-subject rules were frozen for ood_news and ood_other, before
# the tagger was run on it. Many paragraphs name officials or public bodies in passing.
import json
N=[]
def sec(h, *paras):
    for p in paras:
        text, themes, recs = p if len(p)==3 else (p[0], p[1], [])
        N.append({"headings":h if isinstance(h,list) else [h], "text":text, "themes":themes, "recommendations":recs})
S,O,D,P="shortcomings","solutions","digital-transformation","private-enterprise"
sec("Khai mạc giải bóng chuyền nữ các đội mạnh toàn quốc",
 ("Phó Chủ tịch UBND tỉnh đã dự và đánh cồng khai mạc giải đấu tại nhà thi đấu đa năng của tỉnh.",[]),
 ("Tám đội bóng sẽ thi đấu vòng tròn một lượt, chọn bốn đội vào bán kết.",[]),
 ("Ban huấn luyện đội chủ nhà cho biết khó khăn lớn nhất là hai chủ công đang chấn thương, chưa thể ra sân trận đầu.",[]),
 ("Các vận động viên cần giữ sức cho những trận cuối vì lịch thi đấu dày đặc.",[]),
)
sec("Học sinh lớp 9 bước vào kỳ thi tuyển sinh lớp 10",
 ("Sáng nay, hơn 18.000 học sinh lớp 9 của tỉnh bước vào môn thi đầu tiên là Ngữ văn.",[]),
 ("Theo Sở Giáo dục và Đào tạo, mỗi điểm thi đều có cán bộ công an hỗ trợ bảo vệ đề thi.",[]),
 ("Học sinh không được mang tài liệu vào phòng thi và phải nộp bài đúng giờ.",[]),
 ("Phụ huynh nên chuẩn bị bữa sáng nhẹ và đưa con đến điểm thi sớm để tránh tắc đường.",[]),
)
sec("Bão số 3 đổ bộ, nhiều tỉnh ven biển sơ tán dân",
 ("Chính quyền các xã ven biển đã sơ tán hơn 5.000 hộ dân khỏi những khu nhà yếu trước khi bão vào bờ.",[]),
 ("Gió mạnh làm tốc mái hàng trăm ngôi nhà, cây xanh gãy đổ chắn ngang nhiều tuyến đường.",[]),
 ("Người dân tuyệt đối không ra khơi và không ở lại trên lồng bè khi bão đang đi qua.",[]),
)
sec("Đánh giá tai nghe chống ồn giá rẻ",
 ("Tai nghe có thiết kế gọn nhẹ, hộp sạc nhỏ vừa túi quần, kết nối nhanh với điện thoại qua ứng dụng riêng.",[]),
 ("Điểm trừ là khả năng chống ồn còn yếu khi đi xe buýt, micro thu cả tiếng gió khi gọi điện ngoài trời.",[]),
 ("Nếu cần một chiếc tai nghe để nghe nhạc khi tập thể dục, đây vẫn là lựa chọn hợp lý.",[]),
)
sec("Phường tổ chức ngày hội đọc sách cho thiếu nhi",
 ("Đoàn thanh niên phường phối hợp với thư viện quận tổ chức ngày hội đọc sách cho gần 300 em thiếu nhi trong khu phố.",[]),
 ("Các em được nghe kể chuyện, vẽ tranh và đổi sách cũ lấy sách mới.",[]),
)
sec("Xe khách lật trên đèo, 9 người bị thương",
 ("Khoảng 3 giờ sáng, xe khách giường nằm chở 30 người lao xuống vệ đường khi đang xuống dốc.",[]),
 ("Tài xế khai xe bị mất phanh, cơ quan công an đang điều tra nguyên nhân.",[]),
 ("Đoạn đèo này thường xuyên sạt lở vào mùa mưa, nhiều biển báo đã mờ, hư hỏng.",[]),
)
sec("Lễ hội hoa xuân thu hút du khách",
 ("Lễ hội năm nay có hơn 40 tiểu cảnh hoa, trong đó có mô hình con đường hoa dài 500 m ven sông.",[]),
 ("Ban tổ chức đề nghị du khách giữ gìn vệ sinh chung, không ngắt hoa và không xả rác.",[]),
)
sec("Giá rau tăng mạnh sau mưa lũ",
 ("Tại các chợ đầu mối, giá rau muống, cải xanh tăng gấp đôi so với tuần trước do nhiều vùng trồng bị ngập úng.",[]),
 ("Tiểu thương cho biết nguồn hàng khan hiếm, khách mua cũng giảm vì giá quá cao.",[]),
)
sec("Trường mầm non công lập mới khánh thành",
 ("Ngôi trường có 12 phòng học, bếp ăn một chiều và sân chơi rộng, đủ chỗ cho 350 trẻ.",[]),
 ("Hiện trường còn thiếu 6 giáo viên, phòng giáo dục đang xét tuyển bổ sung trước năm học mới.",[]),
)
sec(["Hướng dẫn sử dụng máy lọc nước","Bảo dưỡng"],
 ("Lõi lọc số 1 cần thay sau 3 tháng sử dụng; nếu nước đầu vào nhiều cặn thì thay sớm hơn.",[]),
 ("Không tự ý tháo vỏ máy khi đang cắm điện.",[]),
)
sec("Phim hoạt hình Việt được chọn chiếu tại liên hoan quốc tế",
 ("Bộ phim dài 15 phút do một nhóm họa sĩ trẻ thực hiện trong hai năm, kể về tuổi thơ ở một làng chài.",[]),
 ("Đạo diễn cho biết kinh phí hạn chế nên nhóm phải tự làm phần âm thanh.",[]),
)
# field items
sec("Huyện ủy tổ chức hội nghị trực tuyến đến 100% chi bộ",
 ("Lần đầu tiên, hội nghị quán triệt nghị quyết của Huyện ủy được truyền hình trực tuyến đến tất cả 112 chi bộ trực thuộc.",[D]),
 ("Đường truyền ở một số thôn vùng cao còn chập chờn, hình ảnh có lúc bị gián đoạn.",[S,D]),
 ("Bí thư Huyện ủy yêu cầu các xã phối hợp với nhà mạng kiểm tra đường truyền trước mỗi hội nghị.",[O,D],["Bí thư Huyện ủy yêu cầu các xã phối hợp với nhà mạng kiểm tra đường truyền trước mỗi hội nghị."]),
)
sec("Thành lập chi bộ đảng tại công ty may tư nhân",
 ("Chi bộ Công ty TNHH May Thành Công được thành lập với 5 đảng viên, là tổ chức đảng đầu tiên trong các doanh nghiệp tư nhân của xã.",[P]),
 ("Giám đốc công ty cam kết tạo điều kiện về thời gian và địa điểm để chi bộ sinh hoạt định kỳ.",[P]),
)
json.dump({"about":"Out-of-domain set 3, blind (original text, own work): general news that names officials and public bodies in passing — a volleyball opening, entrance exams, a storm, earphones, a reading day, a coach accident, a flower festival, vegetable prices, a new kindergarten, a water-filter manual, an animated film — with two field news items for true positives. Written and labelled by the convention of ood_news.json after the domain and lay-subject rules were frozen, before the tagger was run on it.","paragraphs":N}, open("pipeline/coding/testdata/tagging/ood_blind.json","w"), ensure_ascii=False, indent=1)
print(len(N))
