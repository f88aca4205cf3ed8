#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

struct z_stream_s;

namespace ttmtrack::importer::input {

// Inflates a gzip file (RFC 1952) with zlib, pulling the compressed bytes through a callback,
// so that the caller sees — and hashes — every raw byte it reads. zlib directly rather than
// Poco's InflatingInputStream: the stream hides the raw bytes behind its own reads, and each
// byte would pay for two layers of std::streambuf.
//
// Concatenated members (`cat a.gz b.gz`, valid gzip) inflate as one stream, as zcat does.
// Anything after the last member that does not start another one is refused, never ignored.
// Owns its zlib state; not copyable or movable; not thread-safe.
// Inflate throws ttmtrack::Error kBadInput (no file or position: the caller adds them):
//   "truncated gzip stream: the compressed data ends before the stream does"
//   "corrupt gzip stream (zlib: <zlib's message>)"
//   "data after the end of the gzip stream"
class GzipInflater {
 public:
  // Writes up to `size` compressed bytes to `buffer` and returns how many; 0 at the end of the
  // raw input. May throw; the exception passes through Inflate unchanged.
  using ReadRaw = std::function<std::size_t(char* buffer, std::size_t size)>;

  explicit GzipInflater(ReadRaw read_raw);
  ~GzipInflater();
  GzipInflater(const GzipInflater&) = delete;
  GzipInflater& operator=(const GzipInflater&) = delete;

  // Writes up to `size` inflated bytes to `out` and returns how many (at least 1 while the
  // stream lasts); 0 once the last member has ended and the raw input with it.
  std::size_t Inflate(char* out, std::size_t size);

 private:
  struct StreamDeleter {
    void operator()(z_stream_s* stream) const;
  };
  void Refill();
  [[noreturn]] void ThrowCorrupt(int code) const;

  ReadRaw read_raw_;
  std::unique_ptr<z_stream_s, StreamDeleter> stream_;
  std::vector<char> input_;   // compressed bytes read ahead of zlib
  bool raw_end_ = false;      // read_raw_ said end of input
  bool member_done_ = false;  // the current member's trailer has been read
};

}  // namespace ttmtrack::importer::input
