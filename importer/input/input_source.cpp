#include "importer/input/input_source.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <istream>

#include "core/error.hpp"
#include "importer/input/gzip_inflater.hpp"
#include "importer/input/read_ahead.hpp"

namespace ttmtrack::importer::input {
namespace {

// 256 KiB blocks, four ahead: large enough that a block costs the parser one call, small
// enough that the whole read-ahead stays at 1 MiB.
constexpr std::size_t kReadAheadBlockBytes = std::size_t{1} << 18;
constexpr std::size_t kReadAheadBlocks = 4;
constexpr std::uint64_t kProgressStepBytes = std::uint64_t{1} << 20;

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
    inflater_ = std::make_unique<GzipInflater>(
        [this](char* buffer, std::size_t size) { return ReadRaw(buffer, size); });
  }
}

InputSource::~InputSource() = default;

void InputSource::StartReadAhead() {
  read_ahead_ = std::make_unique<ReadAhead>(
      [this](char* buffer, std::size_t size) { return Produce(buffer, size); },
      kReadAheadBlockBytes, kReadAheadBlocks);
}

std::size_t InputSource::ReadRaw(char* buffer, std::size_t size) {
  raw_.read(buffer, static_cast<std::streamsize>(size));
  if (raw_.bad()) throw Error(Error::Kind::kIo, "read failed: I/O error", {});
  const auto got = static_cast<std::size_t>(raw_.gcount());
  file_sha_.Update(buffer, got);
  raw_consumed_.fetch_add(got, std::memory_order_relaxed);
  return got;
}

std::size_t InputSource::Produce(char* buffer, std::size_t size) {
  if (produced_end_ || size == 0) return 0;
  std::size_t got = 0;
  if (gzip_) {
    got = inflater_->Inflate(buffer, size);
    xml_sha_.Update(buffer, got);
  } else {
    got = ReadRaw(buffer, size);
  }
  if (got == 0) {
    produced_end_ = true;
    file_sha256_ = file_sha_.HexDigest();
    xml_sha256_ = gzip_ ? xml_sha_.HexDigest() : file_sha256_;
  }
  return got;
}

std::size_t InputSource::Read(char* buffer, std::size_t size) {
  const std::size_t got = read_ahead_ ? read_ahead_->Read(buffer, size) : Produce(buffer, size);
  if (progress_) ReportProgress();
  return got;
}

void InputSource::ReportProgress() {
  const std::uint64_t consumed = std::min(raw_consumed_.load(std::memory_order_relaxed), size_);
  if (consumed - last_reported_ < kProgressStepBytes) return;
  last_reported_ = consumed;
  progress_(consumed, size_);
}

}  // namespace ttmtrack::importer::input
