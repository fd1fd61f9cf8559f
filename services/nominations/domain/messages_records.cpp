// The nominations service's message catalogue, second part (messages.cpp holds the
// wording rules, the workflow's texts and the lookup): the school's records beside the
// workflow: the catalogue and what it names, signing in with a code from the bot, the
// register of initiatives, registrations of targets, the documents of a round, statistics.
#include "nominations/domain/messages_records.hpp"

#include <array>

namespace thidua::nominations {
namespace {
constexpr std::array kRecordMessages = std::to_array<text::Message>({
    // Problems: the catalogue and what it names.
    {"problem.unknown_period", "Không có kỳ khen thưởng \"{period}\"."},
    {"problem.missing_grounds",
     "Đề nghị chưa có lý do, thành tích: thầy cô ghi lý do, thành tích chính hoặc thêm một thành "
     "tích rồi mới trình Hội đồng."},
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
    {"problem.too_many_link_attempts",
     "Tài khoản Zalo này đã gõ sai mã liên kết nhiều lần; thầy cô đợi {minutes} phút rồi thử lại "
     "với mã Ban giám hiệu cấp."},
    {"problem.bad_link_code", "Mã liên kết gồm 8 ký tự (chữ số và chữ a–f), do Ban giám hiệu cấp."},
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
    {"registration.status.submitted_to_board", "Chờ Ban giám hiệu xác nhận"},
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
     "Chưa có họ tên người ký văn bản: thầy cô ghi họ tên người ký, hoặc nhờ người "
     "quản trị đặt sẵn người ký trong cấu hình."},
    {"document.reason_required",
     "Văn bản này đã phát hành số {number}; muốn phát hành lại, thầy cô ghi lý do phát hành "
     "lại, văn bản mới sẽ có số mới."},
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
    // Thống kê (issue 12): the charts' Excel export, and what goes wrong with it.
    {"statistics.bad_year",
     "Năm thống kê là một năm của phong trào, từ {first} đến {last}, ghi đủ bốn chữ số, ví "
     "dụ 2026."},
    {"statistics.file_name", "Thống kê khen thưởng năm {year}.xlsx"},
    {"statistics.file_name_units", "Thống kê khen thưởng theo tổ năm {year}.xlsx"},
    {"statistics.file_name_awards", "Thống kê khen thưởng theo hình thức năm {year}.xlsx"},
    {"statistics.file_name_years", "Thống kê khen thưởng qua các năm.xlsx"},
    {"statistics.bad_chart",
     "Mục \"chart\" trên địa chỉ chỉ nhận \"units\" (theo tổ), \"awards\" (theo hình "
     "thức) hoặc \"years\" (qua các năm)."},
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
}  // namespace

std::span<const text::Message> record_messages() {
  return kRecordMessages;
}

}  // namespace thidua::nominations
