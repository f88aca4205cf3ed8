#include "importer/input/sha256.hpp"

#include <array>
#include <istream>
#include <string_view>
#include <vector>

#include <openssl/evp.h>

#include "core/ascii_text.hpp"
#include "core/error.hpp"

namespace ttmtrack::importer::input {
namespace {

[[noreturn]] void ThrowOpenSslFailure(const char* call) {
  throw Error(Error::Kind::kInternal, std::string("OpenSSL ") + call + " failed for SHA-256");
}

}  // namespace

void Sha256::ContextDeleter::operator()(evp_md_ctx_st* context) const { EVP_MD_CTX_free(context); }

Sha256::Sha256() : context_(EVP_MD_CTX_new()) {
  if (!context_) ThrowOpenSslFailure("EVP_MD_CTX_new");
  if (EVP_DigestInit_ex(context_.get(), EVP_sha256(), nullptr) != 1) {
    ThrowOpenSslFailure("EVP_DigestInit_ex");
  }
}

Sha256::~Sha256() = default;
Sha256::Sha256(Sha256&&) noexcept = default;
Sha256& Sha256::operator=(Sha256&&) noexcept = default;

void Sha256::Update(const void* data, std::size_t size) {
  if (size == 0) return;
  if (EVP_DigestUpdate(context_.get(), data, size) != 1) ThrowOpenSslFailure("EVP_DigestUpdate");
}

std::string Sha256::HexDigest() {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  if (EVP_DigestFinal_ex(context_.get(), digest.data(), &size) != 1) {
    ThrowOpenSslFailure("EVP_DigestFinal_ex");
  }
  return core::HexLower(std::string_view(reinterpret_cast<const char*>(digest.data()),
                                         static_cast<std::size_t>(size)));
}

std::string Sha256OfStream(std::istream& in) {
  Sha256 sha;
  std::vector<char> block(std::size_t{1} << 18);
  while (in) {
    in.read(block.data(), static_cast<std::streamsize>(block.size()));
    const std::streamsize got = in.gcount();
    if (got > 0) sha.Update(block.data(), static_cast<std::size_t>(got));
  }
  if (in.bad()) throw Error(Error::Kind::kIo, "read failed while hashing", {});
  return sha.HexDigest();
}

}  // namespace ttmtrack::importer::input
