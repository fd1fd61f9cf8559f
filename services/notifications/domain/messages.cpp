// The notifications service's message catalogue (issue 13). Wording rules: colleagues are
// "thầy cô"; no programmer's words; roles and periods in Vietnamese, periods lower case in
// running text; "chỉ tiêu", not "suất"; what to type is shown with an example. A {name} is
// filled by the code; "{{" and "}}" are literal braces.
#include "notifications/domain/messages.hpp"

#include <array>

namespace thidua::notifications {
namespace {
constexpr std::array kMessages = std::to_array<text::Message>({
    // What to type: answers to a command the bot cannot run as typed.
    {"command.not_a_command",
     "Mỗi lệnh của bot bắt đầu bằng dấu \"/\"; thầy cô gõ /trogiup để xem các lệnh."},
    {"command.unknown", "Không có lệnh \"/{name}\"; thầy cô gõ /trogiup để xem các lệnh."},
    // A name within an edit or two of a command's (commands.cpp, nearest_command).
    {"command.did_you_mean",
     "Không có lệnh \"/{name}\". Có phải thầy cô định gõ {command}? Gõ /trogiup để xem các lệnh."},
    {"command.usage", "{what} Ví dụ: {example} (gõ /trogiup để xem các lệnh)."},
    {"command.needs_nothing", "Lệnh này không cần ghi thêm gì."},
    {"command.needs_one", "Lệnh này chỉ cần ghi một thông tin."},
    {"command.missing_nomination", "Thầy cô cần ghi số đề nghị."},
    {"command.missing_link_code",
     "Thầy cô cần ghi mã liên kết do Ban giám hiệu cấp (nhắn riêng cho bot, đừng gửi vào "
     "nhóm)."},
    {"command.bad_nomination", "Số đề nghị chỉ gồm chữ số."},
    {"command.bad_link_code", "Mã liên kết gồm 8 ký tự (chữ số và chữ a–f), do Ban giám hiệu cấp."},
    {"command.bad_period",
     "Kỳ khen thưởng ghi là một năm (như 2026), \"sơ kết\" hoặc \"tổng kết\"."},
    {"command.bad_year", "Năm ghi bằng số, từ {first} đến {last}."},
    {"help",
     "Các lệnh của bot thi đua:\n"
     "/hanchot — hạn chót sắp tới và đơn vị còn nợ báo cáo\n"
     "/baocao — tình hình nộp báo cáo theo đơn vị; năm khác thì ghi thêm: /baocao 2025\n"
     "/chitieu — chỉ tiêu khen thưởng đã dùng / tối đa; kỳ khác thì ghi thêm: /chitieu 2027, "
     "/chitieu sơ kết, /chitieu tổng kết\n"
     "/denghi — các đề nghị khen thưởng cho thầy cô\n"
     "/trangthai 12 — trạng thái đề nghị số 12\n"
     "/lienket và mã — liên kết Zalo với hồ sơ cán bộ (mã do Ban giám hiệu cấp; nhắn riêng "
     "cho bot)\n"
     "/toila — bot nhận ra thầy cô là ai\n"
     "/tatnhac — thôi nhận tin nhắc hạn gửi riêng (nhắc hạn trong nhóm vẫn giữ)\n"
     "/batnhac — nhận lại tin nhắc hạn gửi riêng\n"
     "/dangnhap — mã và đường liên kết để vào trang thi đua (chỉ nhắn riêng cho bot)\n"
     "Gõ có dấu hay không dấu đều được."},
    {"help.contact", "Cần hỗ trợ: {contact}."},

    // Answers to commands.
    {"answer.how_to_link",
     "Chào thầy cô! Để dùng bot thi đua, thầy cô cần liên kết Zalo với hồ sơ cán bộ: xin Ban "
     "giám hiệu mã liên kết, rồi nhắn riêng cho bot: /lienket và mã đó. Gõ /trogiup để xem các "
     "lệnh."},
    {"answer.not_linked",
     "Thầy cô chưa liên kết Zalo với hồ sơ cán bộ. Xin Ban giám hiệu mã liên kết rồi nhắn "
     "riêng cho bot: /lienket và mã đó (đừng gửi mã vào nhóm)."},
    {"answer.nominations_down",
     "Hệ thống đề nghị khen thưởng tạm thời chưa trả lời; chưa có gì thay đổi, thầy cô thử lại "
     "sau ít phút."},
    {"answer.reports_down",
     "Chưa lấy được tình hình nộp báo cáo năm {year}; thầy cô thử lại sau ít phút."},
    {"answer.no_nomination", "Không tìm thấy đề nghị số {id} trong các đề nghị thầy cô được xem."},
    {"answer.no_period", "Không có kỳ khen thưởng \"{period}\"."},
    {"answer.bad_link_code",
     "Mã liên kết không đúng hoặc đã hết hạn; thầy cô xin Ban giám hiệu mã mới."},
    {"answer.link_too_many",
     "Tài khoản Zalo này đã gõ sai mã liên kết nhiều lần; thầy cô đợi một giờ rồi thử lại với "
     "mã Ban giám hiệu cấp."},
    {"answer.linked", "✅ Đã liên kết tài khoản Zalo này với {name}."},
    {"answer.linked_in_group",
     "Mã liên kết đã dùng xong nên không ai dùng lại được; lần sau {you} nhắn riêng mã cho bot."},
    {"answer.whoami", "Tài khoản Zalo này là của {name}, vai trò: {role}."},
    // Private reminders, turned off and on by the person (issue 13).
    {"reminders.off",
     "Đã tắt tin nhắc hạn gửi riêng cho {name}: bot sẽ không nhắn riêng nhắc hạn nộp báo cáo "
     "nữa; nhắc hạn trong nhóm vẫn như thường. Muốn nhận lại, {you} gõ /batnhac."},
    {"reminders.already_off",
     "Tin nhắc hạn gửi riêng cho {name} đã tắt từ trước. Muốn nhận lại, {you} gõ /batnhac."},
    {"reminders.on",
     "Đã bật lại tin nhắc hạn gửi riêng cho {name}. Muốn thôi nhận, {you} gõ /tatnhac."},
    {"reminders.already_on",
     "Tin nhắc hạn gửi riêng cho {name} vẫn đang bật. Muốn thôi nhận, {you} gõ /tatnhac."},
    {"reminders.only_leaders", "(Tin nhắc hạn gửi riêng chỉ đến tổ trưởng của tổ còn nợ báo cáo.)"},
    // Signing in to the dashboard (/dangnhap): the code only ever in a private chat.
    {"sign_in.code",
     "🔑 Mã đăng nhập trang thi đua của {name}: {code}\nMã dùng một lần, trong {minutes} phút "
     "(đến {time})."},
    {"sign_in.link", "Bấm vào đây để vào thẳng: {link}"},
    {"sign_in.no_link", "Mở trang thi đua của trường và gõ mã trên."},
    {"sign_in.keep_private",
     "Đừng chuyển mã này cho ai và đừng gửi vào nhóm; ai có mã là vào được với quyền của {you}."},
    {"answer.sign_in_group",
     "Lệnh /dangnhap chỉ dùng trong tin nhắn riêng với bot, để mã đăng nhập không lộ ra nhóm. "
     "Thầy cô nhắn riêng cho bot: /dangnhap"},
    // 15 minutes: the window of libs/auth SignInLimits, counted from the first code.
    {"answer.sign_in_too_many",
     "Đã có nhiều mã đăng nhập được xin trong thời gian ngắn; {you} hãy dùng mã mới nhất nếu "
     "chưa dùng, hoặc xin lại sau ít phút (chậm nhất 15 phút)."},
    {"person.addressed", "{you} {name}"},
    {"role.unknown", "chưa xác định"},

    {"deadline.next_today", "⏰ {name}: {date} (hôm nay)."},
    {"deadline.next_days", "⏰ {name}: {date} (còn {days} ngày)."},
    {"deadline.default_name", "Hạn chót"},
    // An open nomination round (đợt xét): its last day, beside the next deadline.
    {"deadline.round_days", "📝 {name}: nhận đề nghị khen thưởng đến hết {date} (còn {days} ngày)."},
    {"deadline.round_today", "📝 {name}: hôm nay ({date}) là ngày cuối nhận đề nghị khen thưởng."},
    {"deadline.unknown", "Chưa lấy được hạn chót sắp tới; thầy cô thử lại sau ít phút."},
    {"deadline.owing_unknown", "Chưa lấy được danh sách đơn vị còn nợ báo cáo."},
    {"deadline.all_submitted", "Tất cả đơn vị đã nộp phần của mình."},
    {"deadline.owing", "Đơn vị chưa nộp phần của mình: {units}."},
    {"deadline.units_due", "Hạn nộp phần của các tổ: {date}."},
    {"deadline.units_due_past", "Hạn nộp phần của các tổ: {date} (đã qua)."},
    {"deadline.school_done", "Việc này nhà trường đã hoàn thành ngày {date}."},
    {"deadline.school_owes", "Việc này do nhà trường thực hiện, chưa hoàn thành."},
    // A deadline owed by registrations of targets (issue 14): units with counts, no names.
    {"deadline.registrations_owe", "Đơn vị chưa đăng ký thi đua đủ: {units}."},
    {"deadline.all_registered", "Tất cả các đơn vị và thầy cô đã đăng ký thi đua."},
    {"deadline.registrations_unknown", "Chưa lấy được danh sách ai đã đăng ký thi đua."},
    {"deadline.registration_gap_people", "còn {count} thầy cô"},
    {"deadline.registration_gap_unit", "tập thể chưa đăng ký"},
    {"deadline.registration_gap_both", "tập thể và {count} thầy cô"},

    {"reports.title", "📊 Báo cáo năm {year}:"},
    {"reports.empty", "📊 Báo cáo năm {year}: chưa có đơn vị nào."},
    {"reports.unit", "• {unit}: {status}"},
    {"reports.unit_on", "• {unit}: {status} ngày {date}"},
    {"reports.unit_late", "• {unit}: {status} ngày {date} (trễ hạn)"},
    {"reports.status_submitted", "đã nộp"},
    {"reports.status_draft", "đang soạn"},
    {"reports.status_missing", "chưa nộp"},

    {"quotas.title", "🏅 Chỉ tiêu khen thưởng {period}:"},
    {"quotas.empty", "🏅 Chỉ tiêu khen thưởng {period}: chưa có hình thức nào."},
    {"quotas.item", "• {award}: {used}/{limit}"},
    {"quotas.item_for", "• {award} ({subject}): {used}/{limit}"},
    {"quotas.unlimited", "không giới hạn"},
    {"quotas.unset", "chưa quy định"},
    {"subject.collective", "tập thể"},
    {"subject.individual", "cá nhân"},

    {"nominations.empty", "Chưa có đề nghị khen thưởng nào cho {name}."},
    {"nominations.empty_in_group", "Chưa có đề nghị khen thưởng nào của {name} đã báo trong nhóm."},
    {"nominations.rest_in_private",
     "Đề nghị đang soạn, đã rút hoặc không được thông qua chỉ xem được khi nhắn riêng cho bot: "
     "/denghi"},
    {"nomination.ask_in_private",
     "Đề nghị số {id}: thầy cô nhắn riêng cho bot để xem (/trangthai {id})."},
    {"nominations.title", "📋 Đề nghị khen thưởng của {name}:"},
    {"nominations.item", "• Số {id}: {award}, {period} — {status}"},
    // Privately, after those about the person: the ones they wrote about others.
    {"nominations.wrote_title", "📝 Đề nghị thầy cô đã lập:"},
    {"nominations.wrote_item", "• Số {id}: {subject}, {award}, {period} — {status}"},
    {"nomination.status", "Đề nghị số {id}: {subject} — {award}, {period}.\nTrạng thái: {status}."},
    {"nomination.status_updated",
     "Đề nghị số {id}: {subject} — {award}, {period}.\nTrạng thái: {status} (cập nhật {date})."},

    // Announcements to the group: good news only (issue 13).
    {"event.who_in_unit", "{name} ({unit})"},
    {"period.annual", "năm {year}"},
    {"period.interim", "sơ kết giai đoạn 1 ({year})"},
    {"period.final", "tổng kết phong trào ({year})"},
    {"event.submitted",
     "📋 Đề nghị khen thưởng số {id} đã được trình Hội đồng Thi đua – Khen thưởng: {who} — "
     "{award}, {period}."},
    {"event.approved",
     "✅ Hội đồng Thi đua – Khen thưởng đã thông qua đề nghị số {id}: {who} — {award}, "
     "{period}."},
    {"event.awarded",
     "🎉 Chúc mừng {who} đã được tặng {award} ({period}) theo Quyết định số {decision} ngày "
     "{date}."},
    {"event.awarded_no_decision", "🎉 Chúc mừng {who} đã được tặng {award} ({period})."},
    // Before a nomination round (đợt xét) closes: the unit leaders are reminded (issue 14).
    {"event.round_closing",
     "⏰ {round} nhận đề nghị khen thưởng đến hết ngày {closes}, còn {days} ngày nữa. Kính mời "
     "các thầy cô tổ trưởng hoàn tất và trình đề nghị của tổ trước hạn này."},
    {"event.round_closing_today",
     "⏰ Hôm nay ({closes}) là ngày cuối {round} nhận đề nghị khen thưởng. Kính mời các thầy cô "
     "tổ trưởng trình đề nghị của tổ trong ngày."},
    {"event.round_awards", "Hình thức khen thưởng của đợt: {awards}."},
    {"footer", "— Tin nhắn tự động từ hệ thống thi đua"},

    // Digests: the events of one kind within the window, in one message (issue 13). A
    // council digest counts the rejected and never names them.
    {"digest.submitted",
     "📋 {count} đề nghị khen thưởng đã được trình Hội đồng Thi đua – Khen thưởng:"},
    {"digest.council_passed", "✅ Hội đồng Thi đua – Khen thưởng đã thông qua {count} đề nghị:"},
    {"digest.council",
     "✅ Hội đồng Thi đua – Khen thưởng đã xét {count} đề nghị: {passed} thông qua, {not_passed} "
     "chưa thông qua."},
    {"digest.awarded", "🎉 Chúc mừng {who} đã được khen thưởng:"},
    {"digest.people", "{count} thầy cô"},
    {"digest.units", "{count} tập thể"},
    {"digest.people_and_units", "{people} và {groups}"},
    {"digest.decision", "Theo Quyết định số {decision} ngày {date}:"},
    {"digest.line_numbered", "• Số {id}: {who} — {award}, {period}"},
    {"digest.line", "• {who} — {award}, {period}"},
    {"digest.more", "• … và {count} đề nghị khác (xem trên trang thi đua của trường)."},
    {"digest.more_awarded",
     "• … và {count} thầy cô, tập thể khác (xem trên trang thi đua của trường)."},

    // The daily summary (THIDUA_DAILY_SUMMARY_AT): counts only.
    {"daily.title", "📊 Tổng hợp tin thi đua từ {from} đến {to}:"},
    {"daily.when", "{time} ngày {date}"},
    {"daily.submitted",
     "• {count} đề nghị khen thưởng đã được trình Hội đồng Thi đua – Khen thưởng."},
    {"daily.council_passed", "• Hội đồng Thi đua – Khen thưởng đã thông qua {count} đề nghị."},
    {"daily.council",
     "• Hội đồng Thi đua – Khen thưởng đã xét {count} đề nghị: {passed} thông qua, {not_passed} "
     "chưa thông qua."},
    {"daily.awarded", "• {count} đề nghị đã được cấp trên quyết định khen thưởng."},

    // Told privately to the nominee and the unit's leaders.
    {"personal.rejected",
     "Đề nghị khen thưởng số {id} ({who} — {award}, {period}) chưa được Hội đồng Thi đua – "
     "Khen thưởng thông qua."},
    {"personal.not_awarded",
     "Đề nghị khen thưởng số {id} ({who} — {award}, {period}) chưa được cấp trên quyết định "
     "khen thưởng."},
    {"personal.reason", "Lý do: {reason}"},
    {"personal.closing", "Tin này chỉ gửi riêng {you}; chi tiết có trên trang thi đua của trường."},

    // Problems of the API (the `detail` of application/problem+json).
    {"problem.missing_target",
     "Thiếu người nhận (trường \"target\"): \"group\" hoặc một cán bộ (\"staff_id\")."},
    {"problem.bad_target",
     "Người nhận (trường \"target\") phải là \"group\" (nhóm Zalo cán bộ) hoặc một cán bộ: "
     "\"staff_id\" với mã cán bộ."},
    {"problem.missing_text", "Thiếu nội dung tin nhắn (trường \"text\")."},
    {"problem.text_too_long", "Nội dung tin nhắn dài quá {max} ký tự."},
    {"problem.blank_text", "Nội dung tin nhắn chỉ có khoảng trắng."},
    {"problem.bad_urgent", "Trường \"urgent\" phải là true hoặc false."},
    {"problem.bad_category",
     "Loại tin (trường \"category\") chỉ ghi \"reminder\" (tin nhắc hạn) hoặc để trống."},
    {"problem.bad_send_at",
     "Giờ gửi (trường \"send_at\") phải ghi đủ ngày giờ và múi giờ, ví dụ "
     "2026-12-07T07:00:00+07:00."},
    {"problem.send_at_past", "Giờ hẹn gửi đã qua; hãy chọn một thời điểm sắp tới."},
    {"problem.send_at_too_far", "Chỉ hẹn gửi trước được tối đa {days} ngày."},
    {"problem.not_scheduled",
     "Tin nhắn \"{id}\" không còn chờ đến giờ hẹn (đã gửi đi hoặc đã hủy), nên không hủy được."},
    {"message.reply_hidden",
     "(Bot trả lời riêng cho người đã nhắn lệnh; nội dung chỉ người nhận xem được.)"},
    {"api.reminders_off",
     "Cán bộ \"{id}\" đã tắt tin nhắc hạn gửi riêng (lệnh /tatnhac), nên tin này không được "
     "gửi."},
    {"problem.key_too_long", "Idempotency-Key dài quá {max} ký tự."},
    {"problem.key_chars", "Idempotency-Key chỉ gồm ký tự ASCII in được, không có dấu cách."},
    {"problem.key_reused",
     "Khóa Idempotency-Key này đã dùng cho một tin nhắn khác (khác người nhận hoặc nội dung). "
     "Tin mới cần một khóa mới."},
    {"problem.bad_state",
     "Trạng thái lọc (state) phải là queued, held, sending, sent, retry, dead, discarded hoặc "
     "scheduled."},
    {"problem.message_not_found", "Không có tin nhắn mã \"{id}\"."},
    {"problem.not_dead", "Tin nhắn \"{id}\" không nằm trong hàng lỗi."},
    {"problem.webhook_off", "Bot không nhận tin qua webhook (THIDUA_BOT_MODE khác webhook)."},
    {"problem.webhook_secret", "Sai mã bí mật của webhook."},
    {"problem.update_not_object", "Nội dung gửi lên không phải một bản tin Zalo."},
    {"problem.staff_lookup_down",
     "Chưa tra được cán bộ: hệ thống đề nghị khen thưởng không trả lời; hãy thử lại sau."},
    {"problem.staff_not_linked",
     "Cán bộ \"{id}\" chưa liên kết Zalo (dùng /lienket với mã do Ban giám hiệu cấp)."},
    {"problem.unknown_staff", "Không có cán bộ mã \"{id}\"."},
});

constexpr text::Catalogue kCatalogue{kMessages};
}  // namespace

const text::Catalogue& messages() {
  return kCatalogue;
}

std::string say(std::string_view key, text::Vars vars) {
  return kCatalogue.render(key, vars);
}

}  // namespace thidua::notifications
