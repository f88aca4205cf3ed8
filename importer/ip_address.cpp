#include "importer/ip_address.hpp"

#include <array>

#include <arpa/inet.h>
#include <netinet/in.h>

#include "importer/text_util.hpp"

namespace ttmtrack::importer {

std::optional<std::string> NormalizeIp(std::string_view text) {
  text = Trim(text);
  if (text.size() >= 2 && text.front() == '[' && text.back() == ']') {
    text = text.substr(1, text.size() - 2);
  }
  // A zone ("fe80::1%eth0") names an interface of the scanner, not part of the host identity.
  if (const std::size_t zone = text.find('%');
      zone != std::string_view::npos && text.find(':') != std::string_view::npos) {
    text = text.substr(0, zone);
  }
  if (text.empty() || text.size() >= INET6_ADDRSTRLEN) return std::nullopt;
  const std::string input(text);  // inet_pton needs a terminated string
  std::array<char, INET6_ADDRSTRLEN> out{};
  in_addr v4{};
  if (inet_pton(AF_INET, input.c_str(), &v4) == 1) {
    if (inet_ntop(AF_INET, &v4, out.data(), out.size()) == nullptr) return std::nullopt;
    return std::string(out.data());
  }
  in6_addr v6{};
  if (inet_pton(AF_INET6, input.c_str(), &v6) == 1) {
    // glibc's inet_ntop writes RFC 5952 text: lower-case, longest zero run compressed.
    if (inet_ntop(AF_INET6, &v6, out.data(), out.size()) == nullptr) return std::nullopt;
    return std::string(out.data());
  }
  return std::nullopt;
}

}  // namespace ttmtrack::importer
