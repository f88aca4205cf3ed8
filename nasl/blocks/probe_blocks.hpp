#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/ttm_probe.hpp"

// The NASL side of core/ttm_probe.hpp: the "GENERATED" blocks that the detection plugins
// carry, rendered from the C++ definition (and, for the shared report helpers, from
// report_block.cpp), and the means to find and refresh them in a .nasl file. The .nasl files stay
// plain files that run unchanged in the real scanners; the build
// (`ttm_feed`, through `ttm-nasl-block check`) and the plugin tests fail while a block differs
// from its rendering, and `ttm-nasl-block update FILE` rewrites it.
//
// A block is the lines from "# BEGIN GENERATED <name> ..." to "# END GENERATED <name>",
// both included, exactly as RenderBlock returns them.
namespace ttmtrack::nasl::blocks {

enum class BlockKind {
  kSignature,   // the probe, the reply signature, the default ports and timeout (both plugins)
  kClassifier,  // ttm_classify() and ttm_tier() with their tables (the unconfirmed tier)
  kReport,      // evidence formatting, the remediation, posting a result (both plugins)
};

// Every kind, in the order a plugin carries them.
inline constexpr BlockKind kAllBlockKinds[] = {BlockKind::kSignature, BlockKind::kClassifier,
                                               BlockKind::kReport};

std::string_view BlockName(BlockKind kind);  // "ttm-signature", "ttm-classifier", "ttm-report"

// The whole block, marker lines included, every line ending in '\n'.
std::string RenderBlock(BlockKind kind);

// `pattern` as a POSIX extended regular expression on NASL's hexstr() of a reply (lower-case
// hex, two digits per byte), anchored at the first byte: what ereg() needs, since NASL's regex
// functions stop at a NUL byte and a TTM header holds several.
std::string HexPattern(const core::BytePattern& pattern);

struct FoundBlock {
  BlockKind kind = BlockKind::kSignature;
  std::size_t begin = 0;  // offset of the BEGIN marker line
  std::size_t end = 0;    // offset just past the END marker line's newline
  int line = 0;           // 1-based line of the BEGIN marker
  bool current = false;   // equals RenderBlock(kind)
};

// Every block of `text` (a .nasl file's bytes), in order. Throws Error(kBadInput) naming `file`
// and the line for a BEGIN marker with an unknown name, without its END marker, or inside
// another block, and for an END marker without its BEGIN.
std::vector<FoundBlock> FindBlocks(std::string_view text, const std::string& file);

// `text` with each block replaced by its current rendering (unchanged when all are current).
// Throws as FindBlocks.
std::string UpdateBlocks(std::string_view text, const std::string& file);

}  // namespace ttmtrack::nasl::blocks
