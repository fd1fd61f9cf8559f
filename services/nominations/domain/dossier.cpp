#include "nominations/domain/dossier.hpp"

#include "nominations/domain/messages.hpp"

namespace thidua::nominations {
const std::vector<std::string>& dossier_item_codes() {
  // Each item's label is "dossier.<code>" in messages.cpp.
  static const std::vector<std::string> kCodes{"to_trinh", "bien_ban", "bao_cao_thanh_tich"};
  return kCodes;
}

bool is_dossier_item(const std::string& code) {
  for (const auto& c : dossier_item_codes()) {
    if (c == code) return true;
  }
  return false;
}

std::string dossier_item_label(const std::string& code) {
  return is_dossier_item(code) ? say("dossier." + code) : std::string();
}

std::vector<DossierItem> dossier_checklist(int copies_required,
                                           const std::map<std::string, DossierReceipt>& received) {
  std::vector<DossierItem> out;
  for (const auto& code : dossier_item_codes()) {
    DossierItem item{code, say("dossier." + code), copies_required, {}};
    if (auto it = received.find(code); it != received.end()) item.receipt = it->second;
    out.push_back(std::move(item));
  }
  return out;
}

bool dossier_complete(const std::vector<DossierItem>& list) {
  for (const auto& i : list) {
    if (!i.complete()) return false;
  }
  return true;
}

}  // namespace thidua::nominations
