// The reports service's message catalogue (issue 13): the deadline reminders and the issued
// documents' problems (issue 11). Wording rules
// as in the notifications catalogue: colleagues are "thầy cô", no programmer's words,
// periods lower case in running text. {name} is filled by the code.
#include "reports/domain/messages.hpp"

#include <array>

namespace thidua::reports {
namespace {
constexpr std::array kMessages = std::to_array<text::Message>({
    // The group's reminder (reminder_text).
    {"deadline.of_year", "{name} năm {year}"},
    {"group.ahead", "⏰ Nhắc hạn: {deadline}\nHạn chót: {date} (còn {days} ngày), gửi {recipient}."},
    {"group.today",
     "⏰ Nhắc hạn: {deadline}\nHạn chót: {date} (hôm nay là hạn cuối), gửi {recipient}."},
    {"group.units_ahead",
     "⏰ Nhắc hạn nộp phần của các tổ: {deadline}\nHạn nộp: {date} (còn {days} ngày), để nhà "
     "trường tổng hợp và gửi {recipient} trước {school_date}."},
    {"group.units_today",
     "⏰ Nhắc hạn nộp phần của các tổ: {deadline}\nHạn nộp: {date} (hôm nay là hạn cuối), để "
     "nhà trường tổng hợp và gửi {recipient} trước {school_date}."},
    {"group.units_late", "Đơn vị chưa nộp phần báo cáo, đã quá hạn nộp {date} ({count}): {units}."},
    {"group.overdue", "⚠️ QUÁ HẠN {days} ngày — Kính gửi Ban giám hiệu."},
    {"group.overdue_units",
     "⚠️ QUÁ HẠN {days} ngày — Kính gửi Ban giám hiệu và các đơn vị chưa "
     "nộp."},
    {"group.overdue_school",
     "⚠️ QUÁ HẠN {days} ngày — Kính gửi Ban giám hiệu và nhà trường."},
    {"group.overdue_what", "{deadline}\nHạn chót: {date}, gửi {recipient}."},
    {"group.school_done", "Nhà trường đã hoàn thành việc này ngày {date}. Cảm ơn!"},
    {"group.all_units_in", "Tất cả các đơn vị đã nộp phần báo cáo. Cảm ơn các đơn vị!"},
    {"group.school_owes",
     "Việc này do nhà trường thực hiện và chưa xong; khi đã gửi, Ban giám hiệu đánh dấu "
     "hoàn thành trên trang thi đua."},
    {"group.units_owe", "Đơn vị chưa nộp phần báo cáo ({count}): {units}."},
    {"contact", "Vướng mắc xin liên hệ: {contact}."},
    // A deadline owed by registrations of targets (issue 14): counts in the group, names
    // only in the leader's private message.
    {"group.overdue_registrations",
     "⚠️ QUÁ HẠN {days} ngày — "
     "Kính gửi Ban giám hiệu và các đơn vị chưa đăng ký đủ."},
    {"group.registrations_owe", "Đơn vị chưa đăng ký đủ ({count}):"},
    {"group.registration_unit", "- {unit}: {gap}."},
    {"group.registrations_how",
     "Thầy cô đăng ký trên trang thi đua của trường, mục \"Đăng ký thi đua\"; bản đăng ký đã "
     "gửi tổ trưởng là đã đăng ký."},
    {"group.all_registered", "Tất cả các đơn vị và thầy cô đã đăng ký thi đua. Cảm ơn thầy cô!"},
    {"registration.gap_people", "còn {count} thầy cô chưa đăng ký"},
    {"registration.gap_unit", "tập thể chưa đăng ký"},
    {"registration.gap_both", "tập thể và {count} thầy cô chưa đăng ký"},

    // A unit leader's private reminder (private_reminder_text).
    {"private.greeting", "Kính gửi {you} {name},"},
    {"private.reopened",
     "Ban giám hiệu đã mở lại phần báo cáo năm {year} của {unit} để tổ sửa và nộp lại."},
    {"private.reopened_reason", "Lý do: {reason}"},
    {"private.reopened_todo",
     "{you} sửa trên trang thi đua của trường (mục \"Phần báo cáo của tổ\") rồi bấm \"Nộp phần "
     "báo cáo\"."},
    {"private.owes", "{unit} chưa nộp phần báo cáo cho {deadline} (gửi {recipient})."},
    {"private.due_ahead", "Hạn chót: {date}, còn {days} ngày."},
    {"private.due_today", "Hạn chót: {date}, hôm nay là hạn cuối."},
    {"private.overdue", "Hạn chót: {date}, đã quá hạn {days} ngày."},
    {"private.where", "{you_first} soạn và nộp phần của tổ trên trang thi đua của trường."},
    {"private.where_link",
     "{you_first} soạn và nộp phần của tổ trên trang thi đua của trường: {url}"},
    {"private.registrations_owe",
     "{unit} chưa đăng ký thi đua đủ cho {deadline} (gửi {recipient}): {gap}."},
    {"private.registrations_who", "Chưa đăng ký: {names}."},
    {"private.registrations_awaiting",
     "Có {count} bản đăng ký của thầy cô trong tổ đã gửi, đang chờ {you} xác nhận."},
    {"private.registrations_where",
     "{you_first} nhắc thầy cô trong tổ đăng ký, và xác nhận các bản đã gửi, trên trang thi "
     "đua của trường, mục \"Đăng ký thi đua\"."},
    {"private.registrations_where_link",
     "{you_first} nhắc thầy cô trong tổ đăng ký, và xác nhận các bản đã gửi, trên trang thi "
     "đua của trường, mục \"Đăng ký thi đua\": {url}"},
    {"private.stop",
     "Nếu không muốn nhận tin nhắc riêng này, {you} gõ /tatnhac cho bot (gõ /batnhac để nhận "
     "lại); nhắc hạn trong nhóm vẫn như thường."},

    // Problems of the API (the `detail` of application/problem+json).
    {"problem.narratives_shape",
     "Trường \"narratives\" ghi theo nội dung: \"II.1\" đến \"II.6\", mỗi nội dung một đoạn văn."},
    {"problem.unknown_area", "Không có nội dung \"{area}\"; các nội dung là II.1 đến II.6."},
    {"problem.figures_shape", "Trường \"figures\" ghi theo chỉ số, mỗi chỉ số một số nguyên."},
    {"problem.unknown_indicator", "Không có chỉ số \"{indicator}\"."},
    {"problem.bad_figure", "Chỉ số \"{indicator}\" phải là số nguyên từ 0 đến {max}."},
    // The year's list of indicators, as the board edits it (issue 14).
    {"problem.indicators_shape",
     "Danh sách chỉ số ghi mỗi chỉ số với mã, tên, nội dung (II.1 đến II.6) và đơn vị tính."},
    {"problem.indicators_empty", "Danh sách chỉ số cần ít nhất một chỉ số."},
    {"problem.indicators_too_many", "Danh sách chỉ số có tối đa {max} chỉ số."},
    {"problem.indicator_code",
     "Mã chỉ số \"{code}\" chỉ gồm chữ thường không dấu, số và dấu \"_\", tối đa 40 ký tự."},
    {"problem.indicator_twice", "Mã chỉ số \"{code}\" có hai lần trong danh sách."},
    {"problem.indicator_area", "Chỉ số \"{code}\" cần thuộc một nội dung từ II.1 đến II.6."},
    {"problem.indicator_label", "Chỉ số \"{code}\" cần có tên, tối đa 200 ký tự."},
    {"problem.indicator_unit",
     "Chỉ số \"{code}\" cần có đơn vị tính, tối đa 40 ký tự, ví dụ: bài, buổi, người."},
    {"problem.indicator_in_use",
     "Năm {year} đã có tổ ghi số liệu cho chỉ số {codes} nên không bỏ được; thầy cô có thể "
     "sửa tên chỉ số thay vì bỏ."},
    {"problem.deadline_shape", "Hạn chót gửi lên phải là một đối tượng có các trường của hạn."},
    {"problem.deadline_id", "Mã hạn chót chỉ gồm chữ thường không dấu, số và dấu \"-\"."},
    {"problem.deadline_rule", "Quy tắc hạn chót (rule) phải là yearly, once hoặc units_due."},
    {"problem.deadline_owner",
     "Trường \"owed_by\" phải là units (từng đơn vị nộp phần của mình), school (nhà trường) "
     "hoặc registrations (cán bộ và các tổ đăng ký thi đua)."},
    {"problem.deadline_document",
     "Trường \"document\" chỉ nhận yearly_report (hạn xong khi báo cáo năm được đánh dấu đã "
     "gửi)."},
    {"problem.document_needs_school",
     "Chỉ hạn do nhà trường thực hiện (owed_by school) mới gắn với một văn bản; hạn của các tổ "
     "xong khi các tổ nộp phần."},
    {"problem.done_by_units",
     "{name} do các tổ nộp phần: hạn xong khi các tổ đã nộp, không cần đánh dấu."},
    {"problem.done_by_registrations",
     "{name} xong khi các tổ và thầy cô đã đăng ký thi đua, không cần đánh dấu."},
    {"problem.registrations_unavailable",
     "Không đọc được danh sách đăng ký thi đua từ hệ thống đề nghị khen thưởng; thầy cô thử "
     "lại sau ít phút."},
    {"problem.no_such_occurrence", "{name} không có ngày hạn {date}."},
    {"problem.done_in_future", "Ngày hoàn thành không được sau hôm nay."},
    {"problem.done_on_format",
     "Ngày hạn (due_date) và ngày hoàn thành (done_on) có dạng YYYY-MM-DD, ví dụ 2027-05-28."},
    {"problem.deadline_not_found", "Không có hạn chót mã \"{id}\"."},
    {"problem.deadline_date", "Ngày hạn phải có dạng YYYY-MM-DD."},
    {"problem.once_needs_date", "Hạn một lần (rule once) cần ngày hạn (date)."},
    {"problem.years_order", "Năm kết thúc phải không trước năm bắt đầu."},
    {"problem.no_such_day", "Ngày và tháng của hạn chót không tồn tại."},
    {"problem.unit_not_found", "Không có đơn vị mã \"{unit}\" phải nộp báo cáo."},
    {"problem.unit_inactive",
     "{unit} đã ngừng hoạt động nên không phải nộp phần báo cáo; phần đã nộp trước đây vẫn "
     "được giữ."},
    {"problem.no_upcoming_deadline", "Không còn hạn chót nào: phong trào kết thúc năm {year}."},
    {"problem.id_mismatch", "Mã trong đường dẫn và trong nội dung khác nhau."},
    {"problem.not_your_unit",
     "Tổ trưởng chỉ viết phần báo cáo của tổ mình; Ban giám hiệu viết cho mọi tổ."},
    {"problem.no_contribution", "{unit} chưa có phần báo cáo năm {year}."},
    {"problem.part_submitted",
     "Phần báo cáo của {unit} đã nộp; muốn sửa, thầy cô liên hệ Ban giám hiệu."},
    {"problem.not_submitted", "Phần báo cáo năm {year} của {unit} chưa nộp nên không cần mở lại."},
    {"problem.busy_editing",
     "Phần báo cáo này đang được nhiều người sửa cùng lúc; thầy cô thử lưu lại sau ít giây."},
    {"problem.nothing_to_submit",
     "Chưa có nội dung để nộp: hãy lưu bản nháp trước, hoặc gửi nội dung kèm lệnh nộp."},
    {"problem.submitted_before", "Phần báo cáo năm {year} của {unit} đã nộp trước đó."},
    {"problem.sent_on_format", "Ngày gửi (sent_on) phải có dạng YYYY-MM-DD, ví dụ 2026-10-28."},
    {"problem.unknown_section",
     "Báo cáo năm không có mục \"{field}\" do nhà trường viết; các mục là situation (căn cứ, "
     "tình hình), direction (chỉ đạo, tuyên truyền), strengths (ưu điểm), limitations (hạn "
     "chế), next_year (phương hướng năm tới) và proposals (đề xuất, kiến nghị)."},
    {"problem.sections_empty", "Chưa có mục nào để lưu: hãy ghi ít nhất một mục của báo cáo."},
    {"problem.sent_on_range", "Ngày gửi phải trong năm báo cáo trở về sau và không sau hôm nay."},
    {"problem.unit_id", "Mã đơn vị chỉ gồm chữ thường không dấu, số, \"-\" và \"_\"."},
    {"problem.commendations_unavailable",
     "Chưa đọc được kết quả khen thưởng và sáng kiến của năm từ dịch vụ đề nghị khen thưởng "
     "nên chưa phát hành được báo cáo; thầy/cô thử lại sau ít phút."},
    {"problem.units_unavailable",
     "Không đọc được danh mục đơn vị từ hệ thống đề nghị khen thưởng; thầy cô thử lại sau ít "
     "phút."},
    {"problem.no_service_token",
     "Chưa đặt mã dịch vụ (THIDUA_SERVICE_TOKEN) nên không đọc được danh mục đơn vị từ hệ "
     "thống đề nghị khen thưởng; hãy báo người quản trị."},

    // Issued documents (issue 11): issuing, rendering, downloads, the version marked sent.
    {"issue.reason_required",
     "Báo cáo năm {year} đã phát hành số {number}; muốn phát hành lại, thầy cô ghi lý do "
     "phát hành lại, văn bản mới sẽ có số mới."},
    {"issue.signer_missing",
     "Chưa có họ tên người ký văn bản: thầy cô ghi họ tên người ký, hoặc nhờ người "
     "quản trị đặt sẵn người ký trong cấu hình."},
    {"issue.busy_numbering",
     "Đang có nhiều văn bản cùng loại được phát hành một lúc; thầy cô thử lại sau ít giây."},
    {"document.not_found", "Không có văn bản \"{id}\"."},
    {"document.bad_file", "Tên tệp là mã văn bản kèm đuôi docx hoặc pdf, ví dụ 2026-bc-01.pdf."},
    {"sent.unknown_document", "Văn bản \"{id}\" không phải báo cáo năm {year} đã phát hành."},
    {"sent.number_required",
     "Báo cáo năm {year} chưa phát hành trong hệ thống: thầy cô ghi số văn bản đã gửi, ví dụ "
     "12/BC-THCSVP1."},
    {"sent.number_mismatch", "Số \"{number}\" khác số của văn bản đã chọn ({document_number})."},
    {"sent.number_unknown",
     "Báo cáo năm {year} chưa phát hành văn bản số \"{number}\"; các số đã phát hành: "
     "{numbers}."},
    // Thống kê (issue 12): when the units submitted their parts, and its Excel export.
    {"submissions.file_name", "Nộp báo cáo của các tổ năm {year}.xlsx"},
    {"submissions.sheet", "Nộp báo cáo"},
    {"submissions.title", "Các tổ nộp phần báo cáo năm {year} (hạn nộp của các tổ: {date})"},
    {"submissions.unit", "Tổ, bộ phận"},
    {"submissions.state", "Tình trạng"},
    {"submissions.on", "Ngày nộp"},
    {"submissions.due", "Hạn nộp"},
    {"submissions.timeliness", "Đúng hạn hay muộn"},
    {"submissions.status.submitted", "Đã nộp"},
    {"submissions.status.draft", "Đang soạn"},
    {"submissions.status.missing", "Chưa nộp"},
    {"submissions.on_time", "Đúng hạn"},
    {"submissions.late", "Nộp muộn"},
    {"submissions.count_submitted", "Số tổ đã nộp"},
    {"submissions.count_late", "Trong đó nộp muộn"},
    {"submissions.count_units", "Tổng số tổ"},
    // The units' figures of the year's report (figures_book.hpp).
    {"figures.file_name", "Số liệu báo cáo của các tổ năm {year}.xlsx"},
    {"figures.sheet", "Số liệu các tổ"},
    {"figures.title", "Số liệu báo cáo năm {year} của các tổ (tổng cộng tính các phần đã nộp)"},
    {"figures.total", "Tổng cộng"},
    {"figures.units_counted", "{count} tổ đã nộp"},
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

}  // namespace thidua::reports
