#include "importer/input/input_source.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <istream>

#include <Poco/Exception.h>
#include <Poco/InflatingStream.h>

#include "core/error.hpp"

namespace ttmtrack::importer::input {
namespace {

std::uint64_t SizeOf(std::istream& raw) {
  const std::istream::pos_type start = raw.tellg();
  raw.seekg(0, std::ios::end);
  const std::istream::pos_type end = raw.tellg();
  raw.clear();
  raw.seekg(start);
  return (start < 0 || end < start) ? 0 : static_cast<std::uint64_t>(end - start);
}

bool StartsWithGzipMagic(std::istream& raw, bool* empty) {
  const std::istream::pos_type start = raw.tellg();
  char magic[2] = {0, 0};
  raw.read(magic, 2);
  const std::streamsize got = raw.gcount();
  *empty = got == 0;
  raw.clear();
  raw.seekg(start);
  return got == 2 && static_cast<unsigned char>(magic[0]) == 0x1f &&
         static_cast<unsigned char>(magic[1]) == 0x8b;
}

}  // namespace

std::unique_ptr<InputSource> InputSource::Open(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw Error(Error::Kind::kNoInput, "is a directory, not a scan export", {.file = path});
  }
  auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!file->is_open()) {
    throw Error(Error::Kind::kNoInput, std::string("cannot open: ") + std::strerror(errno),
                {.file = path});
  }
  std::istream& raw = *file;
  return std::unique_ptr<InputSource>(new InputSource(std::move(file), raw));
}

InputSource::InputSource(std::istream& raw) : InputSource(nullptr, raw) {}

InputSource::InputSource(std::unique_ptr<std::istream> owned, std::istream& raw)
    : owned_(std::move(owned)), raw_(raw) {
  size_ = SizeOf(raw_);
  gzip_ = StartsWithGzipMagic(raw_, &empty_);
  if (gzip_) {
    inflater_ =
        std::make_unique<Poco::InflatingInputStream>(raw_, Poco::InflatingStreamBuf::STREAM_GZIP);
    // Makes istream rethrow what the inflating streambuf throws instead of just setting badbit.
    inflater_->exceptions(std::ios::badbit);
    in_ = inflater_.get();
  } else {
    in_ = &raw_;
  }
}

InputSource::~InputSource() = default;

std::size_t InputSource::Read(char* buffer, std::size_t size) {
  if (in_->eof()) return 0;
  try {
    in_->read(buffer, static_cast<std::streamsize>(size));
  } catch (const Poco::Exception& e) {
    // Poco passes zlib's words on: "buffer error" is zlib's Z_BUF_ERROR, which inflate
    // returns when the compressed bytes run out before the stream's end.
    if (e.message().find("buffer error") != std::string::npos) {
      throw Error(Error::Kind::kBadInput,
                  "truncated gzip stream: the compressed data ends before the stream does", {});
    }
    throw Error(Error::Kind::kBadInput, "corrupt gzip stream (zlib: " + e.message() + ")", {});
  } catch (const std::ios::failure& e) {
    throw Error(Error::Kind::kIo, std::string("read failed: ") + e.what(), {});
  }
  if (in_->bad() || (raw_.bad() && !in_->eof())) {
    throw Error(Error::Kind::kIo, "read failed: I/O error", {});
  }
  const auto got = static_cast<std::size_t>(in_->gcount());
  plain_consumed_ += got;
  if (progress_) ReportProgress();
  return got;
}

void InputSource::ReportProgress() {
  std::uint64_t consumed = plain_consumed_;
  if (gzip_) {
    // The inflater reads the raw stream in its own blocks; the raw position is what matters.
    const std::istream::pos_type at = raw_.tellg();
    consumed = at < 0 ? size_ : static_cast<std::uint64_t>(at);
  }
  consumed = std::min(consumed, size_);
  if (consumed - last_reported_ < (1u << 20)) return;
  last_reported_ = consumed;
  progress_(consumed, size_);
}

}  // namespace ttmtrack::importer::input
