// A stored draft read by nlohmann's SAX parser straight into NominationDraft. Every GET of a
// nomination reads one; building the document tree first cost 28 of a GET's 173 allocations
// (bench/README.md), and the tree was thrown away at once.
#include <stdexcept>

#include "nominations/store/nomination_codec.hpp"

namespace thidua::nominations::stored {
namespace {
using nlohmann::json;

// Reads the shape to_json(NominationDraft) writes. As the document tree's value() did: a
// member that is absent keeps its default, one this codec does not know is skipped whatever
// it holds, a later duplicate wins, a known member of another type fails the read, and
// "achievements": null reads as none. Two differences, for text this codec never wrote: every
// occurrence of a duplicated member must have its type (the tree kept only the last), and
// "achievements" as an object is refused (the tree read its members' values as achievements).
class DraftReader {
 public:
  explicit DraftReader(NominationDraft& draft) : draft_(draft) {}

  bool null() {
    if (skipping_ == 0 && in_ == In::Draft && next_ == Next::Achievements) {
      draft_.achievements.clear();
      return true;
    }
    return scalar();
  }
  bool boolean(bool) { return scalar(); }
  bool number_integer(json::number_integer_t) { return scalar(); }
  bool number_unsigned(json::number_unsigned_t) { return scalar(); }
  bool number_float(json::number_float_t, const std::string&) { return scalar(); }
  bool binary(json::binary_t&) { return scalar(); }

  bool string(std::string& s) {
    if (skipping_ > 0) return true;
    if (in_ == In::List) {
      list_->push_back(std::move(s));
      return true;
    }
    if (!in_object()) return false;
    if (next_ == Next::Text) *text_ = std::move(s);
    return next_ == Next::Text || next_ == Next::Unknown;
  }

  bool start_object(std::size_t) {
    if (skipping_ > 0 || (in_object() && next_ == Next::Unknown)) return skip();
    if (in_ == In::Nothing) return enter(In::Draft);
    if (in_ != In::Achievements) return false;
    draft_.achievements.emplace_back();
    return enter(In::Achievement);
  }

  bool start_array(std::size_t) {
    if (skipping_ > 0 || (in_object() && next_ == Next::Unknown)) return skip();
    if (!in_object()) return false;
    if (next_ == Next::Achievements) {
      draft_.achievements.clear();
      return enter(In::Achievements);
    }
    if (next_ != Next::List) return false;
    list_->clear();
    return enter(In::List);
  }

  bool end_object() { return leave(); }
  bool end_array() { return leave(); }

  bool key(std::string& k) {
    if (skipping_ > 0) return true;
    next_ = Next::Unknown;
    if (in_ == In::Draft) {
      if (k == "achievements") {
        next_ = Next::Achievements;
        return true;
      }
      const std::pair<std::string_view, std::string*> texts[] = {{"period", &draft_.period},
                                                                 {"award", &draft_.award},
                                                                 {"subject_kind", &subject_kind_},
                                                                 {"subject_id", &draft_.subject_id},
                                                                 {"reason", &draft_.reason}};
      for (const auto& [name, target] : texts) {
        if (k == name) expect_text(target);
      }
      return true;
    }
    auto& a = draft_.achievements.back();
    if (k == "text") expect_text(&a.text);
    if (k == "areas") expect_list(&a.areas);
    if (k == "evidence") expect_list(&a.evidence);
    return true;
  }

  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
    return false;
  }

  const std::string& subject_kind() const { return subject_kind_; }

 private:
  // Where the parser is: each container entered is one level, up to the list of an
  // achievement's areas or evidence (Draft → Achievements → Achievement → List).
  enum class In { Nothing, Draft, Achievements, Achievement, List };
  // What the value after the last key is for.
  enum class Next { Unknown, Text, Achievements, List };

  void expect_text(std::string* target) {
    next_ = Next::Text;
    text_ = target;
  }
  void expect_list(std::vector<std::string>* target) {
    next_ = Next::List;
    list_ = target;
  }
  bool in_object() const { return in_ == In::Draft || in_ == In::Achievement; }
  bool scalar() const { return skipping_ > 0 || (in_object() && next_ == Next::Unknown); }
  bool skip() {
    ++skipping_;
    return true;
  }
  bool enter(In level) {
    stack_[depth_++] = in_;
    in_ = level;
    return true;
  }
  bool leave() {
    if (skipping_ > 0) {
      --skipping_;
      return true;
    }
    in_ = stack_[--depth_];
    next_ = Next::Unknown;
    return true;
  }

  NominationDraft& draft_;
  std::string subject_kind_ = "individual";
  In in_ = In::Nothing;
  In stack_[4] = {};
  int depth_ = 0;
  int skipping_ = 0;  // depth inside a member this codec does not know
  Next next_ = Next::Unknown;
  std::string* text_ = nullptr;
  std::vector<std::string>* list_ = nullptr;
};
}  // namespace

NominationDraft read_draft(std::string_view stored) {
  NominationDraft d;
  DraftReader reader(d);
  if (!json::sax_parse(stored, &reader)) {
    throw std::runtime_error("stored draft is not the codec's JSON");
  }
  d.subject_kind = parse_subject_kind(reader.subject_kind()).value_or(SubjectKind::Individual);
  return d;
}

}  // namespace thidua::nominations::stored
