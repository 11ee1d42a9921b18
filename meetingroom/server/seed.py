"""A realistic provincial People's Council session to demonstrate and test against.

The province "An Hòa" is fictional; names, titles and documents are plausible
but invented, so the demo can be shown anywhere without exposing real people.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from meetingroom.core.demo_documents import (
    DEMO_PASSWORD,
    DemoDocument,
    demo_documents,
    render_document,
)
from meetingroom.core.timezones import DEFAULT_TIME_ZONE, from_zone, now_in_zone
from meetingroom.core.vocabulary import BodyKind, Level, MeetingStatus, Role
from meetingroom.server.accounts import add_user
from meetingroom.server.blobs import BlobStore
from meetingroom.server.body_rules import default_rule_rows
from meetingroom.server.passwords import hash_password
from meetingroom.server.storage.database import Database
from meetingroom.server.storage.models import (
    AgendaItem,
    Body,
    BodyMember,
    Document,
    Meeting,
    Participant,
    User,
)

BODY_NAME = "Hội đồng nhân dân tỉnh An Hòa"
MEETING_TITLE = "Kỳ họp thứ Mười hai (chuyên đề) - HĐND tỉnh An Hòa khóa XI, nhiệm kỳ 2026-2031"
DELEGATES = 50
CONFIDENTIAL = "mat"

_SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
             "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
_MIDDLE = ["Văn", "Thị", "Minh", "Thị Thu", "Quốc", "Thanh", "Đức", "Ngọc", "Hữu", "Thị Kim"]
_GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hòa", "Hùng",
          "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Phương",
          "Quân", "Quỳnh", "Sơn", "Tâm", "Thảo", "Thắng", "Thủy", "Trang", "Trung", "Tuấn",
          "Vân", "Việt", "Yến"]

#: (title, planned minutes, presenter, [document filename stems attached], sub-items)
AGENDA: list[tuple[str, int, str, list[str], list[str]]] = [
    ("Khai mạc kỳ họp", 15, "Chủ tịch HĐND tỉnh", ["chuong-trinh"], []),
    ("Báo cáo tình hình kinh tế - xã hội năm 2026 và kế hoạch năm 2027", 45,
     "Chủ tịch UBND tỉnh", ["bao-cao-tinh-hinh"], []),
    ("Tờ trình về dự toán ngân sách nhà nước năm 2027", 40, "Giám đốc Sở Tài chính",
     ["to-trinh", "tham-tra-cua-ban-kinh-te"],
     ["Báo cáo thẩm tra của Ban Kinh tế - Ngân sách", "Thảo luận tại hội trường"]),
    ("Dự thảo Nghị quyết về kế hoạch đầu tư công trung hạn giai đoạn 2026-2030", 40,
     "Giám đốc Sở Kế hoạch và Đầu tư", ["nghi-quyet-ve-ke-hoach", "nghi-quyet-ve-chinh-sach"],
     []),
    ("Chất vấn và trả lời chất vấn", 90, "Chủ tọa kỳ họp", ["chat-van", "giam-sat"], []),
    ("Bầu bổ sung Ủy viên Ủy ban nhân dân tỉnh", 30, "Trưởng Ban Pháp chế", [CONFIDENTIAL],
     []),
    ("Biểu quyết thông qua các nghị quyết", 30, "Chủ tọa kỳ họp", ["van-hoa"], []),
    ("Bế mạc kỳ họp", 15, "Chủ tịch HĐND tỉnh", [], []),
]


@dataclass(frozen=True)
class DemoLogins:
    admin: str
    chair: str
    secretary: str
    delegates: list[str]
    guests: list[str]
    password: str
    meeting_id: int

    def describe(self) -> str:
        return "\n".join([
            f"Cuộc họp mẫu / demo meeting id: {self.meeting_id}",
            f"Mật khẩu chung / password for every demo account: {self.password}",
            f"  Quản trị / admin:      {self.admin}",
            f"  Chủ tọa / chair:       {self.chair}",
            f"  Thư ký / secretary:    {self.secretary}",
            f"  Đại biểu / delegates:  {self.delegates[0]} … {self.delegates[-1]}",
            f"  Khách mời / guests:    {', '.join(self.guests)}",
        ])


def _delegate_name(n: int) -> str:
    return (f"{_SURNAMES[n % len(_SURNAMES)]} {_MIDDLE[(n * 7) % len(_MIDDLE)]} "
            f"{_GIVEN[(n * 11) % len(_GIVEN)]}")


def _documents() -> list[DemoDocument]:
    """The generated packet plus one confidential personnel list (mật)."""
    data, pages = render_document(
        "Danh sách nhân sự dự kiến bầu bổ sung Ủy viên Ủy ban nhân dân tỉnh (MẬT)",
        ["Tài liệu mật, chỉ phát cho đại biểu dự kỳ họp; không sao chụp, không mang ra khỏi "
         "hội trường.",
         "Căn cứ Luật Tổ chức chính quyền địa phương, Thường trực Hội đồng nhân dân tỉnh giới "
         "thiệu nhân sự để Hội đồng nhân dân tỉnh bầu bổ sung Ủy viên Ủy ban nhân dân tỉnh.",
         "Ông Đỗ Minh Khoa, Giám đốc Sở Nội vụ; bà Võ Thị Thanh Hằng, Giám đốc Sở Y tế.",
         "Đại biểu bỏ phiếu kín; người được bầu phải được quá nửa tổng số đại biểu Hội đồng "
         "nhân dân tỉnh tán thành."], min_pages=2)
    secret = DemoDocument(f"10-{CONFIDENTIAL}-nhan-su-bau-bo-sung.pdf",
                          "Danh sách nhân sự dự kiến bầu bổ sung Ủy viên UBND tỉnh (Mật)",
                          data, pages)
    return [*demo_documents(), secret]


def seed_demo(db: Database, blobs: BlobStore, *, password: str = DEMO_PASSWORD,
              today: datetime | None = None) -> DemoLogins:
    """Create the demo council and its session; running it twice changes nothing."""
    with db.transaction() as session:
        existing = session.scalar(select(Meeting).where(Meeting.title == MEETING_TITLE))
        if existing is None:
            meeting_id = _create(session, blobs, password, today or now_in_zone(DEFAULT_TIME_ZONE))
        else:
            meeting_id = existing.id
    return DemoLogins(
        admin="admin", chair="chutoa", secretary="thuky",
        delegates=[f"daibieu{n:02d}" for n in range(1, DELEGATES + 1)],
        guests=["khach01", "khach02"], password=password, meeting_id=meeting_id,
    )


def _create(session: Session, blobs: BlobStore, password: str, today: datetime) -> int:
    body = Body(name=BODY_NAME, kind=BodyKind.HDND.value, level=Level.PROVINCE.value,
                total_members=DELEGATES + 1,
                vote_rules=default_rule_rows(BodyKind.HDND))
    session.add(body)

    if session.scalar(select(User.id).where(User.username == "admin")) is None:
        add_user(session, "admin", "Quản trị hệ thống", password, is_admin=True)
    # One Argon2 hash shared by the demo accounts keeps seeding fast; real accounts
    # are created one by one with their own salt (meetingroom user add).
    shared_hash = hash_password(password)

    def person(username: str, full_name: str, title: str) -> User:
        user = User(username=username, full_name=full_name, title=title,
                    password_hash=shared_hash)
        session.add(user)
        return user

    chair = person("chutoa", "Nguyễn Văn Thành", "Chủ tịch HĐND tỉnh")
    secretary = person("thuky", "Trần Thị Mai Hương", "Chuyên viên Văn phòng Đoàn ĐBQH và HĐND")
    delegates = [person(f"daibieu{n:02d}", _delegate_name(n), "Đại biểu HĐND tỉnh")
                 for n in range(1, DELEGATES + 1)]
    guests = [person("khach01", "Lê Quang Vinh", "Giám đốc Sở Tài chính"),
              person("khach02", "Phạm Thị Ngọc Ánh", "Phó Giám đốc Sở Kế hoạch và Đầu tư")]
    session.flush()
    for user in [chair, *delegates]:
        body.members.append(BodyMember(user_id=user.id, position=user.title))

    starts = from_zone(datetime.combine(today.date(), time(8, 0)), DEFAULT_TIME_ZONE)
    meeting = Meeting(body=body, title=MEETING_TITLE, status=MeetingStatus.PUBLISHED.value,
                      location="Hội trường Trung tâm Hội nghị tỉnh An Hòa", starts_at=starts)
    session.add(meeting)
    session.flush()

    docs = _documents()
    for position, (title, minutes, presenter, stems, children) in enumerate(AGENDA):
        item = AgendaItem(meeting_id=meeting.id, title=title, position=position,
                          planned_minutes=minutes, presenter=presenter)
        session.add(item)
        session.flush()
        for child_position, child in enumerate(children):
            session.add(AgendaItem(meeting_id=meeting.id, parent_id=item.id, title=child,
                                   position=child_position, planned_minutes=minutes // 2,
                                   presenter=presenter))
        for doc in docs:
            if any(stem in doc.filename for stem in stems):
                session.add(Document(
                    meeting_id=meeting.id, agenda_item_id=item.id, title=doc.title,
                    filename=doc.filename, sha256=blobs.put(doc.data), pages=doc.pages,
                    size_bytes=len(doc.data), confidential=CONFIDENTIAL in doc.filename))

    seats = [Participant(meeting_id=meeting.id, user_id=chair.id, role=Role.CHAIR.value,
                         seat="CT"),
             Participant(meeting_id=meeting.id, user_id=secretary.id,
                         role=Role.SECRETARY.value, seat="TK")]
    seats += [Participant(meeting_id=meeting.id, user_id=d.id, role=Role.DELEGATE.value,
                          seat=f"A{n:02d}") for n, d in enumerate(delegates, start=1)]
    seats += [Participant(meeting_id=meeting.id, user_id=g.id, role=Role.GUEST.value,
                          seat=f"K{n}") for n, g in enumerate(guests, start=1)]
    session.add_all(seats)
    session.flush()
    return meeting.id
