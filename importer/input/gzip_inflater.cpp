#include "importer/input/gzip_inflater.hpp"

#include <zlib.h>

#include <algorithm>
#include <limits>
#include <string>

#include "core/error.hpp"

namespace ttmtrack::importer::input {
namespace {

constexpr std::size_t kInputBlockBytes = std::size_t{1} << 16;
// zlib's window bits plus 16: a gzip header and trailer, not zlib's own format.
constexpr int kGzipWindowBits = 16 + MAX_WBITS;
constexpr unsigned char kGzipMagic0 = 0x1f;

}  // namespace

void GzipInflater::StreamDeleter::operator()(z_stream_s* stream) const {
  inflateEnd(stream);
  delete stream;
}

GzipInflater::GzipInflater(ReadRaw read_raw)
    : read_raw_(std::move(read_raw)), input_(kInputBlockBytes) {
  auto* stream = new z_stream_s{};
  if (inflateInit2(stream, kGzipWindowBits) != Z_OK) {
    delete stream;
    throw Error(Error::Kind::kInternal, "zlib inflateInit2 failed (out of memory?)");
  }
  stream_.reset(stream);
}

GzipInflater::~GzipInflater() = default;

void GzipInflater::Refill() {
  const std::size_t got = read_raw_(input_.data(), input_.size());
  if (got == 0) raw_end_ = true;
  stream_->next_in = reinterpret_cast<Bytef*>(input_.data());
  stream_->avail_in = static_cast<uInt>(got);
}

std::size_t GzipInflater::Inflate(char* out, std::size_t size) {
  size = std::min(size, std::size_t{std::numeric_limits<uInt>::max()});
  for (;;) {
    if (stream_->avail_in == 0 && !raw_end_) Refill();
    if (member_done_) {
      if (stream_->avail_in == 0) return 0;  // Refill found the end of the raw input
      if (*stream_->next_in != kGzipMagic0) {
        throw Error(Error::Kind::kBadInput, "data after the end of the gzip stream");
      }
      if (inflateReset(stream_.get()) != Z_OK) ThrowCorrupt(Z_STREAM_ERROR);
      member_done_ = false;
    }
    if (stream_->avail_in == 0) {
      throw Error(Error::Kind::kBadInput,
                  "truncated gzip stream: the compressed data ends before the stream does");
    }
    stream_->next_out = reinterpret_cast<Bytef*>(out);
    stream_->avail_out = static_cast<uInt>(size);
    const int rc = inflate(stream_.get(), Z_NO_FLUSH);
    if (rc == Z_STREAM_END) {
      member_done_ = true;
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      ThrowCorrupt(rc);
    }
    const std::size_t produced = size - stream_->avail_out;
    if (produced > 0) return produced;
  }
}

void GzipInflater::ThrowCorrupt(int code) const {
  if (code == Z_MEM_ERROR) throw Error(Error::Kind::kInternal, "zlib ran out of memory");
  const char* message = stream_->msg != nullptr ? stream_->msg : zError(code);
  throw Error(Error::Kind::kBadInput, std::string("corrupt gzip stream (zlib: ") + message + ")");
}

}  // namespace ttmtrack::importer::input
