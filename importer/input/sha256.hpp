#pragma once

#include <cstddef>
#include <iosfwd>
#include <memory>
#include <string>

struct evp_md_ctx_st;

namespace ttmtrack::importer::input {

// Incremental SHA-256 through OpenSSL's EVP interface, which runs on the CPU's SHA extensions
// where it has them (about 1.5 GB/s on the development machine, four times Poco's SHA2Engine,
// which is portable C). One digest per object: Update any number of times, then HexDigest once.
// Owns its EVP context. Not copyable; movable; not thread-safe (one thread at a time may use
// it, and InputSource hands it from its reading thread to the caller only through a mutex).
// Throws ttmtrack::Error kInternal when OpenSSL fails (out of memory; never for any input).
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(Sha256&&) noexcept;
  Sha256& operator=(Sha256&&) noexcept;
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void Update(const void* data, std::size_t size);
  // Lower-case hex of every byte given to Update. REQUIRES: called once; no Update after it.
  std::string HexDigest();

 private:
  struct ContextDeleter {
    void operator()(evp_md_ctx_st* context) const;
  };
  std::unique_ptr<evp_md_ctx_st, ContextDeleter> context_;
};

// Lower-case hex SHA-256 of every byte `in` yields until its end, read in fixed-size blocks:
// memory does not depend on the size. Throws Error kIo on a read failure.
std::string Sha256OfStream(std::istream& in);

}  // namespace ttmtrack::importer::input
