<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name></name>
    <message>
        <location filename="../../ui/chair/agenda_control.py" line="+69"/>
        <source>Chương trình nghị sự</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chương trình họp</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+18"/>
        <source>Khai mạc</source>
        <translation>Open the session</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Khai mạc kỳ họp: mọi màn hình chuyển sang trạng thái đang họp</source>
        <translation>Open the session: every screen switches to “in session”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bắt đầu mục đã chọn</source>
        <translation>Start the selected item</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chuyển phiên họp sang mục đang chọn (nhấn đúp vào mục cũng được)</source>
        <translation>Move the session to the selected item (or double-click the item)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+15"/>
        <source>Bế mạc</source>
        <translation>Close the session</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Bế mạc kỳ họp (không thay đổi được nữa)</source>
        <translation>Close the session (no more changes afterwards)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Vẫn khai mạc</source>
        <translation>Open anyway</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Trạng thái: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đang thảo luận: {item}</source>
        <translation>Under discussion: {item}</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/chair/conclusions.py" line="+71"/>
        <source>Chưa chọn mục nào</source>
        <translation>No item selected</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Chỉ chủ tọa điều hành chương trình</source>
        <translation>Only the chair moves through the agenda</translation>
    </message>
    <message>
        <location filename="../../ui/chair/attendance_board.py" line="+45"/>
        <source>Có mặt {present} · Chưa điểm danh {not_arrived} · Vắng {absent} (có lý do {excused}) · Đã rời {left} · Ủy quyền {represented}</source>
        <translation>Present {present} · Not checked in {not_arrived} · Absent {absent} (excused {excused}) · Left {left} · Stand-ins {represented}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Có mặt {present} · Vắng {absent} (có lý do {excused}, chưa điểm danh {not_arrived}) · Đã rời {left} · Ủy quyền {represented}</source>
        <translation>Present {present} · Absent {absent} (excused {excused}, not checked in {not_arrived}) · Left {left} · Stand-ins {represented}</translation>
    </message>
    <message>
        <location line="+38"/>
        <location filename="../../ui/secretary/reports.py" line="+127"/>
        <source>Điểm danh</source>
        <translation>Check in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Danh sách điểm danh</source>
        <translation>Attendance list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lý do vắng</source>
        <translation>Reason for absence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Điểm danh hộ</source>
        <translation>Check in on their behalf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ghi nhận những người đang chọn có mặt (chọn nhiều người bằng Ctrl hoặc Shift + nhấp chuột)</source>
        <translation>Record the selected people as present (select several with Ctrl or Shift + click)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ghi nhận những người đang chọn vắng, với lý do bên cạnh</source>
        <translation>Record the selected people as absent, with the reason beside</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ghi nhận những người đang chọn đã rời hội trường</source>
        <translation>Record that the selected people have left the hall</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Báo vắng</source>
        <translation>Mark absent</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ra về</source>
        <translation>Left</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Chưa có số liệu điểm danh</source>
        <translation>No check-in figures yet</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../ui/chair/texts.py" line="+93"/>
        <location line="+41"/>
        <source>quá</source>
        <translation>more than</translation>
    </message>
    <message>
        <location filename="../../ui/admin/body_dialog.py" line="+215"/>
        <location filename="../../ui/admin/workspace.py" line="+58"/>
        <location filename="../../ui/chair/attendance_board.py" line="+0"/>
        <location filename="../../ui/chair/texts.py" line="-41"/>
        <location line="+41"/>
        <source>ít nhất</source>
        <translation>at least</translation>
    </message>
    <message>
        <location filename="../../ui/chair/attendance_board.py" line="+1"/>
        <source>Quy định: {words} {n}/{d} tổng số thành viên ({total}), tức {required} người</source>
        <translation>Rule: {words} {n}/{d} of all members ({total}), i.e. {required} people</translation>
    </message>
    <message>
        <location filename="../../ui/chair/conclusions.py" line="-11"/>
        <source>Kết luận của chủ tọa</source>
        <extracomment>How long typing must pause before the text goes to the server. The status line&apos;s words, kept unworded so a language change can word them again.</extracomment>
        <translation>The chair&apos;s conclusions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ghi kết luận cho mục đang thảo luận…</source>
        <translation>Write the conclusion of the item under discussion…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kết luận của mục đang thảo luận</source>
        <translation>Conclusion of the item under discussion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lưu trên máy chủ: thư ký thấy và chỉnh cùng nội dung này, và nó được đưa vào biên bản.</source>
        <translation>Saved on the server: the secretary sees and edits this same text, and it goes into the minutes.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Chưa lưu…</source>
        <translation>Not saved yet…</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+29"/>
        <location line="+13"/>
        <source>Đã lưu trên máy chủ</source>
        <translation>Saved on the server</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Chưa lưu: {reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Đã cập nhật từ máy chủ</source>
        <translation>Updated from the server</translation>
    </message>
    <message>
        <location filename="../../ui/chair/models.py" line="+29"/>
        <source>kín</source>
        <translation>secret</translation>
    </message>
    <message>
        <location filename="../../ui/chair/result_panel.py" line="+51"/>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Chưa có kết quả</source>
        <translation>No result yet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ĐÃ HỦY: {reason}</source>
        <translation>CANCELLED: {reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lựa chọn</source>
        <translation>Choice</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Số phiếu</source>
        <translation>Votes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tỷ lệ / tổng số</source>
        <translation>Share of all members</translation>
    </message>
    <message>
        <location filename="../../ui/chair/big_screen.py" line="+370"/>
        <location filename="../../ui/chair/speaker_control.py" line="+93"/>
        <source>Mời</source>
        <translation>Call</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tiếp theo</source>
        <translation>Next</translation>
    </message>
    <message>
        <location line="+162"/>
        <source>Thứ Hai</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thứ Ba</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thứ Tư</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thứ Năm</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thứ Sáu</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thứ Bảy</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chủ Nhật</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../../ui/chair/speaker_control.py" line="-4"/>
        <source>Danh sách đăng ký {queue}</source>
        <translation>{queue} requests</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mời người đang chọn</source>
        <translation>Call the selected person</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+256"/>
        <source>Bắt đầu</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="-255"/>
        <source>Bắt đầu lượt của người đang chọn</source>
        <translation>Start the selected person&apos;s turn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đưa lên trước</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đưa xuống sau</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rút</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rút đăng ký của người đang chọn</source>
        <translation>Withdraw the selected person&apos;s registration</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Mời tiếp theo</source>
        <translation>Call the next</translation>
    </message>
    <message>
        <location line="+143"/>
        <source>Phát biểu và chất vấn</source>
        <translation>Speaking and questions</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>mặc định</source>
        <translation>default</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/secretary/agenda_editor.py" line="+136"/>
        <source> phút</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nội dung (không bắt buộc)</source>
        <translation>Topic (optional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trao quyền phát biểu</source>
        <translation>Give the floor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mời bất kỳ ai (kể cả khách mời) phát biểu ngay, không cần đăng ký</source>
        <translation>Give the floor to anyone (guests too) now, without registration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mời trực tiếp:</source>
        <translation>Call directly:</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Chưa có ai phát biểu</source>
        <translation>No one is speaking</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>tạm dừng</source>
        <translation>paused</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tiếp tục</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tạm dừng</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../ui/chair/texts.py" line="-60"/>
        <location filename="../../ui/results.py" line="+44"/>
        <source>thành viên</source>
        <translation>members</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/results.py" line="+0"/>
        <source>đại biểu</source>
        <translation>delegates</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>nửa</source>
        <translation>half</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>công khai hoặc kín</source>
        <translation>open or secret</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+15"/>
        <source>Đủ điều kiện tiến hành</source>
        <translation>Quorum present</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+15"/>
        <source>Chưa đủ điều kiện tiến hành</source>
        <translation>No quorum</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Có mặt {counted}/{total} {noun}, chiếm {percent} (cần {words} {n}/{d} tổng số, tức {required}). {verdict}.</source>
        <translation>Present {counted}/{total} {noun}, {percent} (needed: {words} {n}/{d} of all, i.e. {required}). {verdict}.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Có mặt {counted}/{total} (cần {required})</source>
        <translation>Present {counted}/{total} (needed {required})</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Không tham gia biểu quyết</source>
        <translation>Did not vote</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ĐƯỢC THÔNG QUA</source>
        <translation>PASSED</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>KHÔNG ĐƯỢC THÔNG QUA</source>
        <translation>NOT PASSED</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã biểu quyết {voted}/{total}</source>
        <translation>Voted {voted}/{total}</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../ui/results.py" line="+65"/>
        <source>trúng cử</source>
        <translation>elected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phải bầu lại</source>
        <translation>a new round is needed</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/results.py" line="+2"/>
        <source>không trúng cử</source>
        <translation>not elected</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>TRÚNG CỬ: {names}</source>
        <translation>ELECTED: {names}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KHÔNG CÓ NGƯỜI TRÚNG CỬ</source>
        <translation>NO ONE ELECTED</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <source>Số phiếu thu vào {ballots}/{total}</source>
        <translation>Ballots received {ballots}/{total}</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>tín nhiệm thấp quá ngưỡng</source>
        <translation>low confidence above the threshold</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>KẾT QUẢ LẤY PHIẾU TÍN NHIỆM</source>
        <translation>CONFIDENCE RATING RESULTS</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Chưa có {members} nào có mặt để biểu quyết.</source>
        <translation>No {members} present to vote yet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mới {voted}/{seats} {members} có mặt đã biểu quyết.</source>
        <translation>Only {voted}/{seats} {members} present have voted.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tất cả {voted}/{seats} {members} có mặt đã biểu quyết.</source>
        <translation>All {voted}/{seats} {members} present have voted.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kết thúc và công bố kết quả?</source>
        <translation>Close the vote and announce the result?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kết quả được tính trên tổng số {total} {members}, hiện ngay trên mọi màn hình và không mở lại được.</source>
        <translation>The result is counted against all {total} {members}, shown at once on every screen, and the vote cannot be reopened.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Hủy biểu quyết “{title}” với lý do “{reason}”?</source>
        <translation>Annul the vote “{title}” for the reason “{reason}”?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kết quả đã công bố ({voted}/{total} phiếu) bị hủy trên mọi màn hình.</source>
        <translation>The announced result ({voted}/{total} ballots) is withdrawn on every screen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{voted} phiếu đã bỏ bị hủy.</source>
        <translation>The {voted} ballots cast are discarded.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chưa có phiếu nào.</source>
        <translation>No ballots have been cast.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Việc hủy được ghi vào biên bản, không hoàn tác được; có thể tổ chức biểu quyết lại.</source>
        <translation>The annulment goes into the minutes and cannot be undone; the vote can be held again.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Chưa có số liệu điểm danh.</source>
        <translation>No check-in figures yet.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mới có {counted}/{total} {members} có mặt, chưa quá {share} (cần {required}).</source>
        <translation>Only {counted}/{total} {members} are present, not more than {share} ({required} needed).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mới có {counted}/{total} {members} có mặt, chưa đủ {share} ({required}).</source>
        <translation>Only {counted}/{total} {members} are present, fewer than {share} ({required}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vẫn khai mạc?</source>
        <translation>Open the session anyway?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mọi màn hình chuyển sang trạng thái đang họp; không quay lại được.</source>
        <translation>Every screen switches to “in session”; this cannot be undone.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Bế mạc kỳ họp “{title}”?</source>
        <translation>Close the session “{title}”?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đang ở mục {place}/{items} của chương trình; {announced} biểu quyết đã công bố.</source>
        <translation>The agenda is at item {place}/{items}; {announced} vote results have been announced.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sau khi bế mạc không ai điểm danh, biểu quyết hay thay đổi được gì nữa.</source>
        <translation>Once closed, no one can check in, vote or change anything any more.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Mục này đã có biểu quyết “{title}” ({status}).</source>
        <translation>This item already has a vote “{title}” ({status}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tạo thêm một biểu quyết cùng nội dung?</source>
        <translation>Create another vote on the same question?</translation>
    </message>
    <message>
        <location filename="../../ui/chair/vote_control.py" line="+163"/>
        <source>Biểu quyết</source>
        <translation>Vote</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nội dung biểu quyết</source>
        <translation>What is voted on</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mỗi dòng một người</source>
        <translation>One person per line</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Danh sách:</source>
        <translation>List:</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>Số người được bầu</source>
        <translation>Number to be elected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số người được bầu:</source>
        <translation>Seats to fill:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tạo biểu quyết</source>
        <translation>Create a vote</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tạo biểu quyết (chưa mở) cho mục đang thảo luận</source>
        <translation>Create a vote (not yet open) on the item under discussion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mẫu:</source>
        <translation>Template:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nội dung:</source>
        <translation>Topic:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hình thức:</source>
        <translation>Ballot:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Các biểu quyết của cuộc họp</source>
        <translation>Votes of the meeting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lý do hủy (bắt buộc)</source>
        <translation>Reason for cancelling (required)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hủy kết quả</source>
        <translation>Cancel the result</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hủy biểu quyết, ghi rõ lý do</source>
        <translation>Cancel the vote, stating the reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Biểu quyết lại</source>
        <translation>Vote again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tổ chức lại biểu quyết đã hủy</source>
        <translation>Hold the cancelled vote again</translation>
    </message>
    <message>
        <location filename="../../ui/chair/documents_panel.py" line="+65"/>
        <location filename="../../ui/secretary/agenda_model.py" line="+29"/>
        <location filename="../../ui/secretary/opinions.py" line="+115"/>
        <source>Tài liệu</source>
        <extracomment>The message&apos;s words, kept unworded so a language change can word them again.</extracomment>
        <translation>Documents</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/chair/vote_control.py" line="+3"/>
        <source>Mở</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mở tài liệu trong trình đọc của tôi</source>
        <translation>Open the document in my reader</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Chưa có nguồn tài liệu trên máy này</source>
        <translation>No document source on this computer yet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đang mở tài liệu…</source>
        <translation>Opening the document…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Không mở được tài liệu (chưa tải về máy này?)</source>
        <translation>Cannot open the document (not downloaded to this computer yet?)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Đã chia sẻ trang {page} của “{title}”</source>
        <translation>Shared page {page} of “{title}”</translation>
    </message>
    <message>
        <location filename="../../ui/chair/vote_control.py" line="+1"/>
        <source>Dừng</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+122"/>
        <source>Kết thúc, công bố</source>
        <translation>Close and announce</translation>
    </message>
    <message>
        <location line="-121"/>
        <source>Đã biểu quyết %v/%m</source>
        <translation>Voted %v/%m</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã bỏ phiếu</source>
        <translation>Voted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa bỏ phiếu</source>
        <translation>Not voted yet</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Ứng cử viên:</source>
        <translation>Candidates:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người được lấy phiếu:</source>
        <translation>People rated:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Biểu quyết trùng nội dung</source>
        <translation>Duplicate vote</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/secretary/meetings.py" line="+258"/>
        <source>Vẫn tạo</source>
        <translation>Create anyway</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Kết thúc biểu quyết</source>
        <translation>Close the vote</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+1"/>
        <source>Hủy biểu quyết</source>
        <translation>Annul the vote</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Chưa chọn biểu quyết</source>
        <translation>No vote selected</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đã biểu quyết</source>
        <translation>Voted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa biểu quyết</source>
        <translation>Not voted yet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>bỏ phiếu kín</source>
        <translation>secret ballot</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>công khai</source>
        <translation>open</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Đã biểu quyết ({n})</source>
        <translation>Voted ({n})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa biểu quyết ({n})</source>
        <translation>Not voted yet ({n})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tạm tính: </source>
        <translation>Running count: </translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="+360"/>
        <source>Đã kết nối tới máy chủ phòng họp (meetingroom %1).</source>
        <translation>Connected to the meeting server (meetingroom %1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mã chứng chỉ đã ghi nhớ: %1</source>
        <translation>Certificate fingerprint remembered: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Không kết nối được tới %1: máy chủ chưa chạy, sai địa chỉ hoặc cổng, hoặc mạng chặn kết nối. Kiểm tra địa chỉ với kỹ thuật viên và thử lại. (%2)</source>
        <translation>Cannot connect to %1: the server is not running, the address or port is wrong, or the network blocks the connection. Check the address with the technician and try again. (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lỗi bảo mật TLS khi kết nối tới %1 (%2). Nếu máy chủ không dùng TLS, hãy dùng địa chỉ bắt đầu bằng ws:// thay vì wss://.</source>
        <translation>TLS security error connecting to %1 (%2). If the server does not use TLS, use an address starting with ws:// instead of wss://.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Máy chủ %1 dùng kết nối bảo mật (TLS): hãy dùng địa chỉ bắt đầu bằng wss:// thay vì ws://.</source>
        <translation>The server %1 uses a secure (TLS) connection: use an address starting with wss:// instead of ws://.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CẢNH BÁO: chứng chỉ của máy chủ %1 đã thay đổi so với lần kết nối trước. Có thể có kẻ giả mạo máy chủ, nên chương trình không kết nối. Hãy báo kỹ thuật viên để so sánh mã chứng chỉ (%2).</source>
        <translation>WARNING: the certificate of the server %1 has changed since the last connection. Someone may be impersonating the server, so the program does not connect. Ask the technician to compare the certificate fingerprint (%2).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Máy chủ %1 dùng phiên bản giao thức khác (máy chủ meetingroom %2; chương trình này dùng giao thức %3). Hãy cài chương trình cùng phiên bản với máy chủ.</source>
        <translation>The server %1 speaks another protocol version (meetingroom server %2; this program uses protocol %3). Install the program version that matches the server.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Địa chỉ %1 có trả lời nhưng không phải máy chủ phòng họp (meetingroom). Kiểm tra lại cổng với kỹ thuật viên. (%2)</source>
        <translation>The address %1 answers, but it is not a meeting server (meetingroom). Check the port with the technician. (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/secretary/agenda_editor.py" line="+1"/>
        <location filename="../../ui/secretary/agenda_model.py" line="+0"/>
        <source>Nội dung</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thời lượng dự kiến</source>
        <translation>Planned duration</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/secretary/agenda_model.py" line="+0"/>
        <source>Người trình bày</source>
        <translation>Presenter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thêm mục</source>
        <translation>Add item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thêm mục con</source>
        <translation>Add sub-item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lưu mục</source>
        <translation>Save item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xóa mục</source>
        <translation>Remove item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lên</source>
        <translation>Up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xuống</source>
        <translation>Down</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mục đang chọn</source>
        <translation>Selected item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiêu đề (để trống: theo tên tệp)</source>
        <translation>Title (empty: from the file name)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tài liệu mật (khách mời không xem được)</source>
        <translation>Confidential (hidden from guests)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đính kèm tài liệu…</source>
        <translation>Attach a document…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thay bằng phiên bản mới…</source>
        <translation>Replace with a new version…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rút tài liệu</source>
        <translation>Withdraw the document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tài liệu của mục</source>
        <translation>Documents of the item</translation>
    </message>
    <message>
        <location line="+35"/>
        <source> (mật)</source>
        <translation> (confidential)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{title} — phiên bản {version}, {pages} trang{mark}</source>
        <translation>{title} — version {version}, {pages} pages{mark}</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Nhập nội dung của mục</source>
        <translation>Enter the item&apos;s title</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Chọn tài liệu</source>
        <translation>Choose a document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tài liệu (*.pdf *.doc *.docx *.odt *.xls *.xlsx *.ods *.ppt *.pptx *.odp)</source>
        <translation>Documents (*.pdf *.doc *.docx *.odt *.xls *.xlsx *.ods *.ppt *.pptx *.odp)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Đang tải lên {name}…</source>
        <translation>Uploading {name}…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+23"/>
        <location filename="../../ui/secretary/minutes.py" line="+352"/>
        <source>Không tải lên được: {error}</source>
        <translation>Could not upload: {error}</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Đã tải lên, đang đính kèm {name}</source>
        <translation>Uploaded; attaching {name}</translation>
    </message>
    <message>
        <location filename="../../ui/secretary/agenda_model.py" line="+0"/>
        <source>Thời lượng (phút)</source>
        <translation>Duration (minutes)</translation>
    </message>
    <message>
        <location filename="../../ui/secretary/approvals.py" line="+56"/>
        <source>Lý do từ chối (ít nhất 3 ký tự)</source>
        <translation>Reason for rejection (at least 3 characters)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duyệt</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Từ chối</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không có tài liệu nào chờ duyệt</source>
        <translation>No documents awaiting approval</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tài liệu các đơn vị gửi, chờ duyệt</source>
        <translation>Documents submitted by units, awaiting approval</translation>
    </message>
    <message>
        <location line="+39"/>
        <source> — mục: {title}</source>
        <translation> — item: {title}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{title} ({pages} trang){where}</source>
        <translation>{title} ({pages} pages){where}</translation>
    </message>
    <message>
        <location filename="../../ui/admin/workspace.py" line="+164"/>
        <location filename="../../ui/secretary/meetings.py" line="-109"/>
        <source>Làm mới</source>
        <extracomment>Every meeting the server listed (not only the ones this user prepares).</extracomment>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/secretary/meetings.py" line="+1"/>
        <source>Ví dụ: Kỳ họp thứ Mười ba HĐND tỉnh</source>
        <translation>For example: Thirteenth session of the Provincial People&apos;s Council</translation>
    </message>
    <message>
        <location filename="../../ui/admin/member_dialog.py" line="+78"/>
        <location filename="../../ui/admin/user_import.py" line="+128"/>
        <location filename="../../ui/admin/wording.py" line="+31"/>
        <location filename="../../ui/admin/workspace.py" line="-129"/>
        <location line="+146"/>
        <location filename="../../ui/secretary/meetings.py" line="+1"/>
        <source>Cơ quan</source>
        <translation>Body</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thêm thành viên</source>
        <translation>Add a member</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Không còn người dùng nào để thêm. Tạo người dùng mới ở thẻ Người dùng (Tạo người dùng… hoặc Nhập người dùng từ tệp…).</source>
        <translation>No users left to add. Create new users on the Users tab (Create a user… or Import users from a file…).</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Thêm</source>
        <translation>Add</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sửa thành viên</source>
        <translation>Edit the member</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ví dụ: Đại biểu, Chủ tịch, Phó Chủ tịch</source>
        <translation>e.g. Delegate, Chair, Vice-chair</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Chọn một người dùng trong danh sách.</source>
        <translation>Choose a user from the list.</translation>
    </message>
    <message>
        <location filename="../../ui/secretary/meetings.py" line="+1"/>
        <source>Tên cuộc họp</source>
        <translation>Meeting title</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Địa điểm</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/admin/workspace.py" line="-63"/>
        <location filename="../../ui/secretary/meetings.py" line="+1"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/secretary/meetings.py" line="-2"/>
        <source>Thời gian (giờ của cơ quan)</source>
        <translation>Time (the body&apos;s local time)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tạo cuộc họp mới</source>
        <translation>Create a new meeting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhân bản cuộc họp đang mở</source>
        <translation>Clone the open meeting</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tạo cuộc họp mới với chương trình, thành phần và tài liệu của cuộc họp đang mở</source>
        <translation>Create a new meeting with the agenda, participants and documents of the open meeting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lưu thay đổi</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phát hành</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hủy phát hành</source>
        <translation>Unpublish</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In giấy mời từng người…</source>
        <translation>Print one invitation per person…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In danh sách mời…</source>
        <translation>Print the invitation list…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thông tin cuộc họp</source>
        <translation>Meeting details</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Các cuộc họp</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Cần chọn cơ quan và nhập tên cuộc họp</source>
        <translation>Choose a body and enter the meeting&apos;s title</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mở cuộc họp cần nhân bản trước</source>
        <translation>Open the meeting to clone first</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cuộc họp trùng tên</source>
        <translation>Duplicate meeting title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{body} đã có cuộc họp “{title}” ngày {day} ({status}). Tạo thêm một cuộc họp cùng tên trong cùng ngày?</source>
        <translation>{body} already has a meeting “{title}” on {day} ({status}). Create another meeting with the same title on the same day?</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Đã tạo cuộc họp: {title}</source>
        <translation>Meeting created: {title}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tên cuộc họp không được để trống</source>
        <translation>The meeting&apos;s title cannot be empty</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã gửi thay đổi</source>
        <translation>Changes sent</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Lưu giấy mời</source>
        <translation>Save the invitations</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/secretary/minutes.py" line="+32"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Chưa có người nào để mời</source>
        <translation>Nobody to invite yet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Đã lưu giấy mời: {path}</source>
        <translation>Invitations saved: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/secretary/minutes.py" line="-243"/>
        <source>Nội dung kết luận</source>
        <extracomment>How the two status lines are worded now (again on a language change).</extracomment>
        <translation>Text of the conclusion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lưu kết luận</source>
        <translation>Save the conclusion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kết luận</source>
        <translation>Conclusions</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>Biên bản được lập từ nhật ký của cuộc họp: điểm danh, phát biểu, biểu quyết và các kết luận.</source>
        <translation>The minutes are written from the meeting&apos;s record: roll call, speeches, votes and conclusions.</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Lập và lưu biên bản</source>
        <translation>Draw up and save the minutes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lập biên bản từ nhật ký cuộc họp và lưu vào tài liệu của cuộc họp (mỗi lần lập lại là một phiên bản mới)</source>
        <translation>Draw up the minutes from the meeting&apos;s record and save them with the meeting&apos;s documents (each new draft is a new version)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Xuất tệp PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lưu một bản biên bản (PDF) vào thư mục bạn chọn (Ctrl+E)</source>
        <translation>Save a copy of the minutes (PDF) in a folder you choose (Ctrl+E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In biên bản (Ctrl+P)</source>
        <translation>Print the minutes (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xuất tệp Word…</source>
        <translation>Export Word file…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lưu bản biên bản có thể sửa (DOCX) vào thư mục bạn chọn</source>
        <translation>Save an editable copy of the minutes (DOCX) in a folder you choose</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ký số…</source>
        <translation>Sign digitally…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ký số biên bản bằng tệp chứng thư hoặc thiết bị ký số USB; bản đã ký được lưu thành phiên bản mới</source>
        <translation>Sign the minutes with a certificate file or a USB signing token; the signed copy is kept as a new version</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Biên bản</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+298"/>
        <source>Đã lưu</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../ui/chair/conclusions.py" line="-44"/>
        <location filename="../../ui/secretary/minutes.py" line="-291"/>
        <source>Đang lưu…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/secretary/minutes.py" line="+27"/>
        <source>Đang lập biên bản…</source>
        <translation>Writing the minutes…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Đã lập biên bản; đang tải về máy…</source>
        <translation>Minutes written; downloading them…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Biên bản không thay đổi; đang mở…</source>
        <translation>The minutes have not changed; opening them…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Chưa tải được biên bản về máy; thử lại sau</source>
        <translation>The minutes could not be downloaded yet; try again later</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đã lưu vào tài liệu cuộc họp: {title} — phiên bản {version}, {pages} trang</source>
        <translation>Saved with the meeting&apos;s documents: {title} — version {version}, {pages} pages</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Đang mở biên bản đã lập…</source>
        <translation>Opening the minutes drawn up earlier…</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Xuất biên bản</source>
        <translation>Export the minutes</translation>
    </message>
    <message>
        <location line="-70"/>
        <location line="+85"/>
        <source>Không lưu được {path}: {reason}</source>
        <translation>Could not save {path}: {reason}</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>Xuất biên bản (Word)</source>
        <translation>Export the minutes (Word)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp Word (*.docx)</source>
        <translation>Word files (*.docx)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Không xuất được bản Word: {reason}</source>
        <translation>Could not export the Word copy: {reason}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Đã xuất bản Word ra {path}</source>
        <translation>Word copy exported to {path}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đang lập bản Word…</source>
        <translation>Preparing the Word copy…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Đang ký số…</source>
        <translation>Signing…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đã ký; đang lưu bản đã ký lên máy chủ…</source>
        <translation>Signed; storing the signed copy on the server…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Không ký được biên bản: {reason}</source>
        <translation>Could not sign the minutes: {reason}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Đã xuất biên bản ra {path}</source>
        <translation>Minutes exported to {path}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>In biên bản</source>
        <translation>Print the minutes</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đang in trang {done}/{count}…</source>
        <translation>Printing page {done}/{count}…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đang in…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đã gửi {pages} trang biên bản tới máy in</source>
        <translation>Sent {pages} pages of the minutes to the printer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Không in được biên bản: {reason}</source>
        <translation>Could not print the minutes: {reason}</translation>
    </message>
    <message>
        <location line="-272"/>
        <location line="+306"/>
        <source>Kết luận chung của cuộc họp</source>
        <translation>Conclusion of the whole meeting</translation>
    </message>
    <message>
        <location filename="../../ui/secretary/opinions.py" line="-3"/>
        <source>Gửi lấy ý kiến</source>
        <translation>Ask for opinions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nội dung xin ý kiến</source>
        <translation>Matter to give an opinion on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Câu hỏi</source>
        <translation>Question</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hạn trả lời (giờ của cơ quan)</source>
        <translation>Deadline (the body&apos;s local time)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lấy ý kiến mới</source>
        <translation>New written opinion request</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhắc người chưa trả lời</source>
        <translation>Remind those who have not answered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kết thúc lấy ý kiến</source>
        <translation>Close the opinion request</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theo dõi</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã trả lời</source>
        <translation>Answered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa trả lời</source>
        <translation>Not answered yet</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Nhập nội dung xin ý kiến</source>
        <translation>Enter the matter to give an opinion on</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hạn trả lời phải ở tương lai</source>
        <translation>The deadline must be in the future</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Đã gửi lời nhắc</source>
        <translation>Reminder sent</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>đang mở</source>
        <translation>open</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>đã kết thúc</source>
        <translation>closed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hạn {deadline} ({status}). Đã trả lời {done}/{asked}: đồng ý {agree}, không đồng ý {disagree}, ý kiến khác {other}</source>
        <translation>Deadline {deadline} ({status}). Answered {done}/{asked}: agree {agree}, disagree {disagree}, other {other}</translation>
    </message>
    <message>
        <location line="-54"/>
        <location line="+81"/>
        <source>(không gắn tài liệu)</source>
        <translation>(no document)</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>Chỉ lấy ý kiến khi cuộc họp đã phát hành</source>
        <translation>Opinions can be asked only once the meeting is published</translation>
    </message>
    <message>
        <location filename="../../ui/secretary/participants.py" line="+166"/>
        <source>Mời những người đã chọn</source>
        <extracomment>How the import summary is worded now (again on a language change).</extracomment>
        <translation>Invite the people selected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tên đăng nhập của khách mời</source>
        <translation>Username of the guest</translation>
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
        <translation>Seat</translation>
    </message>
    <message>
        <location filename="../../ui/secretary/participants.py" line="-3"/>
        <source>Thêm khách mời</source>
        <translation>Add the guest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thành viên của cơ quan</source>
        <translation>Members of the body</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/secretary/tables.py" line="-12"/>
        <location line="+11"/>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lưu vai trò, chỗ ngồi</source>
        <translation>Save role and seat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bỏ khỏi cuộc họp</source>
        <translation>Remove from the meeting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thành phần tham dự</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chọn tệp CSV / XLSX…</source>
        <translation>Choose a CSV / XLSX file…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhập danh sách từ tệp</source>
        <translation>Import a list from a file</translation>
    </message>
    <message>
        <location line="+33"/>
        <source> (đã mời)</source>
        <translation> (invited)</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Đã gửi lời mời {n} người</source>
        <translation>Invitations sent to {n} people</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Đã thêm {name}</source>
        <translation>Added {name}</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Chọn danh sách</source>
        <translation>Choose the list</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Danh sách (*.csv *.xlsx)</source>
        <translation>Lists (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Đang kiểm tra {n} dòng với máy chủ…</source>
        <translation>Checking {n} rows with the server…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Nhập {n} người hợp lệ</source>
        <translation>Import {n} valid people</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>{good} dòng hợp lệ, {bad} dòng có lỗi</source>
        <translation>{good} valid rows, {bad} rows with errors</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Đã nhập {added} người; {bad} dòng bị bỏ qua</source>
        <translation>Imported {added} people; {bad} rows skipped</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{n} người: {parts}</source>
        <translation>{n} people: {parts}</translation>
    </message>
    <message>
        <location filename="../../ui/secretary/reports.py" line="-1"/>
        <source>Tất cả (điểm danh, biểu quyết, thống kê)</source>
        <extracomment>How the export line and the statistics line are worded now.</extracomment>
        <translation>All (roll call, votes, statistics)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kết quả biểu quyết</source>
        <translation>Vote results</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>Thống kê đại biểu</source>
        <translation>Delegate statistics</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Excel (XLSX)</source>
        <translation>Excel (XLSX)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV (UTF-8)</source>
        <translation>CSV (UTF-8)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Xuất báo cáo…</source>
        <translation>Export the report…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xuất báo cáo</source>
        <translation>Export a report</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cập nhật thống kê</source>
        <translation>Update the statistics</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>Thống kê theo từng đại biểu, qua mọi cuộc họp của cơ quan: tỷ lệ tham dự, phát biểu, chất vấn, biểu quyết</source>
        <translation>Statistics per delegate over all meetings of the body: attendance rate, speeches, questions, votes</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Tệp CSV chỉ chứa một bảng: chọn một loại báo cáo</source>
        <translation>A CSV file holds one table: choose one kind of report</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lưu báo cáo</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/user_import.py" line="-80"/>
        <source>Không đọc được tệp. Tệp CSV phải mã hóa UTF-8; tệp Excel phải là .xlsx.</source>
        <translation>Cannot read the file. A CSV file must be UTF-8; an Excel file must be .xlsx.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tệp không có dòng nào.</source>
        <translation>The file has no rows.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dòng đầu của tệp phải có cột &apos;Tên đăng nhập&apos; (username).</source>
        <translation>The file&apos;s first row must have a &apos;Tên đăng nhập&apos; (username) column.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mỗi lần nhập tối đa 2000 dòng; hãy chia tệp ra.</source>
        <translation>At most 2000 rows per import; split the file.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tạo tài khoản mới</source>
        <translation>New account</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã có: cập nhật họ tên, chức danh</source>
        <translation>Exists: name and title updated</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã có: giữ nguyên</source>
        <translation>Exists: unchanged</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>Nhập người dùng từ tệp</source>
        <extracomment>How the file line and the summary are worded now (again on a language change).</extracomment>
        <translation>Import users from a file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhập</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chọn tệp…</source>
        <translation>Choose a file…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đọc lại tệp</source>
        <translation>Read the file again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sau khi sửa tệp, đọc lại và kiểm tra lại</source>
        <translation>After fixing the file, read and check it again</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>Chưa chọn tệp. Cột cần có: Tên đăng nhập, Họ và tên; có thể thêm Chức danh, Chức vụ, Chỗ ngồi.</source>
        <translation>No file chosen. Columns needed: username, full name; optional: title, position, seat.</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Xem trước từng dòng</source>
        <translation>Preview per row</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+188"/>
        <source>Mật khẩu ban đầu</source>
        <translation>First password</translation>
    </message>
    <message>
        <location line="-145"/>
        <source>Lưu mật khẩu ra tệp CSV…</source>
        <translation>Save the passwords to a CSV file…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Chọn danh sách người dùng</source>
        <translation>Choose the list of users</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bảng tính (*.csv *.xlsx)</source>
        <translation>Spreadsheets (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Không mở được tệp: %1</source>
        <translation>Cannot open the file: %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1 dòng có lỗi (tô đỏ). Chưa nhập dòng nào: sửa tệp rồi bấm Đọc lại tệp.</source>
        <translation>%1 row(s) with errors (in red). Nothing was imported: fix the file, then press Read the file again.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 dòng hợp lệ: %2 tài khoản mới, %3 cập nhật, %4 giữ nguyên. Bấm Nhập để nhập tất cả.</source>
        <translation>%1 valid row(s): %2 new account(s), %3 updated, %4 unchanged. Press Import to import them all.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Đã nhập %1 dòng.</source>
        <translation>Imported %1 row(s).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mật khẩu ban đầu của %1 tài khoản mới chỉ hiện MỘT LẦN ở đây: hãy lưu ra tệp hoặc ghi lại trước khi đóng, rồi trao cho từng người.</source>
        <translation>The first passwords of the %1 new account(s) are shown ONCE, here: save them to a file or write them down before closing, then give each to its user.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Lưu mật khẩu ban đầu</source>
        <translation>Save the first passwords</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/secretary/reports.py" line="+0"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Không lưu được tệp: %1</source>
        <translation>Cannot save the file: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã lưu mật khẩu vào %1. Hãy giữ tệp này cẩn thận.</source>
        <translation>Passwords saved to %1. Keep this file safe.</translation>
    </message>
    <message>
        <location filename="../../ui/secretary/reports.py" line="+12"/>
        <source>Đã lưu {path}</source>
        <translation>Saved {path}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đang xuất báo cáo…</source>
        <translation>Exporting the report…</translation>
    </message>
    <message>
        <location line="-121"/>
        <source>Tỷ lệ tham dự (%)</source>
        <translation>Attendance rate (%)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/secretary/tables.py" line="+25"/>
        <source>Lượt phát biểu</source>
        <translation>Speeches</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/secretary/tables.py" line="+0"/>
        <source>Lượt chất vấn</source>
        <translation>Questions</translation>
    </message>
    <message>
        <location filename="../../ui/secretary/section.py" line="+65"/>
        <source>Chọn hoặc tạo một cuộc họp trước</source>
        <translation>Choose or create a meeting first</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="-110"/>
        <source>HĐND</source>
        <translation>People&apos;s Council</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>UBND</source>
        <translation>People&apos;s Committee</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tỉnh</source>
        <translation>Province</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Xã</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Huyện (lưu trữ)</source>
        <translation>District (archived)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/body_dialog.py" line="+0"/>
        <location filename="../../ui/admin/workspace.py" line="-69"/>
        <source>hơn</source>
        <translation>more than</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="+42"/>
        <source>Thêm cơ quan</source>
        <translation>Add a body</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tên cơ quan</source>
        <translation>Body name</translation>
    </message>
    <message>
        <location filename="../../ui/admin/body_dialog.py" line="-19"/>
        <location filename="../../ui/admin/dialogs.py" line="+1"/>
        <source>(không có)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../ui/admin/dialogs.py" line="+1"/>
        <source>(chưa đặt)</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="+1"/>
        <location filename="../../ui/admin/wording.py" line="+1"/>
        <location filename="../../ui/admin/workspace.py" line="+36"/>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/admin/wording.py" line="-1"/>
        <location filename="../../ui/admin/workspace.py" line="+1"/>
        <source>Cấp</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../ui/admin/body_dialog.py" line="-12"/>
        <source>Sửa cơ quan — %1</source>
        <extracomment>How option labels are typed in one line and shown back.</extracomment>
        <translation>Edit the body — %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(cơ quan cấp trên, mã số %1)</source>
        <translation>(parent body, number %1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lưu trữ (chỉ đọc, không sửa được nữa)</source>
        <translation>Archived (read-only, no more changes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thông tin chung</source>
        <translation>General</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/admin/dialogs.py" line="+1"/>
        <location filename="../../ui/admin/wording.py" line="-8"/>
        <source>Tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/admin/dialogs.py" line="+0"/>
        <location filename="../../ui/admin/wording.py" line="+0"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/admin/dialogs.py" line="+1"/>
        <location filename="../../ui/admin/wording.py" line="+0"/>
        <source>Trực thuộc</source>
        <translation>Part of</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/admin/dialogs.py" line="+1"/>
        <location filename="../../ui/admin/wording.py" line="+1"/>
        <source>Múi giờ</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đặt cố định (luật tính cả ghế trống)</source>
        <translation>Set explicitly (the law counts vacant seats)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không đặt: theo danh sách nhiệm kỳ hiện tại (%1 người)</source>
        <translation>Otherwise: from the current term&apos;s members (%1 people)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nhiệm kỳ và tổng số đại biểu</source>
        <translation>Term and total membership</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/admin/dialogs.py" line="+0"/>
        <location filename="../../ui/admin/wording.py" line="+0"/>
        <source>Nhiệm kỳ số</source>
        <translation>Term number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>tổng số đại biểu</source>
        <translation>of all members</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/admin/wording.py" line="+9"/>
        <source>Người được ủy quyền được biểu quyết</source>
        <translation>Stand-ins may vote</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Được đổi phiếu khi biểu quyết chưa kết thúc</source>
        <translation>Ballots may be changed while the vote is open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hiện số phiếu khi đang biểu quyết công khai</source>
        <translation>Show the counts while an open vote runs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngăn cách bằng dấu chấm phẩy, ví dụ: Đồng ý; Không đồng ý; Ý kiến khác</source>
        <translation>Separated by semicolons, e.g. Agree; Disagree; Other opinion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Khi hòa phiếu, bên có Chủ tọa biểu quyết thắng</source>
        <translation>On a tie, the side the chair voted with wins</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Họp và biểu quyết</source>
        <translation>Sessions and votes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đủ điều kiện họp khi có mặt</source>
        <translation>Quorum when present</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/admin/wording.py" line="-4"/>
        <source>Các lựa chọn biểu quyết</source>
        <translation>Vote options</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thời gian phát biểu</source>
        <translation>Speaking time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thời gian chất vấn</source>
        <translation>Question time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thời gian trả lời</source>
        <translation>Reply time</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bạn quản trị cơ quan này: được sửa nhiệm kỳ và tổng số đại biểu; các mục khác do quản trị hệ thống sửa.</source>
        <translation>You administer this body: you may change its term and total membership; a system administrator changes the rest.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Cơ quan đã lưu trữ: chỉ có thể bỏ lưu trữ.</source>
        <translation>Archived body: it can only be taken out of the archive.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source> giây</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Cần ít nhất hai lựa chọn biểu quyết, ngăn cách bằng dấu chấm phẩy.</source>
        <translation>At least two vote options are needed, separated by semicolons.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="+1"/>
        <location filename="../../ui/admin/wording.py" line="-4"/>
        <source>Nhiệm kỳ từ ngày</source>
        <translation>Term from</translation>
    </message>
    <message>
        <location filename="../../ui/admin/body_dialog.py" line="-78"/>
        <location filename="../../ui/admin/dialogs.py" line="+1"/>
        <location filename="../../ui/admin/wording.py" line="+0"/>
        <source>Đến ngày</source>
        <translation>Until</translation>
    </message>
    <message>
        <location filename="../../ui/admin/dialogs.py" line="+2"/>
        <location line="+51"/>
        <source>Tạo</source>
        <translation>Create</translation>
    </message>
    <message>
        <location line="-116"/>
        <location filename="../../ui/admin/server_dialog.py" line="+60"/>
        <location filename="../../ui/secretary/signing.py" line="+134"/>
        <source>Hủy</source>
        <extracomment>Where the cursor goes when the server refuses a field (field name → widget). What the server answered when it agreed; None until then. How the refusal shown is worded (again on a language change).</extracomment>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>Tạo người dùng</source>
        <translation>Create a user</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../ui/admin/user_import.py" line="-159"/>
        <source>(không gắn với cơ quan)</source>
        <translation>(no body)</translation>
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
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/admin/wording.py" line="+0"/>
        <source>Chức danh</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/admin/user_import.py" line="-144"/>
        <source>Thành viên của</source>
        <translation>Member of</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/admin/member_dialog.py" line="-1"/>
        <location filename="../../ui/admin/wording.py" line="+1"/>
        <location filename="../../ui/admin/workspace.py" line="-49"/>
        <location filename="../../ui/secretary/tables.py" line="-36"/>
        <source>Chức vụ</source>
        <translation>Position</translation>
    </message>
    <message>
        <location line="+50"/>
        <location filename="../../ui/admin/workspace.py" line="+102"/>
        <source>Quy tắc biểu quyết</source>
        <translation>Vote rules</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hơn</source>
        <translation>More than</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ít nhất</source>
        <translation>At least</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ngăn cách bằng dấu chấm phẩy</source>
        <translation>Separated by semicolons</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/admin/wording.py" line="+5"/>
        <source>Chủ tọa quyết định khi hòa</source>
        <translation>The chair breaks a tie</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/admin/workspace.py" line="-90"/>
        <source>Vấn đề</source>
        <translation>Matter</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/admin/wording.py" line="-9"/>
        <source>Tử số</source>
        <translation>Numerator</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/admin/wording.py" line="+0"/>
        <source>Mẫu số</source>
        <translation>Denominator</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>So sánh</source>
        <translation>Comparison</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/admin/wording.py" line="+2"/>
        <location filename="../../ui/admin/workspace.py" line="+4"/>
        <source>Các lựa chọn</source>
        <translation>Options</translation>
    </message>
    <message>
        <location filename="../../ui/admin/body_dialog.py" line="-18"/>
        <location filename="../../ui/admin/dialogs.py" line="+2"/>
        <location filename="../../ui/admin/member_dialog.py" line="-6"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/admin/workspace.py" line="+76"/>
        <source>Quản trị — cơ quan và người dùng</source>
        <extracomment>How the status line and the body&apos;s two lines are worded now.</extracomment>
        <translation>Administration — bodies and users</translation>
    </message>
    <message>
        <location filename="../../ui/admin/body_dialog.py" line="+19"/>
        <location filename="../../ui/admin/wording.py" line="-1"/>
        <source>Tổng số đại biểu</source>
        <translation>Total members</translation>
    </message>
    <message>
        <location filename="../../ui/admin/workspace.py" line="+1"/>
        <source>Danh sách cơ quan</source>
        <translation>Bodies</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thêm cơ quan…</source>
        <translation>Add a body…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bỏ khỏi cơ quan…</source>
        <translation>Remove from the body…</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>Ngưỡng</source>
        <translation>Threshold</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bỏ phiếu</source>
        <translation>Ballot</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kín</source>
        <translation>Secret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Công khai</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Sửa quy tắc…</source>
        <translation>Edit the rule…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thành viên</source>
        <translation>Members</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Đang dùng</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã khóa</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Danh sách người dùng</source>
        <translation>Users</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tạo người dùng…</source>
        <translation>Create a user…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khóa tài khoản…</source>
        <translation>Lock the account…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mở khóa tài khoản</source>
        <translation>Unlock the account</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đặt lại mật khẩu…</source>
        <translation>Reset the password…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giao quản trị cơ quan…</source>
        <translation>Make body administrator…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Người dùng đang chọn quản lý người dùng, thành viên và cuộc họp của cơ quan đang chọn ở thẻ Cơ quan</source>
        <translation>The selected user manages the users, members and meetings of the body selected on the Bodies tab</translation>
    </message>
    <message>
        <location filename="../../ui/admin/member_dialog.py" line="-6"/>
        <location filename="../../ui/admin/wording.py" line="+4"/>
        <location filename="../../ui/admin/workspace.py" line="+3"/>
        <source>Người dùng</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../ui/admin/workspace.py" line="-144"/>
        <source>Tổng số</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>Sửa cơ quan…</source>
        <translation>Edit the body…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thêm thành viên…</source>
        <translation>Add a member…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sửa thành viên…</source>
        <translation>Edit the member…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nhập người dùng từ tệp…</source>
        <translation>Import users from a file…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Không thực hiện được: %1</source>
        <translation>Could not do it: %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>nhiệm kỳ %1</source>
        <translation>term %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>đặt cố định</source>
        <translation>set explicitly</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>theo danh sách</source>
        <translation>from the member list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tổng số đại biểu (dùng để tính ngưỡng): %1 (%2)</source>
        <translation>Total members (used for thresholds): %1 (%2)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đã tạo cơ quan.</source>
        <translation>Body created.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+8"/>
        <source>Chọn một cơ quan trong danh sách.</source>
        <translation>Choose a body from the list.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Đã lưu cơ quan.</source>
        <translation>Body saved.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đã thêm thành viên.</source>
        <translation>Member added.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chọn một thành viên trong danh sách.</source>
        <translation>Choose a member from the list.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã lưu thành viên.</source>
        <translation>Member saved.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đã nhập người dùng.</source>
        <translation>Users imported.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Đã lưu quy tắc biểu quyết.</source>
        <translation>Vote rule saved.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bỏ khỏi cơ quan</source>
        <translation>Remove from the body</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bỏ %1 khỏi %2? Người này không còn được mời vào các cuộc họp mới của cơ quan.</source>
        <translation>Remove %1 from %2? They will no longer be invited to the body&apos;s new meetings.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đã bỏ thành viên.</source>
        <translation>Member removed.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Đã tạo người dùng</source>
        <translation>User created</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tài khoản %1 đã được tạo. Mật khẩu ban đầu: %2
Hãy trao mật khẩu này cho người dùng; nó không được hiển thị lại.</source>
        <translation>Account %1 created. First password: %2
Give this password to the user; it is not shown again.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đã tạo người dùng.</source>
        <translation>User created.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Khóa tài khoản</source>
        <translation>Lock the account</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khóa tài khoản %1? Người này bị đăng xuất ngay trên mọi máy và không đăng nhập được nữa cho đến khi được mở khóa.</source>
        <translation>Lock account %1? They are logged out at once on every computer and cannot log in until the account is unlocked.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Đã cập nhật tài khoản.</source>
        <translation>Account updated.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+7"/>
        <source>Đặt lại mật khẩu</source>
        <translation>Reset the password</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Đặt lại mật khẩu của %1? Mật khẩu cũ hết hiệu lực và người này bị đăng xuất trên mọi máy.</source>
        <translation>Reset the password of %1? The old password stops working and they are logged out on every computer.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mật khẩu mới của %1: %2</source>
        <translation>New password of %1: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Chọn một cơ quan ở thẻ Cơ quan và một người dùng.</source>
        <translation>Choose a body on the Bodies tab and a user.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Giao quản trị cơ quan</source>
        <translation>Make body administrator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giao cho %1 quản trị %2 (người dùng, thành viên và cuộc họp của cơ quan)?</source>
        <translation>Make %1 administrator of %2 (the body&apos;s users, members and meetings)?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đã giao quyền quản trị cơ quan.</source>
        <translation>Body administrator added.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/user_import.py" line="-57"/>
        <location filename="../../ui/secretary/tables.py" line="+9"/>
        <source>Dòng</source>
        <extracomment>(username, full name, first password) of the accounts the import created.</extracomment>
        <translation>Line</translation>
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
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../ui/admin/user_import.py" line="-197"/>
        <location filename="../../ui/secretary/tables.py" line="+4"/>
        <source>Kết quả kiểm tra</source>
        <translation>Check result</translation>
    </message>
    <message>
        <location filename="../../ui/secretary/tables.py" line="+6"/>
        <source>Hợp lệ</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../ui/admin/user_import.py" line="+105"/>
        <location filename="../../ui/secretary/tables.py" line="+0"/>
        <source>Đang kiểm tra…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../ui/secretary/tables.py" line="+16"/>
        <source>Số cuộc họp được mời</source>
        <translation>Meetings invited to</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Số lần có mặt</source>
        <translation>Times present</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tỷ lệ tham dự</source>
        <translation>Attendance rate</translation>
    </message>
    <message>
        <location filename="../../ui/chair/speaker_control.py" line="-116"/>
        <location filename="../../ui/secretary/tables.py" line="+1"/>
        <source>Thời gian phát biểu (phút)</source>
        <translation>Speaking time (minutes)</translation>
    </message>
    <message>
        <location filename="../../ui/secretary/tables.py" line="+0"/>
        <source>Số lần biểu quyết</source>
        <translation>Votes cast</translation>
    </message>
    <message>
        <location filename="../../ui/secretary/texts.py" line="+51"/>
        <source>Chủ tọa</source>
        <translation>Chair</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thư ký</source>
        <translation>Secretary</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Đại biểu</source>
        <translation>Delegate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khách mời</source>
        <translation>Guest</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quản trị</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dự thảo</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Đã phát hành</source>
        <translation>Published</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang họp</source>
        <translation>In session</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Đã kết thúc</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đồng ý</source>
        <translation>Agree</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Không đồng ý</source>
        <translation>Disagree</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ý kiến khác</source>
        <translation>Other opinion</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Múi giờ của cơ quan: {zone} (UTC{offset})</source>
        <translation>The body&apos;s time zone: {zone} (UTC{offset})</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Tệp rỗng, không có dữ liệu.</source>
        <translation>The file is empty.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp không phải PDF; hãy tải lên bản PDF hoặc tệp văn phòng có đúng tên để máy chủ chuyển đổi.</source>
        <translation>The file is not a PDF; upload a PDF, or an office file with its proper name so the server converts it.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tệp là một chương trình, không phải tài liệu PDF; không đính kèm.</source>
        <translation>The file is a program, not a PDF document; it was not attached.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tệp PDF không có trang nào đọc được.</source>
        <translation>The PDF has no readable page.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp PDF có mật khẩu; hãy tải lên bản không đặt mật khẩu.</source>
        <translation>The PDF is password-protected; upload a copy without a password.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trang %1 quá phức tạp, không hiển thị được; tài liệu không được đính kèm.</source>
        <translation>Page %1 is too complex to display; the document was not attached.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tệp quá nặng, không kiểm tra xong trong thời hạn; tài liệu không được đính kèm.</source>
        <translation>The file is too heavy to be checked in time; the document was not attached.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Máy chủ không đọc được tệp đã tải lên.</source>
        <translation>The server cannot read the uploaded file.</translation>
    </message>
    <message>
        <location filename="../../ui/secretary/workspace.py" line="+98"/>
        <source>Cuộc họp</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chương trình và tài liệu</source>
        <translation>Agenda and documents</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thành phần</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duyệt tài liệu</source>
        <translation>Document approval</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lấy ý kiến</source>
        <translation>Written opinions</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kết luận và biên bản</source>
        <translation>Conclusions and minutes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Báo cáo</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Thư ký — chuẩn bị và biên bản</source>
        <translation>Secretary — preparation and minutes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chưa chọn cuộc họp</source>
        <translation>No meeting chosen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{status} · vai trò của bạn: {role}</source>
        <translation>{status} · your role: {role}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Đã kết nối</source>
        <translation>Connected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang kết nối…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mất kết nối, đang thử lại…</source>
        <translation>Connection lost, retrying…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đang gửi {n} lệnh</source>
        <translation>Sending {n} commands</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="+69"/>
        <source>Không in được trang {page}</source>
        <translation>Could not print page {page}</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Không in được: {error}</source>
        <translation>Could not print: {error}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Không mở được máy in</source>
        <translation>Could not open the printer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Máy in không nhận thêm trang</source>
        <translation>The printer took no further page</translation>
    </message>
    <message>
        <location filename="../../ui/admin/wording.py" line="-6"/>
        <source>Nhiệm kỳ</source>
        <translation>Term</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lưu trữ (chỉ đọc)</source>
        <translation>Archived (read-only)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Số đại biểu tối thiểu để họp</source>
        <translation>Quorum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ngưỡng thông qua</source>
        <translation>Threshold</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Được đổi phiếu</source>
        <translation>Ballot change allowed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hiện kết quả khi đang biểu quyết công khai</source>
        <translation>Counts shown during open votes</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>phải lớn hơn 0 và không quá 1 (tử số từ 1 đến mẫu số)</source>
        <translation>must be above 0 and at most 1 (numerator from 1 to the denominator)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>không phải múi giờ đã biết (ví dụ Asia/Ho_Chi_Minh)</source>
        <translation>is not a known time zone (e.g. Asia/Ho_Chi_Minh)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ngày kết thúc phải sau ngày bắt đầu</source>
        <translation>the end must come after the start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bị trùng</source>
        <translation>is a duplicate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>không thể trực thuộc chính mình hoặc cơ quan cấp dưới của mình</source>
        <translation>cannot be the body itself or one of its own subordinate bodies</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cơ quan không còn tồn tại</source>
        <translation>the body no longer exists</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cơ quan đã lưu trữ, không sửa được</source>
        <translation>the body is archived and cannot be changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>không phải cơ quan bạn quản trị</source>
        <translation>is not a body you administer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>chỉ quản trị hệ thống được sửa</source>
        <translation>only a system administrator may change this</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cấp huyện chỉ dùng cho cơ quan lưu trữ</source>
        <translation>the district level is for archived bodies only</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>người này đã là thành viên</source>
        <translation>this person is already a member</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>người này không còn là thành viên</source>
        <translation>this person is no longer a member</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>người dùng không còn tồn tại</source>
        <translation>the user no longer exists</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>không phải người dùng của cơ quan bạn quản trị</source>
        <translation>is not a user of a body you administer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bạn không thể tự khóa tài khoản của mình</source>
        <translation>you cannot lock your own account</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>chưa nhập</source>
        <translation>is missing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>đã là tài khoản của người khác</source>
        <translation>is already someone else&apos;s account</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>không hợp lệ (không được trống hay có dấu cách)</source>
        <translation>is not valid (it may not be empty or contain spaces)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>quá dài</source>
        <translation>is too long</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>không có quy tắc mặc định theo luật</source>
        <translation>has no legal default rule</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bạn không quản trị cơ quan nào</source>
        <translation>you administer no body</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Giá trị không hợp lệ: %1</source>
        <translation>Invalid value: %1</translation>
    </message>
    <message>
        <location filename="../../ui/refusals.py" line="+36"/>
        <source>Cuộc họp đã kết thúc, không thay đổi được nữa.</source>
        <translation>The meeting is closed; nothing can be changed any more.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+56"/>
        <source>Cuộc họp chưa công bố hoặc đã kết thúc.</source>
        <translation>The meeting is not published yet or is closed.</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Không tìm thấy cuộc họp này hoặc bạn không được mời.</source>
        <translation>This meeting was not found, or you are not invited to it.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chỉ sửa được cuộc họp chưa bắt đầu.</source>
        <translation>Only a meeting that has not started can be edited.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cuộc họp đang ở trạng thái khác, không chuyển được như vậy.</source>
        <translation>The meeting is in another state and cannot be moved that way.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phiên họp chưa bắt đầu hoặc đã kết thúc.</source>
        <translation>The session has not started or has ended.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Còn một cuộc biểu quyết chưa công bố kết quả; hãy kết thúc hoặc hủy trước.</source>
        <translation>A vote still has no announced result; close or annul it first.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Còn đại biểu đang phát biểu; hãy kết thúc lượt phát biểu trước.</source>
        <translation>Someone is still speaking; end the speech first.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bạn không chuẩn bị cuộc họp cho cơ quan này.</source>
        <translation>You do not prepare meetings for this body.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sai tên đăng nhập hoặc mật khẩu.</source>
        <translation>Wrong username or password.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mật khẩu hiện tại không đúng.</source>
        <translation>The current password is wrong.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đăng nhập sai nhiều lần; hãy thử lại sau {retry_after} giây.</source>
        <translation>Too many failed logins; try again in {retry_after} seconds.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+114"/>
        <source>Phiên đăng nhập đã hết hạn; vui lòng đăng nhập lại.</source>
        <translation>Your login has expired; please log in again.</translation>
    </message>
    <message>
        <location line="-113"/>
        <source>Mật khẩu phải có ít nhất {min_length} ký tự.</source>
        <translation>The password must have at least {min_length} characters.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+109"/>
        <source>Chưa đăng nhập.</source>
        <translation>Not logged in.</translation>
    </message>
    <message>
        <location line="-108"/>
        <location line="+113"/>
        <source>Bạn không có quyền làm việc này.</source>
        <translation>You are not allowed to do this.</translation>
    </message>
    <message>
        <location line="-112"/>
        <location line="+106"/>
        <source>Quá nhiều yêu cầu; vui lòng chờ một chút.</source>
        <translation>Too many requests; please wait a moment.</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>Không có mục này trong chương trình.</source>
        <translation>This item is not on the agenda.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không thể chuyển một mục vào chính nó.</source>
        <translation>An item cannot be moved into itself.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không thể xóa mục đang thảo luận.</source>
        <translation>The item under discussion cannot be removed.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người này không có trong danh sách tham dự.</source>
        <translation>This person is not on the participant list.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chỉ thư ký hoặc chủ tọa được điểm danh thay người khác.</source>
        <translation>Only the secretary or the chair may record attendance for others.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chỉ điểm danh khi cuộc họp đã công bố hoặc đang diễn ra.</source>
        <translation>Attendance is recorded only for a published or running meeting.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã điểm danh rồi.</source>
        <translation>Already checked in.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa điểm danh nên không thể rời.</source>
        <translation>Not checked in, so you cannot leave.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vắng có lý do cần ghi rõ lý do.</source>
        <translation>An excused absence needs a reason.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chỉ đại biểu mới ủy quyền người dự thay.</source>
        <translation>Only a member can authorise a stand-in.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đại biểu đang có mặt và tự tham gia.</source>
        <translation>The member is present and takes part in person.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Người dự thay không được là đại biểu có phiếu của mình.</source>
        <translation>A stand-in must not hold a seat of their own.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người này đã dự thay cho một đại biểu khác.</source>
        <translation>This person already stands in for another member.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người này đã có trong danh sách.</source>
        <translation>This person is already on the list.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp chưa được tải lên máy chủ.</source>
        <translation>The file has not been uploaded to the server.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tệp không phải PDF; hãy tải lên bản PDF hoặc để máy chủ chuyển đổi.</source>
        <translation>The file is not a PDF; upload a PDF or let the server convert it.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Máy chủ không mở được tệp PDF này.</source>
        <translation>The server cannot open this PDF file.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không có tài liệu này hoặc bạn không được xem.</source>
        <translation>This document does not exist or you may not see it.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tệp không phải bản biên bản hiện tại có thêm chữ ký.</source>
        <translation>The file is not the current minutes with a signature added.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp không có chữ ký số mới.</source>
        <translation>The file has no new digital signature.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chữ ký số không hợp lệ.</source>
        <translation>A digital signature is not valid.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Máy chủ không chuyển được tệp văn phòng này sang PDF (chưa cài LibreOffice, quá lâu hoặc tệp lỗi); hãy tải lên bản PDF.</source>
        <translation>The server could not convert this office file to PDF (LibreOffice missing, too slow, or a faulty file); upload a PDF instead.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chỉ chủ tọa, thư ký hoặc người đang phát biểu được dẫn trang.</source>
        <translation>Only the chair, the secretary or the speaker can lead the page.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chỉ thư ký, chủ tọa hoặc quản trị được tải tài liệu lên.</source>
        <translation>Only secretaries, chairs and administrators can upload documents.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không có đợt lấy ý kiến này.</source>
        <translation>This written consultation does not exist.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hạn trả lời phải ở tương lai.</source>
        <translation>The deadline must be in the future.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã hết hạn lấy ý kiến; ý kiến chưa được ghi nhận.</source>
        <translation>The deadline has passed; your answer was not recorded.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ý kiến khác cần ghi nội dung.</source>
        <translation>An “other” answer needs a comment.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa chọn nội dung nào của chương trình.</source>
        <translation>No agenda item is selected.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không có lượt phát biểu này.</source>
        <translation>This speaking request does not exist.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lượt phát biểu này đã thay đổi; không làm được việc này nữa.</source>
        <translation>This speaking request has changed; this can no longer be done.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bạn đã đăng ký trong danh sách này.</source>
        <translation>You are already registered in this list.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chỉ rút được đăng ký của chính mình.</source>
        <translation>You can only withdraw your own registration.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Danh sách chờ vừa thay đổi; hãy sắp xếp lại.</source>
        <translation>The waiting list has just changed; reorder it again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không còn ai trong danh sách chờ.</source>
        <translation>Nobody is waiting.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không có cuộc biểu quyết này.</source>
        <translation>This vote does not exist.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cuộc biểu quyết đang ở trạng thái khác, không chuyển được như vậy.</source>
        <translation>The vote is in another state and cannot be moved that way.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cơ quan chưa có quy tắc biểu quyết cho loại việc này.</source>
        <translation>The body has no vote rule for this kind of matter.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cuộc họp đã kết thúc hoặc chưa công bố.</source>
        <translation>The meeting is closed or not published yet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chỉ tổ chức lại được cuộc biểu quyết đã hủy.</source>
        <translation>Only an annulled vote can be held again.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quy chế không cho chọn hình thức biểu quyết cho loại việc này.</source>
        <translation>The rules fix the kind of ballot for this matter.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cần danh sách người.</source>
        <translation>A list of candidates is needed.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tên người ứng cử để trống.</source>
        <translation>A candidate&apos;s name is blank.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Một người ứng cử có tên hai lần.</source>
        <translation>A candidate is listed twice.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Số người được bầu ({seats}) nhiều hơn số người ứng cử ({candidates}).</source>
        <translation>More seats ({seats}) than candidates ({candidates}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phiếu không đúng kiểu của cuộc biểu quyết này.</source>
        <translation>The ballot does not match this kind of vote.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cần chọn nội dung biểu quyết trong chương trình.</source>
        <translation>Choose the agenda item the vote belongs to.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đang có một cuộc biểu quyết mở; hãy kết thúc trước.</source>
        <translation>Another vote is open; close it first.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bạn chưa điểm danh nên chưa thể biểu quyết.</source>
        <translation>You have not checked in, so you cannot vote yet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chỉ đại biểu mới được biểu quyết.</source>
        <translation>Only members can vote.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Người dự thay không được biểu quyết theo quy chế của cơ quan.</source>
        <translation>The body&apos;s rules do not let stand-ins vote.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bạn không được ủy quyền dự thay đại biểu này.</source>
        <translation>You are not authorised to stand in for this member.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phiếu không hợp lệ.</source>
        <translation>Invalid ballot.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Biểu quyết không mở, phiếu không được ghi nhận.</source>
        <translation>The vote is not open; the ballot was not counted.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bạn đã biểu quyết; quy chế không cho thay đổi phiếu.</source>
        <translation>You have already voted; the rules do not allow changing a ballot.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không tìm thấy phiếu cũ của bạn trên máy này để thay đổi.</source>
        <translation>Your earlier ballot is not on this computer, so it cannot be changed.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Máy chủ tạm thời không ghi được dữ liệu; thao tác chưa được thực hiện, máy sẽ tự gửi lại.</source>
        <translation>The server cannot save data right now; nothing was done, and it will be sent again automatically.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+39"/>
        <source>Lỗi máy chủ; thao tác chưa được thực hiện.</source>
        <translation>Server error; nothing was done.</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Mất kết nối tới máy chủ tỉnh; hãy thử lại sau.</source>
        <translation>The link to the provincial server is down; try again later.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đăng nhập bằng mật khẩu cần máy chủ tỉnh; hãy thử lại sau (phiên đã ghi nhớ vẫn dùng được).</source>
        <translation>Logging in with a password needs the provincial server; try again later (a remembered login still works).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Máy chủ hội trường này chỉ phục vụ một cuộc họp khác.</source>
        <translation>This hall server serves another meeting only.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thao tác đã được ghi nhận tại hội trường và sẽ được gửi lên máy chủ tỉnh một lần.</source>
        <translation>The action is recorded at the hall and will be sent to the provincial server once.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chuẩn bị cuộc họp và tài liệu trên máy chủ tỉnh.</source>
        <translation>Prepare meetings and documents on the provincial server.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+1"/>
        <location line="+6"/>
        <source>Máy chủ không hiểu yêu cầu của chương trình.</source>
        <translation>The server did not understand the program&apos;s request.</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+2"/>
        <source>Máy chủ không hỗ trợ việc này; có thể cần cập nhật chương trình.</source>
        <translation>The server does not support this; the program may need an update.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dữ liệu quá lớn.</source>
        <translation>The data is too large.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đăng nhập không thành công.</source>
        <translation>Login failed.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã đăng nhập rồi.</source>
        <translation>Already logged in.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không tìm thấy (có thể đã bị xóa).</source>
        <translation>Not found (it may have been deleted).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa mở cuộc họp.</source>
        <translation>No meeting is open.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giá trị không hợp lệ.</source>
        <translation>Invalid value.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không làm được ở trạng thái hiện tại.</source>
        <translation>Not possible in the current state.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Máy chủ tạm thời không phục vụ được; hãy thử lại.</source>
        <translation>The server is temporarily unavailable; try again.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Máy chủ từ chối yêu cầu.</source>
        <translation>The server refused the request.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Máy chủ dùng phiên bản giao thức {server}, chương trình này cần {needed}: hãy cập nhật chương trình.</source>
        <translation>The server uses protocol version {server}; this program needs {needed}: update the program.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CẢNH BÁO: chứng chỉ của máy chủ {server} đã thay đổi. Có thể có kẻ giả mạo máy chủ; không kết nối. Hãy hỏi kỹ thuật viên so sánh mã {presented}… với mã in ra khi cài máy chủ.</source>
        <translation>WARNING: the certificate of server {server} has changed. Someone may be impersonating the server; not connecting. Ask the technician to compare the code {presented}… with the one printed when the server was installed.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Không kết nối được tới máy chủ. Kiểm tra địa chỉ và mạng.</source>
        <translation>Cannot reach the server. Check the address and the network.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lỗi không mong đợi ({kind}).</source>
        <translation>Unexpected error ({kind}).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Phiếu của bạn chưa được ghi nhận: biểu quyết đã kết thúc khi bạn mất kết nối.</source>
        <translation>Your ballot was not counted: the vote closed while you were offline.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phiếu của bạn chưa được ghi nhận: biểu quyết đã kết thúc trước khi phiếu đến máy chủ.</source>
        <translation>Your ballot was not counted: the vote closed before it reached the server.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phiếu của bạn chưa được ghi nhận: {reason}</source>
        <translation>Your ballot was not counted: {reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Không tìm thấy tệp tài liệu.</source>
        <translation>The document file was not found.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp PDF rỗng, không có dữ liệu.</source>
        <translation>The PDF file is empty.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp này không phải là PDF.</source>
        <translation>This file is not a PDF.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp này là một chương trình, không phải tài liệu PDF.</source>
        <translation>This file is a program, not a PDF document.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/secretary/texts.py" line="-7"/>
        <source>Tệp PDF bị hỏng, không mở được.</source>
        <translation>The PDF is damaged and cannot be opened.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp PDF bị hỏng: không đọc được trang nào.</source>
        <translation>The PDF is damaged: no page can be read.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tài liệu được bảo vệ bằng mật khẩu; cần nhập mật khẩu để mở.</source>
        <translation>The document is password-protected; enter the password to open it.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mật khẩu không đúng.</source>
        <translation>Wrong password.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Không hiển thị được trang {page}.</source>
        <translation>Page {page} cannot be displayed.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>trùng với dòng {line}</source>
        <translation>same person as line {line}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>không có tài khoản “{username}”</source>
        <translation>no account “{username}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>đã có trong danh sách</source>
        <translation>already on the list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vai trò “{role}” không hợp lệ</source>
        <translation>unknown role “{role}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>thiếu tên đăng nhập</source>
        <translation>no username</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>không hợp lệ</source>
        <translation>invalid</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Không đọc được tệp Excel.</source>
        <translation>The Excel file cannot be read.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp Excel không có trang tính nào.</source>
        <translation>The Excel file has no sheet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp CSV phải mã hóa UTF-8.</source>
        <translation>The CSV file must be encoded in UTF-8.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp trống.</source>
        <translation>The file is empty.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dòng đầu của tệp phải có cột “Tên đăng nhập”.</source>
        <translation>The first row of the file must have a “Username” column.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tối đa {max_rows} dòng mỗi lần nhập; hãy chia tệp ra.</source>
        <translation>At most {max_rows} rows per import; split the file.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không đọc được tệp.</source>
        <translation>The file cannot be read.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tệp rỗng.</source>
        <translation>The file is empty.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tải lên chưa xong.</source>
        <translation>The upload did not complete.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dữ liệu tải về bị lỗi nhiều lần.</source>
        <translation>The downloaded data kept failing verification.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp tải về không khớp mã kiểm tra; sẽ tải lại.</source>
        <translation>The downloaded file does not match its checksum; it will be downloaded again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không đọc lại được tệp đã tải.</source>
        <translation>The downloaded file cannot be read back.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không tải được tệp.</source>
        <translation>The file could not be downloaded.</translation>
    </message>
    <message>
        <location filename="../../ui/confirm.py" line="+46"/>
        <source>Quay lại</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Thoát chương trình</source>
        <translation>Quit the program</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thoát chương trình? Bạn sẽ cần mở lại chương trình để vào phòng họp.</source>
        <translation>Quit the program? You will need to start it again to enter the meeting room.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/secretary/signing.py" line="-13"/>
        <source>Ký số biên bản</source>
        <extracomment>Where Debian and Windows token drivers usually are; the secretary can choose another.</extracomment>
        <translation>Sign the minutes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp chứng thư số (PKCS#12: .p12, .pfx)</source>
        <translation>Certificate file (PKCS#12: .p12, .pfx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thiết bị ký số USB (token PKCS#11)</source>
        <translation>USB signing token (PKCS#11)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp chứng thư:</source>
        <translation>Certificate file:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mật khẩu:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thư viện PKCS#11:</source>
        <translation>PKCS#11 library:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tên thiết bị (token):</source>
        <translation>Token label:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tên khóa:</source>
        <translation>Key label:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mã PIN:</source>
        <translation>PIN:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ký</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chữ ký được thêm vào bản biên bản đang mở; máy chủ lưu bản đã ký thành phiên bản mới.</source>
        <translation>The signature is added to the minutes shown; the server keeps the signed copy as a new version.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Chọn tệp chứng thư số</source>
        <translation>Choose a certificate file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chứng thư số (*.p12 *.pfx)</source>
        <translation>Certificates (*.p12 *.pfx)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Chưa chọn tệp chứng thư số, hoặc tệp không tồn tại</source>
        <translation>No certificate file chosen, or the file does not exist</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cần thư viện PKCS#11, tên thiết bị và tên khóa</source>
        <translation>The PKCS#11 library, the token label and the key label are needed</translation>
    </message>
    <message>
        <location filename="../../ui/results.py" line="-68"/>
        <source>thành viên</source>
        <comment>one</comment>
        <translation>member</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>đại biểu</source>
        <comment>one</comment>
        <translation>delegate</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>ít nhất một nửa tổng số</source>
        <translation>at least half of all</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>quá nửa tổng số</source>
        <translation>more than half of all</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ít nhất {share} tổng số</source>
        <translation>at least {share} of all</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>quá {share} tổng số</source>
        <translation>more than {share} of all</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{rule} {members}</source>
        <translation>{rule} {members}</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{count}/{total} {members} {label_lower}, chiếm {percent} tổng số {members}</source>
        <translation>{label}: {count}/{total} {members}, {percent} of all {members}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} {members} {label_lower}, chiếm {percent}</source>
        <translation>{label}: {count} {members}, {percent}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} {members} không tham gia biểu quyết, chiếm {percent}</source>
        <translation>{count} {members} did not vote, {percent}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kết quả: được thông qua</source>
        <translation>Result: passed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kết quả: không được thông qua</source>
        <translation>Result: not passed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(số phiếu ngang nhau, quyết định theo ý kiến của Chủ tọa)</source>
        <translation>(a tie, decided by the chair&apos;s side)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{parts}. {verdict} ({condition}).</source>
        <translation>{parts}. {verdict} ({condition}).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Số phiếu phát ra {ballots}/{total} {members}</source>
        <translation>Ballots issued: {ballots}/{total} {members}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>số phiếu ngang nhau, phải bầu lại</source>
        <translation>tied, a new round is needed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name}: {votes}/{total} phiếu, chiếm {percent} tổng số {members} ({status})</source>
        <translation>{name}: {votes}/{total} votes, {percent} of all {members} ({status})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Điều kiện trúng cử: {condition}, tối đa {seats} người</source>
        <translation>To be elected: {condition}, at most {seats} people</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{count} phiếu {label_lower} ({percent})</source>
        <translation>{label}: {count} ({percent})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>có {condition} đánh giá tín nhiệm thấp</source>
        <translation>{condition} rated confidence low</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Số phiếu thu vào {ballots}/{total}.</source>
        <translation>Ballots received: {ballots}/{total}.</translation>
    </message>
</context>
<context>
    <name>AttendanceModel</name>
    <message>
        <location filename="../../ui/models/list_models.py" line="+97"/>
        <source>Có mặt</source>
        <translation>Present</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vắng</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã rời</source>
        <translation>Left</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa điểm danh</source>
        <translation>Not checked in</translation>
    </message>
</context>
<context>
    <name>BigScreen</name>
    <message>
        <location filename="../../ui/chair/big_screen.py" line="-386"/>
        <location line="+191"/>
        <source>Màn hình chung</source>
        <extracomment>Sizes are pixels on a 1080-pixel-high screen; everything scales with the height.</extracomment>
        <translation>Big screen</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Kỳ họp sắp bắt đầu</source>
        <translation>The session is about to begin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kỳ họp đã bế mạc</source>
        <translation>The session is closed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kính chào quý đại biểu</source>
        <translation>Welcome, honourable delegates</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Khai mạc lúc {time} ngày {date}</source>
        <translation>Opens at {time} on {date}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Có mặt {counted}/{total} {members}</source>
        <translation>Present: {counted}/{total} {members}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đủ điều kiện tiến hành</source>
        <translation>Quorum present</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa đủ điều kiện tiến hành</source>
        <translation>No quorum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{verdict} (cần {required})</source>
        <translation>{verdict} ({required} needed)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>ĐANG BIỂU QUYẾT</source>
        <translation>VOTING</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ĐÃ DỪNG NHẬN PHIẾU</source>
        <translation>BALLOTS CLOSED</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BỎ PHIẾU KÍN</source>
        <translation>SECRET BALLOT</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>BIỂU QUYẾT CÔNG KHAI</source>
        <translation>OPEN VOTE</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Điều kiện: {rule} {members}</source>
        <translation>Passes with: {rule} {members}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{members} đã biểu quyết · còn {n} chưa biểu quyết</source>
        <translation>{members} voted · {n} not yet</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>QUÁ GIỜ {time}</source>
        <translation>OVER TIME {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TẠM DỪNG</source>
        <translation>PAUSED</translation>
    </message>
</context>
<context>
    <name>ChairConsole</name>
    <message>
        <location filename="../../ui/chair/console.py" line="+142"/>
        <source>Biểu quyết</source>
        <translation>Vote</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tài liệu</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kết luận</source>
        <translation>Conclusions</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Điều hành</source>
        <translation>Chair</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Màn hình chung</source>
        <translation>Big screen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trợ giúp</source>
        <translation>Help</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+84"/>
        <source>Phím tắt</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>Đăng nhập lại…</source>
        <translation>Log in again…</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Toàn màn hình trên {name} ({w}×{h})</source>
        <translation>Full screen on {name} ({w}×{h})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hiện trong cửa sổ</source>
        <translation>Show in a window</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Chỉ chủ tọa điều hành biểu quyết</source>
        <translation>Only the chair runs the votes</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cần đăng nhập lại</source>
        <translation>Please log in again</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Đang gửi {n} lệnh</source>
        <translation>Sending {n} commands</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>⚠ Máy chủ cần bạn đăng nhập lại (nút Đăng nhập lại… ở thanh trạng thái). Các lệnh được giữ lại và gửi sau khi đăng nhập.</source>
        <translation>⚠ The server needs you to log in again (the Log in again… button in the status bar). Commands are kept and sent once you are logged in.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>⚠ Mất kết nối với máy chủ. Kết thúc và công bố biểu quyết, hủy kết quả, khai mạc và bế mạc phiên họp tạm khóa đến khi có kết nối.</source>
        <translation>⚠ Connection to the server lost. Closing and announcing votes, annulling results, opening and closing the session are locked until the connection is back.</translation>
    </message>
</context>
<context>
    <name>ClientApp</name>
    <message>
        <location filename="../../ui/app.py" line="+588"/>
        <source>Không mở được cuộc họp</source>
        <extracomment>Set by :func:`launch`: this run&apos;s log file and the profile folder&apos;s lock.</extracomment>
        <translation>Cannot open the meeting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chương trình này chưa có cửa sổ cho vai trò của bạn trong cuộc họp.</source>
        <translation>This program has no window yet for your role in the meeting.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+23"/>
        <source>Màn hình chung</source>
        <translation>Big screen</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Hãy mở một cuộc họp trước.</source>
        <translation>Open a meeting first.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Hiển thị màn hình chung trên:</source>
        <translation>Show the big screen on:</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="+131"/>
        <source>Phòng họp không giấy</source>
        <extracomment>Letters a font must draw for Vietnamese text (every tone mark on every vowel shape). Noto Sans from the ``pymupdf-fonts`` wheel (SIL OFL 1.1): module name per style. System families known to cover Vietnamese, in order of preference.</extracomment>
        <translation>Paperless meeting room</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="+221"/>
        <source>Phòng họp không giấy đã mở (tiến trình %1); cửa sổ của nó được đưa lên trước.</source>
        <translation>Paperless Meeting Room is already open (process %1); its window has been brought forward.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Phòng họp không giấy đang chạy (tiến trình %1) nhưng không trả lời; hãy đóng nó hoặc khởi động lại máy. Khóa: %2</source>
        <translation>Paperless Meeting Room is running (process %1) but does not answer; close it or restart the computer. Lock: %2</translation>
    </message>
</context>
<context>
    <name>ClientWindow</name>
    <message>
        <location line="-631"/>
        <source>Đang kết nối…</source>
        <extracomment>Roles that run the meeting from the chair console; everyone else gets the delegate window. The demo accounts ``meetingroom demo`` opens windows for.</extracomment>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã kết nối</source>
        <translation>Connected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mất kết nối, đang thử lại</source>
        <translation>Connection lost, retrying</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cần đăng nhập lại</source>
        <translation>Please log in again</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã ngắt kết nối</source>
        <translation>Disconnected</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>%1 — Phòng họp không giấy</source>
        <translation>%1 — Paperless meeting room</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đăng &amp;xuất</source>
        <translation>Log &amp;out</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đăng nhập &amp;lại…</source>
        <translation>Log in &amp;again…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Thoát</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cuộc họp</source>
        <translation>&amp;Meeting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mở cuộc họp</source>
        <translation>&amp;Open meeting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Làm mới danh sách</source>
        <translation>&amp;Refresh the list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Chuẩn bị cuộc họp…</source>
        <translation>&amp;Prepare meetings…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Màn hình &amp;chung</source>
        <translation>&amp;Big screen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mở màn hình chung của hội trường (toàn màn hình, trên màn hình bạn chọn)</source>
        <translation>Open the hall&apos;s big screen (full screen, on the screen you choose)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quản trị</source>
        <translation>&amp;Administration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cơ quan và người dùng…</source>
        <translation>&amp;Bodies and users…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ngôn ngữ</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mở thư mục &amp;nhật ký</source>
        <translation>Open the &amp;log folder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Các tệp nhật ký của chương trình, để gửi cho người hỗ trợ kỹ thuật</source>
        <translation>The program&apos;s log files, to send to technical support</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Thư mục nhật ký</source>
        <translation>Log folder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Các tệp nhật ký nằm ở: %1</source>
        <translation>The log files are in: %1</translation>
    </message>
</context>
<context>
    <name>CommandNames</name>
    <message>
        <location filename="../../ui/delegate/status_bar.py" line="+37"/>
        <source>Điểm danh</source>
        <translation>Check in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rời phòng họp</source>
        <translation>Leave the meeting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đăng ký phát biểu</source>
        <translation>Request to speak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rút đăng ký</source>
        <translation>Withdraw the request</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gửi phiếu biểu quyết</source>
        <translation>Send the ballot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gửi ý kiến</source>
        <translation>Send the opinion</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đăng ký chất vấn</source>
        <translation>Register a question</translation>
    </message>
</context>
<context>
    <name>DelegateKeys</name>
    <message>
        <location filename="../../ui/delegate/shortcuts.py" line="+46"/>
        <source>Trang trước của tài liệu</source>
        <extracomment>The Vietnamese words (QT_TRANSLATE_NOOP gives them back as they are). name → (Vietnamese label, keys); the first key is the one shown in tooltips.</extracomment>
        <translation>Previous page of the document</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trang sau của tài liệu</source>
        <translation>Next page of the document</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mở tài liệu của mục đang thảo luận</source>
        <translation>Open the document of the item under discussion</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mở rộng vùng đọc (thu gọn các bảng bên)</source>
        <translation>Widen the reading area (fold the side panels)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chữ to hơn (A+)</source>
        <translation>Larger text (A+)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chữ nhỏ hơn (A−)</source>
        <translation>Smaller text (A−)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Điểm danh</source>
        <translation>Check in</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đăng ký phát biểu</source>
        <translation>Request to speak</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đăng ký chất vấn</source>
        <translation>Request to question</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Biểu quyết: chọn phương án 1 (Tán thành), rồi xác nhận</source>
        <translation>Vote: choose option 1 (For), then confirm</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Biểu quyết: chọn phương án 2 (Không tán thành), rồi xác nhận</source>
        <translation>Vote: choose option 2 (Against), then confirm</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Biểu quyết: chọn phương án 3 (Không biểu quyết), rồi xác nhận</source>
        <translation>Vote: choose option 3 (Abstain), then confirm</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bảng Phát biểu</source>
        <translation>Speaking panel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bảng Biểu quyết</source>
        <translation>Vote panel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bảng Ghi chú</source>
        <translation>Notes panel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Danh sách phím tắt</source>
        <translation>List of keyboard shortcuts</translation>
    </message>
</context>
<context>
    <name>DocumentReader</name>
    <message>
        <location filename="../../ui/reader/reader_widget.py" line="+170"/>
        <source>Trang trước</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Trang sau</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Thu nhỏ</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Phóng to</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Vừa chiều rộng</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vừa trang</source>
        <translation>Fit page</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Xoay trái</source>
        <translation>Rotate left</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Xoay phải</source>
        <translation>Rotate right</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Cuộn liên tục</source>
        <translation>Continuous scroll</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Chọn chữ</source>
        <translation>Select text</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Tô sáng</source>
        <translation>Highlight</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Gạch chân</source>
        <translation>Underline</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+45"/>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nội dung ghi chú:</source>
        <translation>Note text:</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Trang số</source>
        <extracomment>Every action with its untranslated text, to word it again at a switch of language.</extracomment>
        <translation>Page number</translation>
    </message>
    <message>
        <location line="-108"/>
        <source>Vẽ tay</source>
        <translation>Freehand</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Sao chép</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Xuất bản có ghi chú…</source>
        <translation>Export with annotations…</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Theo người trình bày</source>
        <translation>Follow the presenter</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Hiện trang thu nhỏ và mục lục</source>
        <translation>Show page thumbnails and outline</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Bắt kịp</source>
        <extracomment>(parent, document title, last password was wrong) -&gt; password, or None to give up. (parent) -&gt; note text, or None when cancelled. Below this width the page thumbnails make way for the page, unless the reader chose. The texts of the reader&apos;s actions, untranslated: marked here for the catalogue, in the reader&apos;s context, so an action can be worded again at each switch of language.</extracomment>
        <translation>Catch up</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>Tìm trong tài liệu (Ctrl+F)</source>
        <translation>Search the document (Ctrl+F)</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>Kết quả trước</source>
        <translation>Previous result</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Kết quả sau</source>
        <translation>Next result</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>Trang</source>
        <translation>Page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mục lục</source>
        <translation>Contents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kết quả tìm</source>
        <translation>Search results</translation>
    </message>
    <message>
        <location line="+232"/>
        <source>Đang kiểm tra chữ ký số…</source>
        <translation>Checking the digital signatures…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>không rõ thời điểm</source>
        <translation>an unknown time</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>chữ ký hợp lệ</source>
        <translation>the signature is valid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tài liệu đã bị thay đổi sau khi ký</source>
        <translation>the document was changed after signing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>chưa tin cậy người ký (chứng thư không do nơi cấp được tin cậy trên máy này cấp)</source>
        <translation>the signer is not trusted (the certificate was not issued by an authority this computer trusts)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>chữ ký không hợp lệ</source>
        <translation>the signature is not valid</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ký số bởi {signer} lúc {when}: {verdict}</source>
        <translation>Signed by {signer} at {when}: {verdict}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(không rõ)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <location line="+154"/>
        <source>Đang tìm…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location line="-420"/>
        <location line="+440"/>
        <source>%1 kết quả</source>
        <translation>%1 results</translation>
    </message>
    <message>
        <location line="-439"/>
        <location line="+441"/>
        <source>Không tìm thấy</source>
        <translation>Not found</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Đại biểu</source>
        <translation>Delegate</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Lưu bản có ghi chú</source>
        <translation>Save the annotated copy</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>DocumentWorker</name>
    <message>
        <location filename="../../ui/reader/document_worker.py" line="+74"/>
        <source>Trang này quá phức tạp, không hiển thị được</source>
        <extracomment>Pages searched per job, so visible pages still render during a long search.</extracomment>
        <translation>This page is too complex to display</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../ui/first_run.py" line="-198"/>
        <source>Chọn máy chủ — Phòng họp không giấy</source>
        <extracomment>The address being checked was completed from one typed without a scheme.</extracomment>
        <translation>Choose the server — Paperless meeting room</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Kết nối tới máy chủ phòng họp&lt;/b&gt;</source>
        <translation>&lt;b&gt;Connect to the meeting server&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chọn máy chủ của hội trường trong danh sách (chương trình tự tìm trong mạng nội bộ), hoặc nhập địa chỉ do kỹ thuật viên cung cấp (ví dụ 192.168.1.10), rồi nhấn Enter.</source>
        <translation>Choose the hall&apos;s server from the list (the program searches the local network), or type the address your technician gave you (for example 192.168.1.10), then press Enter.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tìm lại</source>
        <translation>Search again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Địa chỉ máy chủ:</source>
        <translation>Server address:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kiểm tra và tiếp tục</source>
        <translation>Check and continue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quay lại</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Không tìm tự động được (%1); hãy nhập địa chỉ máy chủ.</source>
        <translation>Cannot search automatically (%1); please type the server address.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đang tìm máy chủ trong mạng nội bộ…</source>
        <translation>Searching the local network for servers…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Tìm thấy %1 máy chủ.</source>
        <translation>Found %1 server(s).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Không tìm thấy máy chủ nào trong mạng nội bộ. Hãy nhập địa chỉ máy chủ (hỏi kỹ thuật viên), ví dụ 192.168.1.10.</source>
        <translation>No server found on the local network. Type the server&apos;s address (ask your technician), for example 192.168.1.10.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> (phiên bản khác: giao thức %1)</source>
        <translation> (another version: protocol %1)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Đang tìm… đã thấy %1 máy chủ.</source>
        <translation>Searching… %1 server(s) found so far.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Đang kiểm tra kết nối tới %1…</source>
        <translation>Checking the connection to %1…</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <location filename="../../ui/delegate/shortcuts.py" line="+64"/>
        <source>Phím tắt</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phím</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tác dụng</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login_dialog.py" line="+154"/>
        <source>Hãy nhập địa chỉ máy chủ, ví dụ 192.168.1.10</source>
        <extracomment>The port ``meetingroom serve`` listens on unless told otherwise (cli.py, ServerConfig).</extracomment>
        <translation>Enter the server address, for example 192.168.1.10</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Địa chỉ máy chủ không hợp lệ: phải bắt đầu bằng ws:// hoặc wss://, ví dụ wss://phonghop.tinh.gov.vn:8765</source>
        <translation>Invalid server address: it must start with ws:// or wss://, e.g. wss://phonghop.tinh.gov.vn:8765</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Địa chỉ máy chủ không hợp lệ: cần dạng ws://máy-chủ:cổng, ví dụ ws://192.168.1.10:8765</source>
        <translation>Invalid server address: use the form ws://host:port, e.g. ws://192.168.1.10:8765</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>Đăng nhập — Phòng họp không giấy</source>
        <extracomment>True once a token of this session is in the keyring. A remembered login found the server out of reach and asked the disk who it is. Where the profiles live (pinned certificates), for the server finder.</extracomment>
        <translation>Log in — Paperless meeting room</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đăng nhập vào máy chủ phòng họp</source>
        <translation>Log in to the meeting room server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Máy chủ:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tìm máy chủ…</source>
        <translation>Find server…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tìm máy chủ của hội trường trong mạng nội bộ và kiểm tra kết nối</source>
        <translation>Find the hall&apos;s server on the local network and check the connection</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tên đăng nhập:</source>
        <translation>Username:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mật khẩu:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ghi nhớ đăng nhập</source>
        <translation>Remember me</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Giữ phiên đăng nhập (không phải mật khẩu) trong kho khóa của hệ điều hành</source>
        <translation>Keep the login session (not the password) in the operating system&apos;s keyring</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Máy này không có kho khóa bảo mật (keyring), nên không thể ghi nhớ đăng nhập; bạn sẽ nhập mật khẩu mỗi lần.</source>
        <translation>This computer has no secure keyring, so the login cannot be remembered; you will type the password each time.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đăng nhập</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Đang đăng nhập lại bằng phiên đã ghi nhớ…</source>
        <translation>Logging in again with the remembered session…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Hãy nhập tên đăng nhập</source>
        <translation>Enter your username</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hãy nhập mật khẩu</source>
        <translation>Enter your password</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đang kết nối tới máy chủ…</source>
        <translation>Connecting to the server…</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Phiên đăng nhập đã ghi nhớ không còn hiệu lực (đã hết hạn hoặc bị thu hồi). Vui lòng nhập mật khẩu.</source>
        <translation>The remembered login is no longer valid (it expired or was revoked). Please enter your password.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Không kết nối được tới máy chủ; đang thử lại. Kiểm tra địa chỉ và mạng, hoặc nhập mật khẩu để thử ngay.</source>
        <translation>Cannot reach the server; retrying. Check the address and the network, or enter your password to try now.</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Không kết nối được tới máy chủ.</source>
        <translation>Cannot connect to the server.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Đã đăng nhập</source>
        <translation>Logged in</translation>
    </message>
</context>
<context>
    <name>MeetingList</name>
    <message>
        <location filename="../../ui/meeting_list.py" line="+57"/>
        <source>Dự thảo</source>
        <extracomment>The status groups the list is split into, with the meeting statuses each holds.</extracomment>
        <translation>Draft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sắp diễn ra</source>
        <translation>Upcoming</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang họp</source>
        <translation>In session</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã kết thúc</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>chưa có trên máy này</source>
        <translation>not on this computer yet</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Chưa có trên máy này: cần kết nối tới máy chủ để mở</source>
        <translation>Not on this computer yet: connect to the server to open it</translation>
    </message>
</context>
<context>
    <name>MeetingListPage</name>
    <message>
        <location line="+193"/>
        <source>Các cuộc họp của bạn</source>
        <extracomment>When the rows are the remembered ones (the server out of reach): since when. The server is up but wants the password again (``ConnectionState.AUTH_REQUIRED``).</extracomment>
        <translation>Your meetings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tìm theo tên cuộc họp, địa điểm, cơ quan…</source>
        <translation>Search by meeting title, place, body…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sắp diễn ra</source>
        <translation>Upcoming</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang họp</source>
        <translation>In session</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Đã kết thúc</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>đến ngày</source>
        <translation>to</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đến ngày</source>
        <translation>Until</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Danh sách cuộc họp</source>
        <translation>Meeting list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mở</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chuẩn bị cuộc họp…</source>
        <translation>Prepare meetings…</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Tài liệu của cuộc họp: {title}</source>
        <translation>Documents of the meeting: {title}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đang tải danh sách cuộc họp…</source>
        <translation>Loading the meetings…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cuộc họp “{title}” chưa có trên máy này: cần kết nối tới máy chủ để mở lần đầu.</source>
        <translation>The meeting “{title}” is not on this computer yet: it opens the first time with a connection to the server.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bạn chưa được mời dự cuộc họp nào</source>
        <translation>You have not been invited to any meeting yet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không có cuộc họp nào khớp với bộ lọc</source>
        <translation>No meeting matches the filter</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n cuộc họp</source>
        <translation>
            <numerusform>%n meeting</numerusform>
            <numerusform>%n meetings</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Máy chủ cần bạn đăng nhập lại để cập nhật danh sách: chọn Tệp → Đăng nhập lại…; vẫn mở được các cuộc họp đã có trên máy này.</source>
        <translation>The server needs you to log in again to update the list: choose File → Log in again…; the meetings already on this computer still open.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Không kết nối được tới máy chủ. Đây là các cuộc họp đã có trên máy này; danh sách sẽ được cập nhật khi có kết nối.</source>
        <translation>Cannot reach the server. These are the meetings already on this computer; the list is brought up to date once connected.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không kết nối được tới máy chủ. Danh sách lưu lúc {time}; mở được các cuộc họp đã có trên máy này.</source>
        <translation>Cannot reach the server. List saved at {time}; the meetings already on this computer can be opened.</translation>
    </message>
</context>
<context>
    <name>MeetingStatusBar</name>
    <message>
        <location filename="../../ui/delegate/status_bar.py" line="+78"/>
        <source>Thử lại ngay</source>
        <translation>Retry now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kết nối lại với máy chủ ngay bây giờ</source>
        <translation>Reconnect to the server now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đăng nhập lại…</source>
        <translation>Log in again…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Máy chủ không còn nhận phiên đăng nhập này: nhập lại mật khẩu để tiếp tục</source>
        <translation>The server no longer accepts this session: enter the password again to go on</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Hội trường mất kết nối với máy chủ tỉnh; vẫn đọc được tài liệu</source>
        <translation>The hall has lost its link to the provincial server; documents can still be read</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — {n} thao tác đang chờ gửi</source>
        <translation> — {n} action(s) waiting to be sent</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đang kết nối…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mất kết nối — thử lại sau {n} giây</source>
        <translation>Connection lost — retrying in {n} s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mất kết nối — đang thử lại</source>
        <translation>Connection lost — retrying</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cần đăng nhập lại</source>
        <translation>Please log in again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã ngắt kết nối</source>
        <translation>Disconnected</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{n} thao tác đang chờ gửi: {names}</source>
        <translation>{n} actions waiting to be sent: {names}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Các thao tác được lưu trên máy và sẽ tự gửi khi có kết nối</source>
        <translation>Actions are saved on this computer and sent when the connection is back</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{action} không thực hiện được: {message}</source>
        <translation>{action} failed: {message}</translation>
    </message>
</context>
<context>
    <name>MeetingWindow</name>
    <message>
        <location filename="../../ui/delegate/meeting_window.py" line="+87"/>
        <source>[Mật] </source>
        <extracomment>Given a document row of the snapshot, its PDF bytes, or None when not on this laptop. Platforms without a window manager: raising a window there only prints a warning.</extracomment>
        <translation>[Confidential] </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} trang</source>
        <translation>{n} pages</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Phòng họp không giấy</source>
        <extracomment>Reading documents from the cache and carrying notes to a new version, in order. The open document&apos;s id while the page says it is not on this laptop yet: it is shown by itself once the packet has it.</extracomment>
        <translation>Paperless meeting room</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Chương trình nghị sự</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chương trình nghị sự; mục đang thảo luận có dấu ▶</source>
        <translation>Agenda; the item under discussion is marked ▶</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tài liệu</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bấm vào tài liệu để mở</source>
        <translation>Click a document to open it</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>&lt;b&gt;Chương trình nghị sự&lt;/b&gt;</source>
        <translation>&lt;b&gt;Agenda&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Chọn một tài liệu ở bên trái để đọc.</source>
        <translation>Choose a document on the left to read it.</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>☰ Chương trình và tài liệu</source>
        <translation>☰ Agenda and documents</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hiện lại chương trình nghị sự và danh sách tài liệu bên trái</source>
        <translation>Show the agenda and the document list on the left again</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phát biểu</source>
        <translation>Speaking</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Biểu quyết</source>
        <translation>Vote</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Đăng ký phát biểu, chất vấn (Alt+1)</source>
        <translation>Request to speak or to question (Alt+1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Biểu quyết đang mở và kết quả (Alt+2)</source>
        <translation>The open vote and results (Alt+2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ghi chú cá nhân theo từng nội dung (Alt+3)</source>
        <translation>Personal notes per agenda item (Alt+3)</translation>
    </message>
    <message>
        <location line="+574"/>
        <source>Điểm danh</source>
        <translation>Check in</translation>
    </message>
    <message>
        <location line="-571"/>
        <source>Báo có mặt tại phiên họp (Ctrl+D)</source>
        <translation>Report that you are present at the session (Ctrl+D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mở phiếu biểu quyết (Alt+2)</source>
        <translation>Open the ballot (Alt+2)</translation>
    </message>
    <message>
        <location line="+141"/>
        <source>A−</source>
        <translation>A−</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A+</source>
        <translation>A+</translation>
    </message>
    <message>
        <location line="-141"/>
        <source>Chữ nhỏ hơn</source>
        <translation>Smaller text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chữ to hơn</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mở tài liệu của mục này</source>
        <translation>Open this item&apos;s document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mở tài liệu của mục đang thảo luận</source>
        <translation>Open the document of the item under discussion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Để sau</source>
        <translation>Later</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiếp tục đọc tài liệu đang mở</source>
        <translation>Keep reading the open document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xem</source>
        <translation>View</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phiên họp</source>
        <translation>Session</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trợ giúp</source>
        <translation>Help</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Phím tắt</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location line="+347"/>
        <source>⚠ Cần đăng nhập lại để tiếp tục gửi thao tác.</source>
        <translation>⚠ Please log in again so your actions can be sent.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>⚠ Mất kết nối với máy chủ — vẫn đọc được tài liệu và ghi chú; thao tác của bạn được giữ lại và tự gửi khi có kết nối.</source>
        <translation>⚠ Connection to the server lost — documents and notes remain readable; your actions are kept and sent automatically when the connection is back.</translation>
    </message>
    <message>
        <location line="-348"/>
        <location line="+361"/>
        <source>Tải tài liệu</source>
        <translation>Document downloads</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Đang tải cuộc họp…</source>
        <translation>Loading the meeting…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{title} — Phòng họp không giấy</source>
        <translation>{title} — Paperless meeting room</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đang thảo luận: {title}</source>
        <translation>Under discussion: {title}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa bắt đầu nội dung nào</source>
        <translation>No item started yet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chủ tọa</source>
        <translation>Chair</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thư ký</source>
        <translation>Secretary</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đại biểu</source>
        <translation>Delegate</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Khách mời</source>
        <translation>Guest</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Chủ tọa đã chuyển sang mục: {title}. Bạn đang đọc tài liệu khác.</source>
        <translation>The chair moved on to: {title}. You are reading another document.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>&lt;b&gt;Tài liệu&lt;/b&gt; ({n})</source>
        <translation>&lt;b&gt;Documents&lt;/b&gt; ({n})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Tài liệu&lt;/b&gt;: không có tài liệu cho nội dung này</source>
        <translation>&lt;b&gt;Documents&lt;/b&gt;: none for this item</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>✔ Đã điểm danh</source>
        <translation>✔ Checked in</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đang gửi điểm danh…</source>
        <translation>Sending the check-in…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Đang biểu quyết — bấm để bỏ phiếu</source>
        <translation>Voting — click to vote</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Đang mở {title}…</source>
        <translation>Opening {title}…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tài liệu chưa được tải về máy này</source>
        <translation>The document is not on this computer yet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Không đọc được tài liệu: {error}</source>
        <translation>Cannot read the document: {error}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Người trình bày đang chiếu: {title}, trang {page}</source>
        <translation>The presenter is showing: {title}, page {page}</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <location filename="../../ui/delegate/notes_panel.py" line="+69"/>
        <source>Ghi chú cá nhân cho nội dung này. Chỉ bạn xem được; tự động lưu trên máy.</source>
        <translation>Personal notes for this item. Only you can see them; saved automatically on this computer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ghi chú được lưu tự động khi bạn gõ</source>
        <translation>Notes are saved automatically as you type</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Đã lưu</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Chọn một nội dung trong chương trình để ghi chú.</source>
        <translation>Choose an agenda item to take notes on.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ghi chú: {title}</source>
        <translation>Notes: {title}</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Đang mở ghi chú…</source>
        <translation>Opening the notes…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đang lưu…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>PacketProgressPanel</name>
    <message>
        <location filename="../../ui/packet_progress.py" line="+34"/>
        <source>{title}: lỗi — {reason}</source>
        <extracomment>Steps of a progress bar, at most: it works in ints (2^31), so a packet&apos;s bytes are counted in units that keep it under this. In units of 100 kB, a packet of small documents stood at 0 % with one of ten in (found walking the app).</extracomment>
        <translation>{title}: error — {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{title}: đã tải xong ({size} MB)</source>
        <translation>{title}: downloaded ({size} MB)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Chưa tải tài liệu nào về máy</source>
        <translation>No documents downloaded yet</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Tài liệu đang tải về</source>
        <translation>Documents downloading</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Có tài liệu chưa tải được; sẽ thử lại khi có mạng</source>
        <extracomment>The meeting window wants the page&apos;s height back once all is on the laptop; the meeting list keeps showing what was fetched. Set by the owner.</extracomment>
        <translation>Some documents could not be downloaded; will retry when the network is back</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã tải đủ {n} tài liệu, có thể họp khi mất mạng</source>
        <translation>All {n} documents downloaded; you can follow the meeting offline</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã tải {ready}/{n} tài liệu; tạm dừng tải trong khi biểu quyết</source>
        <translation>{ready}/{n} documents downloaded; paused while a vote is open</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đang tải tài liệu: {ready}/{n}</source>
        <translation>Downloading documents: {ready}/{n}</translation>
    </message>
</context>
<context>
    <name>PageCanvas</name>
    <message>
        <location filename="../../ui/reader/page_canvas.py" line="+586"/>
        <source>Đang tải trang %1…</source>
        <extracomment>Pages whose words (for selecting text) are kept: the ones on screen and the last read. How long a page being drawn keeps the previous picture on screen instead of the &quot;loading&quot; page: most pages arrive well within it, and painting &quot;loading&quot; first took a millisecond or two of the cores the page was being drawn on.</extracomment>
        <translation>Loading page %1…</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../ui/reader/password_dialog.py" line="+18"/>
        <source>Tài liệu có mật khẩu</source>
        <translation>Password-protected document</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nhập mật khẩu để mở “%1”:</source>
        <translation>Enter the password to open “%1”:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mật khẩu không đúng, vui lòng thử lại.</source>
        <translation>Wrong password, please try again.</translation>
    </message>
</context>
<context>
    <name>QueuedWords</name>
    <message>
        <location filename="../../ui/delegate/status_bar.py" line="-167"/>
        <source>điểm danh</source>
        <translation>check-in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rời phòng họp</source>
        <translation>leaving the meeting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>đăng ký phát biểu</source>
        <translation>request to speak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rút đăng ký</source>
        <translation>withdrawal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phiếu biểu quyết</source>
        <translation>ballot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ý kiến</source>
        <translation>opinion</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>đăng ký chất vấn</source>
        <translation>request to question</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đang chờ gửi: {names}</source>
        <translation>Waiting to be sent: {names}</translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <location filename="../../ui/reader/models.py" line="+29"/>
        <source>Trang %1</source>
        <extracomment>Role carrying the 0-based page number, the one thing views act on.</extracomment>
        <translation>Page %1</translation>
    </message>
</context>
<context>
    <name>ReloginDialog</name>
    <message>
        <location filename="../../ui/relogin_dialog.py" line="+81"/>
        <source>Đăng nhập lại</source>
        <translation>Log in again</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Máy chủ không còn nhận phiên đăng nhập của {name}: phiên đã hết hạn, bị thu hồi hoặc mật khẩu đã được đặt lại. Nhập mật khẩu để tiếp tục; các cửa sổ vẫn mở và thao tác đang chờ sẽ được gửi sau khi đăng nhập.</source>
        <translation>The server no longer accepts the session of {name}: it expired, was revoked, or the password was reset. Enter the password to go on; the windows stay open and waiting actions are sent once you are logged in.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mật khẩu:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đăng nhập</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Để sau</source>
        <translation>Later</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Đang đăng nhập…</source>
        <translation>Logging in…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Hãy nhập mật khẩu</source>
        <translation>Enter your password</translation>
    </message>
</context>
<context>
    <name>ReminderBar</name>
    <message>
        <location filename="../../ui/delegate/reminder_bar.py" line="+44"/>
        <source>Đã biết</source>
        <translation>Got it</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ẩn lời nhắc này</source>
        <translation>Hide this reminder</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Đang chờ ý kiến bằng văn bản của đồng chí về «%1», hạn trả lời %2.</source>
        <translation>Your written opinion on “%1” is awaited; the deadline is %2.</translation>
    </message>
</context>
<context>
    <name>RoomsPanel</name>
    <message>
        <location filename="../../ui/chair/rooms_panel.py" line="+21"/>
        <source>kết nối tốt</source>
        <translation>linked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MẤT KẾT NỐI</source>
        <translation>LINK DOWN</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, {n} thao tác chờ</source>
        <translation>, {n} action(s) waiting</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{icon} {hall}: {state}, có mặt {present}, {laptops} máy{extra}</source>
        <translation>{icon} {hall}: {state}, {present} present, {laptops} laptop(s){extra}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Điểm cầu</source>
        <translation>Linked halls</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Các điểm cầu đang nối</source>
        <translation>Connected remote rooms</translation>
    </message>
</context>
<context>
    <name>SpeakerQueueModel</name>
    <message>
        <location filename="../../ui/models/list_models.py" line="-15"/>
        <source>(đã mời)</source>
        <translation>(called)</translation>
    </message>
</context>
<context>
    <name>SpeakingPanel</name>
    <message>
        <location filename="../../ui/delegate/speaking_panel.py" line="+187"/>
        <source>Đang phát biểu</source>
        <translation>Speaking now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thời gian phát biểu còn lại</source>
        <translation>Speaking time left</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nội dung muốn phát biểu (không bắt buộc)</source>
        <translation>What you want to say (optional)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ghi ngắn vấn đề bạn muốn nêu; chủ tọa sẽ thấy khi mời phát biểu</source>
        <translation>Briefly note what you want to raise; the chair sees it when calling speakers</translation>
    </message>
    <message>
        <location line="-77"/>
        <location line="+78"/>
        <source>Phát biểu</source>
        <translation>Speaking</translation>
    </message>
    <message>
        <location line="-78"/>
        <location line="+78"/>
        <source>Đăng ký phát biểu</source>
        <translation>Request to speak</translation>
    </message>
    <message>
        <location line="-76"/>
        <location line="+77"/>
        <source>Chất vấn</source>
        <translation>Questions</translation>
    </message>
    <message>
        <location line="-77"/>
        <location line="+77"/>
        <source>Đăng ký chất vấn</source>
        <translation>Register a question</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đăng ký phát biểu về nội dung đang thảo luận (Ctrl+P)</source>
        <translation>Request to speak on the item under discussion (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đăng ký chất vấn về nội dung đang thảo luận</source>
        <translation>Register a question on the item under discussion</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>danh sách phát biểu</source>
        <translation>speaker list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>danh sách chất vấn</source>
        <translation>question list</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chưa có nội dung đang thảo luận.</source>
        <translation>No item under discussion.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đang gửi đăng ký… (sẽ tự gửi khi có kết nối)</source>
        <translation>Sending the registration… (sent when the connection is back)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bạn chưa đăng ký trong {queue}.</source>
        <translation>You are not registered in the {queue}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chủ tọa đã mời bạn ({queue}).</source>
        <translation>The chair has called you ({queue}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bạn đang ở vị trí {place} trong {queue}</source>
        <translation>You are number {place} in the {queue}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Nội dung đang thảo luận: {title}</source>
        <translation>Under discussion: {title}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa có nội dung đang thảo luận</source>
        <translation>No item under discussion</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Chỉ đại biểu được đăng ký phát biểu</source>
        <translation>Only delegates may register to speak</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chủ tọa đã mời bạn phát biểu. Mời bạn chuẩn bị.</source>
        <translation>The chair has called you to speak. Please get ready.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Chưa có ai phát biểu</source>
        <translation>No one is speaking</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>chất vấn</source>
        <translation>questions</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (tạm dừng)</source>
        <translation> (paused)</translation>
    </message>
</context>
<context>
    <name>VotePanel</name>
    <message>
        <location filename="../../ui/delegate/vote_panel.py" line="+241"/>
        <source>Bỏ phiếu kín: không ai, kể cả chủ tọa, biết bạn đã chọn gì</source>
        <translation>Secret ballot: no one, not even the chair, knows what you chose</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Máy này không có kho khóa bảo mật, nên phiếu kín chưa gửi chỉ được giữ trong bộ nhớ. Đừng tắt máy hay đóng chương trình cho tới khi phiếu được gửi xong.</source>
        <translation>This computer has no secure keyring, so your unsent secret ballot is kept in memory only. Do not shut down or close the program until the ballot has been sent.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gửi phiếu</source>
        <translation>Cast ballot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xem lại lựa chọn rồi xác nhận</source>
        <translation>Review your choice, then confirm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xác nhận</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gửi phiếu; phiếu đã gửi không sửa được</source>
        <translation>Cast the ballot; a cast ballot cannot be changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chọn lại</source>
        <translation>Choose again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quay lại để chọn khác</source>
        <translation>Go back to choose differently</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chưa có biểu quyết nào. Khi chủ tọa mở biểu quyết, phiếu sẽ hiện ở đây.</source>
        <translation>No vote yet. When the chair opens a vote, the ballot appears here.</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Bạn theo dõi biểu quyết; chỉ đại biểu được biểu quyết.</source>
        <extracomment>For, against, abstain: green, red, grey, always with the option&apos;s words and its key on the button (never the colour alone). A vote has just opened (id): the window brings this panel forward. What this delegate chose, by vote id: this laptop&apos;s own record, never the server&apos;s (a secret ballot&apos;s choice is nowhere else), kept in memory only. Words the confirmation asked now (``_ask``), in the language installed. A secret ballot waiting to be sent with no keyring to seal it is in memory only.</extracomment>
        <translation>You are following the vote; only delegates may vote.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bạn cần điểm danh trước khi biểu quyết.</source>
        <translation>You must check in before voting.</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Bạn đã chọn: {choice}</source>
        <translation>You chose: {choice}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Bỏ phiếu kín</source>
        <translation>Secret ballot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Biểu quyết công khai</source>
        <translation>Open vote</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bầu cử, tối đa {n} người</source>
        <translation>Election, at most {n} people</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lấy phiếu tín nhiệm</source>
        <translation>Confidence rating</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Điều kiện: {rule}</source>
        <translation>Condition: {rule}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{voted}/{total} đại biểu đã biểu quyết</source>
        <translation>{voted}/{total} delegates have voted</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Biểu quyết đã bị hủy: {reason}</source>
        <translation>The vote was cancelled: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã kết thúc biểu quyết — bạn đã biểu quyết</source>
        <translation>The vote has ended — you voted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã kết thúc biểu quyết</source>
        <translation>The vote has ended</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã biểu quyết</source>
        <translation>Voted</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Phiếu đang chờ gửi: sẽ tự gửi khi có kết nối</source>
        <translation>Ballot waiting to be sent: it goes out when the connection is back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang gửi phiếu…</source>
        <translation>Sending the ballot…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Biểu quyết tạm dừng</source>
        <translation>Vote paused</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đang biểu quyết — mời bạn chọn</source>
        <translation>Voting — please choose</translation>
    </message>
    <message>
        <location line="-116"/>
        <source>Chọn “{label}”, rồi xác nhận (phím {key})</source>
        <translation>Choose “{label}”, then confirm (key {key})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chọn “{label}”, rồi xác nhận</source>
        <translation>Choose “{label}”, then confirm</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chọn tối đa {n} người; không chọn ai là phiếu trắng.</source>
        <translation>Choose at most {n} people; choosing no one is a blank ballot.</translation>
    </message>
    <message>
        <location line="+176"/>
        <source>Xác nhận biểu quyết: {label}?</source>
        <translation>Confirm your vote: {label}?</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Xác nhận phiếu bầu: {names}?</source>
        <translation>Confirm your ballot: {names}?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xác nhận phiếu trắng (không bầu ai)?</source>
        <translation>Confirm a blank ballot (electing no one)?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Xác nhận phiếu tín nhiệm:</source>
        <translation>Confirm your confidence ballot:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(không đánh giá ai)</source>
        <translation>(no one rated)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>phiếu trắng (không bầu ai)</source>
        <translation>blank ballot (nobody elected)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>không đánh giá ai</source>
        <translation>nobody rated</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>ĐƯỢC THÔNG QUA</source>
        <translation>PASSED</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>KHÔNG ĐƯỢC THÔNG QUA</source>
        <translation>NOT PASSED</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Không tham gia</source>
        <translation>Did not vote</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>không ai</source>
        <translation>no one</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trúng cử: {names}</source>
        <translation>Elected: {names}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{rule} đánh giá tín nhiệm thấp</source>
        <translation>{rule} rated confidence low</translation>
    </message>
</context>
<context>
    <name>_QueueBox</name>
    <message>
        <location filename="../../ui/delegate/speaking_panel.py" line="-168"/>
        <source>Rút đăng ký</source>
        <extracomment>Roles that may register (the server checks again).</extracomment>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rút đăng ký của bạn khỏi danh sách này</source>
        <translation>Withdraw your registration from this list</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Danh sách theo thứ tự chủ tọa sẽ mời</source>
        <translation>The list in the order the chair will call</translation>
    </message>
</context>
<context>
    <name>chair</name>
    <message>
        <location filename="../../ui/chair/shortcuts.py" line="+27"/>
        <source>Mời người phát biểu tiếp theo</source>
        <extracomment>The Vietnamese words (QT_TRANSLATE_NOOP gives them back as they are). name → (Vietnamese label, keys). The first key is the one shown in tooltips.</extracomment>
        <translation>Call the next speaker</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mời người chất vấn tiếp theo</source>
        <translation>Call the next questioner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bắt đầu / tạm dừng / tiếp tục</source>
        <translation>Start / pause / resume</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kết thúc phát biểu</source>
        <translation>End the speech</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thêm 1 phút</source>
        <translation>Add 1 minute</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mục tiếp theo</source>
        <translation>Next item</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mục trước</source>
        <translation>Previous item</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mở biểu quyết</source>
        <translation>Open the vote</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dừng nhận phiếu</source>
        <translation>Stop taking ballots</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kết thúc và công bố kết quả</source>
        <translation>Close and announce the result</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chia sẻ trang của tôi</source>
        <translation>Share my page</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hiện / ẩn màn hình chung</source>
        <translation>Show / hide the big screen</translation>
    </message>
    <message>
        <location filename="../../ui/chair/texts.py" line="-307"/>
        <source>Dự thảo</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa khai mạc</source>
        <translation>Not opened yet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang họp</source>
        <translation>In session</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã bế mạc</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chưa mở</source>
        <translation>Not open yet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang biểu quyết</source>
        <translation>Voting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã dừng nhận phiếu</source>
        <translation>Ballots stopped</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã công bố kết quả</source>
        <translation>Result announced</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã hủy</source>
        <translation>Annulled</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Phát biểu</source>
        <translation>Speaking</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chất vấn</source>
        <translation>Questions</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chủ tọa</source>
        <translation>Chair</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thư ký</source>
        <translation>Secretary</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đại biểu</source>
        <translation>Delegate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khách mời</source>
        <translation>Guest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quản trị</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>công khai</source>
        <translation>open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bỏ phiếu kín</source>
        <translation>secret ballot</translation>
    </message>
</context>
</TS>
