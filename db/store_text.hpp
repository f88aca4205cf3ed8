#pragma once

#include <optional>
#include <string_view>

#include "core/enum_text.hpp"
#include "core/error.hpp"

namespace ttmtrack::db {

// The error for a column value that spells no enumerator of `what` ("scan format").
Error UnknownStoredText(std::string_view what, std::string_view text);

// A stored spelling back into its core enum. The store writes core::ToText's spellings, binding
// them even where a statement compares with a constant, and the schema's CHECK constraints allow
// exactly those (tests/db/migrations_test.cpp checks both lists agree). The column values come
// from our own writes, so an unknown spelling means a hand-edited file: throws ttmtrack::Error
// kDatabase naming the value.
template <typename Enum>
Enum ParseStored(std::string_view text) {
  if (const std::optional<Enum> value = core::FromText<Enum>(text)) return *value;
  throw UnknownStoredText(core::EnumTexts<Enum>::kName, text);
}

}  // namespace ttmtrack::db
