#!/usr/bin/env python3
"""A school year of THCS Vĩnh Phong 1 (period 2026), seeded through the edge as the school
makes it: the board records 45 staff with their roles and gives each a personal token;
everyone registers their targets and the leaders confirm; the leaders propose 60 nominations
(drafts, submitted, withdrawn, under the council's review with a vote, approved, rejected,
forwarded, awarded); every unit hands in its part of the yearly report; the board sends 30
announcements to the staff group and issues the yearly report (DOCX, and the PDF that
LibreOffice renders as a child of reports, which then exits). Every call must succeed; the
first that does not stops the seed with its answer (exit 1).

    python3 bench/stack/seed.py <edge base URL> <admin token>

Prints what it made, one line, as JSON.
"""
import json
import sys
import urllib.error
import urllib.request
from datetime import datetime, timedelta, timezone

EDGE, ADMIN = sys.argv[1], sys.argv[2]
YEAR = "2026"
calls = 0


def call(method, path, body=None, token=ADMIN, expect=(200, 201, 202), headers=None, timeout=60):
    """One request through the edge; its JSON answer. Stops the seed on any other status."""
    global calls
    calls += 1
    data = None if body is None else json.dumps(body, ensure_ascii=False).encode()
    h = {"Authorization": "Bearer " + token}
    if data is not None:
        h["Content-Type"] = "application/json"
    h.update(headers or {})
    req = urllib.request.Request(EDGE + path, data=data, method=method, headers=h)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            status, text = r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        status, text = e.code, e.read().decode(errors="replace")
    if status not in expect:
        sys.exit(f"seed: {method} {path} answered {status}: {text[:500]}")
    return json.loads(text) if text else None


N = "/api/nominations/v1"
R = "/api/reports/v1"
M = "/api/notifications/v1"
today = datetime.now(timezone(timedelta(hours=7))).date().isoformat()  # the school's day

# ---- the people: the board (school unit), six groups with a leader each, two council members
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ"]
MIDDLE = ["Thị", "Văn", "Ngọc", "Minh", "Thanh", "Hữu", "Kim", "Quốc"]
GIVEN = ["Lan", "An", "Bình", "Cường", "Dung", "Hải", "Hạnh", "Hoa", "Hùng", "Khánh", "Linh",
         "Mai", "Nam", "Nga", "Phúc", "Quyên", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vy"]
UNITS = {  # unit: (members, position of its teachers)
    "truong": (3, "Phó Hiệu trưởng"),
    "to-toan-tin": (9, "Giáo viên Toán"),
    "to-ngu-van": (8, "Giáo viên Ngữ văn"),
    "to-khtn": (8, "Giáo viên Khoa học tự nhiên"),
    "to-khxh": (7, "Giáo viên Lịch sử và Địa lí"),
    "to-ngoai-ngu": (5, "Giáo viên Tiếng Anh"),
    "to-van-phong": (5, "Nhân viên văn phòng"),
}
staff = []  # (id, name, unit, role)
for unit, (count, position) in UNITS.items():
    for i in range(count):
        n = len(staff)
        sid = f"{unit.removeprefix('to-')}-{i + 1}"
        name = f"{FAMILY[n % 10]} {MIDDLE[n % 8]} {GIVEN[n % 22]}"
        if unit == "truong":
            role, pos = ("admin", "Hiệu trưởng") if i == 0 else ("council", position)
        elif i == 0:
            role, pos = "leader", "Tổ trưởng"
        else:
            role, pos = ("council" if n in (10, 30) else "staff"), position
        staff.append((sid, name, unit, role))
        call("PUT", f"{N}/catalogue/staff/{sid}",
             {"name": name, "position": pos, "unit_id": unit, "role": role,
              "gender": "female" if MIDDLE[n % 8] == "Thị" else "male"})
assert len(staff) == 45
leader_of = {s[2]: s[0] for s in staff if s[3] == "leader"}
token = {sid: call("POST", f"{N}/tokens", {"staff_id": sid})["token"] for sid, *_ in staff}

# ---- registrations of targets: everyone their own, each leader their unit's; the leaders
# confirm their members', the board the leaders' own and the units'.
AREAS = ["II.1", "II.2", "II.3", "II.4", "II.5"]
for n, (sid, name, unit, role) in enumerate(staff):
    call("PUT", f"{N}/registrations/{YEAR}/individual/{sid}",
         {"titles": ["Lao động tiên tiến"] + (["Chiến sĩ thi đua cơ sở"] if n % 3 == 0 else []),
          "targets": [{"content_area": AREAS[n % 5], "text": f"Soạn {10 + n % 7} bài giảng điện tử"},
                      {"content_area": AREAS[(n + 2) % 5], "text": "Tham gia bồi dưỡng kĩ năng số"}],
          "submit": True}, token=token[sid])
for unit, leader in leader_of.items():
    call("PUT", f"{N}/registrations/{YEAR}/collective/{unit}",
         {"titles": ["Tập thể lao động tiên tiến"],
          "targets": [{"content_area": "II.4", "text": "Mỗi giáo viên có học liệu số dùng chung"}],
          "submit": True}, token=token[leader])
    call("POST", f"{N}/registrations/{YEAR}/collective/{unit}/confirm")
for sid, name, unit, role in staff:
    leader = leader_of.get(unit)
    confirmer = token[leader] if leader and leader != sid else ADMIN
    call("POST", f"{N}/registrations/{YEAR}/individual/{sid}/confirm", token=confirmer)

# ---- nominations: the school's own award (Giấy khen của Hiệu trưởng) needs its quota first.
call("PUT", f"{N}/catalogue/award-forms/gk_ht",
     {"code": "gk_ht", "label": "Giấy khen của Hiệu trưởng", "level": "school",
      "authority": "Hiệu trưởng Trường THCS Vĩnh Phong 1", "dossier_copies": 1,
      "quotas": {"annual": {"collective": 6, "individual": 40},
                 "interim": {"collective": 6, "individual": 40},
                 "final": {"collective": 6, "individual": 40}}})
meeting = call("POST", f"{N}/council/meetings",
               {"date": today, "members_total": 9, "members_present": 8})["id"]


def propose(kind, subject, award, unit):
    """The unit's leader (the board for its own people) proposes; the id."""
    t = token[leader_of[unit]] if unit in leader_of else ADMIN
    return call("POST", f"{N}/nominations",
                {"period": YEAR, "award": award, "subject_kind": kind, "subject_id": subject,
                 "reason": "Hoàn thành xuất sắc nhiệm vụ năm học, dẫn đầu về chuyển đổi số.",
                 "achievements": [{"text": "Soạn 14 bài giảng điện tử cho khối 8",
                                   "areas": ["II.4"]}]}, token=t)["id"], t


def act(nid, body, t=ADMIN):
    call("POST", f"{N}/nominations/{nid}/transitions", body, token=t)


def council(nid, passes):
    act(nid, {"action": "review"})
    call("PUT", f"{N}/nominations/{nid}/vote",
         {"meeting_id": meeting, "yes": 8 if passes else 2, "no": 0 if passes else 6})


COPIES = {"gk_xa": 1, "bk_tinh": 2, "bk_bo": 3, "gk_ht": 1}  # the forms' dossier_copies


def advance(nid, t, to, award):
    """Takes a new draft to `to`: draft, submitted, review, approved, rejected, forwarded,
    awarded, withdrawn."""
    if to == "draft":
        return
    act(nid, {"action": "submit"}, t)
    if to == "withdrawn":
        act(nid, {"action": "withdraw"}, t)
    if to in ("submitted", "withdrawn"):
        return
    council(nid, to != "rejected")
    if to == "rejected":
        act(nid, {"action": "reject", "reason": "Chưa đủ minh chứng"})
    if to in ("review", "rejected"):
        return
    act(nid, {"action": "approve"})
    if to == "approved":
        return
    for item in ("to_trinh", "bien_ban", "bao_cao_thanh_tich"):
        call("PUT", f"{N}/nominations/{nid}/dossier/{item}", {"copies": COPIES[award]})
    act(nid, {"action": "forward", "date": today, "reference": "15/TTr-THCSVP1"})
    if to == "awarded":
        act(nid, {"action": "award", "decision_number": "245/QĐ-UBND", "decision_date": today,
                  "public_achievement": "Soạn 14 bài giảng điện tử cho khối 8."})


# 45 individual (2 gk_xa awarded, 2 bk_tinh forwarded, 1 bk_bo submitted, 40 gk_ht: 10
# drafts, 10 submitted, 8 under review, 7 approved, 5 rejected), 5 withdrawn before their
# new gk_ht one, 4 extra gk_xa drafts (drafts take no place) and 6 collective gk_ht: 60.
plan = (["awarded"] * 2 + ["forwarded"] * 2 + ["submitted"]
        + ["draft"] * 10 + ["submitted"] * 10 + ["review"] * 8 + ["approved"] * 7
        + ["rejected"] * 5)
awards = ["gk_xa"] * 2 + ["bk_tinh"] * 2 + ["bk_bo"] + ["gk_ht"] * 40
statuses = {}
for n, (sid, name, unit, role) in enumerate(staff):
    if 15 <= n < 20:  # withdrawn, then proposed again below
        nid, t = propose("individual", sid, "gk_ht", unit)
        advance(nid, t, "withdrawn", "gk_ht")
        statuses["withdrawn"] = statuses.get("withdrawn", 0) + 1
    nid, t = propose("individual", sid, awards[n], unit)
    advance(nid, t, plan[n], awards[n])
    statuses[plan[n]] = statuses.get(plan[n], 0) + 1
for sid, name, unit, role in staff[25:29]:
    propose("individual", sid, "gk_xa", unit)
    statuses["draft"] += 1
for unit, to in zip(leader_of, ["draft", "submitted", "review", "approved", "approved", "approved"]):
    nid, t = propose("collective", unit, "gk_ht", unit)
    advance(nid, t, to, "gk_ht")
    statuses[to] += 1
nominations = sum(statuses.values())
assert nominations == 60, statuses

# ---- every unit's part of the yearly report, by its leader (the school's by the board).
owed = call("GET", f"{R}/contributions/{YEAR}")["units"]
for u in owed:
    unit = u["unit_id"]
    t = token[leader_of[unit]] if unit in leader_of else ADMIN
    call("PUT", f"{R}/contributions/{YEAR}/{unit}",
         {"narratives": {a: f"Tổ thực hiện nội dung {a}: sinh hoạt chuyên môn theo nghiên cứu bài học."
                         for a in AREAS},
          "figures": {"e_lessons": 12, "digital_materials_shared": 30,
                      "it_ai_stem_meetings": 4, "staff_trained_digital_skills": 8},
          "difficulties": "Thiết bị trình chiếu ở một số phòng học đã cũ.",
          "proposals": "Đề nghị bổ sung hai ti vi thông minh."}, token=t)
    call("POST", f"{R}/contributions/{YEAR}/{unit}/submit", token=t)
assert all(u["status"] == "submitted" for u in call("GET", f"{R}/contributions/{YEAR}")["units"])

# ---- 30 announcements to the staff group
for i in range(30):
    call("POST", f"{M}/messages",
         {"target": "group",
          "text": f"Thông báo số {i + 1}: họp Hội đồng thi đua chiều thứ Sáu, phòng {i % 5 + 1}."},
         headers={"Idempotency-Key": f"bench-stack-{i + 1}"})

# ---- the yearly report issued: DOCX and PDF (LibreOffice, a child of reports)
doc = call("POST", f"{R}/school-reports/{YEAR}/documents", {}, timeout=180)

print(json.dumps({"staff": len(staff), "tokens": len(token), "registrations": len(staff) + len(leader_of),
                  "nominations": nominations, "statuses": statuses, "units_reported": len(owed),
                  "messages": 30, "document": doc.get("number_text"), "calls": calls},
                 ensure_ascii=False))
