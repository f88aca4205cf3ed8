#include "cli/import_progress.hpp"

#include <ostream>

#include <fmt/format.h>

#include "cli/format/terminal_text.hpp"

namespace ttmtrack::cli {
namespace {

std::string HumanBytes(std::uint64_t bytes) {
  constexpr const char* kUnits[] = {"B", "kB", "MB", "GB", "TB"};
  auto value = static_cast<double>(bytes);
  std::size_t unit = 0;
  while (value >= 1000.0 && unit + 1 < std::size(kUnits)) {
    value /= 1000.0;
    ++unit;
  }
  return unit == 0 ? fmt::format("{} B", bytes) : fmt::format("{:.1f} {}", value, kUnits[unit]);
}

}  // namespace

ImportProgress::ImportProgress(std::string file, const CommandContext& context)
    : file_(std::move(file)), context_(context) {}

ImportProgress::~ImportProgress() { Done(); }

std::function<void(std::uint64_t, std::uint64_t)> ImportProgress::Callback() {
  if (!context_.show_progress) return {};
  return
      [this](std::uint64_t bytes_read, std::uint64_t file_size) { Update(bytes_read, file_size); };
}

void ImportProgress::Update(std::uint64_t bytes_read, std::uint64_t file_size) {
  const auto now = std::chrono::steady_clock::now();
  // Small files finish before the first update is due: no flicker for them.
  if (last_update_ == std::chrono::steady_clock::time_point{}) {
    last_update_ = now;
    return;
  }
  if (now - last_update_ < std::chrono::milliseconds(250)) return;
  last_update_ = now;
  const double percent =
      file_size == 0 ? 100.0
                     : 100.0 * static_cast<double>(bytes_read) / static_cast<double>(file_size);
  context_.err << fmt::format("\r\033[Kimporting {}: {:.0f}% ({} of {})",
                              SafeTerminalText(file_, 60), percent, HumanBytes(bytes_read),
                              HumanBytes(file_size))
               << std::flush;
  shown_ = true;
}

void ImportProgress::Done() {
  if (!shown_) return;
  context_.err << "\r\033[K" << std::flush;
  shown_ = false;
}

}  // namespace ttmtrack::cli
