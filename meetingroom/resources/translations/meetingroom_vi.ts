<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="vi">
<context>
    <name></name>
    <message>
        <location filename="../../ui/chair/agenda_control.py" line="+69"/>
        <source>Chương trình nghị sự</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chương trình họp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+18"/>
        <source>Khai mạc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Khai mạc kỳ họp: mọi màn hình chuyển sang trạng thái đang họp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bắt đầu mục đã chọn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chuyển phiên họp sang mục đang chọn (nhấn đúp vào mục cũng được)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+15"/>
        <source>Bế mạc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Bế mạc kỳ họp (không thay đổi được nữa)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Vẫn khai mạc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Trạng thái: {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đang thảo luận: {item}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/chair/conclusions.py" line="+71"/>
        <source>Chưa chọn mục nào</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Chỉ chủ tọa điều hành chương trình</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chair/attendance_board.py" line="+45"/>
        <source>Có mặt {present} · Chưa điểm danh {not_arrived} · Vắng {absent} (có lý do {excused}) · Đã rời {left} · Ủy quyền {represented}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Có mặt {present} · Vắng {absent} (có lý do {excused}, chưa điểm danh {not_arrived}) · Đã rời {left} · Ủy quyền {represented}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+38"/>
        <location filename="../../ui/secretary/reports.py" line="+127"/>
        <source>Điểm danh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Danh sách điểm danh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lý do vắng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Điểm danh hộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ghi nhận những người đang chọn có mặt (chọn nhiều người bằng Ctrl hoặc Shift + nhấp chuột)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ghi nhận những người đang chọn vắng, với lý do bên cạnh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ghi nhận những người đang chọn đã rời hội trường</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Báo vắng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ra về</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Chưa có số liệu điểm danh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../ui/chair/texts.py" line="+93"/>
        <location line="+41"/>
        <source>quá</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin/body_dialog.py" line="+215"/>
        <location filename="../../ui/admin/workspace.py" line="+58"/>
        <location filename="../../ui/chair/attendance_board.py" line="+0"/>
        <location filename="../../ui/chair/texts.py" line="-41"/>
        <location line="+41"/>
        <source>ít nhất</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chair/attendance_board.py" line="+1"/>
        <source>Quy định: {words} {n}/{d} tổng số thành viên ({total}), tức {required} người</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chair/conclusions.py" line="-11"/>
        <source>Kết luận của chủ tọa</source>
        <extracomment>How long typing must pause before the text goes to the server. The status line&apos;s words, kept unworded so a language change can word them again.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ghi kết luận cho mục đang thảo luận…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kết luận của mục đang thảo luận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lưu trên máy chủ: thư ký thấy và chỉnh cùng nội dung này, và nó được đưa vào biên bản.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Chưa lưu…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+29"/>
        <location line="+13"/>
        <source>Đã lưu trên máy chủ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Chưa lưu: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Đã cập nhật từ máy chủ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chair/models.py" line="+29"/>
        <source>kín</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chair/result_panel.py" line="+51"/>
        <source>Kết quả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Chưa có kết quả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ĐÃ HỦY: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lựa chọn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Số phiếu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tỷ lệ / tổng số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chair/big_screen.py" line="+370"/>
        <location filename="../../ui/chair/speaker_control.py" line="+93"/>
        <source>Mời</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tiếp theo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+162"/>
        <source>Thứ Hai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thứ Ba</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thứ Tư</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thứ Năm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thứ Sáu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thứ Bảy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chủ Nhật</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chair/speaker_control.py" line="-4"/>
        <source>Danh sách đăng ký {queue}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mời người đang chọn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+256"/>
        <source>Bắt đầu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-255"/>
        <source>Bắt đầu lượt của người đang chọn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đưa lên trước</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đưa xuống sau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rút</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rút đăng ký của người đang chọn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Mời tiếp theo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+143"/>
        <source>Phát biểu và chất vấn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>mặc định</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/secretary/agenda_editor.py" line="+136"/>
        <source> phút</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nội dung (không bắt buộc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trao quyền phát biểu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mời bất kỳ ai (kể cả khách mời) phát biểu ngay, không cần đăng ký</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mời trực tiếp:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Chưa có ai phát biểu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>tạm dừng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tiếp tục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tạm dừng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chair/texts.py" line="-60"/>
        <location filename="../../ui/results.py" line="+44"/>
        <source>thành viên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/results.py" line="+0"/>
        <source>đại biểu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>nửa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>công khai hoặc kín</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+15"/>
        <source>Đủ điều kiện tiến hành</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+15"/>
        <source>Chưa đủ điều kiện tiến hành</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Có mặt {counted}/{total} {noun}, chiếm {percent} (cần {words} {n}/{d} tổng số, tức {required}). {verdict}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Có mặt {counted}/{total} (cần {required})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Không tham gia biểu quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ĐƯỢC THÔNG QUA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>KHÔNG ĐƯỢC THÔNG QUA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã biểu quyết {voted}/{total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../ui/results.py" line="+65"/>
        <source>trúng cử</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phải bầu lại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/results.py" line="+2"/>
        <source>không trúng cử</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>TRÚNG CỬ: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KHÔNG CÓ NGƯỜI TRÚNG CỬ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <source>Số phiếu thu vào {ballots}/{total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-4"/>
        <source>tín nhiệm thấp quá ngưỡng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>KẾT QUẢ LẤY PHIẾU TÍN NHIỆM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Chưa có {members} nào có mặt để biểu quyết.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mới {voted}/{seats} {members} có mặt đã biểu quyết.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tất cả {voted}/{seats} {members} có mặt đã biểu quyết.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kết thúc và công bố kết quả?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kết quả được tính trên tổng số {total} {members}, hiện ngay trên mọi màn hình và không mở lại được.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Hủy biểu quyết “{title}” với lý do “{reason}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kết quả đã công bố ({voted}/{total} phiếu) bị hủy trên mọi màn hình.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{voted} phiếu đã bỏ bị hủy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chưa có phiếu nào.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Việc hủy được ghi vào biên bản, không hoàn tác được; có thể tổ chức biểu quyết lại.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Chưa có số liệu điểm danh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mới có {counted}/{total} {members} có mặt, chưa quá {share} (cần {required}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mới có {counted}/{total} {members} có mặt, chưa đủ {share} ({required}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vẫn khai mạc?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mọi màn hình chuyển sang trạng thái đang họp; không quay lại được.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Bế mạc kỳ họp “{title}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đang ở mục {place}/{items} của chương trình; {announced} biểu quyết đã công bố.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sau khi bế mạc không ai điểm danh, biểu quyết hay thay đổi được gì nữa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Mục này đã có biểu quyết “{title}” ({status}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tạo thêm một biểu quyết cùng nội dung?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chair/vote_control.py" line="+163"/>
        <source>Biểu quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nội dung biểu quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mỗi dòng một người</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Danh sách:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-79"/>
        <source>Số người được bầu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số người được bầu:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tạo biểu quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tạo biểu quyết (chưa mở) cho mục đang thảo luận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mẫu:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nội dung:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hình thức:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Các biểu quyết của cuộc họp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lý do hủy (bắt buộc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hủy kết quả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hủy biểu quyết, ghi rõ lý do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Biểu quyết lại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tổ chức lại biểu quyết đã hủy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chair/documents_panel.py" line="+65"/>
        <location filename="../../ui/secretary/agenda_model.py" line="+29"/>
        <location filename="../../ui/secretary/opinions.py" line="+115"/>
        <source>Tài liệu</source>
        <extracomment>The message&apos;s words, kept unworded so a language change can word them again.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/chair/vote_control.py" line="+3"/>
        <source>Mở</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mở tài liệu trong trình đọc của tôi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Chưa có nguồn tài liệu trên máy này</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đang mở tài liệu…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Không mở được tài liệu (chưa tải về máy này?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Đã chia sẻ trang {page} của “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chair/vote_control.py" line="+1"/>
        <source>Dừng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+122"/>
        <source>Kết thúc, công bố</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-121"/>
        <source>Đã biểu quyết %v/%m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã bỏ phiếu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa bỏ phiếu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Ứng cử viên:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người được lấy phiếu:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Biểu quyết trùng nội dung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/secretary/meetings.py" line="+258"/>
        <source>Vẫn tạo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Kết thúc biểu quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+1"/>
        <source>Hủy biểu quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Chưa chọn biểu quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đã biểu quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa biểu quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>bỏ phiếu kín</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>công khai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Đã biểu quyết ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa biểu quyết ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tạm tính: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="+360"/>
        <source>Đã kết nối tới máy chủ phòng họp (meetingroom %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mã chứng chỉ đã ghi nhớ: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Không kết nối được tới %1: máy chủ chưa chạy, sai địa chỉ hoặc cổng, hoặc mạng chặn kết nối. Kiểm tra địa chỉ với kỹ thuật viên và thử lại. (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lỗi bảo mật TLS khi kết nối tới %1 (%2). Nếu máy chủ không dùng TLS, hãy dùng địa chỉ bắt đầu bằng ws:// thay vì wss://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Máy chủ %1 dùng kết nối bảo mật (TLS): hãy dùng địa chỉ bắt đầu bằng wss:// thay vì ws://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CẢNH BÁO: chứng chỉ của máy chủ %1 đã thay đổi so với lần kết nối trước. Có thể có kẻ giả mạo máy chủ, nên chương trình không kết nối. Hãy báo kỹ thuật viên để so sánh mã chứng chỉ (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Máy chủ %1 dùng phiên bản giao thức khác (máy chủ meetingroom %2; chương trình này dùng giao thức %3). Hãy cài chương trình cùng phiên bản với máy chủ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Địa chỉ %1 có trả lời nhưng không phải máy chủ phòng họp (meetingroom). Kiểm tra lại cổng với kỹ thuật viên. (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretary/agenda_editor.py" line="+1"/>
        <location filename="../../ui/secretary/agenda_model.py" line="+0"/>
        <source>Nội dung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thời lượng dự kiến</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/secretary/agenda_model.py" line="+0"/>
        <source>Người trình bày</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thêm mục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thêm mục con</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lưu mục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xóa mục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xuống</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mục đang chọn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiêu đề (để trống: theo tên tệp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tài liệu mật (khách mời không xem được)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đính kèm tài liệu…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thay bằng phiên bản mới…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rút tài liệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tài liệu của mục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source> (mật)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{title} — phiên bản {version}, {pages} trang{mark}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Nhập nội dung của mục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Chọn tài liệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tài liệu (*.pdf *.doc *.docx *.odt *.xls *.xlsx *.ods *.ppt *.pptx *.odp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Đang tải lên {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+23"/>
        <location filename="../../ui/secretary/minutes.py" line="+352"/>
        <source>Không tải lên được: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Đã tải lên, đang đính kèm {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretary/agenda_model.py" line="+0"/>
        <source>Thời lượng (phút)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretary/approvals.py" line="+56"/>
        <source>Lý do từ chối (ít nhất 3 ký tự)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duyệt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Từ chối</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không có tài liệu nào chờ duyệt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tài liệu các đơn vị gửi, chờ duyệt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+39"/>
        <source> — mục: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{title} ({pages} trang){where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin/workspace.py" line="+164"/>
        <location filename="../../ui/secretary/meetings.py" line="-109"/>
        <source>Làm mới</source>
        <extracomment>Every meeting the server listed (not only the ones this user prepares).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretary/meetings.py" line="+1"/>
        <source>Ví dụ: Kỳ họp thứ Mười ba HĐND tỉnh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin/member_dialog.py" line="+78"/>
        <location filename="../../ui/admin/user_import.py" line="+128"/>
        <location filename="../../ui/admin/wording.py" line="+31"/>
        <location filename="../../ui/admin/workspace.py" line="-129"/>
        <location line="+146"/>
        <location filename="../../ui/secretary/meetings.py" line="+1"/>
        <source>Cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thêm thành viên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Không còn người dùng nào để thêm. Tạo người dùng mới ở thẻ Người dùng (Tạo người dùng… hoặc Nhập người dùng từ tệp…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Thêm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sửa thành viên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ví dụ: Đại biểu, Chủ tịch, Phó Chủ tịch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Chọn một người dùng trong danh sách.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretary/meetings.py" line="+1"/>
        <source>Tên cuộc họp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Địa điểm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin/workspace.py" line="-63"/>
        <location filename="../../ui/secretary/meetings.py" line="+1"/>
        <source>Trạng thái</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretary/meetings.py" line="-2"/>
        <source>Thời gian (giờ của cơ quan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tạo cuộc họp mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhân bản cuộc họp đang mở</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tạo cuộc họp mới với chương trình, thành phần và tài liệu của cuộc họp đang mở</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lưu thay đổi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phát hành</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hủy phát hành</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In giấy mời từng người…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In danh sách mời…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thông tin cuộc họp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Các cuộc họp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Cần chọn cơ quan và nhập tên cuộc họp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mở cuộc họp cần nhân bản trước</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cuộc họp trùng tên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{body} đã có cuộc họp “{title}” ngày {day} ({status}). Tạo thêm một cuộc họp cùng tên trong cùng ngày?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Đã tạo cuộc họp: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tên cuộc họp không được để trống</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã gửi thay đổi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Lưu giấy mời</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/secretary/minutes.py" line="+32"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Chưa có người nào để mời</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Đã lưu giấy mời: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretary/minutes.py" line="-243"/>
        <source>Nội dung kết luận</source>
        <extracomment>How the two status lines are worded now (again on a language change).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lưu kết luận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kết luận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-87"/>
        <source>Biên bản được lập từ nhật ký của cuộc họp: điểm danh, phát biểu, biểu quyết và các kết luận.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Lập và lưu biên bản</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lập biên bản từ nhật ký cuộc họp và lưu vào tài liệu của cuộc họp (mỗi lần lập lại là một phiên bản mới)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Xuất tệp PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lưu một bản biên bản (PDF) vào thư mục bạn chọn (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In biên bản (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xuất tệp Word…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lưu bản biên bản có thể sửa (DOCX) vào thư mục bạn chọn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ký số…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ký số biên bản bằng tệp chứng thư hoặc thiết bị ký số USB; bản đã ký được lưu thành phiên bản mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Biên bản</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+298"/>
        <source>Đã lưu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chair/conclusions.py" line="-44"/>
        <location filename="../../ui/secretary/minutes.py" line="-291"/>
        <source>Đang lưu…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretary/minutes.py" line="+27"/>
        <source>Đang lập biên bản…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Đã lập biên bản; đang tải về máy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Biên bản không thay đổi; đang mở…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Chưa tải được biên bản về máy; thử lại sau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đã lưu vào tài liệu cuộc họp: {title} — phiên bản {version}, {pages} trang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Đang mở biên bản đã lập…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Xuất biên bản</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-70"/>
        <location line="+85"/>
        <source>Không lưu được {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-105"/>
        <source>Xuất biên bản (Word)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp Word (*.docx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Không xuất được bản Word: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Đã xuất bản Word ra {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đang lập bản Word…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Đang ký số…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đã ký; đang lưu bản đã ký lên máy chủ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Không ký được biên bản: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Đã xuất biên bản ra {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>In biên bản</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đang in trang {done}/{count}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đang in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đã gửi {pages} trang biên bản tới máy in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Không in được biên bản: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-272"/>
        <location line="+306"/>
        <source>Kết luận chung của cuộc họp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretary/opinions.py" line="-3"/>
        <source>Gửi lấy ý kiến</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nội dung xin ý kiến</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Câu hỏi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hạn trả lời (giờ của cơ quan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lấy ý kiến mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhắc người chưa trả lời</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kết thúc lấy ý kiến</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theo dõi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã trả lời</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa trả lời</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Nhập nội dung xin ý kiến</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hạn trả lời phải ở tương lai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Đã gửi lời nhắc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>đang mở</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>đã kết thúc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hạn {deadline} ({status}). Đã trả lời {done}/{asked}: đồng ý {agree}, không đồng ý {disagree}, ý kiến khác {other}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-54"/>
        <location line="+81"/>
        <source>(không gắn tài liệu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-69"/>
        <source>Chỉ lấy ý kiến khi cuộc họp đã phát hành</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretary/participants.py" line="+166"/>
        <source>Mời những người đã chọn</source>
        <extracomment>How the import summary is worded now (again on a language change).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tên đăng nhập của khách mời</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="+163"/>
        <location filename="../../ui/admin/member_dialog.py" line="-15"/>
        <location filename="../../ui/admin/wording.py" line="-1"/>
        <location filename="../../ui/admin/workspace.py" line="-49"/>
        <location filename="../../ui/secretary/participants.py" line="+1"/>
        <location line="+4"/>
        <location filename="../../ui/secretary/tables.py" line="+101"/>
        <location line="+11"/>
        <source>Chỗ ngồi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretary/participants.py" line="-3"/>
        <source>Thêm khách mời</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thành viên của cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/secretary/tables.py" line="-12"/>
        <location line="+11"/>
        <source>Vai trò</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lưu vai trò, chỗ ngồi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bỏ khỏi cuộc họp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thành phần tham dự</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chọn tệp CSV / XLSX…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhập danh sách từ tệp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source> (đã mời)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Đã gửi lời mời {n} người</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Đã thêm {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Chọn danh sách</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Danh sách (*.csv *.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Đang kiểm tra {n} dòng với máy chủ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Nhập {n} người hợp lệ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-4"/>
        <source>{good} dòng hợp lệ, {bad} dòng có lỗi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Đã nhập {added} người; {bad} dòng bị bỏ qua</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{n} người: {parts}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretary/reports.py" line="-1"/>
        <source>Tất cả (điểm danh, biểu quyết, thống kê)</source>
        <extracomment>How the export line and the statistics line are worded now.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kết quả biểu quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>Thống kê đại biểu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Excel (XLSX)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV (UTF-8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Xuất báo cáo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xuất báo cáo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cập nhật thống kê</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-85"/>
        <source>Thống kê theo từng đại biểu, qua mọi cuộc họp của cơ quan: tỷ lệ tham dự, phát biểu, chất vấn, biểu quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Tệp CSV chỉ chứa một bảng: chọn một loại báo cáo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lưu báo cáo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin/user_import.py" line="-80"/>
        <source>Không đọc được tệp. Tệp CSV phải mã hóa UTF-8; tệp Excel phải là .xlsx.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tệp không có dòng nào.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dòng đầu của tệp phải có cột &apos;Tên đăng nhập&apos; (username).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mỗi lần nhập tối đa 2000 dòng; hãy chia tệp ra.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tạo tài khoản mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã có: cập nhật họ tên, chức danh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã có: giữ nguyên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+110"/>
        <source>Nhập người dùng từ tệp</source>
        <extracomment>How the file line and the summary are worded now (again on a language change).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhập</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đóng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chọn tệp…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đọc lại tệp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sau khi sửa tệp, đọc lại và kiểm tra lại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-112"/>
        <source>Chưa chọn tệp. Cột cần có: Tên đăng nhập, Họ và tên; có thể thêm Chức danh, Chức vụ, Chỗ ngồi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Xem trước từng dòng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+188"/>
        <source>Mật khẩu ban đầu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-145"/>
        <source>Lưu mật khẩu ra tệp CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Chọn danh sách người dùng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bảng tính (*.csv *.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Không mở được tệp: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1 dòng có lỗi (tô đỏ). Chưa nhập dòng nào: sửa tệp rồi bấm Đọc lại tệp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 dòng hợp lệ: %2 tài khoản mới, %3 cập nhật, %4 giữ nguyên. Bấm Nhập để nhập tất cả.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Đã nhập %1 dòng.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mật khẩu ban đầu của %1 tài khoản mới chỉ hiện MỘT LẦN ở đây: hãy lưu ra tệp hoặc ghi lại trước khi đóng, rồi trao cho từng người.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Lưu mật khẩu ban đầu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/secretary/reports.py" line="+0"/>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Không lưu được tệp: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã lưu mật khẩu vào %1. Hãy giữ tệp này cẩn thận.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretary/reports.py" line="+12"/>
        <source>Đã lưu {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đang xuất báo cáo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-121"/>
        <source>Tỷ lệ tham dự (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/secretary/tables.py" line="+25"/>
        <source>Lượt phát biểu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/secretary/tables.py" line="+0"/>
        <source>Lượt chất vấn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretary/section.py" line="+65"/>
        <source>Chọn hoặc tạo một cuộc họp trước</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="-110"/>
        <source>HĐND</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>UBND</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tỉnh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Xã</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Huyện (lưu trữ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin/body_dialog.py" line="+0"/>
        <location filename="../../ui/admin/workspace.py" line="-69"/>
        <source>hơn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="+42"/>
        <source>Thêm cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tên cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin/body_dialog.py" line="-19"/>
        <location filename="../../ui/admin/dialogs.py" line="+1"/>
        <source>(không có)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../ui/admin/dialogs.py" line="+1"/>
        <source>(chưa đặt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="+1"/>
        <location filename="../../ui/admin/wording.py" line="+1"/>
        <location filename="../../ui/admin/workspace.py" line="+36"/>
        <source>Loại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/admin/wording.py" line="-1"/>
        <location filename="../../ui/admin/workspace.py" line="+1"/>
        <source>Cấp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin/body_dialog.py" line="-12"/>
        <source>Sửa cơ quan — %1</source>
        <extracomment>How option labels are typed in one line and shown back.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(cơ quan cấp trên, mã số %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lưu trữ (chỉ đọc, không sửa được nữa)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thông tin chung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/admin/dialogs.py" line="+1"/>
        <location filename="../../ui/admin/wording.py" line="-8"/>
        <source>Tên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/admin/dialogs.py" line="+0"/>
        <location filename="../../ui/admin/wording.py" line="+0"/>
        <source>Mã</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/admin/dialogs.py" line="+1"/>
        <location filename="../../ui/admin/wording.py" line="+0"/>
        <source>Trực thuộc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/admin/dialogs.py" line="+1"/>
        <location filename="../../ui/admin/wording.py" line="+1"/>
        <source>Múi giờ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đặt cố định (luật tính cả ghế trống)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không đặt: theo danh sách nhiệm kỳ hiện tại (%1 người)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nhiệm kỳ và tổng số đại biểu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/admin/dialogs.py" line="+0"/>
        <location filename="../../ui/admin/wording.py" line="+0"/>
        <source>Nhiệm kỳ số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Từ ngày</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>tổng số đại biểu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/admin/wording.py" line="+9"/>
        <source>Người được ủy quyền được biểu quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Được đổi phiếu khi biểu quyết chưa kết thúc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hiện số phiếu khi đang biểu quyết công khai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngăn cách bằng dấu chấm phẩy, ví dụ: Đồng ý; Không đồng ý; Ý kiến khác</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Khi hòa phiếu, bên có Chủ tọa biểu quyết thắng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Họp và biểu quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đủ điều kiện họp khi có mặt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/admin/wording.py" line="-4"/>
        <source>Các lựa chọn biểu quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thời gian phát biểu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thời gian chất vấn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thời gian trả lời</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bạn quản trị cơ quan này: được sửa nhiệm kỳ và tổng số đại biểu; các mục khác do quản trị hệ thống sửa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Cơ quan đã lưu trữ: chỉ có thể bỏ lưu trữ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <source> giây</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Cần ít nhất hai lựa chọn biểu quyết, ngăn cách bằng dấu chấm phẩy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="+1"/>
        <location filename="../../ui/admin/wording.py" line="-4"/>
        <source>Nhiệm kỳ từ ngày</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin/body_dialog.py" line="-78"/>
        <location filename="../../ui/admin/dialogs.py" line="+1"/>
        <location filename="../../ui/admin/wording.py" line="+0"/>
        <source>Đến ngày</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="+2"/>
        <location line="+51"/>
        <source>Tạo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-116"/>
        <location filename="../../ui/admin/server_dialog.py" line="+60"/>
        <location filename="../../ui/secretary/signing.py" line="+134"/>
        <source>Hủy</source>
        <extracomment>Where the cursor goes when the server refuses a field (field name → widget). What the server answered when it agreed; None until then. How the refusal shown is worded (again on a language change).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+108"/>
        <source>Tạo người dùng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../ui/admin/user_import.py" line="-159"/>
        <source>(không gắn với cơ quan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../ui/admin/user_import.py" line="-49"/>
        <location line="+10"/>
        <location line="+189"/>
        <location filename="../../ui/admin/wording.py" line="+5"/>
        <location filename="../../ui/admin/workspace.py" line="+29"/>
        <location line="+51"/>
        <location filename="../../ui/secretary/tables.py" line="-38"/>
        <location line="+12"/>
        <location line="+25"/>
        <source>Họ và tên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/admin/wording.py" line="+0"/>
        <source>Chức danh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/admin/user_import.py" line="-144"/>
        <source>Thành viên của</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/admin/member_dialog.py" line="-1"/>
        <location filename="../../ui/admin/wording.py" line="+1"/>
        <location filename="../../ui/admin/workspace.py" line="-49"/>
        <location filename="../../ui/secretary/tables.py" line="-36"/>
        <source>Chức vụ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+50"/>
        <location filename="../../ui/admin/workspace.py" line="+102"/>
        <source>Quy tắc biểu quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hơn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ít nhất</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ngăn cách bằng dấu chấm phẩy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/admin/wording.py" line="+5"/>
        <source>Chủ tọa quyết định khi hòa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/admin/workspace.py" line="-90"/>
        <source>Vấn đề</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/admin/wording.py" line="-9"/>
        <source>Tử số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/admin/wording.py" line="+0"/>
        <source>Mẫu số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>So sánh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/admin/wording.py" line="+2"/>
        <location filename="../../ui/admin/workspace.py" line="+4"/>
        <source>Các lựa chọn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin/body_dialog.py" line="-18"/>
        <location filename="../../ui/admin/dialogs.py" line="+2"/>
        <location filename="../../ui/admin/member_dialog.py" line="-6"/>
        <source>Lưu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin/workspace.py" line="+76"/>
        <source>Quản trị — cơ quan và người dùng</source>
        <extracomment>How the status line and the body&apos;s two lines are worded now.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin/body_dialog.py" line="+19"/>
        <location filename="../../ui/admin/wording.py" line="-1"/>
        <source>Tổng số đại biểu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin/workspace.py" line="+1"/>
        <source>Danh sách cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thêm cơ quan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bỏ khỏi cơ quan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-86"/>
        <source>Ngưỡng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bỏ phiếu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kín</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Công khai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Sửa quy tắc…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thành viên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Đang dùng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã khóa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Danh sách người dùng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tạo người dùng…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khóa tài khoản…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mở khóa tài khoản</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đặt lại mật khẩu…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giao quản trị cơ quan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Người dùng đang chọn quản lý người dùng, thành viên và cuộc họp của cơ quan đang chọn ở thẻ Cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin/member_dialog.py" line="-6"/>
        <location filename="../../ui/admin/wording.py" line="+4"/>
        <location filename="../../ui/admin/workspace.py" line="+3"/>
        <source>Người dùng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin/workspace.py" line="-144"/>
        <source>Tổng số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+125"/>
        <source>Sửa cơ quan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thêm thành viên…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sửa thành viên…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nhập người dùng từ tệp…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Không thực hiện được: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>nhiệm kỳ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>đặt cố định</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>theo danh sách</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tổng số đại biểu (dùng để tính ngưỡng): %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đã tạo cơ quan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+8"/>
        <source>Chọn một cơ quan trong danh sách.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Đã lưu cơ quan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đã thêm thành viên.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chọn một thành viên trong danh sách.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã lưu thành viên.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đã nhập người dùng.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Đã lưu quy tắc biểu quyết.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bỏ khỏi cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bỏ %1 khỏi %2? Người này không còn được mời vào các cuộc họp mới của cơ quan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đã bỏ thành viên.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Đã tạo người dùng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tài khoản %1 đã được tạo. Mật khẩu ban đầu: %2
Hãy trao mật khẩu này cho người dùng; nó không được hiển thị lại.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đã tạo người dùng.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Khóa tài khoản</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khóa tài khoản %1? Người này bị đăng xuất ngay trên mọi máy và không đăng nhập được nữa cho đến khi được mở khóa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Đã cập nhật tài khoản.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+7"/>
        <source>Đặt lại mật khẩu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Đặt lại mật khẩu của %1? Mật khẩu cũ hết hiệu lực và người này bị đăng xuất trên mọi máy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mật khẩu mới của %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Chọn một cơ quan ở thẻ Cơ quan và một người dùng.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Giao quản trị cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giao cho %1 quản trị %2 (người dùng, thành viên và cuộc họp của cơ quan)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đã giao quyền quản trị cơ quan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin/user_import.py" line="-57"/>
        <location filename="../../ui/secretary/tables.py" line="+9"/>
        <source>Dòng</source>
        <extracomment>(username, full name, first password) of the accounts the import created.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="-62"/>
        <location filename="../../ui/admin/user_import.py" line="+1"/>
        <location line="+10"/>
        <location line="+190"/>
        <location filename="../../ui/admin/wording.py" line="-2"/>
        <location filename="../../ui/admin/workspace.py" line="-322"/>
        <location line="+49"/>
        <location filename="../../ui/secretary/tables.py" line="+1"/>
        <source>Tên đăng nhập</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin/user_import.py" line="-197"/>
        <location filename="../../ui/secretary/tables.py" line="+4"/>
        <source>Kết quả kiểm tra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretary/tables.py" line="+6"/>
        <source>Hợp lệ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin/user_import.py" line="+105"/>
        <location filename="../../ui/secretary/tables.py" line="+0"/>
        <source>Đang kiểm tra…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretary/tables.py" line="+16"/>
        <source>Số cuộc họp được mời</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Số lần có mặt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tỷ lệ tham dự</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chair/speaker_control.py" line="-116"/>
        <location filename="../../ui/secretary/tables.py" line="+1"/>
        <source>Thời gian phát biểu (phút)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretary/tables.py" line="+0"/>
        <source>Số lần biểu quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretary/texts.py" line="+51"/>
        <source>Chủ tọa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thư ký</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Đại biểu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khách mời</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quản trị</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dự thảo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Đã phát hành</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang họp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Đã kết thúc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đồng ý</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Không đồng ý</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ý kiến khác</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Múi giờ của cơ quan: {zone} (UTC{offset})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Tệp rỗng, không có dữ liệu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp không phải PDF; hãy tải lên bản PDF hoặc tệp văn phòng có đúng tên để máy chủ chuyển đổi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tệp là một chương trình, không phải tài liệu PDF; không đính kèm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tệp PDF không có trang nào đọc được.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp PDF có mật khẩu; hãy tải lên bản không đặt mật khẩu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trang %1 quá phức tạp, không hiển thị được; tài liệu không được đính kèm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tệp quá nặng, không kiểm tra xong trong thời hạn; tài liệu không được đính kèm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Máy chủ không đọc được tệp đã tải lên.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretary/workspace.py" line="+98"/>
        <source>Cuộc họp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chương trình và tài liệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thành phần</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duyệt tài liệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lấy ý kiến</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kết luận và biên bản</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Báo cáo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Thư ký — chuẩn bị và biên bản</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chưa chọn cuộc họp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{status} · vai trò của bạn: {role}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Đã kết nối</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang kết nối…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mất kết nối, đang thử lại…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đang gửi {n} lệnh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="+69"/>
        <source>Không in được trang {page}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Không in được: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Không mở được máy in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Máy in không nhận thêm trang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/admin/wording.py" line="-6"/>
        <source>Nhiệm kỳ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lưu trữ (chỉ đọc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Số đại biểu tối thiểu để họp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ngưỡng thông qua</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Được đổi phiếu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hiện kết quả khi đang biểu quyết công khai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>phải lớn hơn 0 và không quá 1 (tử số từ 1 đến mẫu số)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>không phải múi giờ đã biết (ví dụ Asia/Ho_Chi_Minh)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ngày kết thúc phải sau ngày bắt đầu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bị trùng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>không thể trực thuộc chính mình hoặc cơ quan cấp dưới của mình</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cơ quan không còn tồn tại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cơ quan đã lưu trữ, không sửa được</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>không phải cơ quan bạn quản trị</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>chỉ quản trị hệ thống được sửa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cấp huyện chỉ dùng cho cơ quan lưu trữ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>người này đã là thành viên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>người này không còn là thành viên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>người dùng không còn tồn tại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>không phải người dùng của cơ quan bạn quản trị</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bạn không thể tự khóa tài khoản của mình</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>chưa nhập</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>đã là tài khoản của người khác</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>không hợp lệ (không được trống hay có dấu cách)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>quá dài</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>không có quy tắc mặc định theo luật</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bạn không quản trị cơ quan nào</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Giá trị không hợp lệ: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="+36"/>
        <source>Cuộc họp đã kết thúc, không thay đổi được nữa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+56"/>
        <source>Cuộc họp chưa công bố hoặc đã kết thúc.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Không tìm thấy cuộc họp này hoặc bạn không được mời.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chỉ sửa được cuộc họp chưa bắt đầu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cuộc họp đang ở trạng thái khác, không chuyển được như vậy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phiên họp chưa bắt đầu hoặc đã kết thúc.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Còn một cuộc biểu quyết chưa công bố kết quả; hãy kết thúc hoặc hủy trước.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Còn đại biểu đang phát biểu; hãy kết thúc lượt phát biểu trước.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bạn không chuẩn bị cuộc họp cho cơ quan này.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sai tên đăng nhập hoặc mật khẩu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mật khẩu hiện tại không đúng.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đăng nhập sai nhiều lần; hãy thử lại sau {retry_after} giây.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+114"/>
        <source>Phiên đăng nhập đã hết hạn; vui lòng đăng nhập lại.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-113"/>
        <source>Mật khẩu phải có ít nhất {min_length} ký tự.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+109"/>
        <source>Chưa đăng nhập.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-108"/>
        <location line="+113"/>
        <source>Bạn không có quyền làm việc này.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-112"/>
        <location line="+106"/>
        <source>Quá nhiều yêu cầu; vui lòng chờ một chút.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-105"/>
        <source>Không có mục này trong chương trình.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không thể chuyển một mục vào chính nó.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không thể xóa mục đang thảo luận.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người này không có trong danh sách tham dự.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chỉ thư ký hoặc chủ tọa được điểm danh thay người khác.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chỉ điểm danh khi cuộc họp đã công bố hoặc đang diễn ra.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã điểm danh rồi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa điểm danh nên không thể rời.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vắng có lý do cần ghi rõ lý do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chỉ đại biểu mới ủy quyền người dự thay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đại biểu đang có mặt và tự tham gia.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Người dự thay không được là đại biểu có phiếu của mình.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người này đã dự thay cho một đại biểu khác.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người này đã có trong danh sách.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp chưa được tải lên máy chủ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tệp không phải PDF; hãy tải lên bản PDF hoặc để máy chủ chuyển đổi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Máy chủ không mở được tệp PDF này.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không có tài liệu này hoặc bạn không được xem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tệp không phải bản biên bản hiện tại có thêm chữ ký.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp không có chữ ký số mới.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chữ ký số không hợp lệ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Máy chủ không chuyển được tệp văn phòng này sang PDF (chưa cài LibreOffice, quá lâu hoặc tệp lỗi); hãy tải lên bản PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chỉ chủ tọa, thư ký hoặc người đang phát biểu được dẫn trang.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chỉ thư ký, chủ tọa hoặc quản trị được tải tài liệu lên.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không có đợt lấy ý kiến này.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hạn trả lời phải ở tương lai.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã hết hạn lấy ý kiến; ý kiến chưa được ghi nhận.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ý kiến khác cần ghi nội dung.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa chọn nội dung nào của chương trình.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không có lượt phát biểu này.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lượt phát biểu này đã thay đổi; không làm được việc này nữa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bạn đã đăng ký trong danh sách này.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chỉ rút được đăng ký của chính mình.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Danh sách chờ vừa thay đổi; hãy sắp xếp lại.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không còn ai trong danh sách chờ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không có cuộc biểu quyết này.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cuộc biểu quyết đang ở trạng thái khác, không chuyển được như vậy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cơ quan chưa có quy tắc biểu quyết cho loại việc này.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cuộc họp đã kết thúc hoặc chưa công bố.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chỉ tổ chức lại được cuộc biểu quyết đã hủy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quy chế không cho chọn hình thức biểu quyết cho loại việc này.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cần danh sách người.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tên người ứng cử để trống.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Một người ứng cử có tên hai lần.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Số người được bầu ({seats}) nhiều hơn số người ứng cử ({candidates}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phiếu không đúng kiểu của cuộc biểu quyết này.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cần chọn nội dung biểu quyết trong chương trình.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đang có một cuộc biểu quyết mở; hãy kết thúc trước.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bạn chưa điểm danh nên chưa thể biểu quyết.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chỉ đại biểu mới được biểu quyết.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Người dự thay không được biểu quyết theo quy chế của cơ quan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bạn không được ủy quyền dự thay đại biểu này.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phiếu không hợp lệ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Biểu quyết không mở, phiếu không được ghi nhận.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bạn đã biểu quyết; quy chế không cho thay đổi phiếu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không tìm thấy phiếu cũ của bạn trên máy này để thay đổi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Máy chủ tạm thời không ghi được dữ liệu; thao tác chưa được thực hiện, máy sẽ tự gửi lại.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+39"/>
        <source>Lỗi máy chủ; thao tác chưa được thực hiện.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Mất kết nối tới máy chủ tỉnh; hãy thử lại sau.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đăng nhập bằng mật khẩu cần máy chủ tỉnh; hãy thử lại sau (phiên đã ghi nhớ vẫn dùng được).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Máy chủ hội trường này chỉ phục vụ một cuộc họp khác.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thao tác đã được ghi nhận tại hội trường và sẽ được gửi lên máy chủ tỉnh một lần.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chuẩn bị cuộc họp và tài liệu trên máy chủ tỉnh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+1"/>
        <location line="+6"/>
        <source>Máy chủ không hiểu yêu cầu của chương trình.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+2"/>
        <source>Máy chủ không hỗ trợ việc này; có thể cần cập nhật chương trình.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dữ liệu quá lớn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đăng nhập không thành công.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã đăng nhập rồi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không tìm thấy (có thể đã bị xóa).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa mở cuộc họp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giá trị không hợp lệ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không làm được ở trạng thái hiện tại.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Máy chủ tạm thời không phục vụ được; hãy thử lại.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Máy chủ từ chối yêu cầu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Máy chủ dùng phiên bản giao thức {server}, chương trình này cần {needed}: hãy cập nhật chương trình.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CẢNH BÁO: chứng chỉ của máy chủ {server} đã thay đổi. Có thể có kẻ giả mạo máy chủ; không kết nối. Hãy hỏi kỹ thuật viên so sánh mã {presented}… với mã in ra khi cài máy chủ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Không kết nối được tới máy chủ. Kiểm tra địa chỉ và mạng.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lỗi không mong đợi ({kind}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Phiếu của bạn chưa được ghi nhận: biểu quyết đã kết thúc khi bạn mất kết nối.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phiếu của bạn chưa được ghi nhận: biểu quyết đã kết thúc trước khi phiếu đến máy chủ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phiếu của bạn chưa được ghi nhận: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Không tìm thấy tệp tài liệu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp PDF rỗng, không có dữ liệu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp này không phải là PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp này là một chương trình, không phải tài liệu PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/secretary/texts.py" line="-7"/>
        <source>Tệp PDF bị hỏng, không mở được.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp PDF bị hỏng: không đọc được trang nào.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tài liệu được bảo vệ bằng mật khẩu; cần nhập mật khẩu để mở.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mật khẩu không đúng.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Không hiển thị được trang {page}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>trùng với dòng {line}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>không có tài khoản “{username}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>đã có trong danh sách</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vai trò “{role}” không hợp lệ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>thiếu tên đăng nhập</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>không hợp lệ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Không đọc được tệp Excel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp Excel không có trang tính nào.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp CSV phải mã hóa UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp trống.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dòng đầu của tệp phải có cột “Tên đăng nhập”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tối đa {max_rows} dòng mỗi lần nhập; hãy chia tệp ra.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không đọc được tệp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tệp rỗng.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tải lên chưa xong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dữ liệu tải về bị lỗi nhiều lần.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp tải về không khớp mã kiểm tra; sẽ tải lại.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không đọc lại được tệp đã tải.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không tải được tệp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/confirm.py" line="+46"/>
        <source>Quay lại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Thoát chương trình</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thoát chương trình? Bạn sẽ cần mở lại chương trình để vào phòng họp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thoát</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/secretary/signing.py" line="-13"/>
        <source>Ký số biên bản</source>
        <extracomment>Where Debian and Windows token drivers usually are; the secretary can choose another.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp chứng thư số (PKCS#12: .p12, .pfx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thiết bị ký số USB (token PKCS#11)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chọn…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp chứng thư:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mật khẩu:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thư viện PKCS#11:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tên thiết bị (token):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tên khóa:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mã PIN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ký</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chữ ký được thêm vào bản biên bản đang mở; máy chủ lưu bản đã ký thành phiên bản mới.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Chọn tệp chứng thư số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chứng thư số (*.p12 *.pfx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Chưa chọn tệp chứng thư số, hoặc tệp không tồn tại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cần thư viện PKCS#11, tên thiết bị và tên khóa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/results.py" line="-68"/>
        <source>thành viên</source>
        <comment>one</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>đại biểu</source>
        <comment>one</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>ít nhất một nửa tổng số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>quá nửa tổng số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ít nhất {share} tổng số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>quá {share} tổng số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{rule} {members}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{count}/{total} {members} {label_lower}, chiếm {percent} tổng số {members}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} {members} {label_lower}, chiếm {percent}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} {members} không tham gia biểu quyết, chiếm {percent}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kết quả: được thông qua</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kết quả: không được thông qua</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(số phiếu ngang nhau, quyết định theo ý kiến của Chủ tọa)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{parts}. {verdict} ({condition}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Số phiếu phát ra {ballots}/{total} {members}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>số phiếu ngang nhau, phải bầu lại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name}: {votes}/{total} phiếu, chiếm {percent} tổng số {members} ({status})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Điều kiện trúng cử: {condition}, tối đa {seats} người</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{count} phiếu {label_lower} ({percent})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>có {condition} đánh giá tín nhiệm thấp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Số phiếu thu vào {ballots}/{total}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttendanceModel</name>
    <message>
        <location filename="../../ui/models/list_models.py" line="+97"/>
        <source>Có mặt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vắng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã rời</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa điểm danh</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BigScreen</name>
    <message>
        <location filename="../../ui/chair/big_screen.py" line="-386"/>
        <location line="+191"/>
        <source>Màn hình chung</source>
        <extracomment>Sizes are pixels on a 1080-pixel-high screen; everything scales with the height.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Kỳ họp sắp bắt đầu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kỳ họp đã bế mạc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kính chào quý đại biểu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Khai mạc lúc {time} ngày {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Có mặt {counted}/{total} {members}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đủ điều kiện tiến hành</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa đủ điều kiện tiến hành</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{verdict} (cần {required})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>ĐANG BIỂU QUYẾT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ĐÃ DỪNG NHẬN PHIẾU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BỎ PHIẾU KÍN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>BIỂU QUYẾT CÔNG KHAI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Điều kiện: {rule} {members}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{members} đã biểu quyết · còn {n} chưa biểu quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+55"/>
        <source>QUÁ GIỜ {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TẠM DỪNG</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChairConsole</name>
    <message>
        <location filename="../../ui/chair/console.py" line="+142"/>
        <source>Biểu quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tài liệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kết luận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Điều hành</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Màn hình chung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trợ giúp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+84"/>
        <source>Phím tắt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-83"/>
        <source>Đăng nhập lại…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Toàn màn hình trên {name} ({w}×{h})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hiện trong cửa sổ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Chỉ chủ tọa điều hành biểu quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cần đăng nhập lại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Đang gửi {n} lệnh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>⚠ Máy chủ cần bạn đăng nhập lại (nút Đăng nhập lại… ở thanh trạng thái). Các lệnh được giữ lại và gửi sau khi đăng nhập.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>⚠ Mất kết nối với máy chủ. Kết thúc và công bố biểu quyết, hủy kết quả, khai mạc và bế mạc phiên họp tạm khóa đến khi có kết nối.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientApp</name>
    <message>
        <location filename="../../ui/app.py" line="+588"/>
        <source>Không mở được cuộc họp</source>
        <extracomment>Set by :func:`launch`: this run&apos;s log file and the profile folder&apos;s lock.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chương trình này chưa có cửa sổ cho vai trò của bạn trong cuộc họp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+23"/>
        <source>Màn hình chung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Hãy mở một cuộc họp trước.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Hiển thị màn hình chung trên:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="+131"/>
        <source>Phòng họp không giấy</source>
        <extracomment>Letters a font must draw for Vietnamese text (every tone mark on every vowel shape). Noto Sans from the ``pymupdf-fonts`` wheel (SIL OFL 1.1): module name per style. System families known to cover Vietnamese, in order of preference.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="+221"/>
        <source>Phòng họp không giấy đã mở (tiến trình %1); cửa sổ của nó được đưa lên trước.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Phòng họp không giấy đang chạy (tiến trình %1) nhưng không trả lời; hãy đóng nó hoặc khởi động lại máy. Khóa: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientWindow</name>
    <message>
        <location line="-631"/>
        <source>Đang kết nối…</source>
        <extracomment>Roles that run the meeting from the chair console; everyone else gets the delegate window. The demo accounts ``meetingroom demo`` opens windows for.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã kết nối</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mất kết nối, đang thử lại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cần đăng nhập lại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã ngắt kết nối</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+98"/>
        <source>%1 — Phòng họp không giấy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tệp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đăng &amp;xuất</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đăng nhập &amp;lại…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Thoát</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cuộc họp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mở cuộc họp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Làm mới danh sách</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Chuẩn bị cuộc họp…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Màn hình &amp;chung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mở màn hình chung của hội trường (toàn màn hình, trên màn hình bạn chọn)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quản trị</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cơ quan và người dùng…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ngôn ngữ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trợ &amp;giúp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mở thư mục &amp;nhật ký</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Các tệp nhật ký của chương trình, để gửi cho người hỗ trợ kỹ thuật</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Thư mục nhật ký</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Các tệp nhật ký nằm ở: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandNames</name>
    <message>
        <location filename="../../ui/delegate/status_bar.py" line="+37"/>
        <source>Điểm danh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rời phòng họp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đăng ký phát biểu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rút đăng ký</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gửi phiếu biểu quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gửi ý kiến</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đăng ký chất vấn</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DelegateKeys</name>
    <message>
        <location filename="../../ui/delegate/shortcuts.py" line="+46"/>
        <source>Trang trước của tài liệu</source>
        <extracomment>The Vietnamese words (QT_TRANSLATE_NOOP gives them back as they are). name → (Vietnamese label, keys); the first key is the one shown in tooltips.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trang sau của tài liệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mở tài liệu của mục đang thảo luận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mở rộng vùng đọc (thu gọn các bảng bên)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chữ to hơn (A+)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chữ nhỏ hơn (A−)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Điểm danh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đăng ký phát biểu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đăng ký chất vấn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Biểu quyết: chọn phương án 1 (Tán thành), rồi xác nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Biểu quyết: chọn phương án 2 (Không tán thành), rồi xác nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Biểu quyết: chọn phương án 3 (Không biểu quyết), rồi xác nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bảng Phát biểu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bảng Biểu quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bảng Ghi chú</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Danh sách phím tắt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentReader</name>
    <message>
        <location filename="../../ui/reader/reader_widget.py" line="+170"/>
        <source>Trang trước</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Trang sau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Thu nhỏ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Phóng to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Vừa chiều rộng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vừa trang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Xoay trái</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Xoay phải</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Cuộn liên tục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Chọn chữ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Tô sáng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Gạch chân</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+45"/>
        <source>Ghi chú</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nội dung ghi chú:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Trang số</source>
        <extracomment>Every action with its untranslated text, to word it again at a switch of language.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-108"/>
        <source>Vẽ tay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Sao chép</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Xuất bản có ghi chú…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Theo người trình bày</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Hiện trang thu nhỏ và mục lục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Bắt kịp</source>
        <extracomment>(parent, document title, last password was wrong) -&gt; password, or None to give up. (parent) -&gt; note text, or None when cancelled. Below this width the page thumbnails make way for the page, unless the reader chose. The texts of the reader&apos;s actions, untranslated: marked here for the catalogue, in the reader&apos;s context, so an action can be worded again at each switch of language.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+124"/>
        <source>Tìm trong tài liệu (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-117"/>
        <source>Kết quả trước</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Kết quả sau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+119"/>
        <source>Trang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mục lục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kết quả tìm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+232"/>
        <source>Đang kiểm tra chữ ký số…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>không rõ thời điểm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>chữ ký hợp lệ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tài liệu đã bị thay đổi sau khi ký</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>chưa tin cậy người ký (chứng thư không do nơi cấp được tin cậy trên máy này cấp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>chữ ký không hợp lệ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ký số bởi {signer} lúc {when}: {verdict}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(không rõ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+154"/>
        <source>Đang tìm…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-420"/>
        <location line="+440"/>
        <source>%1 kết quả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-439"/>
        <location line="+441"/>
        <source>Không tìm thấy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Đại biểu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Lưu bản có ghi chú</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentWorker</name>
    <message>
        <location filename="../../ui/reader/document_worker.py" line="+74"/>
        <source>Trang này quá phức tạp, không hiển thị được</source>
        <extracomment>Pages searched per job, so visible pages still render during a long search.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../ui/first_run.py" line="-198"/>
        <source>Chọn máy chủ — Phòng họp không giấy</source>
        <extracomment>The address being checked was completed from one typed without a scheme.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Kết nối tới máy chủ phòng họp&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chọn máy chủ của hội trường trong danh sách (chương trình tự tìm trong mạng nội bộ), hoặc nhập địa chỉ do kỹ thuật viên cung cấp (ví dụ 192.168.1.10), rồi nhấn Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tìm lại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Địa chỉ máy chủ:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kiểm tra và tiếp tục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thoát</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quay lại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Không tìm tự động được (%1); hãy nhập địa chỉ máy chủ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đang tìm máy chủ trong mạng nội bộ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Tìm thấy %1 máy chủ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Không tìm thấy máy chủ nào trong mạng nội bộ. Hãy nhập địa chỉ máy chủ (hỏi kỹ thuật viên), ví dụ 192.168.1.10.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source> (phiên bản khác: giao thức %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Đang tìm… đã thấy %1 máy chủ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Đang kiểm tra kết nối tới %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <location filename="../../ui/delegate/shortcuts.py" line="+64"/>
        <source>Phím tắt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phím</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tác dụng</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login_dialog.py" line="+154"/>
        <source>Hãy nhập địa chỉ máy chủ, ví dụ 192.168.1.10</source>
        <extracomment>The port ``meetingroom serve`` listens on unless told otherwise (cli.py, ServerConfig).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Địa chỉ máy chủ không hợp lệ: phải bắt đầu bằng ws:// hoặc wss://, ví dụ wss://phonghop.tinh.gov.vn:8765</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Địa chỉ máy chủ không hợp lệ: cần dạng ws://máy-chủ:cổng, ví dụ ws://192.168.1.10:8765</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+130"/>
        <source>Đăng nhập — Phòng họp không giấy</source>
        <extracomment>True once a token of this session is in the keyring. A remembered login found the server out of reach and asked the disk who it is. Where the profiles live (pinned certificates), for the server finder.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đăng nhập vào máy chủ phòng họp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Máy chủ:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tìm máy chủ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tìm máy chủ của hội trường trong mạng nội bộ và kiểm tra kết nối</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tên đăng nhập:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mật khẩu:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ghi nhớ đăng nhập</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Giữ phiên đăng nhập (không phải mật khẩu) trong kho khóa của hệ điều hành</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Máy này không có kho khóa bảo mật (keyring), nên không thể ghi nhớ đăng nhập; bạn sẽ nhập mật khẩu mỗi lần.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đăng nhập</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thoát</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Đóng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Đang đăng nhập lại bằng phiên đã ghi nhớ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Hãy nhập tên đăng nhập</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hãy nhập mật khẩu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đang kết nối tới máy chủ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Phiên đăng nhập đã ghi nhớ không còn hiệu lực (đã hết hạn hoặc bị thu hồi). Vui lòng nhập mật khẩu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Không kết nối được tới máy chủ; đang thử lại. Kiểm tra địa chỉ và mạng, hoặc nhập mật khẩu để thử ngay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Không kết nối được tới máy chủ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Đã đăng nhập</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeetingList</name>
    <message>
        <location filename="../../ui/meeting_list.py" line="+57"/>
        <source>Dự thảo</source>
        <extracomment>The status groups the list is split into, with the meeting statuses each holds.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sắp diễn ra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang họp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã kết thúc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>chưa có trên máy này</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Chưa có trên máy này: cần kết nối tới máy chủ để mở</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeetingListPage</name>
    <message>
        <location line="+193"/>
        <source>Các cuộc họp của bạn</source>
        <extracomment>When the rows are the remembered ones (the server out of reach): since when. The server is up but wants the password again (``ConnectionState.AUTH_REQUIRED``).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tìm theo tên cuộc họp, địa điểm, cơ quan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tất cả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sắp diễn ra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang họp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Đã kết thúc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source>Từ ngày</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-1"/>
        <source>đến ngày</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đến ngày</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Danh sách cuộc họp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mở</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Làm mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chuẩn bị cuộc họp…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Tài liệu của cuộc họp: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đang tải danh sách cuộc họp…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cuộc họp “{title}” chưa có trên máy này: cần kết nối tới máy chủ để mở lần đầu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bạn chưa được mời dự cuộc họp nào</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không có cuộc họp nào khớp với bộ lọc</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n cuộc họp</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Máy chủ cần bạn đăng nhập lại để cập nhật danh sách: chọn Tệp → Đăng nhập lại…; vẫn mở được các cuộc họp đã có trên máy này.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Không kết nối được tới máy chủ. Đây là các cuộc họp đã có trên máy này; danh sách sẽ được cập nhật khi có kết nối.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không kết nối được tới máy chủ. Danh sách lưu lúc {time}; mở được các cuộc họp đã có trên máy này.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeetingStatusBar</name>
    <message>
        <location filename="../../ui/delegate/status_bar.py" line="+78"/>
        <source>Thử lại ngay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kết nối lại với máy chủ ngay bây giờ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đăng nhập lại…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Máy chủ không còn nhận phiên đăng nhập này: nhập lại mật khẩu để tiếp tục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Hội trường mất kết nối với máy chủ tỉnh; vẫn đọc được tài liệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — {n} thao tác đang chờ gửi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Trực tuyến</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đang kết nối…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mất kết nối — thử lại sau {n} giây</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mất kết nối — đang thử lại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cần đăng nhập lại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã ngắt kết nối</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{n} thao tác đang chờ gửi: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Các thao tác được lưu trên máy và sẽ tự gửi khi có kết nối</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{action} không thực hiện được: {message}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeetingWindow</name>
    <message>
        <location filename="../../ui/delegate/meeting_window.py" line="+87"/>
        <source>[Mật] </source>
        <extracomment>Given a document row of the snapshot, its PDF bytes, or None when not on this laptop. Platforms without a window manager: raising a window there only prints a warning.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} trang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Phòng họp không giấy</source>
        <extracomment>Reading documents from the cache and carrying notes to a new version, in order. The open document&apos;s id while the page says it is not on this laptop yet: it is shown by itself once the packet has it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Chương trình nghị sự</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chương trình nghị sự; mục đang thảo luận có dấu ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tài liệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bấm vào tài liệu để mở</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <source>&lt;b&gt;Chương trình nghị sự&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Chọn một tài liệu ở bên trái để đọc.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-75"/>
        <source>☰ Chương trình và tài liệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hiện lại chương trình nghị sự và danh sách tài liệu bên trái</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phát biểu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Biểu quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ghi chú</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Đăng ký phát biểu, chất vấn (Alt+1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Biểu quyết đang mở và kết quả (Alt+2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ghi chú cá nhân theo từng nội dung (Alt+3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+574"/>
        <source>Điểm danh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-571"/>
        <source>Báo có mặt tại phiên họp (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mở phiếu biểu quyết (Alt+2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+141"/>
        <source>A−</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-141"/>
        <source>Chữ nhỏ hơn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chữ to hơn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mở tài liệu của mục này</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mở tài liệu của mục đang thảo luận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Để sau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiếp tục đọc tài liệu đang mở</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phiên họp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trợ giúp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Phím tắt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+347"/>
        <source>⚠ Cần đăng nhập lại để tiếp tục gửi thao tác.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>⚠ Mất kết nối với máy chủ — vẫn đọc được tài liệu và ghi chú; thao tác của bạn được giữ lại và tự gửi khi có kết nối.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-348"/>
        <location line="+361"/>
        <source>Tải tài liệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Đang tải cuộc họp…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{title} — Phòng họp không giấy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đang thảo luận: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa bắt đầu nội dung nào</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chủ tọa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thư ký</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đại biểu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Khách mời</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Chủ tọa đã chuyển sang mục: {title}. Bạn đang đọc tài liệu khác.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+49"/>
        <source>&lt;b&gt;Tài liệu&lt;/b&gt; ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Tài liệu&lt;/b&gt;: không có tài liệu cho nội dung này</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>✔ Đã điểm danh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đang gửi điểm danh…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Đang biểu quyết — bấm để bỏ phiếu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Đang mở {title}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tài liệu chưa được tải về máy này</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Không đọc được tài liệu: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Người trình bày đang chiếu: {title}, trang {page}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <location filename="../../ui/delegate/notes_panel.py" line="+69"/>
        <source>Ghi chú cá nhân cho nội dung này. Chỉ bạn xem được; tự động lưu trên máy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ghi chú được lưu tự động khi bạn gõ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Đã lưu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Chọn một nội dung trong chương trình để ghi chú.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ghi chú: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Đang mở ghi chú…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đang lưu…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PacketProgressPanel</name>
    <message>
        <location filename="../../ui/packet_progress.py" line="+34"/>
        <source>{title}: lỗi — {reason}</source>
        <extracomment>Steps of a progress bar, at most: it works in ints (2^31), so a packet&apos;s bytes are counted in units that keep it under this. In units of 100 kB, a packet of small documents stood at 0 % with one of ten in (found walking the app).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{title}: đã tải xong ({size} MB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Chưa tải tài liệu nào về máy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Tài liệu đang tải về</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Có tài liệu chưa tải được; sẽ thử lại khi có mạng</source>
        <extracomment>The meeting window wants the page&apos;s height back once all is on the laptop; the meeting list keeps showing what was fetched. Set by the owner.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã tải đủ {n} tài liệu, có thể họp khi mất mạng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã tải {ready}/{n} tài liệu; tạm dừng tải trong khi biểu quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đang tải tài liệu: {ready}/{n}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PageCanvas</name>
    <message>
        <location filename="../../ui/reader/page_canvas.py" line="+586"/>
        <source>Đang tải trang %1…</source>
        <extracomment>Pages whose words (for selecting text) are kept: the ones on screen and the last read. How long a page being drawn keeps the previous picture on screen instead of the &quot;loading&quot; page: most pages arrive well within it, and painting &quot;loading&quot; first took a millisecond or two of the cores the page was being drawn on.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../ui/reader/password_dialog.py" line="+18"/>
        <source>Tài liệu có mật khẩu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nhập mật khẩu để mở “%1”:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mật khẩu không đúng, vui lòng thử lại.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueuedWords</name>
    <message>
        <location filename="../../ui/delegate/status_bar.py" line="-167"/>
        <source>điểm danh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rời phòng họp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>đăng ký phát biểu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rút đăng ký</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phiếu biểu quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ý kiến</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>đăng ký chất vấn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đang chờ gửi: {names}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <location filename="../../ui/reader/models.py" line="+29"/>
        <source>Trang %1</source>
        <extracomment>Role carrying the 0-based page number, the one thing views act on.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReloginDialog</name>
    <message>
        <location filename="../../ui/relogin_dialog.py" line="+81"/>
        <source>Đăng nhập lại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Máy chủ không còn nhận phiên đăng nhập của {name}: phiên đã hết hạn, bị thu hồi hoặc mật khẩu đã được đặt lại. Nhập mật khẩu để tiếp tục; các cửa sổ vẫn mở và thao tác đang chờ sẽ được gửi sau khi đăng nhập.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mật khẩu:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đăng nhập</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Để sau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Đang đăng nhập…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Hãy nhập mật khẩu</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReminderBar</name>
    <message>
        <location filename="../../ui/delegate/reminder_bar.py" line="+44"/>
        <source>Đã biết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ẩn lời nhắc này</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Đang chờ ý kiến bằng văn bản của đồng chí về «%1», hạn trả lời %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoomsPanel</name>
    <message>
        <location filename="../../ui/chair/rooms_panel.py" line="+21"/>
        <source>kết nối tốt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MẤT KẾT NỐI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, {n} thao tác chờ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{icon} {hall}: {state}, có mặt {present}, {laptops} máy{extra}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Điểm cầu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Các điểm cầu đang nối</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpeakerQueueModel</name>
    <message>
        <location filename="../../ui/models/list_models.py" line="-15"/>
        <source>(đã mời)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpeakingPanel</name>
    <message>
        <location filename="../../ui/delegate/speaking_panel.py" line="+187"/>
        <source>Đang phát biểu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thời gian phát biểu còn lại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nội dung muốn phát biểu (không bắt buộc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ghi ngắn vấn đề bạn muốn nêu; chủ tọa sẽ thấy khi mời phát biểu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-77"/>
        <location line="+78"/>
        <source>Phát biểu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-78"/>
        <location line="+78"/>
        <source>Đăng ký phát biểu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-76"/>
        <location line="+77"/>
        <source>Chất vấn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-77"/>
        <location line="+77"/>
        <source>Đăng ký chất vấn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đăng ký phát biểu về nội dung đang thảo luận (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đăng ký chất vấn về nội dung đang thảo luận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-26"/>
        <source>danh sách phát biểu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>danh sách chất vấn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chưa có nội dung đang thảo luận.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đang gửi đăng ký… (sẽ tự gửi khi có kết nối)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bạn chưa đăng ký trong {queue}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chủ tọa đã mời bạn ({queue}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bạn đang ở vị trí {place} trong {queue}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Nội dung đang thảo luận: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa có nội dung đang thảo luận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Chỉ đại biểu được đăng ký phát biểu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chủ tọa đã mời bạn phát biểu. Mời bạn chuẩn bị.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Chưa có ai phát biểu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>chất vấn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (tạm dừng)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VotePanel</name>
    <message>
        <location filename="../../ui/delegate/vote_panel.py" line="+241"/>
        <source>Bỏ phiếu kín: không ai, kể cả chủ tọa, biết bạn đã chọn gì</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Máy này không có kho khóa bảo mật, nên phiếu kín chưa gửi chỉ được giữ trong bộ nhớ. Đừng tắt máy hay đóng chương trình cho tới khi phiếu được gửi xong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gửi phiếu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xem lại lựa chọn rồi xác nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xác nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gửi phiếu; phiếu đã gửi không sửa được</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chọn lại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quay lại để chọn khác</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chưa có biểu quyết nào. Khi chủ tọa mở biểu quyết, phiếu sẽ hiện ở đây.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Bạn theo dõi biểu quyết; chỉ đại biểu được biểu quyết.</source>
        <extracomment>For, against, abstain: green, red, grey, always with the option&apos;s words and its key on the button (never the colour alone). A vote has just opened (id): the window brings this panel forward. What this delegate chose, by vote id: this laptop&apos;s own record, never the server&apos;s (a secret ballot&apos;s choice is nowhere else), kept in memory only. Words the confirmation asked now (``_ask``), in the language installed. A secret ballot waiting to be sent with no keyring to seal it is in memory only.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bạn cần điểm danh trước khi biểu quyết.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Bạn đã chọn: {choice}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Bỏ phiếu kín</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Biểu quyết công khai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bầu cử, tối đa {n} người</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lấy phiếu tín nhiệm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Điều kiện: {rule}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{voted}/{total} đại biểu đã biểu quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Biểu quyết đã bị hủy: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã kết thúc biểu quyết — bạn đã biểu quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã kết thúc biểu quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã biểu quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Phiếu đang chờ gửi: sẽ tự gửi khi có kết nối</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang gửi phiếu…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Biểu quyết tạm dừng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đang biểu quyết — mời bạn chọn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-116"/>
        <source>Chọn “{label}”, rồi xác nhận (phím {key})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chọn “{label}”, rồi xác nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chọn tối đa {n} người; không chọn ai là phiếu trắng.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+176"/>
        <source>Xác nhận biểu quyết: {label}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Xác nhận phiếu bầu: {names}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xác nhận phiếu trắng (không bầu ai)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Xác nhận phiếu tín nhiệm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(không đánh giá ai)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+39"/>
        <source>phiếu trắng (không bầu ai)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>không đánh giá ai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>ĐƯỢC THÔNG QUA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>KHÔNG ĐƯỢC THÔNG QUA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Không tham gia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>không ai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trúng cử: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{rule} đánh giá tín nhiệm thấp</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_QueueBox</name>
    <message>
        <location filename="../../ui/delegate/speaking_panel.py" line="-168"/>
        <source>Rút đăng ký</source>
        <extracomment>Roles that may register (the server checks again).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rút đăng ký của bạn khỏi danh sách này</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Danh sách theo thứ tự chủ tọa sẽ mời</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chair</name>
    <message>
        <location filename="../../ui/chair/shortcuts.py" line="+27"/>
        <source>Mời người phát biểu tiếp theo</source>
        <extracomment>The Vietnamese words (QT_TRANSLATE_NOOP gives them back as they are). name → (Vietnamese label, keys). The first key is the one shown in tooltips.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mời người chất vấn tiếp theo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bắt đầu / tạm dừng / tiếp tục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kết thúc phát biểu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thêm 1 phút</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mục tiếp theo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mục trước</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mở biểu quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dừng nhận phiếu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kết thúc và công bố kết quả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chia sẻ trang của tôi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hiện / ẩn màn hình chung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chair/texts.py" line="-307"/>
        <source>Dự thảo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa khai mạc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang họp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã bế mạc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chưa mở</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang biểu quyết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã dừng nhận phiếu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã công bố kết quả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã hủy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Phát biểu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chất vấn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chủ tọa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thư ký</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đại biểu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khách mời</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quản trị</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>công khai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bỏ phiếu kín</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
