// The plain values of the Redis client: replies, the endpoint a URL names, scripts.
#include "core/crypto.hpp"
#include "core/errors.hpp"
#include "redis/redis_client.hpp"

namespace thidua {

const std::string& RedisReply::text() const {
  if (type != Type::String && type != Type::Status) {
    throw RedisError("expected a string reply");
  }
  return str;
}

std::map<std::string, std::string> RedisReply::fields() const {
  std::map<std::string, std::string> out;
  for (std::size_t i = 0; i + 1 < elements.size(); i += 2)
    out[elements[i].str] = elements[i + 1].str;
  return out;
}

std::string RedisReply::field(std::string_view name) const {
  for (std::size_t i = 0; i + 1 < elements.size(); i += 2) {
    if (elements[i].str == name) return elements[i + 1].str;
  }
  return {};
}

long long RedisReply::number() const {
  if (type == Type::Integer) return integer;
  if (type == Type::String) {
    try {
      return std::stoll(str);
    } catch (const std::exception&) {
    }
  }
  throw RedisError("expected an integer reply");
}

RedisEndpoint RedisEndpoint::parse(const std::string& url, const std::string& setting) {
  const std::string scheme = "redis://";
  auto fail = [&](const std::string& why) {
    return ConfigError(setting + ": " + why + " (expected redis://[:password@]host[:port][/db])");
  };
  if (url.rfind(scheme, 0) != 0) throw fail("must start with redis://");
  RedisEndpoint ep;
  std::string rest = url.substr(scheme.size());
  if (auto at = rest.rfind('@'); at != std::string::npos) {
    std::string auth = rest.substr(0, at);
    rest = rest.substr(at + 1);
    auto colon = auth.find(':');
    ep.password = colon == std::string::npos ? auth : auth.substr(colon + 1);
  }
  std::string hostport = rest;
  if (auto slash = rest.find('/'); slash != std::string::npos) {
    hostport = rest.substr(0, slash);
    std::string db = rest.substr(slash + 1);
    if (!db.empty()) {
      try {
        std::size_t used = 0;
        ep.db = std::stoi(db, &used);
        if (used != db.size() || ep.db < 0) throw fail("bad database number");
      } catch (const std::logic_error&) {  // invalid_argument or out_of_range from stoi
        throw fail("bad database number");
      }
    }
  }
  if (auto colon = hostport.rfind(':'); colon != std::string::npos) {
    std::string port = hostport.substr(colon + 1);
    hostport = hostport.substr(0, colon);
    try {
      std::size_t used = 0;
      ep.port = std::stoi(port, &used);
      if (used != port.size() || ep.port < 1 || ep.port > 65535) throw fail("bad port");
    } catch (const std::logic_error&) {  // invalid_argument or out_of_range from stoi
      throw fail("bad port");
    }
  }
  if (hostport.empty()) throw fail("missing host");
  ep.host = hostport;
  return ep;
}

RedisScript::RedisScript(std::string source)
    : source_(std::move(source)), sha_(crypto::sha1_hex(source_)) {}

}  // namespace thidua
