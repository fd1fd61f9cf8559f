#pragma once
// The dossier an award needs (hồ sơ đề nghị khen thưởng, plan section V): a proposal letter
// with the list of nominees, the council meeting's minutes and the nominee's achievement
// report (Mẫu số 8, NĐ 152/2025), each in as many copies as the award level asks.
#include <map>
#include <string>
#include <vector>

namespace thidua::nominations {

struct DossierReceipt {
  int copies = 0;
  std::string received_by;
  std::string received_at;  // ISO instant
};

struct DossierItem {
  std::string code;   // to_trinh, bien_ban, bao_cao_thanh_tich
  std::string label;  // Vietnamese
  int required = 1;
  DossierReceipt receipt;
  bool complete() const { return receipt.copies >= required; }
};

// The three item codes, in the plan's order.
const std::vector<std::string>& dossier_item_codes();
bool is_dossier_item(const std::string& code);
// "Biên bản họp Hội đồng Thi đua – Khen thưởng": an item's label, "" for an unknown code.
std::string dossier_item_label(const std::string& code);
std::vector<DossierItem> dossier_checklist(int copies_required,
                                           const std::map<std::string, DossierReceipt>& received);
bool dossier_complete(const std::vector<DossierItem>& items);

}  // namespace thidua::nominations
