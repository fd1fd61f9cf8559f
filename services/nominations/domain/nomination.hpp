#pragma once
// A nomination for an award (đề nghị khen thưởng) and the rules that need no storage.
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

namespace thidua::nominations {

enum class SubjectKind { Individual, Collective };  // cá nhân, tập thể

struct AwardForm {
  std::string code;   // gk_xa
  std::string label;  // Giấy khen của Chủ tịch UBND xã
  int dossier_copies = 1;
};

// The seed plan's award forms (domain.md). The editable catalogue replaces this list.
const std::vector<AwardForm>& default_award_forms();
const AwardForm* find_award(const std::string& code);

struct NewNomination {
  std::string period;  // "2026", "so-ket-2027", "tong-ket-2030"
  std::string award;   // award form code
  SubjectKind subject_kind = SubjectKind::Individual;
  std::string subject_name;
  std::string unit;
  std::string reason;
};

struct Nomination {
  std::string id;
  NewNomination data;
  std::string status = "draft";
  std::string created_by;
  std::string created_at;  // ISO instant, UTC
};

std::string_view subject_kind_name(SubjectKind kind);
// Checks a create request's body; throws ApiError 400/422 with a Vietnamese detail.
NewNomination parse_new_nomination(const nlohmann::json& body);
nlohmann::json to_json(const Nomination& n);
Nomination nomination_from_json(const nlohmann::json& j);

}  // namespace thidua::nominations
