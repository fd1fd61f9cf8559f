// The nominations service's message catalogue (issue 13). Wording rules: the reader is a
// colleague ("thầy cô"); roles in Vietnamese; periods lower case in running text ("kỳ năm
// 2026": the code passes period labels through text::lower_first); "chỉ tiêu", never "suất".
// An API detail names a field or a value a script must send in quotes or in parentheses after
// the Vietnamese words; the test lists each programmer's word a text shows on purpose. A
// {name} is filled by the code; "{{" and "}}" are literal braces.
#include "nominations/domain/messages.hpp"

#include <array>

namespace thidua::nominations {
namespace {
constexpr std::array kMessages = std::to_array<text::Message>({
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

    // Problems: the catalogue and what it names.
    {"problem.unknown_period", "Không có kỳ khen thưởng \"{period}\"."},
    {"problem.unknown_award", "Không có hình thức khen thưởng mã \"{code}\"."},
    {"problem.unknown_staff", "Không có cán bộ mã \"{id}\"."},
    {"problem.unknown_unit", "Không có đơn vị mã \"{id}\"."},
    {"problem.unknown_token", "Không có mã truy cập này."},
    {"problem.unknown_caller",
     "Mã truy cập không gắn với cán bộ nào trong danh mục; hãy liên hệ Ban giám hiệu."},
    {"problem.catalogue_changed",
     "Hình thức hoặc kỳ khen thưởng của đề nghị không còn trong danh mục."},
    {"problem.invalid_link_code",
     "Mã liên kết không đúng hoặc đã hết hạn; thầy cô xin Ban giám hiệu mã mới."},
    {"problem.not_linked", "Tài khoản Zalo này chưa liên kết với cán bộ nào."},
    // Signing in to the dashboard with a code from the bot (/dangnhap).
    {"problem.sign_in_code_format",
     "Mã đăng nhập gồm 8 chữ và số (như K7QM-4XPR); thầy cô gõ lại đúng mã bot đã gửi."},
    {"problem.wrong_sign_in_code",
     "Mã đăng nhập không đúng, đã dùng hoặc đã hết hạn. Thầy cô nhắn /dangnhap cho bot Zalo "
     "của trường trong tin nhắn riêng để nhận mã mới."},
    {"problem.too_many_sign_in_attempts",
     "Đã nhập sai mã đăng nhập quá nhiều lần từ máy này; thầy cô thử lại sau {minutes} phút."},
    {"problem.too_many_sign_in_codes",
     "Thầy cô đã xin nhiều mã đăng nhập trong thời gian ngắn; hãy dùng mã mới nhất hoặc thử "
     "lại sau {minutes} phút."},
    {"problem.unknown_session", "Không có phiên đăng nhập này (có thể đã kết thúc)."},
    // Problems: the form of a catalogue entry.
    {"problem.bad_zalo_id", "Mã tài khoản Zalo \"{id}\" không đúng dạng."},
    {"problem.bad_id",
     "Mã \"{id}\" (trường \"{field}\") chỉ được gồm chữ thường không dấu, số, '-' và '_'."},
    {"problem.int_range", "Trường \"{field}\" phải là số nguyên từ {min} đến {max}."},
    {"problem.not_a_boolean", "Trường \"{field}\" phải là true hoặc false."},
    {"problem.not_a_list", "Trường \"{field}\" phải là một danh sách."},
    {"problem.bad_unit_kind",
     "Loại đơn vị (trường \"kind\") ghi \"school\" (toàn trường), \"subject_group\" (tổ chuyên "
     "môn) hoặc \"office\" (tổ văn phòng)."},
    {"problem.school_unit_kept",
     "Tập thể toàn trường luôn có trong danh mục, không ngừng hoạt động được."},
    {"problem.unit_has_staff",
     "{unit} còn {count} cán bộ ({names}); thầy cô chuyển họ sang tổ khác trước khi cho tổ "
     "ngừng hoạt động."},
    {"problem.unit_has_staff_more", "và {count} người khác"},
    {"problem.unit_inactive_join",
     "{unit} đã ngừng hoạt động; thầy cô chọn một tổ đang hoạt động."},
    {"problem.bad_role",
     "Vai trò phải là Ban giám hiệu (admin), Hội đồng Thi đua – Khen thưởng (council), tổ "
     "trưởng (leader) hoặc cán bộ, giáo viên (staff)."},
    {"problem.bad_gender",
     "Giới tính (gender) ghi \"male\" (thầy) hoặc \"female\" (cô), hoặc để trống khi chưa rõ."},
    {"problem.missing_hold_reason",
     "Khi tạm dừng xét khen thưởng (on_hold) cần ghi lý do (hold_reason)."},
    {"problem.bad_period_kind",
     "Loại kỳ phải là \"annual\" (hằng năm), \"interim\" (sơ kết) hoặc \"final\" (tổng kết)."},
    {"problem.missing_year", "Thiếu trường bắt buộc \"year\" (năm của kỳ khen thưởng)."},
    {"problem.quotas_not_object", "Trường \"quotas\" phải là một đối tượng."},
    {"problem.quota_period_kinds",
     "Chỉ tiêu theo loại kỳ: \"annual\", \"interim\", \"final\", mỗi loại gồm \"collective\" và "
     "\"individual\"."},
    {"problem.quota_subject",
     "Đối tượng chỉ tiêu phải là \"collective\" (tập thể) hoặc \"individual\" (cá nhân)."},
    {"problem.bad_quota",
     "Chỉ tiêu \"{where}\" ghi null (chưa quy định), -1 (không giới hạn) hoặc một số từ 0 đến "
     "1000."},

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
    // The register of initiatives (sổ sáng kiến).
    {"initiative.level.none", "chưa công nhận"},
    {"initiative.level.co_so", "cấp cơ sở"},
    {"initiative.level.xa", "cấp xã"},
    {"initiative.level.tinh", "cấp tỉnh"},
    {"initiative.level.toan_quoc", "toàn quốc"},
    {"initiative.title_required", "Thầy cô ghi tên sáng kiến."},
    {"initiative.author_required", "Sáng kiến cần ít nhất một tác giả trong danh sách cán bộ."},
    {"initiative.too_many_authors", "Một sáng kiến ghi tối đa {max} tác giả."},
    {"initiative.author_twice", "Tác giả mã \"{id}\" được ghi hai lần."},
    {"initiative.unknown_author", "Không có cán bộ mã \"{id}\" để ghi là tác giả."},
    {"initiative.authors_list",
     "Tác giả ghi là danh sách mã cán bộ, ví dụ [\"gv-lan\"] (tối đa {max} người)."},
    {"initiative.unknown_unit", "Không có tổ, bộ phận mã \"{id}\"."},
    {"initiative.unknown_area",
     "Nội dung \"{area}\" không thuộc các nội dung II.1 đến II.6 của kế hoạch."},
    {"initiative.year_outside_movement",
     "Năm của sáng kiến phải trong giai đoạn {first}–{last} của phong trào."},
    {"initiative.bad_level",
     "Cấp công nhận là co_so (cấp cơ sở), xa (cấp xã), tinh (cấp tỉnh) hoặc toan_quoc (toàn "
     "quốc); để trống khi chưa công nhận."},
    {"initiative.bad_decision",
     "Quyết định công nhận ghi số, ngày (năm-tháng-ngày, ví dụ 2026-11-20) và nơi ban hành."},
    {"initiative.decision_without_level",
     "Sáng kiến chưa công nhận thì chưa có quyết định; thầy cô chọn cấp công nhận trước khi "
     "ghi quyết định."},
    {"initiative.public_needs_recognition",
     "Chỉ sáng kiến đã được công nhận, có quyết định, mới đưa lên trang web của trường."},
    {"initiative.decision_required",
     "Sáng kiến công nhận {level} cần số và ngày của quyết định công nhận."},
    {"initiative.decision_in_future", "Ngày quyết định {date} chưa tới (hôm nay là {today})."},
    {"initiative.not_found", "Không có sáng kiến số {id}."},
    // Registration of targets (đăng ký thi đua, issue 14).
    {"registration.status.draft", "Nháp"},
    {"registration.status.submitted", "Chờ tổ trưởng xác nhận"},
    {"registration.status.confirmed", "Đã xác nhận"},
    {"registration.year_outside_movement",
     "Năm đăng ký thi đua phải trong giai đoạn {first}–{last} của phong trào."},
    {"registration.unknown_staff", "Không có cán bộ mã \"{id}\" trong danh sách của trường."},
    {"registration.unknown_unit", "Không có tổ, bộ phận mã \"{id}\"."},
    {"registration.staff_unit_inactive",
     "{name} thuộc {unit}, tổ này đã ngừng hoạt động nên không cần đăng ký thi đua."},
    {"registration.unit_inactive", "{unit} đã ngừng hoạt động nên không cần đăng ký thi đua."},
    {"registration.titles_count",
     "Thầy cô chọn hoặc ghi từ 1 đến {max} danh hiệu, hình thức khen thưởng đăng ký."},
    {"registration.title_text",
     "Mỗi danh hiệu đăng ký ghi ngắn gọn, không để trống, tối đa {max} ký tự."},
    {"registration.title_twice", "Danh hiệu \"{name}\" được ghi hai lần."},
    {"registration.too_many_targets", "Thầy cô ghi tối đa {max} chỉ tiêu đăng ký."},
    {"registration.unknown_area",
     "Nội dung \"{area}\" không thuộc các nội dung II.1 đến II.6 của kế hoạch."},
    {"registration.target_text",
     "Chỉ tiêu ở nội dung {area} cần ghi rõ, không để trống, tối đa {max} ký tự."},
    {"registration.targets_list",
     "Chỉ tiêu ghi là danh sách, mỗi chỉ tiêu có nội dung (content_area, ví dụ II.1) và lời "
     "ghi (text)."},
    {"registration.titles_list",
     "Danh hiệu đăng ký ghi là danh sách (titles), ví dụ [\"Lao động tiên tiến\"]."},
    {"registration.bad_kind",
     "Đăng ký thi đua là của cá nhân (individual) hoặc tập thể (collective)."},
    {"registration.not_allowed_write",
     "Thầy cô chỉ đăng ký thi đua cho mình; tổ trưởng đăng ký cho tổ và thành viên của tổ."},
    {"registration.not_allowed_confirm",
     "Chỉ tổ trưởng của tổ hoặc Ban giám hiệu xác nhận đăng ký thi đua này, và không ai tự "
     "xác nhận đăng ký của mình."},
    {"registration.not_submitted",
     "Đăng ký thi đua của {name} còn là bản nháp; khi đã gửi mới xác nhận được."},
    {"registration.not_found", "{name} chưa đăng ký thi đua năm {year}."},

    // Documents of an award round (issue 11): issuing, rendering, downloads.
    {"document.no_nominees",
     "Chưa có đề nghị nào được Hội đồng thông qua cho {award} {period}, nên chưa có danh sách để "
     "phát hành văn bản."},
    {"document.authority_missing",
     "Hình thức \"{award}\" chưa ghi người có thẩm quyền khen thưởng (authority) để tờ trình "
     "kính gửi; Ban giám hiệu bổ sung trong danh mục rồi phát hành lại."},
    {"document.not_school_award",
     "{award} không do Hiệu trưởng quyết định; với hình thức này nhà trường lập tờ trình gửi "
     "cấp khen thưởng."},
    {"document.minutes_incomplete",
     "Cuộc họp ngày {date} chưa ghi đủ để lập biên bản: cần thành phần theo tên, người chủ trì "
     "và thư ký, giờ bắt đầu và kết thúc, địa điểm."},
    {"document.no_votes",
     "Cuộc họp ngày {date} chưa có biểu quyết nào về đề nghị khen thưởng, nên chưa lập được biên "
     "bản."},
    {"document.nomination_draft",
     "Đề nghị số {id} còn là bản nháp; báo cáo thành tích lập khi đề nghị đã trình Hội đồng."},
    {"document.signer_missing",
     "Chưa có họ tên người ký văn bản: thầy cô ghi họ tên người ký (signer.name) hoặc nhờ "
     "người quản trị đặt sẵn trong cấu hình."},
    {"document.reason_required",
     "Văn bản này đã phát hành số {number}; muốn phát hành lại, thầy cô ghi lý do (reason), văn "
     "bản mới sẽ có số mới."},
    {"document.busy_numbering",
     "Đang có nhiều văn bản cùng loại được phát hành một lúc; thầy cô thử lại sau ít giây."},
    {"document.not_found", "Không có văn bản \"{id}\"."},
    {"problem.signer_object",
     "Người ký (trường \"signer\") ghi họ tên (name), chức vụ (title) và quyền ký (authority), "
     "ví dụ KT. HIỆU TRƯỞNG."},
    {"problem.document_kind",
     "Loại văn bản (kind) ghi to-trinh (tờ trình), quyet-dinh (quyết định) hoặc bao-cao-nam "
     "(báo cáo năm)."},
    {"document.bad_file", "Tên tệp là mã văn bản kèm đuôi docx hoặc pdf, ví dụ 2026-ttr-01.pdf."},
    {"render.missing",
     "Máy chủ chưa cài LibreOffice nên chưa tạo được bản PDF; chưa có gì được phát hành. Nhờ "
     "người quản trị cài đặt rồi thử lại."},
    {"render.failed",
     "Chưa tạo được bản PDF của văn bản; chưa có gì được phát hành. Thầy cô thử lại sau ít "
     "phút, nếu vẫn lỗi thì báo người quản trị."},
    {"render.timeout",
     "Tạo bản PDF quá lâu nên đã dừng; chưa có gì được phát hành. Thầy cô thử lại sau ít "
     "phút."},
    {"render.busy",
     "Máy chủ đang tạo nhiều văn bản cùng lúc; chưa có gì được phát hành. Thầy cô thử lại sau "
     "ít phút."},
    // Thống kê (issue 12): the charts' Excel export, and what goes wrong with it.
    {"statistics.bad_year",
     "Năm thống kê là một năm của phong trào, từ {first} đến {last}, ghi đủ bốn chữ số, ví "
     "dụ 2026."},
    {"statistics.file_name", "Thống kê khen thưởng năm {year}.xlsx"},
    {"statistics.sheet_units", "Theo tổ"},
    {"statistics.sheet_awards", "Theo hình thức"},
    {"statistics.sheet_years", "Theo năm"},
    {"statistics.title_units", "Đề nghị khen thưởng theo tổ, bộ phận năm {year}"},
    {"statistics.title_awards", "Đề nghị khen thưởng theo hình thức năm {year}"},
    {"statistics.title_years", "Đề nghị khen thưởng qua các năm của phong trào"},
    {"statistics.unit", "Tổ, bộ phận"},
    {"statistics.award", "Hình thức khen thưởng"},
    {"statistics.year", "Năm"},
    {"statistics.proposed", "Đã đề nghị"},
    {"statistics.approved", "Hội đồng thông qua"},
    {"statistics.awarded", "Được khen thưởng"},
    {"statistics.note", "Ghi chú"},
    {"statistics.unit_inactive", "Đã ngừng hoạt động"},
    {"statistics.total", "Tổng cộng"},
    {"export.busy", "Máy chủ đang tạo nhiều tệp cùng lúc. Thầy cô thử tải lại sau ít phút."},
    {"export.failed",
     "Chưa tạo được tệp Excel. Thầy cô thử lại sau ít phút, nếu vẫn lỗi thì báo người quản "
     "trị."},
});

constexpr text::Catalogue kCatalogue{kMessages};
}  // namespace

const text::Catalogue& messages() {
  return kCatalogue;
}

std::string say(std::string_view key, text::Vars vars) {
  return kCatalogue.render(key, vars);
}

}  // namespace thidua::nominations
