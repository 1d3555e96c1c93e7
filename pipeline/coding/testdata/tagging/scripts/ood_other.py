# Writes pipeline/coding/testdata/tagging/ood_other.json: original non-workshop, non-news paragraphs
# (own work), labelled by hand before the tagger was first run on them.
import json
N=[]
def sec(h, *paras):
    for p in paras:
        text, themes, recs = p if len(p)==3 else (p[0], p[1], [])
        N.append({"headings":h if isinstance(h,list) else [h], "text":text, "themes":themes, "recommendations":recs})
S,O,D,P="shortcomings","solutions","digital-transformation","private-enterprise"
sec("LỜI CAM ĐOAN",
 ("Tôi xin cam đoan đây là công trình nghiên cứu của riêng tôi, các số liệu và kết quả nêu trong luận văn là trung thực và chưa từng được công bố.",[]),
)
sec("LỜI CẢM ƠN",
 ("Em xin gửi lời cảm ơn chân thành đến thầy hướng dẫn đã tận tình chỉ bảo trong suốt quá trình thực hiện đồ án.",[]),
 ("Do thời gian và kiến thức còn hạn chế, đồ án không tránh khỏi những thiếu sót, em rất mong nhận được ý kiến đóng góp của quý thầy cô.",[]),
)
sec(["Đồ án môn học: Thiết kế hệ thống tưới tự động","Chương 3. Kết quả thử nghiệm"],
 ("Cảm biến độ ẩm đất được đặt ở độ sâu 10 cm, cứ 5 phút gửi số liệu về bộ điều khiển một lần.",[]),
 ("Nhược điểm của mô hình là bơm hoạt động chưa ổn định khi điện áp nguồn dao động.",[]),
 ("Trong thời gian tới cần bổ sung pin dự phòng và thay bơm có công suất lớn hơn.",[]),
)
sec(["Hướng dẫn sử dụng nồi chiên không dầu","Lưu ý an toàn"],
 ("Không đặt nồi sát tường hoặc dưới tủ bếp; cần để khoảng trống ít nhất 10 cm xung quanh để thoát nhiệt.",[]),
 ("Rút phích cắm và để nồi nguội hẳn trước khi vệ sinh lòng nồi bằng khăn mềm.",[]),
 ("Nếu thấy khói đen hoặc mùi khét, phải tắt máy ngay và liên hệ trung tâm bảo hành.",[]),
)
sec(["Nghị định quy định xử phạt vi phạm hành chính trong lĩnh vực giao thông đường bộ","Điều 6. Xử phạt người điều khiển xe mô tô"],
 ("Phạt tiền từ 2.000.000 đồng đến 3.000.000 đồng đối với người điều khiển xe không đội mũ bảo hiểm khi tham gia giao thông trên đường bộ.",[]),
 ("Người điều khiển xe phải chấp hành hiệu lệnh của người điều khiển giao thông và tín hiệu đèn.",[]),
)
sec("THÔNG BÁO tuyển sinh lớp 10 năm học 2026-2027",
 ("Học sinh đăng ký tối đa ba nguyện vọng, xếp theo thứ tự ưu tiên; hồ sơ nộp tại trường trung học cơ sở nơi học sinh đang học.",[]),
 ("Điểm xét tuyển là tổng điểm ba bài thi Ngữ văn, Toán và Tiếng Anh, không có điểm nhân hệ số.",[]),
 ("Phụ huynh cần theo dõi lịch công bố điểm chuẩn trên trang thông tin của Sở để làm thủ tục nhập học đúng hạn.",[]),
)
sec("Tuyển dụng nhân viên kinh doanh",
 ("Công ty chúng tôi cần tuyển 5 nhân viên kinh doanh khu vực phía Bắc, ưu tiên ứng viên có kinh nghiệm bán hàng thiết bị y tế.",[]),
 ("Ứng viên phải có bằng lái xe hạng B và sẵn sàng đi công tác dài ngày.",[]),
)
sec("Căn hộ hai phòng ngủ cho thuê gần trung tâm",
 ("Căn hộ rộng 65 m2, đầy đủ nội thất, ban công hướng Đông Nam, cách chợ và trường học năm phút đi bộ.",[]),
)
sec(["Báo cáo thường niên của công ty cổ phần nhựa","Thông điệp của Hội đồng quản trị"],
 ("Năm qua doanh thu của công ty đạt 1.250 tỷ đồng, lợi nhuận sau thuế tăng 18% so với năm trước.",[]),
 ("Khó khăn lớn nhất là giá hạt nhựa nguyên liệu biến động mạnh và đơn hàng xuất khẩu sang châu Âu giảm.",[]),
 ("Hội đồng quản trị đặt mục tiêu mở rộng nhà máy thứ hai tại khu công nghiệp phía Nam vào năm tới.",[]),
)
sec(["Cẩm nang du lịch Hội An","Đi lại và lưu trú"],
 ("Du khách nên thuê xe đạp để dạo quanh phố cổ, vì ô tô không được vào khu vực trung tâm vào buổi tối.",[]),
 ("Mùa mưa từ tháng 10 đến tháng 12 thường có lũ, nhiều con phố ven sông bị ngập.",[]),
)
sec(["Bài giảng sinh học lớp 8","Bài 12. Hệ tuần hoàn"],
 ("Tim người có bốn ngăn: hai tâm nhĩ ở trên và hai tâm thất ở dưới, hoạt động theo chu kỳ co và dãn.",[]),
 ("Học sinh cần nắm được đường đi của máu trong vòng tuần hoàn lớn và vòng tuần hoàn nhỏ.",[]),
)
sec("Bản tin chứng khoán cuối ngày",
 ("Chỉ số VN-Index giảm 12 điểm, thanh khoản sàn HOSE đạt hơn 18.000 tỷ đồng, khối ngoại bán ròng phiên thứ năm liên tiếp.",[]),
 ("Nhóm cổ phiếu ngân hàng và bất động sản chịu áp lực bán mạnh nhất.",[]),
)
sec(["Kỷ yếu nhóm lớp 12A1 khóa 2010-2013","Lời tựa"],
 ("Mười năm ra trường, chúng mình đã đi nhiều nơi, nhưng ký ức về những buổi trực nhật và các kỳ thi vẫn còn nguyên.",[]),
)
sec("Đánh giá laptop văn phòng mỏng nhẹ",
 ("Bàn phím gõ êm, hành trình phím vừa phải, nhưng bàn di chuột hơi nhỏ so với các đối thủ cùng tầm giá.",[]),
 ("Máy chỉ có hai cổng USB-C, người dùng phải mua thêm bộ chuyển đổi nếu cần kết nối máy chiếu.",[]),
 ("Pin dùng được khoảng 9 giờ khi soạn thảo văn bản và lướt web, đủ cho một ngày làm việc.",[]),
)
sec("Hướng dẫn đăng ký khám bệnh trực tuyến",
 ("Người bệnh tải ứng dụng của bệnh viện, đăng nhập bằng số điện thoại, chọn chuyên khoa và khung giờ khám mong muốn.",[D]),
 ("Sau khi đăng ký, hệ thống gửi mã số khám qua tin nhắn; người bệnh chỉ cần đến trước giờ hẹn 15 phút.",[D]),
)
sec(["Luận văn thạc sĩ quản lý công","Chương 2. Thực trạng chính quyền điện tử cấp huyện"],
 ("Hiện nay 100% cán bộ, công chức của huyện đã được cấp tài khoản hệ thống quản lý văn bản và điều hành.",[D]),
 ("Tuy vậy, hạ tầng mạng ở các xã miền núi còn yếu, phần mềm của các ngành chưa kết nối được với nhau.",[S,D]),
 ("Cần đầu tư đồng bộ đường truyền và xây dựng kho dữ liệu dùng chung cho toàn huyện.",[O,D],["Cần đầu tư đồng bộ đường truyền và xây dựng kho dữ liệu dùng chung cho toàn huyện."]),
)
sec(["Hiệp hội Doanh nghiệp tỉnh tổng kết năm","Tình hình doanh nghiệp tư nhân"],
 ("Số doanh nghiệp tư nhân thành lập mới trong năm đạt 1.450, tăng 9%, chủ yếu trong lĩnh vực thương mại và dịch vụ.",[P]),
 ("Các doanh nghiệp nhỏ vẫn khó tiếp cận vốn vay vì thiếu tài sản bảo đảm.",[S,P]),
)
json.dump({"about":"Out-of-domain set 2 (original text, own work): non-workshop, non-news paragraphs — a thesis pledge and acknowledgements, a student project, an appliance manual, a decree article, school admissions, job and housing ads, a company annual report, a travel guide, a biology lesson, a stock bulletin, a class yearbook, a laptop review — with a hospital booking guide, a thesis chapter on e-government and a business association report for true positives. Written and labelled by hand before the tagger was first run on them, by the convention of ood_news.json.","paragraphs":N}, open("pipeline/coding/testdata/tagging/ood_other.json","w"), ensure_ascii=False, indent=1)
print(len(N))
