// The shared libraries' message catalogue (issue 13). Wording rules: the reader is a colleague
// ("thầy cô"); no programmer's words, except a value a script must send, named after the
// Vietnamese words (tests/unit/common_messages_test.cpp lists each such exception); roles in
// Vietnamese. A {name} is filled by the code; "{{" and "}}" are literal braces.
#include "core/messages.hpp"

#include <array>

namespace thidua::common {
namespace {
constexpr std::array kMessages = std::to_array<text::Message>({
    // Roles as they read in a sentence ("vai trò tổ trưởng"); role_label() capitalises the
    // first letter for a label that stands alone ("Tổ trưởng" on the dashboard).
    {"you.male", "thầy"},
    {"you.female", "cô"},
    {"you.unknown", "thầy cô"},
    {"role.admin", "Ban giám hiệu"},
    {"role.council", "Hội đồng Thi đua – Khen thưởng"},
    {"role.leader", "tổ trưởng"},
    {"role.staff", "cán bộ, giáo viên"},
    {"role.service", "dịch vụ nội bộ"},
    // Who did something, in a nomination's history, when it was not a staff member.
    {"principal.bootstrap_admin", "Quản trị (khởi tạo)"},

    // What was sent cannot be read (json_io, text).
    {"problem.invalid_utf8", "Nội dung gửi lên không phải văn bản UTF-8 hợp lệ."},
    {"problem.query_not_utf8", "Giá trị tìm kiếm trên địa chỉ không phải văn bản UTF-8 hợp lệ."},
    {"problem.invalid_text", "Không chuẩn hoá được văn bản gửi lên."},
    {"problem.malformed_json", "Nội dung gửi lên không phải JSON hợp lệ."},
    {"problem.duplicate_key",
     "Mục \"{field}\" có hai lần trong nội dung gửi lên; chỉ ghi một lần."},
    {"problem.expected_object",
     "Nội dung gửi lên phải là một đối tượng JSON, không phải một danh sách hay một giá trị đơn "
     "lẻ."},
    {"problem.nesting_too_deep", "Nội dung gửi lên lồng nhau quá sâu (tối đa {max} cấp)."},
    {"problem.control_character",
     "Trường \"{field}\" có ký tự điều khiển {char}, không được phép. Chỉ văn bản dài (lý do, "
     "ghi chú, nội dung…) được xuống dòng và có tab."},
    {"problem.control_character_in_name",
     "Tên trường có ký tự điều khiển {char}, không được phép."},
    {"problem.wrong_type", "Dữ liệu gửi lên có trường sai kiểu."},
    // One field of the body (json_io).
    {"problem.missing_field", "Thiếu trường bắt buộc \"{field}\" (chuỗi ký tự)."},
    {"problem.not_a_string", "Trường \"{field}\" phải là chuỗi ký tự."},
    {"problem.field_too_long", "Trường \"{field}\" dài quá {max} ký tự."},
    {"problem.int_range", "Trường \"{field}\" phải là số nguyên từ {min} đến {max}."},
    {"problem.not_a_boolean", "Trường \"{field}\" phải là true hoặc false."},
    // Numbers in the address (params).
    {"problem.query_integer",
     "Mục \"{name}\" trên địa chỉ (sau dấu ?) phải là số nguyên từ {min} đến {max}, chỉ gồm "
     "chữ số."},
    {"problem.path_integer",
     "Mục \"{name}\" trong đường dẫn phải là số nguyên từ {min} đến {max}, chỉ gồm chữ số."},
    {"problem.path_year",
     "Năm trong đường dẫn phải là một năm của phong trào, từ {first} đến {last}, ghi đủ bốn chữ "
     "số, ví dụ 2026."},
    // An id the admin chooses that is a word of the routes (router).
    {"problem.reserved_id",
     "Mã \"{id}\" là một từ của đường dẫn API nên không dùng làm mã được; hãy chọn mã khác."},

    // The request as a whole (pipeline, server).
    {"problem.bad_request", "Yêu cầu gửi đến sai định dạng nên không đọc được."},
    {"problem.invalid_path",
     "Đường dẫn không hợp lệ: sau dấu % phải là hai chữ số hệ 16 (như %20), và chữ có dấu phải "
     "được mã hóa."},
    {"problem.route_not_found", "Không có đường dẫn {path}."},
    {"problem.method_not_allowed", "Đường dẫn này không nhận phương thức {method}."},
    {"problem.unauthenticated",
     "Cần đăng nhập: thiếu mã truy cập (tiêu đề \"Authorization: Bearer <mã>\")."},
    {"problem.invalid_token",
     "Mã truy cập không hợp lệ, đã bị thu hồi, hoặc người được cấp mã không còn trong danh sách "
     "cán bộ."},
    // The dashboard's session cookie (pipeline): ended or expired, or a write from elsewhere.
    {"problem.session_expired",
     "Phiên đăng nhập đã hết hạn hoặc đã kết thúc. Thầy cô nhắn /dangnhap cho bot Zalo của "
     "trường trong tin nhắn riêng để nhận mã đăng nhập mới."},
    {"problem.cross_site_request",
     "Yêu cầu này không gửi từ trang quản trị thi đua của trường nên không được thực hiện. "
     "Thầy cô mở lại trang quản trị rồi làm lại."},
    {"problem.forbidden", "Vai trò hiện tại của thầy cô ({role}) không được làm thao tác này."},
    {"problem.unsupported_media_type",
     "Chỉ nhận nội dung kiểu application/json (tiêu đề Content-Type)."},
    // The register of issued documents (sổ văn bản đi) as a workbook (docs/register_book).
    // A document's PDF could not be made (docs::render_problem).
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
    {"problem.template_not_found",
     "Không có mẫu văn bản này; các mẫu được liệt kê ở trang \"Mẫu văn bản\"."},
    {"register.sheet", "Sổ văn bản đi"},
    {"register.title", "SỔ VĂN BẢN ĐI NĂM {year}"},
    {"register.col_number", "Số, ký hiệu"},
    {"register.col_date", "Ngày ban hành"},
    {"register.col_type", "Tên loại"},
    {"register.col_summary", "Trích yếu nội dung"},
    {"register.col_signer", "Người ký"},
    {"register.col_recipient", "Nơi nhận"},
    {"register.col_version", "Lần phát hành"},
    {"register.col_reason", "Lý do phát hành lại"},
    {"register.none", "Trong năm chưa phát hành văn bản nào."},
    {"register.file_name", "Sổ văn bản đi năm {year}.xlsx"},
    {"problem.payload_too_large", "Nội dung gửi lên quá lớn (tối đa {max} KiB)."},
    {"problem.storage_unavailable",
     "Hệ thống lưu trữ tạm thời không trả lời; thầy cô thử lại sau ít phút."},
    {"problem.not_ready", "Chưa sẵn sàng: không kết nối được Redis."},
    {"problem.starting", "Chưa sẵn sàng: đang nạp dữ liệu ban đầu."},
    {"problem.internal",
     "Hệ thống gặp lỗi không lường trước; thầy cô báo người quản trị kèm mã yêu cầu "
     "{request_id}."},
});

constexpr text::Catalogue kCatalogue{kMessages};
}  // namespace

const text::Catalogue& messages() {
  return kCatalogue;
}

std::string say(std::string_view key, text::Vars vars) {
  return kCatalogue.render(key, vars);
}

std::string addressed_as(std::string_view gender) {
  if (gender == "male") return say("you.male");
  if (gender == "female") return say("you.female");
  return say("you.unknown");
}

}  // namespace thidua::common
