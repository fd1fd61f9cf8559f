// The nominations service's message catalogue (issue 13). Wording rules: the reader is a
// colleague ("thầy cô"); roles in Vietnamese; periods lower case in running text ("kỳ năm
// 2026": the code passes period labels through text::lower_first); "chỉ tiêu", never "suất".
// An API detail names a field or a value a script must send in quotes or in parentheses after
// the Vietnamese words; the test lists each programmer's word a text shows on purpose. A
// {name} is filled by the code; "{{" and "}}" are literal braces.
//
// One catalogue in two files, by concept: this one the nomination workflow (statuses,
// actions, the dossier, a vote, a nomination as written, rounds, quotas, the council) and
// the lookup; messages_records.cpp the school's records beside it (the catalogue, signing
// in, initiatives, registrations, documents, statistics). messages() joins them once.
#include "nominations/domain/messages.hpp"

#include <array>
#include <vector>

#include "nominations/domain/messages_records.hpp"

namespace thidua::nominations {
namespace {
constexpr std::array kWorkflowMessages = std::to_array<text::Message>({
    // A nomination's status, as the dashboard shows it (status_label in every answer).
    {"status.draft", "Nháp"},
    {"status.submitted", "Đã trình Hội đồng"},
    {"status.under_review", "Hội đồng đang xét"},
    {"status.approved", "Hội đồng đã thông qua"},
    {"status.rejected", "Không được thông qua"},
    {"status.forwarded", "Đã gửi cấp khen thưởng"},
    {"status.awarded", "Đã được khen thưởng"},
    {"status.not_awarded", "Không được khen thưởng"},
    {"status.withdrawn", "Đã rút"},
    // The workflow's actions as verbs, read before "đề nghị": "không được {verb} đề nghị…".
    {"action.submit", "trình"},
    {"action.review", "đưa ra Hội đồng xét"},
    {"action.approve", "thông qua"},
    {"action.reject", "kết luận không thông qua"},
    {"action.forward", "gửi lên cấp khen thưởng"},
    {"action.award", "ghi nhận quyết định khen thưởng cho"},
    {"action.not_award", "ghi nhận không được khen thưởng cho"},
    {"action.withdraw", "rút"},
    {"subject.individual", "cá nhân"},
    {"subject.collective", "tập thể"},
    {"award.other", "một hình thức khác"},
    // The dossier's items (plan section V), in the checklist and in "còn thiếu: …".
    {"dossier.to_trinh", "Tờ trình đề nghị khen thưởng kèm danh sách"},
    // A nomination's history: the copies of a dossier item the council's secretary logged.
    {"history.dossier", "{item}: đã nhận {copies} bản"},
    {"dossier.bien_ban", "Biên bản họp Hội đồng Thi đua – Khen thưởng"},
    {"dossier.bao_cao_thanh_tich", "Báo cáo thành tích (Mẫu số 8, Nghị định 152/2025/NĐ-CP)"},
    // A council vote, stored with the vote and quoted in details.
    {"vote.summary",
     "{present}/{total} thành viên có mặt (cần {quorum}); {yes} tán thành, {no} không tán thành, "
     "{abstain} không biểu quyết (cần {needed} tán thành)"},
    {"vote.summary_secret",
     "{present}/{total} thành viên có mặt (cần {quorum}); {yes} tán thành, {no} không tán thành, "
     "{abstain} không biểu quyết (cần {needed} tán thành, bỏ phiếu kín)"},
    // The dated steps: the dashboard's fields as labelled, and earlier steps in a sentence.
    {"step.forward_date_field", "Ngày gửi"},
    {"step.decision_date_field", "Ngày quyết định"},
    {"step.approval", "ngày Hội đồng thông qua"},
    {"step.forwarding", "ngày gửi tờ trình"},
    // Answers that carry a sentence for the person who asked.
    {"token.note", "Mã chỉ hiển thị một lần; hãy lưu lại ngay."},
    {"link.instruction",
     "Nhắn riêng cho bot thi đua trên Zalo (không gửi vào nhóm): /lienket {code}"},

    // Problems: a nomination as written.
    {"problem.bad_subject_kind",
     "\"subject_kind\" phải là \"individual\" (cá nhân) hoặc \"collective\" (tập thể)."},
    {"problem.list_too_long", "Trường \"{field}\" phải là danh sách tối đa {max} mục."},
    {"problem.list_item", "Mỗi mục của \"{field}\" phải là chuỗi ký tự."},
    {"problem.achievement_not_object", "Mỗi thành tích phải là một đối tượng."},
    {"problem.too_many_achievements",
     "Trường \"achievements\" phải là danh sách tối đa {max} thành tích."},
    {"problem.unknown_content_area",
     "Nội dung \"{area}\" không có trong kế hoạch; kế hoạch có sáu nội dung, từ II.1 đến II.6."},
    {"problem.evidence_link",
     "Minh chứng phải là một đường dẫn bắt đầu bằng http:// hoặc https://, không có dấu cách, "
     "ví dụ https://drive.google.com/…"},
    {"problem.evidence_not_yours",
     "Chỉ người được đề nghị, tổ trưởng của tổ đề nghị và Ban giám hiệu thêm được minh chứng "
     "cho đề nghị này."},
    {"problem.evidence_closed",
     "Hội đồng đã xét xong đề nghị này (\"{status}\") nên không thêm minh chứng được nữa."},
    {"problem.no_achievement_yet",
     "Đề nghị chưa có thành tích nào để gắn minh chứng; tổ trưởng ghi thành tích trước."},
    {"problem.no_such_achievement",
     "Đề nghị có {count} thành tích; hãy chọn một trong số đó để gắn minh chứng."},
    {"problem.too_much_evidence", "Mỗi thành tích có tối đa {max} minh chứng."},
    {"problem.evidence_achievement",
     "Cần ghi minh chứng cho thành tích nào: \"achievement\" là số thứ tự của thành tích, tính "
     "từ 0."},
    {"problem.evidence_busy",
     "Đề nghị đang được người khác sửa cùng lúc; thầy/cô tải lại trang rồi thêm minh chứng."},
    {"problem.subject_on_hold",
     "{name} đang tạm dừng xét khen thưởng ({reason}); chỉ đề nghị được khi việc này đã giải "
     "quyết xong."},
    {"problem.unit_inactive",
     "{unit} đã ngừng hoạt động nên không đề nghị khen thưởng được nữa; nếu tổ vẫn còn, Ban "
     "giám hiệu cho tổ hoạt động lại trong mục Cán bộ và tổ."},
    {"problem.staff_unit_inactive",
     "{name} thuộc {unit}, tổ đã ngừng hoạt động; Ban giám hiệu chuyển {name} sang tổ đang "
     "hoạt động trước khi đề nghị."},
    {"problem.not_own_unit_subject",
     "Tổ trưởng chỉ đề nghị khen thưởng cho tổ của mình và thành viên trong tổ."},
    {"problem.not_own_unit", "Tổ trưởng chỉ thao tác với đề nghị của tổ mình."},
    {"problem.duplicate_nomination",
     "{subject} đã có đề nghị số {id} cho {award} kỳ {period} đang được xét."},

    // Nomination rounds (đợt xét, domain/round.hpp).
    {"round.state.upcoming", "Sắp mở"},
    {"round.state.open", "Đang mở"},
    {"round.state.closed", "Đã đóng"},
    {"round.not_found", "Không có đợt xét \"{id}\"."},
    {"round.name_required", "Đợt xét cần có tên, ví dụ \"Đợt xét khen thưởng năm 2026\"."},
    {"round.award_twice", "Hình thức {award} được chọn hai lần trong đợt xét."},
    {"round.closes_before_opens",
     "Ngày đóng ({closes}) phải cùng ngày hoặc sau ngày mở ({opens})."},
    {"round.outside_movement",
     "Ngày mở và ngày đóng đợt xét phải trong thời gian phong trào, từ {first} đến {last}."},
    {"round.in_use_period",
     "Đợt xét \"{name}\" đã có {count} đề nghị nên không đổi được kỳ khen thưởng."},
    {"round.in_use_award",
     "Đợt xét \"{name}\" đã có đề nghị {award} nên vẫn phải gồm hình thức này."},
    {"round.in_use_delete",
     "Đợt xét \"{name}\" đã có {count} đề nghị nên không xóa được; muốn kết thúc đợt, thầy cô "
     "sửa ngày đóng."},
    {"round.not_open_next",
     "Chưa đến đợt xét {award} kỳ {period}: đợt \"{name}\" nhận đề nghị từ ngày {opens} đến hết "
     "ngày {closes}."},
    {"round.not_open_closed",
     "Đợt xét {award} kỳ {period} (\"{name}\") đã đóng ngày {closes} và chưa có đợt nào khác "
     "đang mở; thầy cô liên hệ Ban giám hiệu nếu cần mở thêm đợt."},
    {"round.not_open_none",
     "Ban giám hiệu chưa mở đợt xét nào cho {award} kỳ {period}, nên chưa lập hoặc trình được "
     "đề nghị này."},

    // Problems: the address of a request.
    {"problem.path_id",
     "Mã \"{id}\" trong đường dẫn không đúng dạng; thầy cô kiểm tra lại đường dẫn."},
    {"problem.nomination_id", "Số đề nghị \"{id}\" trong đường dẫn không hợp lệ: chỉ gồm chữ số."},
    {"problem.query_id",
     "Mục \"{name}\" trên địa chỉ (sau dấu ?) phải là một mã trong danh mục: chữ thường không "
     "dấu, số, '-' và '_' (tối đa 64 ký tự)."},
    {"problem.invalid_status", "Trạng thái \"{status}\" không hợp lệ."},
    {"problem.invalid_cursor", "Mục \"after\" trên địa chỉ phải là số của một đề nghị."},
    {"problem.invalid_view",
     "Mục \"view\" trên địa chỉ chỉ nhận \"full\" (xem đủ cả lịch sử và hồ sơ của đề nghị)."},
    {"problem.missing_period", "Cần chọn kỳ khen thưởng: ?period=2026."},
    {"problem.id_mismatch", "Mã trong đường dẫn và trong nội dung khác nhau."},

    // Problems: the workflow.
    {"problem.nomination_not_found", "Không có đề nghị số {id}."},
    {"problem.unknown_action", "Thao tác không hợp lệ."},
    {"problem.unknown_action_named",
     "Thao tác \"{action}\" không hợp lệ; dùng submit, review, approve, reject, forward, award, "
     "not_award hoặc withdraw."},
    {"problem.role_may_not", "Vai trò {role} không được {verb} đề nghị khen thưởng."},
    {"problem.illegal_transition", "Không thể {verb} đề nghị đang ở trạng thái \"{status}\"."},
    {"problem.not_a_draft",
     "Chỉ sửa được đề nghị ở trạng thái nháp; đề nghị này đang \"{status}\"."},
    {"problem.draft_moved", "Đề nghị vừa được chuyển khỏi trạng thái nháp; hãy tải lại."},
    {"problem.status_changed",
     "Đề nghị vừa được người khác chuyển sang trạng thái \"{status}\"; hãy tải lại."},
    {"problem.date_field", "Trường \"{field}\" phải là ngày dạng YYYY-MM-DD, ví dụ 2026-10-15."},
    {"problem.date_in_future",
     "Ô \"{step}\" ghi {date}, sau hôm nay ({today}); hãy ghi ngày đã diễn ra."},
    {"problem.date_before_previous",
     "Ô \"{step}\" ghi {date}, trước {previous} ({previous_date}); hãy kiểm tra lại ngày."},
    {"problem.dossier_incomplete", "Hồ sơ chưa đủ, còn thiếu: {missing}."},
    {"problem.exception_needs_board",
     "Chỉ Ban giám hiệu ghi ngoại lệ cho đề nghị thêm hình thức khen thưởng."},

    // Problems: quotas ("chỉ tiêu") and the one-award rule.
    {"problem.quota_not_set",
     "Chưa quy định chỉ tiêu {award} cho {subject_kind} kỳ {period}; Ban giám hiệu cần đặt chỉ "
     "tiêu trước khi trình."},
    {"problem.quota_exceeded",
     "{award} kỳ {period} đã hết chỉ tiêu {subject_kind} ({used}/{limit} đã dùng)."},
    {"problem.one_award_per_period",
     "{subject} đã có đề nghị số {id} ({award}) trong kỳ {period}. Một thành tích chỉ đề nghị "
     "một hình thức khen thưởng; nếu đây là thành tích khác, Ban giám hiệu trình kèm lý do "
     "ngoại lệ."},

    // Problems: the council and the dossier.
    {"problem.count_field", "Trường \"{field}\" phải là số nguyên từ 0 đến 1000."},
    {"problem.bad_birth_date", "Ngày sinh (birth_date) ghi dạng YYYY-MM-DD, ví dụ 1985-03-12."},
    {"problem.meeting_date", "Ngày họp phải có dạng YYYY-MM-DD, ví dụ 2026-10-15."},
    {"problem.meeting_time", "Giờ họp (trường \"{field}\") ghi dạng HH:MM, ví dụ 14:00."},
    {"problem.meeting_members",
     "Thành phần cuộc họp (trường \"members\") là danh sách từ 1 đến 200 thành viên, mỗi người "
     "ghi mã cán bộ (staff_id) và có mặt hay không (present: true hoặc false)."},
    {"problem.member_twice", "{name} được ghi hai lần trong thành phần cuộc họp."},
    {"problem.meeting_counts",
     "Ghi thành phần cuộc họp theo tên (members), hoặc ít nhất số thành viên Hội đồng "
     "(members_total) và số có mặt (members_present)."},
    {"problem.counts_disagree",
     "Số thành viên ghi kèm khác với danh sách theo tên: danh sách có {total} thành viên, "
     "{present} người có mặt."},
    {"problem.chair_not_present",
     "Người chủ trì (mã {id}) phải là thành viên có mặt tại cuộc họp."},
    {"problem.secretary_not_present", "Thư ký (mã {id}) phải là thành viên có mặt tại cuộc họp."},
    {"problem.end_before_start", "Giờ kết thúc cuộc họp phải sau giờ bắt đầu."},
    {"problem.members_total", "Số thành viên Hội đồng phải từ 1 đến 200."},
    {"problem.members_present", "Số thành viên có mặt phải từ 0 đến 200."},
    {"problem.more_present_than_members",
     "Số thành viên có mặt ({present}) không được nhiều hơn tổng số thành viên Hội đồng "
     "({total})."},
    {"problem.negative_votes", "Số phiếu không được âm."},
    {"problem.too_many_votes", "Tổng số phiếu ({votes}) vượt số thành viên có mặt ({present})."},
    {"problem.not_under_review",
     "Chỉ biểu quyết đề nghị đang được Hội đồng xét; đề nghị này đang \"{status}\"."},
    {"problem.unknown_meeting", "Không có cuộc họp số {id}."},
    {"problem.vote_short", "Kết quả biểu quyết không đủ để thông qua: {summary}."},
    {"problem.no_vote", "Hội đồng chưa biểu quyết đề nghị này; hãy ghi kết quả biểu quyết trước."},
    {"problem.vote_passed",
     "Hội đồng đã biểu quyết thông qua đề nghị này ({summary}); không thể ghi \"không thông "
     "qua\"."},
    {"problem.unknown_dossier_item",
     "Không có thành phần hồ sơ \"{item}\"; hồ sơ gồm to_trinh (tờ trình), bien_ban (biên bản) "
     "và bao_cao_thanh_tich (báo cáo thành tích)."},
    {"problem.nomination_closed", "Đề nghị đã kết thúc (\"{status}\"); không nhận thêm hồ sơ."},
    // Correcting a meeting (domain/meeting_correction.hpp).
    {"problem.meeting_decided",
     "Cuộc họp ngày {date} đã là căn cứ quyết định đề nghị số {id} (\"{status}\"); biên bản "
     "cuộc họp này không sửa được nữa."},
    {"problem.meeting_has_votes",
     "Cuộc họp ngày {date} đã có biểu quyết của {count} đề nghị, tính trên {present}/{total} "
     "thành viên có mặt: ngày họp, số thành viên và số có mặt giữ nguyên. Thầy cô vẫn sửa "
     "được ai có mặt, ai vắng (giữ đủ số), chủ trì, thư ký, địa điểm, giờ họp và nội dung."},
    // A vote and a correction of one meeting at the same moment: the second is refused.
    {"problem.vote_meeting_changed",
     "Cuộc họp số {id} ngày {date} vừa được sửa trong lúc thầy/cô ghi biểu quyết, nên biểu "
     "quyết chưa được ghi. Thầy/cô tải lại trang, xem lại số thành viên có mặt của cuộc họp "
     "rồi ghi lại biểu quyết."},
    {"problem.meeting_votes_changed",
     "Trong lúc thầy/cô sửa cuộc họp số {id} ngày {date}, một biểu quyết tại cuộc họp này vừa "
     "được ghi hoặc một đề nghị vừa được quyết định, nên bản sửa chưa được lưu. Thầy/cô tải "
     "lại trang để xem phần nào của cuộc họp còn sửa được rồi sửa lại."},
    {"problem.meeting_corrected_meanwhile",
     "Cuộc họp số {id} ngày {date} vừa được người khác sửa trong lúc thầy/cô sửa, nên bản sửa "
     "của thầy/cô chưa được lưu. Thầy/cô tải lại trang, xem bản đã sửa rồi sửa lại nếu cần."},
});

// Both parts, in one table (their keys are distinct: the catalogue test checks it).
std::vector<text::Message> all_messages() {
  std::vector<text::Message> all(kWorkflowMessages.begin(), kWorkflowMessages.end());
  auto records = record_messages();
  all.insert(all.end(), records.begin(), records.end());
  return all;
}
}  // namespace

const text::Catalogue& messages() {
  // Built once, on first use (thread-safe), from tables that are constants.
  static const std::vector<text::Message> all = all_messages();
  static const text::Catalogue catalogue{all};
  return catalogue;
}

std::string say(std::string_view key, text::Vars vars) {
  return messages().render(key, vars);
}

}  // namespace thidua::nominations
