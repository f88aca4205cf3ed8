#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ttmtrack::reports::testing {

// A strict reader of the markup the reports write, for tests: it checks that the page is
// well-formed (every element closed in order, attribute values double-quoted without raw '<',
// '"' or bare '&', no raw '<', '>' or bare '&' in text, no <script>, no on* attribute) and
// produces an outline — one line per element (tag#id.class [href]) and per text node, indented
// by depth — that golden files record as the page's structure. The stylesheet's text is left
// out of the outline, so a CSS change does not churn the golden files.
struct PageOutline {
  std::string outline;
  std::vector<std::string> errors;    // empty when the page is well-formed
  std::vector<std::string> elements;  // every element name, in document order
};

PageOutline OutlinePage(std::string_view html);

// How many times `needle` occurs in `text`, not overlapping: the tests' way to count elements.
std::size_t Count(std::string_view text, std::string_view needle);

}  // namespace ttmtrack::reports::testing
