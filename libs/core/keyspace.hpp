#pragma once
// Every key starts with the school's id as a Redis Cluster hash tag, then the owning
// service: {thcs-vinh-phong-1}:nominations:... All keys of a school share one slot, so any
// script or MULTI may touch them together.
#include <string>
#include <string_view>

namespace thidua {

class Keyspace {
 public:
  Keyspace(std::string school, std::string service)
      : prefix_("{" + school + "}:" + service + ":"), school_(std::move(school)) {}
  std::string operator()(std::string_view suffix) const { return prefix_ + std::string(suffix); }
  // A key another part owns by contract (a stream, the shared token table).
  std::string foreign(std::string_view owner, std::string_view suffix) const {
    return "{" + school_ + "}:" + std::string(owner) + ":" + std::string(suffix);
  }
  const std::string& school() const { return school_; }

 private:
  std::string prefix_;
  std::string school_;
};

}  // namespace thidua
