// Wording rules as in the notifications catalogue: colleagues are "thầy cô"; no programmer's
// words; years in running text as "năm 2026".
#include "reports/domain/document_messages.hpp"

#include <array>

namespace thidua::reports {
namespace {
constexpr std::array kMessages = std::to_array<text::Message>({
    {"issue.reason_required",
     "Báo cáo năm {year} đã phát hành số {number}; muốn phát hành lại, thầy cô ghi lý do "
     "(reason), văn bản mới sẽ có số mới."},
    {"issue.signer_missing",
     "Chưa có họ tên người ký văn bản: thầy cô ghi họ tên người ký (signer.name) hoặc nhờ "
     "người quản trị đặt sẵn trong cấu hình."},
    {"issue.busy_numbering",
     "Đang có nhiều văn bản cùng loại được phát hành một lúc; thầy cô thử lại sau ít giây."},
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
});
constexpr text::Catalogue kCatalogue{kMessages};
}  // namespace

const text::Catalogue& document_messages() {
  return kCatalogue;
}

}  // namespace thidua::reports
